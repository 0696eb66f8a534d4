import { CliServices } from '../../src/cli/cli';
import { PROMOTE } from '../../src/cli/commands/promote';
import { commandHelp } from '../../src/cli/help/help-text';
import { baseRepoDocument } from '../../src/app/promotion/base-repo-file';
import { runCliIsolated, fakeGitHubServices } from '../support/cli';
import { BareRepository, branchCommit, commitFiles, readBranchFiles, tutorialRepository } from '../support/git';
import { GitHubServer, createTestOctokit, startGitHubServer } from '../support/github-server';
import { mirrorCommit } from '../support/mirror-to-github';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const TOKEN = 'ghp_PLANTEDpromoteTOKEN0123456789abcdef';

/** Runs the command line in-process with its own environment. */
function run(argv: string[], env: Record<string, string | undefined> = {}, services: CliServices = {}) {
  return runCliIsolated(argv, { env, services });
}

/** The tutorial as a bare repository whose Environments live in `controlPlaneRepo`. */
function controlPlaneIn(controlPlaneRepo: string): BareRepository & { main: string } {
  return tutorialRepository((branch, files) => {
    if (branch !== 'main') return;
    for (const name of ['.environments/dev.yaml', '.environments/stage.yaml']) {
      files[name] = files[name]
        .toString()
        .replace('https://github.com/microsoft/kalypso-control-plane', controlPlaneRepo);
    }
  });
}

/** A new commit on main (a label on the workload registration), as a merge into main would make. */
function commitToMain(repository: BareRepository): string {
  const files = readBranchFiles(repository, 'main');
  files['workloads/hello-world-app.yaml'] = files['workloads/hello-world-app.yaml'].replace(
    'type: application',
    'type: application\n    tier: web',
  );
  return commitFiles(repository, 'main', files, { message: 'Label the hello-world-app registration' });
}

describe('kalypso promote --push', () => {
  const ELSEWHERE = 'https://git.example.com/org/control-plane';

  test("pins the commit on the first environment's branch with upstream's base-repo.yaml, and changes nothing the second time", async () => {
    // GIVEN a control plane on a host that is not GitHub, and a new commit on main
    const controlPlane = controlPlaneIn(ELSEWHERE);
    const promoted = commitToMain(controlPlane);
    const cache = temporaryFolder();
    const stageBefore = branchCommit(controlPlane, 'stage');

    // WHEN
    const first = await run(['promote', '-c', controlPlane.path, '--commit', promoted, '--push', '--cache', cache]);

    // THEN dev (declared first) pins it, in base-repo.yaml exactly as upstream writes it; stage is untouched
    const written = branchCommit(controlPlane, 'dev')!;
    expect(first).toEqual({
      code: 0,
      stdout: `dev: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on ${controlPlane.path} branch dev (${written.slice(0, 12)})\n`,
      stderr: `kalypso promote: commit statuses skipped: ${ELSEWHERE}: cannot tell which Git host serves git.example.com; give --host (github, gitlab, azure-devops, gitea, bitbucket) and, for a self-hosted instance, --api-url\n`,
    });
    expect(readBranchFiles(controlPlane, 'dev')['base-repo.yaml']).toBe(
      baseRepoDocument({ repo: ELSEWHERE, commit: promoted }),
    );
    expect(branchCommit(controlPlane, 'stage')).toBe(stageBefore);

    // WHEN promoted again
    const again = await run([
      'promote',
      '-c',
      controlPlane.path,
      '--commit',
      promoted,
      '--push',
      '--cache',
      cache,
      '--json',
      '-q',
    ]);
    // THEN nothing changes
    expect(again.code).toBe(0);
    expect(again.stderr).toBe('');
    expect(JSON.parse(again.stdout)).toEqual({
      promoted: true,
      environment: {
        name: 'dev',
        commit: promoted,
        branch: 'dev',
        file: 'base-repo.yaml',
        action: 'unchanged',
        branchCommit: null,
        previousCommit: null,
        status: { action: 'skipped', repository: null, commit: null, context: null, state: null, description: null },
      },
      problems: [],
    });
    expect(branchCommit(controlPlane, 'dev')).toBe(written);
  });

  test('--env names the environment; the previous pin is reported in JSON', async () => {
    const controlPlane = controlPlaneIn(ELSEWHERE);
    const promoted = commitToMain(controlPlane);
    const { code, stdout } = await run([
      'promote',
      '-c',
      controlPlane.url,
      '-e',
      'stage',
      '--commit',
      promoted,
      '--push',
      '--cache',
      temporaryFolder(),
      '--json',
      '--no-status',
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).environment).toMatchObject({
      name: 'stage',
      action: 'written',
      previousCommit: controlPlane.main,
      branchCommit: branchCommit(controlPlane, 'stage'),
    });
    expect(readBranchFiles(controlPlane, 'stage')['base-repo.yaml']).toContain(`commit: ${promoted}\n`);
  });
});

describe('kalypso promote through GitHub', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer({ token: TOKEN });
    server.createRepo('org', 'control-plane', { defaultBranch: 'main' });
  });
  afterEach(async () => {
    await server.close();
    expect(server.contractViolations()).toEqual([]);
  });
  const services = (): CliServices => fakeGitHubServices(server, TOKEN);

  test('commits base-repo.yaml onto the branch with the API and sets "pending Promoted" on the commit, once', async () => {
    // GIVEN the control plane on the fake GitHub (its main commits mirrored, so that they have statuses there)
    const controlPlane = controlPlaneIn(`${server.url}/org/control-plane`);
    const promoted = commitToMain(controlPlane);
    server.seedBranch('org', 'control-plane', 'dev', readBranchFiles(controlPlane, 'dev'));
    await mirrorCommit(
      await createTestOctokit(server),
      { owner: 'org', repo: 'control-plane' },
      controlPlane,
      promoted,
    );
    const argv = [
      'promote',
      '-c',
      controlPlane.path,
      '--commit',
      promoted,
      '--github-api-url',
      server.url,
      '--cache',
      temporaryFolder(),
    ];

    // WHEN
    const first = await run(argv, { GITHUB_TOKEN: TOKEN }, services());
    const again = await run(argv, { GITHUB_TOKEN: TOKEN }, services());

    // THEN
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    const written = server.branchSha('org', 'control-plane', 'dev')!;
    expect(first.stdout).toBe(
      [
        `dev: promoted main ${promoted.slice(0, 12)}: wrote base-repo.yaml on org/control-plane branch dev (${written.slice(0, 12)})`,
        `dev: set status "dev environment" pending "Promoted" on ${promoted.slice(0, 12)} in org/control-plane`,
        '',
      ].join('\n'),
    );
    expect(server.readBranch('org', 'control-plane', 'dev')['base-repo.yaml']).toBe(
      baseRepoDocument({ repo: `${server.url}/org/control-plane`, commit: promoted }),
    );
    expect(again).toEqual({
      code: 0,
      stderr: '',
      stdout: `dev: branch dev already pins main ${promoted.slice(0, 12)}; nothing written\ndev: status "dev environment" pending "Promoted" already on ${promoted.slice(0, 12)} in org/control-plane\n`,
    });
    expect(server.branchSha('org', 'control-plane', 'dev')).toBe(written);
    expect(server.statuses('org', 'control-plane', promoted)).toEqual([
      {
        state: 'pending',
        context: 'dev environment',
        description: 'Promoted',
        targetUrl: null,
        creator: 'kalypso-bot',
      },
    ]);
    for (const text of [first.stdout, first.stderr, again.stdout]) expect(text).not.toContain(TOKEN);
    expect(server.requestsContaining(TOKEN)).toEqual([]);
  });

  test("fails with exit 2 without GITHUB_TOKEN, and with GitHub's message when the commit is not on GitHub", async () => {
    const controlPlane = controlPlaneIn(`${server.url}/org/control-plane`);
    const promoted = commitToMain(controlPlane);
    server.seedBranch('org', 'control-plane', 'dev', readBranchFiles(controlPlane, 'dev'));
    const argv = [
      'promote',
      '-c',
      controlPlane.path,
      '--commit',
      promoted,
      '--github-api-url',
      server.url,
      '--cache',
      temporaryFolder(),
    ];
    expect(await run(argv)).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kalypso promote: GITHUB_TOKEN is not set; writing through the GitHub API needs a token (or use --push); run kalypso promote --help\n',
    });
    const unknown = await run(argv, { GITHUB_TOKEN: TOKEN }, services());
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(
      new RegExp(
        `^kalypso promote: cannot read the statuses of ${promoted} in org/control-plane: GitHub answered 422 No commit found for SHA: ${promoted}\\n$`,
      ),
    );
  });
});

describe('kalypso promote failures', () => {
  test.each([
    [[], 'kalypso promote: --commit is required; run kalypso promote --help\n'],
    [
      ['--commit', 'main'],
      'kalypso promote: --commit takes a full commit id (40 or 64 hexadecimal digits), got "main"; run kalypso promote --help\n',
    ],
    [
      ['--commit', 'a'.repeat(40), '-c', TUTORIAL],
      `kalypso promote: ${TUTORIAL} is a folder of branches; promotion pins commits, so the control plane must be a git repository; run kalypso promote --help\n`,
    ],
    [
      ['--commit', 'a'.repeat(40), '--github-api-url', 'ftp://x'],
      'kalypso promote: --github-api-url must be an http(s) URL, got "ftp://x"; run kalypso promote --help\n',
    ],
  ])('fails with exit 2 for %j', async (argv, stderr) => {
    expect(await run(['promote', ...argv])).toEqual({ code: 2, stdout: '', stderr });
  });

  test('fails with exit 2 for a commit the control plane does not have, and for an unknown environment', async () => {
    const controlPlane = tutorialRepository();
    const missing = await run([
      'promote',
      '-c',
      controlPlane.path,
      '--commit',
      'f'.repeat(40),
      '--push',
      '--cache',
      temporaryFolder(),
    ]);
    expect(missing).toEqual({
      code: 2,
      stdout: '',
      stderr: `kalypso promote: commit ${'f'.repeat(40)} does not exist in ${controlPlane.path}; run kalypso promote --help\n`,
    });
    const unknown = await run([
      'promote',
      '-c',
      controlPlane.path,
      '-e',
      'prod',
      '--commit',
      controlPlane.main,
      '--push',
      '--cache',
      temporaryFolder(),
    ]);
    expect(unknown).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kalypso promote: --env "prod" is not an environment of the control plane; it has "dev", "stage"; run kalypso promote --help\n',
    });
  });

  test('fails with exit 1, writing nothing, when the BaseRepo shares its file with other objects', async () => {
    const controlPlane = tutorialRepository((branch, files) => {
      if (branch === 'dev') {
        files['base-repo.yaml'] = `${files['base-repo.yaml']}---\n${files['gitops-repo.yaml']}`;
        delete files['gitops-repo.yaml'];
      }
    });
    const promoted = commitToMain(controlPlane);
    const before = branchCommit(controlPlane, 'dev');
    const { code, stdout, stderr } = await run([
      'promote',
      '-c',
      controlPlane.path,
      '--commit',
      promoted,
      '--push',
      '--cache',
      temporaryFolder(),
      '-q',
    ]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      'error  dev/base-repo.yaml  BaseRepo/main  environment "dev": BaseRepo "main" shares base-repo.yaml with other objects; move it to a file of its own so that promotion can rewrite it\n' +
        '1 error, 0 warnings; nothing promoted\n',
    );
    expect(branchCommit(controlPlane, 'dev')).toBe(before);
  });

  test('the help lists every flag the command takes', () => {
    for (const flag of [
      '--commit',
      '--env',
      '--control-plane',
      '--push',
      '--no-status',
      '--github-api-url',
      '--cache',
      '--json',
      '--quiet',
    ]) {
      expect(commandHelp(PROMOTE)).toContain(`${flag} `);
    }
  });
});
