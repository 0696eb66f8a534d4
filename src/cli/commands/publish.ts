import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, HOST_FLAGS, hostTokenEntries } from '../flags/shared-flags';

export const PUBLISH_FLAGS = declareFlags({
  ...CONTROL_PLANE_FLAGS,
  push: {
    type: 'boolean',
    description: "publish with git push instead of a request on the repository's Git host (any host, or a local path)",
  },
  direct: {
    type: 'boolean',
    description: 'with --push: push onto the GitOpsRepo branch itself instead of kalypso/<environment>',
  },
  'dry-run': {
    type: 'boolean',
    description: 'print the files that would change, then Title: and the body of the request; change nothing',
  },
  ...HOST_FLAGS,
  repo: {
    type: 'string',
    value: 'URL',
    description: "publish to this repository instead of the GitOpsRepo's (one --env only)",
  },
  branch: {
    type: 'string',
    value: 'NAME',
    description: "publish to this branch instead of the GitOpsRepo's (one --env only)",
  },
});

export const PUBLISH = defineCommand({
  name: 'publish',
  summary: "publish each environment's tree: a pull request (merge request on GitLab) on its Git host, or a git push",
  description: [
    "Publishes each environment's platform GitOps tree to its GitOpsRepo (repo, branch; always at the repository " +
      'root): as a request from the branch kalypso/<environment> on its Git host (the default) — a pull request on ' +
      'GitHub, Azure DevOps, Gitea or Forgejo and Bitbucket Cloud, a merge request on GitLab — or with git push to ' +
      'any host or a local repository (--push). The change makes the ' +
      'cluster-type folders and .github/tracking/Promoted_Commit_Id equal the plan — added, changed and stale files ' +
      '— and leaves everything else in the repository alone. Nothing is published when the input has errors, and ' +
      'nothing happens when nothing changed.',
  ],
  flags: PUBLISH_FLAGS,
  sections: [
    {
      title: 'Environment',
      columns: ['Variable', 'What it is for'],
      entries: hostTokenEntries('for requests, and for git over https to that host only; never printed'),
    },
    {
      title: 'The request',
      paragraphs: [
        'Title "Update manifests in <environment>", a body holding the change report — the control-plane objects ' +
          'that changed and the changes they cause, grouped by cause, with a Mermaid picture and the changed cells ' +
          'of the assignment matrix, folded to the host\'s limit — and label "promoted" when the promoted commit ' +
          'changes (Bitbucket Cloud has no labels). The change also records the objects it was built from in ' +
          '.github/kalypso/control-plane.json, for the next report to compare with, and puts the full report in ' +
          '.github/kalypso/change-report.md when the body folds detail (docs/explanation/reviewing-changes.md). ' +
          'The tool only ever updates or closes its own request (from kalypso/<environment>, marked in its ' +
          'description); it closes it when the branch already equals the plan. Which hosts are recognised, and ' +
          'what each supports: docs/reference/git-hosts.md.',
      ],
    },
  ],
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'GITHUB_TOKEN=… kalypso publish -c https://github.com/org/control-plane --env dev',
    'GITLAB_TOKEN=… kalypso publish -c . --env dev --host gitlab --api-url https://gitlab.example.com',
    'kalypso publish -c ./control-plane.git --env dev --push',
    'kalypso publish -c ./control-plane --env dev --dry-run',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/publish') as typeof import('../actions/publish')).runPublish,
});
