import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS } from '../flags/shared-flags';

export const EXPLAIN_FLAGS = declareFlags({
  ...CONTROL_PLANE_FLAGS,
  target: {
    type: 'string',
    short: 't',
    value: 'NAME',
    multiple: true,
    description: 'explain this deployment target (<workload>-<target>, e.g. hello-world-app-functional-test)',
  },
  'cluster-type': {
    type: 'string',
    value: 'NAME',
    multiple: true,
    description: 'only this cluster type: a column of the matrix, or a cluster type the targets are explained on',
  },
  matrix: {
    type: 'boolean',
    description: 'the assignment matrix even with --target: --target then keeps only those rows (repeatable)',
  },
  rollout: {
    type: 'boolean',
    description:
      "the waves of each environment's RolloutPolicy (which wave each cluster type is in, each wave's gate, the change windows now) and the state of its rollout, read from its GitOpsRepo branch",
  },
  format: {
    type: 'string',
    short: 'f',
    value: 'FORMAT',
    description: 'table (default), markdown (as in pull requests) or json (same as --json)',
  },
});

export const EXPLAIN = defineCommand({
  name: 'explain',
  summary: 'show the assignment matrix, or why a target is (not) on a cluster type and where its config comes from',
  usage: [
    '[--cluster-type NAME]… [options]',
    '--env NAME --target DEPLOYMENT_TARGET [--cluster-type NAME]… [options]',
    '--rollout [--env NAME]… [options]',
  ],
  description: [
    'Without --target: the assignment matrix of each environment, deployment targets × cluster types, each cell ' +
      'naming the policies that placed the target there; --cluster-type keeps only those columns.',
    'With --target: for every policy, why it does or does not select the target and each cluster type (environment ' +
      'and workspace filters, then the first failing label requirement with the labels it was tested against); then, ' +
      'wherever the target landed, its platform config: for every key the ConfigMap (file:line) that set it and the ' +
      'ones it overrode, the ConfigMaps that do not apply and why, and the ConfigSchemas that apply. --cluster-type ' +
      'narrows this to those cluster types.',
  ],
  flags: EXPLAIN_FLAGS,
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'kalypso explain -c examples/tutorial',
    'kalypso explain -c examples/tutorial --cluster-type drone --cluster-type large',
    'kalypso explain -c examples/tutorial --matrix --target hello-world-app-uat-test --cluster-type large',
    'kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test',
    'kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test --cluster-type large',
    'kalypso explain -c examples/tutorial --format markdown > matrix.md',
    'kalypso explain -c examples/tutorial --env stage --rollout',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/explain') as typeof import('../actions/explain')).runExplain,
});
