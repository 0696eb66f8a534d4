import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS } from '../flags/shared-flags';

export const INIT_FLAGS = declareFlags({
  typescript: {
    type: 'boolean',
    description:
      'write a cdk8s TypeScript app instead: a control plane defined in code (platform.ts), a KalypsoApp (main.ts), cdk8s.yaml and a Jest snapshot test',
  },
  package: {
    type: 'string',
    value: 'SPEC',
    defaultText: '^<this version>',
    description:
      'with --typescript: how package.json names kalypso-cdk8s, e.g. file:../kalypso-cdk8s-0.1.0.tgz (the packed package)',
  },
  json: { ...CONTROL_PLANE_FLAGS.json, description: 'print what was written as JSON' },
  quiet: { ...CONTROL_PLANE_FLAGS.quiet, description: 'accepted, as by every command; init shows no progress' },
});

export const INIT = defineCommand({
  name: 'init',
  summary: 'write a commented starter control plane that synthesizes out of the box',
  usage: ['DIR [options]'],
  description: [
    'Writes a starter control plane into DIR (new or empty): a folder of branches (main/, dev/, prod/) with an ' +
      'environment per branch, cluster types, platform ConfigMaps, scheduling policies and a registered workload, ' +
      'every file commented. It synthesizes as it is, with no network. Nothing is ever overwritten.',
  ],
  arguments: [['DIR', 'the folder to create (or an empty one)']],
  flags: INIT_FLAGS,
  exitCodes: [ExitCode.SUCCESS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'kalypso init control-plane && kalypso explain -c control-plane',
    'kalypso init --typescript platform --package file:../kalypso-cdk8s-0.1.0.tgz && cd platform && npm install && npm test',
    'kalypso init control-plane && kalypso synth -c control-plane -o platform-gitops',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/init') as typeof import('../actions/init')).runInit,
});
