import { defineCommand } from '../command';
import { ExitCode } from '../exit';
import { declareFlags } from '../flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, PROMOTION_FLAGS, hostTokenEntries } from '../flags/shared-flags';

export const PROMOTE_FLAGS = declareFlags({
  commit: { type: 'string', value: 'SHA', required: true, description: 'the main commit to promote (full id)' },
  env: {
    ...CONTROL_PLANE_FLAGS.env,
    multiple: false,
    defaultText: 'the first one declared on main',
    description: 'the environment',
  },
  ...PROMOTION_FLAGS,
});

export const PROMOTE = defineCommand({
  name: 'promote',
  summary: 'pin a main commit for an environment (BaseRepo "main" on its branch) and mark the commit "Promoted"',
  usage: ['--commit SHA [--env NAME] [options]'],
  description: [
    'Promotes a commit of the control plane\'s main branch to an environment: writes the BaseRepo "main" pinning ' +
      "that commit (base-repo.yaml, exactly as upstream Kalypso's cd workflow writes it) onto the environment's " +
      'branch of the control plane, and sets the commit status "pending" / "Promoted" with context "<env> ' +
      'environment" on the commit. Publishing that branch (kalypso publish) then proposes the environment\'s tree ' +
      'built from the commit. Promoting the same commit again changes nothing.',
    "The environment's branch and repository are its Environment's spec.controlPlane (branch, repo). The branch is " +
      "written through the API of that repository's Git host (GitHub, GitLab, Azure DevOps, Gitea or Forgejo, " +
      'Bitbucket Cloud), or with git push (--push); statuses go to that repository on its host, and are skipped ' +
      'with a notice when its host cannot be told (give --host, and --api-url for a self-hosted instance).',
  ],
  flags: PROMOTE_FLAGS,
  sections: [
    {
      title: 'Environment',
      columns: ['Variable', 'What it is for'],
      entries: hostTokenEntries('for the branch write and the statuses, and for git over https to that host only'),
    },
  ],
  exitCodes: [ExitCode.SUCCESS, ExitCode.INPUT_PROBLEMS, ExitCode.USAGE_OR_ENVIRONMENT],
  examples: [
    'GITHUB_TOKEN=… kalypso promote -c . --commit "$GITHUB_SHA"',
    'kalypso promote -c ./control-plane.git --env stage --commit 5523a85f37d12c0c7c10ab6616644db089fcd6f7 --push',
  ],
  // Required on use, so that help and --version start without loading cdk8s.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  load: async () => (require('../actions/promote') as typeof import('../actions/promote')).runPromote,
});
