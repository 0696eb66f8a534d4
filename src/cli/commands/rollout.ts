import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import {
  CLUSTER_FLAGS,
  CONTROL_PLANE_FLAGS,
  HOST_FLAGS,
  PROMOTION_FLAGS,
  hostTokenEntries,
} from '../flags/shared-flags';

const SOURCES = 'Compliance sources (advance)';
const PROMOTION = 'Promotion after the last wave (advance)';

export const ROLLOUT_ACTIONS = ['status', 'advance', 'approve', 'pause', 'resume', 'abort'] as const;

export const ROLLOUT_FLAGS = declareFlags({
  ...CONTROL_PLANE_FLAGS,
  env: {
    ...CONTROL_PLANE_FLAGS.env,
    multiple: false,
    defaultText: undefined,
    required: true,
    description: 'the environment rolling out in waves',
  },
  push: {
    type: 'boolean',
    description:
      "write with git push instead of through the repository's Git host: waves and reverts to kalypso/<environment> and kalypso-revert/<environment>, the tracking file onto the branch (and the promotion onto the control plane)",
  },
  direct: {
    type: 'boolean',
    description: 'with --push: push waves and reverts onto the GitOpsRepo branch itself',
  },
  ...HOST_FLAGS,
  repo: {
    type: 'string',
    value: 'URL',
    defaultText: "the environment's GitOpsRepo repo",
    description: 'the platform GitOps repository',
  },
  branch: {
    type: 'string',
    value: 'NAME',
    defaultText: 'the GitOpsRepo branch',
    description: 'its branch for the environment',
  },
  now: {
    type: 'string',
    value: 'TIME',
    defaultText: 'the clock',
    description:
      'decide as if it were this time (ISO 8601 with its offset, e.g. 2026-05-04T10:00:00Z): bake times, windows, freezes',
  },
  by: {
    type: 'string',
    value: 'NAME',
    defaultText: '$GITHUB_ACTOR, else $USER',
    description: 'approve: who approves',
  },
  kubeconfig: {
    type: 'string',
    value: 'FILE',
    group: SOURCES,
    description:
      "read each cluster's Flux Kustomizations through the Kubernetes API; a Kustomization's path ./<clusterType> says which wave its cluster is in",
  },
  context: { ...CLUSTER_FLAGS.context, group: SOURCES },
  namespace: { ...CLUSTER_FLAGS.namespace, group: SOURCES },
  'expect-cluster': {
    type: 'string',
    value: 'ID=CLUSTER_TYPE',
    multiple: true,
    group: SOURCES,
    description:
      "read the commit statuses Flux's notification-controller posts on the branch's commit on the repository's Git host; one per expected cluster id, with its cluster type",
  },
  promoted: {
    type: 'string',
    value: 'SHA',
    group: PROMOTION,
    description:
      'the main commit the rollout carries (.github/tracking/Promoted_Commit_Id): once every wave passed, it is promoted to the next environment',
  },
  next: {
    type: 'string',
    value: 'NAME',
    group: PROMOTION,
    defaultText: 'the one declared after --env on main',
    description: 'the environment to promote to',
  },
  'no-status': { ...PROMOTION_FLAGS['no-status'], group: PROMOTION },
});

export const ROLLOUT = defineCommand({
  name: 'rollout',
  summary: 'move a change through the waves of an environment with a RolloutPolicy: status, advance, approve, pause…',
  usage: ['ACTION --env NAME [options]'],
  description: [
    "Reads the rollout of an environment from its tracking file (.github/kalypso/rollout.json on the environment's " +
      'branch of the platform GitOps repository) and moves it on. kalypso publish proposes the first wave of a new ' +
      "change; advance looks at the published wave's clusters on the branch's commit and decides its gate — failures " +
      '(maxFailures), quorum, bake time, approval — and the change windows, then proposes the next wave; after the ' +
      'last one the rollout is complete and, with --promoted, the change is promoted to the next environment. A wave ' +
      'that fails stops the rollout and proposes a revert of the waves already out (later waves are never touched). ' +
      'A run with nothing to do writes nothing, so advance can run on a schedule; how it all works: ' +
      'docs/explanation/rollouts.md.',
  ],
  arguments: [['ACTION', 'status, advance, approve (the published wave, by command), pause, resume or abort']],
  flags: ROLLOUT_FLAGS,
  sections: [
    {
      title: 'Environment',
      columns: ['Variable', 'What it is for'],
      entries: hostTokenEntries('for requests, the tracking file and the promotion; never printed'),
    },
  ],
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT, ExitCode.NOT_DEPLOYED],
  exitCodeMeanings: {
    [ExitCode.SUCCESS]: 'done, or waiting (bake time, approval, windows)',
    [ExitCode.NOT_DEPLOYED]: 'advance: a wave failed (a revert is proposed), or the rollout failed earlier',
  },
  examples: [
    'kalypso rollout status -c ./control-plane.git --env stage --push',
    'kalypso rollout advance -c ./control-plane.git --env stage --push --kubeconfig kubeconfig --promoted 3f2a…',
    'kalypso rollout approve -c https://github.com/org/control-plane --env stage --by alice',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/rollout') as typeof import('../actions/rollout')).runRollout,
});
