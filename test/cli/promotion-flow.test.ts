/**
 * The tutorial's promotion flow end to end, with real git repositories for the control plane and the platform GitOps
 * repository, the fake GitHub for the control plane's commit statuses, and a fake Kubernetes API per cluster for the
 * clusters' Flux objects: commit to main → promote dev → publish → merge → check (clusters become compliant) → promote
 * stage → publish stage; and the failure path.
 *
 * Like a team on GitHub, the control plane is one repository read and written with git (`--push`) whose commits carry
 * statuses set through the API; here the two are a bare repository and the fake GitHub holding the same commits
 * (mirrored through the Git Data API).
 */
import * as path from 'path';
import { CliServices, main } from '../../src/cli/cli';
import { Clock } from '../../src/app/promotion/wait-for-compliance';
import { ROOT } from '../support/cli';
import {
  BareRepository,
  ISOLATED_GIT_ENV,
  branchCommit,
  commitFiles,
  createBareRepository,
  git,
  readBranchFiles,
  tutorialRepository,
} from '../support/git';
import { GitHubServer, createTestOctokit, startGitHubServer } from '../support/github-server';
import { clusterObjects, KustomizationState } from '../support/flux-objects';
import { KubernetesServer, startKubernetesServer, writeKubeconfig } from '../support/kubernetes-server';
import { mirrorCommit } from '../support/mirror-to-github';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const TOKEN = 'ghp_PLANTEDflowTOKEN0123456789abcdef';
const KUBE_TOKEN = 'kube-PLANTED-flow-token-0123456789';
const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;

let server: GitHubServer;
let drone: KubernetesServer;
let large: KubernetesServer;
beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN });
  server.createRepo('org', 'control-plane', { defaultBranch: 'main' });
  server.seedBranch('org', 'control-plane', 'seed', { 'README.md': '# control plane\n' });
  drone = await startKubernetesServer({ token: KUBE_TOKEN });
  large = await startKubernetesServer({ token: KUBE_TOKEN });
});
afterEach(async () => {
  await Promise.all([server.close(), drone.close(), large.close()]);
  expect(server.contractViolations()).toEqual([]);
});

interface World {
  readonly controlPlane: BareRepository;
  readonly gitops: BareRepository;
  readonly cache: string;
  readonly kubeconfig: string;
}

/** The tutorial control plane (Environments on the fake GitHub, GitOpsRepos in a bare repository), and the clusters of dev. */
function world(): World {
  const gitops = createBareRepository('gitops.git');
  commitFiles(gitops, 'dev', { 'README.md': '# dev\n' }, { message: 'The dev branch' });
  commitFiles(gitops, 'stage', { 'README.md': '# stage\n' }, { message: 'The stage branch' });
  const controlPlane = tutorialRepository((branch, files) => {
    if (branch === 'main') {
      for (const name of ['.environments/dev.yaml', '.environments/stage.yaml']) {
        files[name] = files[name]
          .toString()
          .replace('https://github.com/microsoft/kalypso-control-plane', `${server.url}/org/control-plane`);
      }
    } else {
      files['gitops-repo.yaml'] = files['gitops-repo.yaml']
        .toString()
        .replace('https://github.com/microsoft/kalypso-gitops', gitops.path);
    }
  });
  return {
    controlPlane,
    gitops,
    cache: temporaryFolder(),
    kubeconfig: writeKubeconfig({ 'drone-1': drone, 'large-1': large }),
  };
}

/** Runs the command line in-process as a CI job would, with the GitHub token and the test's clock. */
async function kalypso(argv: string[], clock?: Clock) {
  let stdout = '';
  let stderr = '';
  const services: CliServices = {
    createGitHubClient: (options) => createTestOctokit(server, { retry: true, throttle: true, auth: options.token }),
    ...(clock ? { clock } : {}),
  };
  const code = await main(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      cwd: ROOT,
      env: { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: TOKEN },
    },
    services,
  );
  return { code, stdout, stderr };
}

/** A clock whose sleeps pass at once, running `between` at each (the clusters move on between polls). */
function clock(between: () => void): Clock {
  let now = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      between();
    },
  };
}

/** Step 1: a change merged into main; its commit exists on GitHub. */
async function commitToMain({ controlPlane }: World): Promise<string> {
  const files = readBranchFiles(controlPlane, 'main');
  files['workloads/hello-world-app.yaml'] = files['workloads/hello-world-app.yaml'].replace(
    'type: application',
    'type: application\n    tier: web',
  );
  const commit = commitFiles(controlPlane, 'main', files, { message: 'Label the hello-world-app registration' });
  await mirrorCommit(await createTestOctokit(server), { owner: 'org', repo: 'control-plane' }, controlPlane, commit);
  return commit;
}

/** Steps 3 and 4: publish the environment with git, then "merge" kalypso/<env> into the branch (a fast-forward). */
async function publishAndMerge({ controlPlane, gitops, cache }: World, environment: string): Promise<string> {
  const published = await kalypso([
    'publish',
    '-c',
    controlPlane.path,
    '--env',
    environment,
    '--push',
    '--source',
    APP_SOURCE,
    '--cache',
    cache,
  ]);
  expect(published).toMatchObject({ code: 0, stderr: '' });
  const head = branchCommit(gitops, `kalypso/${environment}`)!;
  git(['--git-dir', gitops.path, 'merge-base', '--is-ancestor', branchCommit(gitops, environment)!, head]);
  git(['--git-dir', gitops.path, 'update-ref', `refs/heads/${environment}`, head]);
  return head;
}

const clusters = (w: World, commit: string, states: { drone: KustomizationState; large: KustomizationState }) => {
  const url = `file://${w.gitops.path}`;
  drone.objects = clusterObjects({ url, branch: 'dev', clusterType: 'drone', state: states.drone, commit });
  large.objects = clusterObjects({ url, branch: 'dev', clusterType: 'large', state: states.large, commit });
};

const statusesOf = (commit: string) =>
  server.statuses('org', 'control-plane', commit).map((s) => `${s.context}: ${s.state} ${s.description}`);

describe('promotion, the tutorial flow', () => {
  test('commit to main → promote dev → publish → merge → check (clusters become compliant) → promote stage → publish stage', async () => {
    const w = world();
    const cp = ['-c', w.controlPlane.path, '--cache', w.cache, '--github-api-url', server.url];

    // 1. A change lands on main.
    const promoted = await commitToMain(w);

    // 2. On push to main: promote it to the first environment.
    const promotion = await kalypso(['promote', ...cp, '--commit', promoted, '--push']);
    expect(promotion).toMatchObject({ code: 0, stderr: '' });
    expect(readBranchFiles(w.controlPlane, 'dev')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);
    expect(statusesOf(promoted)).toEqual(['dev environment: pending Promoted']);

    // 3, 4. On push to dev: publish; a reviewer merges.
    const deployed = await publishAndMerge(w, 'dev');
    expect(readBranchFiles(w.gitops, 'dev')['.github/tracking/Promoted_Commit_Id']).toBe(promoted);

    // 5. On merge into the GitOps branch: check; the clusters apply it while the check waits.
    clusters(w, deployed, {
      drone: { kind: 'reconciling', commit: deployed, previous: 'e'.repeat(40) },
      large: { kind: 'applied', commit: deployed },
    });
    const stageBefore = branchCommit(w.controlPlane, 'stage');
    const check = await kalypso(
      [
        'check',
        ...cp,
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        promoted,
        '--push',
        '--kubeconfig',
        w.kubeconfig,
        '--context',
        'drone-1',
        '--context',
        'large-1',
        '--interval',
        '5s',
        '--timeout',
        '1m',
      ],
      clock(() =>
        clusters(w, deployed, {
          drone: { kind: 'applied', commit: deployed },
          large: { kind: 'applied', commit: deployed },
        }),
      ),
    );

    // THEN dev is deployed, and main's commit moves on to stage
    expect(check.code).toBe(0);
    expect(check.stderr).toBe(
      [
        `kalypso check: dev: waiting up to 1m for kubeconfig contexts drone-1, large-1 to apply dev@${deployed.slice(0, 12)}`,
        'kalypso check: dev: 1 of 2 clusters compliant; waiting for drone-1 (flux-system/drone: Progressing: Reconciliation in progress)',
        'kalypso check: dev: 2 of 2 clusters compliant',
        '',
      ].join('\n'),
    );
    const stageCommit = branchCommit(w.controlPlane, 'stage')!;
    expect(stageCommit).not.toBe(stageBefore);
    expect(check.stdout).toBe(
      [
        `dev: every cluster applied dev@${deployed.slice(0, 12)} (2 of 2 clusters compliant)`,
        `dev: set status "dev environment" pending "Deployed" on ${promoted.slice(0, 12)} in org/control-plane`,
        `stage: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on ${w.controlPlane.path} branch stage (${stageCommit.slice(0, 12)})`,
        `stage: set status "stage environment" pending "Promoted" on ${promoted.slice(0, 12)} in org/control-plane`,
        '',
      ].join('\n'),
    );
    expect(statusesOf(promoted)).toEqual([
      'dev environment: pending Promoted',
      'dev environment: pending Deploying',
      'dev environment: pending Deployed',
      'stage environment: pending Promoted',
    ]);
    expect(readBranchFiles(w.controlPlane, 'stage')['base-repo.yaml']).toContain(`  commit: ${promoted}\n`);

    // 6. On push to stage: publish stage, built from the promoted commit.
    // Stage rolls out in waves (its RolloutPolicy, docs/explanation/rollouts.md): the first wave is published, and
    // the promoted commit moves with the last one.
    await publishAndMerge(w, 'stage');
    const stageFiles = readBranchFiles(w.gitops, 'stage');
    expect(JSON.parse(stageFiles['.github/kalypso/rollout.json'])).toMatchObject({
      wave: 0,
      change: { promotedCommit: promoted },
    });
    expect(stageFiles['.github/tracking/Promoted_Commit_Id']).toBeUndefined();

    // A check run again after success only reports.
    const again = await kalypso(
      [
        'check',
        ...cp,
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        promoted,
        '--push',
        '--kubeconfig',
        w.kubeconfig,
        '--context',
        'drone-1',
        '--context',
        'large-1',
        '--json',
        '-q',
      ],
      clock(() => undefined),
    );
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({
      deployed: true,
      environment: 'dev',
      outcome: 'compliant',
      compliant: 2,
      total: 2,
      observations: 1,
      next: 'stage',
      status: { action: 'unchanged', state: 'pending', description: 'Deployed' },
      promotion: { name: 'stage', action: 'unchanged', status: { action: 'unchanged', description: 'Promoted' } },
    });
    expect(statusesOf(promoted)).toHaveLength(4);
    expect(branchCommit(w.controlPlane, 'stage')).toBe(stageCommit);

    // Nothing secret was printed or sent where it does not belong.
    for (const text of [promotion.stdout, promotion.stderr, check.stdout, check.stderr, again.stdout]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(KUBE_TOKEN);
    }
    expect(server.requestsContaining(TOKEN)).toEqual([]);
  });

  test('fails when a cluster fails to apply the commit: status "failure", and stage is not touched', async () => {
    const w = world();
    const cp = ['-c', w.controlPlane.path, '--cache', w.cache, '--github-api-url', server.url];
    const promoted = await commitToMain(w);
    expect((await kalypso(['promote', ...cp, '--commit', promoted, '--push'])).code).toBe(0);
    const deployed = await publishAndMerge(w, 'dev');
    clusters(w, deployed, {
      drone: { kind: 'applied', commit: deployed },
      large: { kind: 'failed', commit: deployed, previous: 'e'.repeat(40) },
    });
    const stageBefore = branchCommit(w.controlPlane, 'stage');

    const check = await kalypso(
      [
        'check',
        ...cp,
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        promoted,
        '--push',
        '--kubeconfig',
        w.kubeconfig,
        '--context',
        'drone-1',
        '--context',
        'large-1',
        '-q',
      ],
      clock(() => undefined),
    );

    expect(check).toEqual({
      code: 4,
      stderr: '',
      stdout: [
        `dev: dev@${deployed.slice(0, 12)} failed to deploy (1 of 2 clusters compliant)`,
        "  large-1: flux-system/large: HealthCheckFailed: health check failed after 4m30.03s: timeout waiting for: [Deployment/dev-drone-hello-world-app-functional-test/hello-world-app status: 'InProgress']",
        `dev: set status "dev environment" failure "Failed to deploy" on ${promoted.slice(0, 12)} in org/control-plane`,
        '',
      ].join('\n'),
    });
    expect(statusesOf(promoted)).toEqual([
      'dev environment: pending Promoted',
      'dev environment: pending Deploying',
      'dev environment: failure Failed to deploy',
    ]);
    expect(branchCommit(w.controlPlane, 'stage')).toBe(stageBefore);
  });

  test('fails when the clusters stay on an older revision until the timeout, and stage is not touched', async () => {
    const w = world();
    const cp = ['-c', w.controlPlane.path, '--cache', w.cache, '--github-api-url', server.url];
    const promoted = await commitToMain(w);
    expect((await kalypso(['promote', ...cp, '--commit', promoted, '--push'])).code).toBe(0);
    const deployed = await publishAndMerge(w, 'dev');
    const older = branchCommit(w.gitops, 'stage')!;
    clusters(w, older, { drone: { kind: 'applied', commit: deployed }, large: { kind: 'stale', previous: older } });
    const stageBefore = branchCommit(w.controlPlane, 'stage');

    const check = await kalypso(
      [
        'check',
        ...cp,
        '--env',
        'dev',
        '--commit',
        deployed,
        '--promoted',
        promoted,
        '--push',
        '--json',
        '-q',
        '--kubeconfig',
        w.kubeconfig,
        '--context',
        'drone-1',
        '--context',
        'large-1',
        '--timeout',
        '30s',
        '--interval',
        '10s',
      ],
      clock(() => undefined),
    );

    expect(check.code).toBe(4);
    expect(JSON.parse(check.stdout)).toMatchObject({
      deployed: false,
      outcome: 'timed-out',
      compliant: 1,
      total: 2,
      observations: 4,
      next: 'stage',
      promotion: null,
      clusters: [
        { name: 'drone-1', state: 'compliant' },
        { name: 'large-1', state: 'pending', reasons: [`flux-system/large: still at dev@sha1:${older}`] },
      ],
      status: { action: 'set', state: 'failure', description: 'Failed to deploy', context: 'dev environment' },
    });
    expect(branchCommit(w.controlPlane, 'stage')).toBe(stageBefore);
  });
});
