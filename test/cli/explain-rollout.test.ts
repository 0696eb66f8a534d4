import * as fs from 'fs';
import * as path from 'path';
import { formatRolloutState, recordEvent, startRollout } from '../../src/core/rollout/rollout-state';
import { runCli } from '../support/cli';
import { createBareRepository, git } from '../support/git';
import { temporaryFolder, writeFiles } from '../support/temp';
import { tutorialCopy } from '../support/tutorial';

/** The tutorial, its stage GitOpsRepo a local bare repository whose stage branch holds `files`. */
function tutorialWithGitOps(files: Record<string, string>): string {
  const controlPlane = tutorialCopy();
  const gitops = createBareRepository('gitops.git');
  const work = temporaryFolder();
  git(['init', '--quiet', '--initial-branch=stage', work]);
  writeFiles(work, { 'README.md': 'platform GitOps\n', ...files });
  git(['add', '-A'], { cwd: work });
  git(['commit', '--quiet', '-m', 'stage'], { cwd: work });
  git(['push', '--quiet', gitops.path, 'stage'], { cwd: work });
  const gitOpsRepo = path.join(controlPlane, 'stage/gitops-repo.yaml');
  fs.writeFileSync(
    gitOpsRepo,
    fs.readFileSync(gitOpsRepo, 'utf8').replace('https://github.com/microsoft/kalypso-gitops', gitops.path),
  );
  return controlPlane;
}

const started = startRollout({
  environment: 'stage',
  policy: 'stage-rollout',
  change: { digest: 'abc' },
  baseCommit: 'f00',
  waves: [
    { name: 'edge', clusterTypes: ['drone'] },
    { name: 'everything-else', clusterTypes: ['large'] },
  ],
  now: new Date('2026-12-07T10:00:00Z'),
});

describe('kalypso explain --rollout', () => {
  test('shows each wave, its cluster types and gate, the change windows and the rollout the GitOps branch records', async () => {
    const controlPlane = tutorialWithGitOps({
      '.github/kalypso/rollout.json': formatRolloutState(
        recordEvent(started, new Date('2026-12-07T11:00:00Z'), 'wave published', { wave: 1 }),
      ),
    });
    const { code, stdout } = await runCli(['explain', '-c', controlPlane, '--env', 'stage', '--rollout']);
    expect(code).toBe(0);
    expect(stdout).toBe(
      [
        'stage: RolloutPolicy stage-rollout (stage/rollout/rollout-policy.yaml:4)',
        '  wave 1  edge             drone  — bake 10m',
        '  wave 2  everything-else  large  — approval by anyone (kalypso rollout approve)',
        '  change windows: open now, no change windows',
        '  rollout: in-progress, wave 2 (everything-else) — wave published at 2026-12-07T11:00:00.000Z',
        '',
      ].join('\n'),
    );
  });

  test('says there is no rollout when the branch has no tracking file, and the same as JSON', async () => {
    const controlPlane = tutorialWithGitOps({});
    const { code, stdout } = await runCli(['explain', '-c', controlPlane, '--env', 'stage', '--rollout', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      rollouts: [
        {
          environment: 'stage',
          policy: {
            name: 'stage-rollout',
            location: { file: 'stage/rollout/rollout-policy.yaml', line: 4, column: 1 },
          },
          waves: [
            { name: 'edge', clusterTypes: ['drone'], gate: 'bake 10m' },
            { name: 'everything-else', clusterTypes: ['large'], gate: 'approval by anyone (kalypso rollout approve)' },
          ],
          unselected: [],
          window: { open: true, reason: 'no change windows' },
          rollout: { status: 'none' },
        },
      ],
      problems: [],
    });
  });

  test('reports a tracking file that is not one, without trusting it', async () => {
    const controlPlane = tutorialWithGitOps({ '.github/kalypso/rollout.json': '{"format": "something-else"}' });
    const { code, stdout } = await runCli(['explain', '-c', controlPlane, '--env', 'stage', '--rollout']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /rollout: unreadable — .*gitops\.git#stage: \.github\/kalypso\/rollout\.json has format "something-else"/,
    );
  });

  test('says when an environment has no RolloutPolicy', async () => {
    const { stdout } = await runCli(['explain', '-c', tutorialWithGitOps({}), '--env', 'dev', '--rollout']);
    expect(stdout).toBe('dev: no RolloutPolicy; a change reaches every cluster type at once\n');
  });

  test('fails with --target', async () => {
    const { code, stderr } = await runCli(['explain', '-c', tutorialCopy(), '--rollout', '--target', 'x']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      '--rollout explains the waves of whole environments; leave out --target and --cluster-type',
    );
  });
});
