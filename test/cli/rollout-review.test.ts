/**
 * A wave approved by a review of its pull request, on the fake GitHub (docs/explanation/rollouts.md): stage's edge wave
 * asks alice to approve; the clusters report through Flux's commit statuses; the rollout's tracking file is committed
 * through the API, and the next wave is a new pull request from kalypso/stage.
 */
import * as path from 'path';
import { main } from '../../src/cli/cli';
import { ROLLOUT_STATE_FILE } from '../../src/core/rollout/rollout-state';
import { ROOT } from '../support/cli';
import { ISOLATED_GIT_ENV, tutorialRepository } from '../support/git';
import { GitHubServer, createTestOctokit, startGitHubServer } from '../support/github-server';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const TOKEN = 'ghp_PLANTEDrolloutTOKEN0123456789abcd';
const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
const T0 = Date.parse('2026-05-04T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN });
  server.createRepo('org', 'gitops', { defaultBranch: 'stage' });
  server.seedBranch('org', 'gitops', 'stage', { 'README.md': '# stage\n' });
});
afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

async function kalypso(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: ROOT,
      env: { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: TOKEN },
    },
    {
      createGitHubClient: (options) => createTestOctokit(server, { retry: true, throttle: true, auth: options.token }),
    },
  );
  return { code, stdout, stderr };
}

/** Flux's notification-controller on the drone cluster reports the commit applied. */
async function droneApplied(commit: string) {
  const octokit = await createTestOctokit(server);
  await octokit.rest.repos.createCommitStatus({
    owner: 'org',
    repo: 'gitops',
    sha: commit,
    state: 'success',
    context: 'kustomization/drone/0c9c2e41',
    description: 'ReconciliationSucceeded',
  });
}

test('a wave whose policy asks for a review waits for an approving review of its pull request by an approver', async () => {
  const controlPlane = tutorialRepository((branch, files) => {
    if (branch === 'main') return;
    files['gitops-repo.yaml'] = files['gitops-repo.yaml']
      .toString()
      .replace('https://github.com/microsoft/kalypso-gitops', `${server.url}/org/gitops`);
    if (branch === 'stage') {
      files['rollout/rollout-policy.yaml'] = files['rollout/rollout-policy.yaml']
        .toString()
        .replace(
          '      bakeTime: 10m\n',
          '      bakeTime: 10m\n      approval:\n        method: pullRequestReview\n        approvers: [alice]\n',
        );
    }
  });
  const common = [
    '-c',
    controlPlane.path,
    '--env',
    'stage',
    '--source',
    APP_SOURCE,
    '--cache',
    temporaryFolder(),
    '--github-api-url',
    server.url,
  ];
  const advance = (minutes: number) =>
    kalypso(['rollout', 'advance', ...common, '--expect-cluster', '0c9c2e41=drone', '--now', at(minutes)]);

  const published = await kalypso(['publish', ...common]);
  expect(published).toMatchObject({ code: 0, stderr: '' });
  const [first] = server.listPulls('org', 'gitops');
  expect(first).toMatchObject({ number: 1, head: 'kalypso/stage', base: 'stage' });
  expect(first.body).toContain('### Rollout in waves: wave 1 of 2 (edge)');
  await droneApplied(server.mergePull('org', 'gitops', 1));

  // Compliant: the moment is committed onto stage through the API; Flux applies that commit too.
  const baking = await advance(0);
  expect(baking).toMatchObject({ code: 0, stderr: '' });
  expect(baking.stdout).toContain('waiting: wave "edge" is baking: 0m of 10m since it was compliant');
  const tracked = JSON.parse(server.readBranch('org', 'gitops', 'stage')[ROLLOUT_STATE_FILE]);
  expect(tracked).toMatchObject({ wave: 0, compliantSince: at(0) });
  await droneApplied(server.branchSha('org', 'gitops', 'stage')!);

  // Baked: it waits for alice's review; bob's does not count.
  server.reviewPull('org', 'gitops', 1, { user: 'bob' });
  const waiting = await advance(11);
  expect(waiting.stdout).toContain(
    'waiting: wave "edge" waits for approval by alice (an approving review of the wave\'s pull request)',
  );
  expect(server.listPulls('org', 'gitops')).toHaveLength(1);
  server.reviewPull('org', 'gitops', 1, { user: 'alice', state: 'CHANGES_REQUESTED' });
  expect((await advance(12)).stdout).toContain('waits for approval by alice');

  server.reviewPull('org', 'gitops', 1, { user: 'alice' });
  const approved = await advance(13);
  expect(approved).toMatchObject({ code: 0, stderr: '' });
  expect(approved.stdout).toContain(
    'wave "edge" is compliant, baked and approved by alice; wave 2 of 2 (everything-else) proposed: created request #2',
  );
  const second = server.listPulls('org', 'gitops').find((pull) => pull.number === 2)!;
  expect(second).toMatchObject({ head: 'kalypso/stage', base: 'stage', state: 'open' });
  expect(second.body).toContain('### Rollout in waves: wave 2 of 2 (everything-else)');
  expect(JSON.parse(server.readBranch('org', 'gitops', 'kalypso/stage')[ROLLOUT_STATE_FILE])).toMatchObject({
    wave: 1,
  });
});

test('on GitHub, a wave that fails is reverted by a pull request from kalypso-revert/stage, read through the API', async () => {
  const controlPlane = tutorialRepository((branch, files) => {
    if (branch === 'main') return;
    files['gitops-repo.yaml'] = files['gitops-repo.yaml']
      .toString()
      .replace('https://github.com/microsoft/kalypso-gitops', `${server.url}/org/gitops`);
  });
  const common = [
    '-c',
    controlPlane.path,
    '--env',
    'stage',
    '--source',
    APP_SOURCE,
    '--cache',
    temporaryFolder(),
    '--github-api-url',
    server.url,
  ];
  const before = server.readBranch('org', 'gitops', 'stage');
  expect(await kalypso(['publish', ...common])).toMatchObject({ code: 0, stderr: '' });
  const merged = server.mergePull('org', 'gitops', 1);
  const octokit = await createTestOctokit(server);
  await octokit.rest.repos.createCommitStatus({
    owner: 'org',
    repo: 'gitops',
    sha: merged,
    state: 'failure',
    context: 'kustomization/drone/0c9c2e41',
    description: 'HealthCheckFailed',
  });

  const failed = await kalypso(['rollout', 'advance', ...common, '--expect-cluster', '0c9c2e41=drone']);
  expect(failed.code).toBe(4);
  expect(failed.stdout).toContain('failed: 1 cluster of wave "edge" failed (at most 0 may)');
  expect(failed.stdout).toMatch(/revert of the waves already out proposed: created request #2: \S+/);
  const revert = server.listPulls('org', 'gitops').find((pull) => pull.number === 2)!;
  expect(revert).toMatchObject({ head: 'kalypso-revert/stage', base: 'stage', state: 'open' });
  expect(revert.body).toContain('<!-- kalypso-cdk8s revert: environment=stage -->');
  expect(revert.body).toContain('### Revert: wave 1 (edge) failed');
  const reverted = server.readBranch('org', 'gitops', 'kalypso-revert/stage');
  const drone = (files: Record<string, string>) => Object.keys(files).filter((file) => file.startsWith('drone/'));
  expect(drone(reverted)).toEqual(drone(before));
  expect(drone(server.readBranch('org', 'gitops', 'stage')).length).toBeGreaterThan(0);
  expect(JSON.parse(server.readBranch('org', 'gitops', 'stage')[ROLLOUT_STATE_FILE])).toMatchObject({
    status: 'failed',
  });

  // Again: the same revert request already proposes it.
  const again = await kalypso(['rollout', 'advance', ...common, '--expect-cluster', '0c9c2e41=drone']);
  expect(again.stdout).toContain('request already open #2');
});
