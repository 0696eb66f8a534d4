import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, RENDER_FLAGS } from '../flags/shared-flags';

/** Where synth writes without `--out`. */
export const DEFAULT_OUT = 'dist';

export const SYNTH_FLAGS = declareFlags({
  ...CONTROL_PLANE_FLAGS,
  out: {
    type: 'string',
    short: 'o',
    aliases: ['output'],
    value: 'DIR',
    defaultText: DEFAULT_OUT,
    description: 'output folder',
  },
  stdout: {
    type: 'boolean',
    description:
      'print every file of every tree on stdout as one YAML stream, each after a "# Source: <environment>/<path>" comment (as helm template does), and write nothing',
  },
  'keep-going': {
    type: 'boolean',
    description: 'write the good assignments even when others fail (failed ones keep their files)',
  },
  ...RENDER_FLAGS,
  'no-render-cache': {
    type: 'boolean',
    description:
      'render every assignment, ignoring the render cache (kept in the --cache folder, one per output folder)',
  },
});

export const SYNTH = defineCommand({
  name: 'synth',
  summary: 'write the platform GitOps tree of each environment',
  description: [
    "Reads the control plane and writes each environment's platform GitOps tree to <out>/<environment>/. Only " +
      'cluster-type folders and .github/tracking/ are ever changed; nothing is written when the input has errors.',
  ],
  flags: SYNTH_FLAGS,
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'kalypso synth --control-plane examples/tutorial --out dist',
    'kalypso synth -c ./control-plane --env dev --source https://github.com/org/app=../app',
    'kalypso synth -c ./control-plane --out dist --shard 2/4',
    'kalypso synth -c examples/tutorial --env dev --stdout > dev.yaml',
    'kalypso synth -c ./control-plane --strict',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/synth') as typeof import('../actions/synth')).runSynth,
});
