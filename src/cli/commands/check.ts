import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CLUSTER_FLAGS, CONTROL_PLANE_FLAGS, PROMOTION_FLAGS, hostTokenEntries } from '../flags/shared-flags';

const SOURCES = 'Compliance sources (at least one)';

export const CHECK_FLAGS = declareFlags({
  env: {
    ...CONTROL_PLANE_FLAGS.env,
    multiple: false,
    defaultText: undefined,
    required: true,
    description: 'the environment',
  },
  commit: {
    type: 'string',
    value: 'SHA',
    required: true,
    description: 'the platform GitOps commit the clusters must apply (full id)',
  },
  promoted: {
    type: 'string',
    value: 'SHA',
    description:
      'the main commit it was built from (.github/tracking/Promoted_Commit_Id): it gets the statuses and is promoted further; without it the check only waits',
  },
  next: {
    type: 'string',
    value: 'NAME',
    defaultText: 'the one declared after --env on main',
    description: 'the environment to promote to',
  },
  timeout: {
    type: 'string',
    value: 'DURATION',
    default: '10m',
    description: 'give up after this long, e.g. 30s, 10m, 1h',
  },
  interval: {
    type: 'string',
    value: 'DURATION',
    default: '10s',
    description: 'time between two looks at the clusters',
  },
  ...PROMOTION_FLAGS,
  'control-plane': {
    ...PROMOTION_FLAGS['control-plane'],
    description: 'the control plane (for the GitOpsRepo, the environments and promotion)',
  },
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
  quiet: { ...PROMOTION_FLAGS.quiet, description: 'no progress' },
  kubeconfig: {
    type: 'string',
    value: 'FILE',
    group: SOURCES,
    description:
      "read each cluster's Flux Kustomizations through the Kubernetes API: those applying a GitRepository of the repository and branch must report lastAppliedRevision <branch>@sha1:<commit> and Ready=True",
  },
  context: { ...CLUSTER_FLAGS.context, group: SOURCES },
  namespace: { ...CLUSTER_FLAGS.namespace, group: SOURCES },
  'expect-cluster': {
    type: 'string',
    value: 'ID',
    multiple: true,
    group: SOURCES,
    description:
      "read the commit statuses Flux's notification-controller posts on the commit (kustomization/<name>/<cluster id>) on the repository's Git host (its github, gitlab, azuredevops, gitea and bitbucket providers); one per expected cluster id",
  },
});

export const CHECK = defineCommand({
  name: 'check',
  summary: 'wait until every cluster applied a platform GitOps commit, then promote it to the next environment',
  usage: ['--env NAME --commit SHA [--promoted SHA] [sources] [options]'],
  description: [
    "Waits until every cluster that consumes the environment's branch of the platform GitOps repository has applied " +
      'the commit SHA, then — when the commit was built from a promoted main commit (--promoted) — sets the commit ' +
      'status on it ("pending" / "Deployed" when another environment follows, "success" / "Deployed" for the last ' +
      'one) and promotes it to the next environment (as kalypso promote does). A cluster that fails to apply the ' +
      'commit fails the check at once; so does the timeout: "failure" / "Failed to deploy", and nothing is promoted. ' +
      'Progress ("N of M clusters compliant") is shown on stderr.',
  ],
  flags: CHECK_FLAGS,
  sections: [
    {
      title: 'Environment',
      columns: ['Variable', 'What it is for'],
      entries: hostTokenEntries('for the statuses and the promotion, and for git over https to that host only'),
    },
  ],
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT, ExitCode.NOT_DEPLOYED],
  exitCodeMeanings: {
    [ExitCode.SUCCESS]: 'deployed (and promoted)',
    [ExitCode.NOT_DEPLOYED]: 'not deployed (a cluster failed, or the timeout passed)',
  },
  examples: [
    'kalypso check -c https://github.com/org/control-plane --env dev --commit "$GITHUB_SHA" \\\n' +
      '    --promoted "$(cat .github/tracking/Promoted_Commit_Id)" --expect-cluster drone-1 --expect-cluster large-1',
    'kalypso check -c ./control-plane.git --env dev --commit 3f2a… --kubeconfig ~/.kube/config --context drone-1',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/check') as typeof import('../actions/check')).runCheck,
});
