import { declareFlags } from './flag-declaration';

/*
 * Flags several commands take, declared once. A command that needs a narrower help text for one of them spreads the
 * declaration and replaces its description.
 */

/** The flags of every command that reads a control plane (`synth`, `validate`, `explain`, `diff`, `publish`). */
export const CONTROL_PLANE_FLAGS = declareFlags({
  'control-plane': {
    type: 'string',
    short: 'c',
    value: 'PATH',
    default: '.',
    description:
      'the control plane: a folder of branches (main/, <env>/…), or a git repository (a local repository or a URL; branches are read from git objects)',
  },
  env: {
    type: 'string',
    short: 'e',
    value: 'NAME',
    multiple: true,
    defaultText: 'all',
    description: 'only this environment',
  },
  source: {
    type: 'string',
    value: 'URL=PATH',
    multiple: true,
    description: 'read repository URL from local folder PATH',
  },
  cache: {
    type: 'string',
    value: 'DIR',
    defaultText: '$XDG_CACHE_HOME/kalypso-cdk8s, or ~/.cache/kalypso-cdk8s',
    description: 'where git repositories are mirrored',
  },
  json: { type: 'boolean', description: 'print the result as JSON (shapes in the README, "JSON output")' },
  quiet: {
    type: 'boolean',
    short: 'q',
    description: 'no progress indicator (it only shows on a terminal, after a second)',
  },
});

/** The flags of the commands that render every assignment (`synth`, `validate`). */
export const RENDER_FLAGS = declareFlags({
  jobs: {
    type: 'string',
    short: 'j',
    value: 'N',
    defaultText: 'the free cores: those not busy with other processes while loading',
    description:
      'threads that render; large control planes render in N worker threads, and an existing output tree is read ahead in a worker thread unless N is 1; at most the cores of the machine',
  },
  shard: {
    type: 'string',
    value: 'I/N',
    description:
      'only the cluster types of shard I of N (1 ≤ I ≤ N), for one job of a CI matrix; the N shards together write what one run writes',
  },
  strict: {
    type: 'boolean',
    description: 'report warnings as errors and exit 1 when there is any, for CI gates; synth then writes nothing',
  },
});

/** How `publish`, `promote` and `check` reach Git hosts. */
export const HOST_FLAGS = declareFlags({
  host: {
    type: 'string',
    value: 'NAME',
    defaultText: 'recognised from each repository URL',
    description:
      "the Git host of repositories on --api-url's host, or on any host not recognised by name (github.com, gitlab.com, dev.azure.com, *.visualstudio.com and bitbucket.org are): github, gitlab, azure-devops, gitea (Gitea and Forgejo) or bitbucket",
  },
  'api-url': {
    type: 'string',
    value: 'URL',
    defaultText: "the host's public API",
    description:
      'the API of a self-hosted instance, which serves the repositories on its host: GitHub Enterprise Server https://<host>/api/v3, GitLab https://<host>, Azure DevOps Server https://<host>/<collection>, Gitea or Forgejo https://<host>/api/v1',
  },
  'github-api-url': {
    type: 'string',
    value: 'URL',
    description: 'the same as --host github --api-url URL (its older name)',
  },
});

/** The flags `promote` and `check` share: the control plane, and how they write and report. */
export const PROMOTION_FLAGS = declareFlags({
  'control-plane': {
    ...CONTROL_PLANE_FLAGS['control-plane'],
    description: 'the control plane: a git repository (local, or a URL)',
  },
  push: {
    type: 'boolean',
    description:
      "write with git push to the --control-plane repository (any host; for the top of a clone, its origin) instead of its Git host's API",
  },
  'no-status': { type: 'boolean', description: 'set no commit status' },
  ...HOST_FLAGS,
  cache: CONTROL_PLANE_FLAGS.cache,
  json: CONTROL_PLANE_FLAGS.json,
  quiet: { ...CONTROL_PLANE_FLAGS.quiet, description: 'no notices and no progress' },
});

/** Which clusters the Kubernetes API is asked through: `check` and `rollout advance`. */
export const CLUSTER_FLAGS = declareFlags({
  context: {
    type: 'string',
    value: 'NAME',
    multiple: true,
    defaultText: 'the current context',
    description: 'a kubeconfig context, one per cluster',
  },
  namespace: {
    type: 'string',
    value: 'NAME',
    defaultText: 'all',
    description: 'only Flux objects of this namespace',
  },
});

/** The token every command that reaches GitHub reads. */
export const GITHUB_TOKEN_VARIABLE = 'GITHUB_TOKEN';

/**
 * The help entries of the tokens `publish`, `promote` and `check` read, one per variable: each host's token goes to
 * its API and to git over https on that host only, and is never printed.
 */
export function hostTokenEntries(forWhat: string): [string, string][] {
  return [
    [GITHUB_TOKEN_VARIABLE, `GitHub token ${forWhat}`],
    ['GITLAB_TOKEN', `GitLab token ${forWhat}`],
    ['AZURE_DEVOPS_EXT_PAT', `Azure DevOps personal access token ${forWhat}`],
    ['SYSTEM_ACCESSTOKEN', "Azure Pipelines' job token (sent as a Bearer token), when AZURE_DEVOPS_EXT_PAT is not set"],
    ['GITEA_TOKEN', `Gitea or Forgejo token ${forWhat}`],
    ['BITBUCKET_TOKEN', `Bitbucket Cloud access token (or user:app-password) ${forWhat}`],
  ];
}
