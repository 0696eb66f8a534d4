import { CliServices } from '../../src/cli/cli';
import { CHECK } from '../../src/cli/commands/check';
import { commandHelp } from '../../src/cli/help/help-text';
import { Clock } from '../../src/app/promotion/wait-for-compliance';
import { runCliIsolated } from '../support/cli';
import { commitFiles, readBranchFiles, tutorialRepository } from '../support/git';
import { GitHubServer, createTestOctokit, startGitHubServer } from '../support/github-server';
import { temporaryFolder } from '../support/temp';

const TOKEN = 'ghp_PLANTEDcheckTOKEN0123456789abcdef';
const COMMIT = 'a'.repeat(40);

let server: GitHubServer;
beforeEach(async () => {
  server = await startGitHubServer({ token: TOKEN, login: 'flux-bot' });
  server.createRepo('org', 'gitops', { defaultBranch: 'main' });
});
afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

async function run(argv: string[], options: { env?: Record<string, string | undefined>; clock?: Clock } = {}) {
  const services: CliServices = {
    createGitHubClient: (client) => createTestOctokit(server, { auth: client.token }),
    ...(options.clock ? { clock: options.clock } : {}),
  };
  return runCliIsolated(argv, { env: options.env, services });
}

/** Posts a status as Flux's notification-controller (github provider) does: `kustomization/<name>/<provider uid prefix>`. */
async function fluxStatus(
  sha: string,
  name: string,
  cluster: string,
  state: 'success' | 'failure',
  description: string,
) {
  const octokit = await createTestOctokit(server);
  await octokit.rest.repos.createCommitStatus({
    owner: 'org',
    repo: 'gitops',
    sha,
    state,
    context: `kustomization/${name}/${cluster}`,
    description,
  });
}

/** A clock whose sleeps pass at once, running `between` at each. */
function clock(between: (sleeps: number) => Promise<void> | void = () => undefined): Clock {
  let now = 0;
  let sleeps = 0;
  return {
    now: () => now,
    sleep: async (ms) => {
      now += ms;
      await between(++sleeps);
    },
  };
}

describe("kalypso check with Flux's commit statuses", () => {
  /** The tutorial control plane whose dev environment publishes to the fake GitHub's org/gitops. */
  function controlPlane() {
    return tutorialRepository((branch, files) => {
      if (branch === 'dev')
        files['gitops-repo.yaml'] = files['gitops-repo.yaml']
          .toString()
          .replace('https://github.com/microsoft/kalypso-gitops', `${server.url}/org/gitops`);
    });
  }

  test('waits until every expected cluster posted success on the commit; without --promoted, sets no status and promotes nothing', async () => {
    const cp = controlPlane();
    const sha = server.seedBranch('org', 'gitops', 'dev', { 'drone/README.md': 'x' });
    await fluxStatus(sha, 'drone', '0c9c2e41', 'success', 'reconciliation succeeded');
    const argv = [
      'check',
      '-c',
      cp.path,
      '--env',
      'dev',
      '--commit',
      sha,
      '--github-api-url',
      server.url,
      '--cache',
      temporaryFolder(),
      '--expect-cluster',
      '0c9c2e41',
      '--expect-cluster',
      '77aa0b12',
      '--interval',
      '30s',
    ];
    const { code, stdout, stderr } = await run(argv, {
      env: { GITHUB_TOKEN: TOKEN },
      clock: clock((sleeps) =>
        sleeps === 1 ? fluxStatus(sha, 'large', '77aa0b12', 'success', 'reconciliation succeeded') : undefined,
      ),
    });
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: `dev: every cluster applied dev@${sha.slice(0, 12)} (2 of 2 clusters compliant)\n`,
    });
    expect(stderr).toContain(
      'kalypso check: dev: 1 of 2 clusters compliant; waiting for 77aa0b12 (no commit status from Flux yet)\n',
    );
    expect(stderr).toContain(
      `kalypso check: dev: waiting up to 10m for commit statuses of org/gitops to apply dev@${sha.slice(0, 12)}\n`,
    );
    expect(server.statuses('org', 'gitops', sha).map((status) => status.context)).toEqual([
      'kustomization/drone/0c9c2e41',
      'kustomization/large/77aa0b12',
    ]);
  });

  test('fails with exit 4 when a cluster posts failure', async () => {
    const cp = controlPlane();
    const sha = server.seedBranch('org', 'gitops', 'dev', { 'drone/README.md': 'x' });
    await fluxStatus(sha, 'drone', '0c9c2e41', 'failure', 'health check failed');
    const { code, stdout } = await run(
      [
        'check',
        '-c',
        cp.path,
        '--env',
        'dev',
        '--commit',
        sha,
        '--github-api-url',
        server.url,
        '--cache',
        temporaryFolder(),
        '--expect-cluster',
        '0c9c2e41',
        '-q',
        '--json',
      ],
      { clock: clock() },
    );
    expect(code).toBe(4);
    expect(JSON.parse(stdout)).toEqual({
      deployed: false,
      environment: 'dev',
      repo: `${server.url}/org/gitops`,
      branch: 'dev',
      commit: sha,
      promoted: null,
      outcome: 'failed',
      compliant: 0,
      total: 1,
      clusters: [{ name: '0c9c2e41', state: 'failed', reasons: ['kustomization/drone: health check failed'] }],
      observations: 1,
      status: null,
      next: null,
      promotion: null,
      rollout: null,
      problems: [],
    });
  });
});

describe('kalypso check failures', () => {
  const sources = ['--expect-cluster', 'x'];
  test.each([
    [['--commit', COMMIT, ...sources], 'kalypso check: --env is required; run kalypso check --help\n'],
    [['--env', 'dev', ...sources], 'kalypso check: --commit is required; run kalypso check --help\n'],
    [
      ['--env', 'dev', '--commit', COMMIT],
      "kalypso check: no compliance source: give --kubeconfig (and --context) to ask the clusters, or --expect-cluster to read Flux's commit statuses; run kalypso check --help\n",
    ],
    [
      ['--env', 'dev', '--commit', COMMIT, '--context', 'drone-1'],
      'kalypso check: --context needs --kubeconfig; run kalypso check --help\n',
    ],
    [
      ['--env', 'dev', '--commit', COMMIT, '--timeout', '10', ...sources],
      'kalypso check: --timeout takes a duration such as 30s, 10m or 1h, got "10"; run kalypso check --help\n',
    ],
    [
      ['--env', 'dev', '--commit', COMMIT, '--interval', '0s', ...sources],
      'kalypso check: --interval must be longer than 0; run kalypso check --help\n',
    ],
    [
      ['--env', 'dev', '--commit', COMMIT, '--promoted', 'HEAD', ...sources],
      'kalypso check: --promoted takes a full commit id (40 or 64 hexadecimal digits), got "HEAD"; run kalypso check --help\n',
    ],
  ])('fails with exit 2 for %j', async (argv, stderr) => {
    expect(await run(['check', ...argv])).toEqual({ code: 2, stdout: '', stderr });
  });

  test('fails with exit 2 before waiting for an unknown --next, a kubeconfig without the context, a GitOps repository on a host it cannot tell', async () => {
    const cp = tutorialRepository();
    const base = ['check', '-c', cp.path, '--env', 'dev', '--commit', COMMIT, '--cache', temporaryFolder()];
    expect(await run([...base, '--promoted', cp.main, '--next', 'prod', '--expect-cluster', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kalypso check: --next "prod" is not an environment of the control plane; it has "dev", "stage"; run kalypso check --help\n',
    });
    const missing = await run([...base, '--kubeconfig', `${temporaryFolder()}/none`]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^kalypso check: cannot read kubeconfig .*\/none: /);
    expect(await run([...base, '--repo', 'https://gitlab.example.com/org/gitops', '--expect-cluster', 'x'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kalypso check: --expect-cluster reads commit statuses on the Git host of https://gitlab.example.com/org/gitops: cannot tell which Git host serves gitlab.example.com; ' +
        'give --host (github, gitlab, azure-devops, gitea, bitbucket) and, for a self-hosted instance, --api-url; run kalypso check --help\n',
    });
  });

  test("fails with exit 1, before waiting, when the next environment's branch cannot take the BaseRepo", async () => {
    const cp = tutorialRepository((branch, files) => {
      if (branch === 'stage') {
        files['base-repo.yaml'] = `${files['base-repo.yaml']}---\n${files['gitops-repo.yaml']}`;
        delete files['gitops-repo.yaml'];
      }
    });
    const { code, stdout, stderr } = await run([
      'check',
      '-c',
      cp.path,
      '--env',
      'dev',
      '--commit',
      COMMIT,
      '--promoted',
      'b'.repeat(40),
      '--cache',
      temporaryFolder(),
      '--expect-cluster',
      'x',
      '--json',
    ]);
    expect({ code, stderr }).toEqual({
      code: 2,
      stderr: `kalypso check: commit ${'b'.repeat(40)} does not exist in ${cp.path}; run kalypso check --help\n`,
    });
    expect(stdout).toBe('');
    const promoted = commitFiles(cp, 'main', { ...readBranchFiles(cp, 'main'), 'docs/README.md': '# docs\n' });
    const refused = await run([
      'check',
      '-c',
      cp.path,
      '--env',
      'dev',
      '--commit',
      COMMIT,
      '--promoted',
      promoted,
      '--cache',
      temporaryFolder(),
      '--expect-cluster',
      'x',
      '--json',
    ]);
    expect(refused.code).toBe(1);
    expect(JSON.parse(refused.stdout)).toMatchObject({
      deployed: false,
      outcome: null,
      promotion: null,
      problems: [
        {
          severity: 'error',
          file: 'stage/base-repo.yaml',
          object: 'BaseRepo/main',
          message: expect.stringContaining('shares base-repo.yaml with other objects'),
        },
      ],
    });
  });

  test('the help lists every flag the command takes', () => {
    for (const flag of [
      '--env',
      '--commit',
      '--promoted',
      '--next',
      '--timeout',
      '--interval',
      '--control-plane',
      '--repo',
      '--branch',
      '--push',
      '--no-status',
      '--github-api-url',
      '--cache',
      '--json',
      '--quiet',
      '--kubeconfig',
      '--context',
      '--namespace',
      '--expect-cluster',
    ]) {
      expect(commandHelp(CHECK)).toContain(`${flag} `);
    }
  });
});
