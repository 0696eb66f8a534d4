import * as fs from 'fs';
import * as path from 'path';
import { CliServices } from '../../src/cli/cli';
import { load } from 'js-yaml';
import { PUBLISH } from '../../src/cli/commands/publish';
import { commandHelp } from '../../src/cli/help/help-text';
import { ROOT, fakeGitHubServices, runBin, runCliIsolated } from '../support/cli';
import {
  BareRepository,
  ISOLATED_GIT_ENV,
  branchCommit,
  commitFiles,
  createBareRepository,
  readBranchFiles,
  tutorialRepository,
} from '../support/git';
import { GitHubServer, startGitHubServer } from '../support/github-server';
import { readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';
import { INPUTS_RECORD_FORMAT, INPUTS_RECORD_PATH } from '../../src/app/review/inputs-record';

const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
const TOKEN = 'ghp_PLANTEDkalypsoTOKEN0123456789abcdef';

/** The tutorial control plane as a bare repository whose dev branch publishes to `gitopsUrl`. */
function controlPlanePublishingTo(gitopsUrl: string): BareRepository {
  return tutorialRepository((branch, files) => {
    if (branch === 'dev')
      files['gitops-repo.yaml'] = files['gitops-repo.yaml']
        .toString()
        .replace('https://github.com/microsoft/kalypso-gitops', gitopsUrl);
  });
}

/** Runs the command line in-process with its own environment. */
function run(argv: string[], env: Record<string, string | undefined> = {}, services: CliServices = {}) {
  return runCliIsolated(argv, { env, services });
}

describe('kalypso publish --push', () => {
  test('pushes exactly the dist/dev tree to kalypso/dev, and does nothing the second time (bin/kalypso)', () => {
    // GIVEN the tutorial in a bare repository, publishing dev to an empty branch of a bare GitOps repository
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', {}, { message: 'An empty environment branch' });
    const controlPlane = controlPlanePublishingTo(gitops.url);
    const cache = temporaryFolder();
    const dist = temporaryFolder();
    const env = { ...ISOLATED_GIT_ENV, GITHUB_TOKEN: '' };
    expect(
      runBin(['synth', '-c', controlPlane.path, '--source', APP_SOURCE, '--cache', cache, '--out', dist], { env }),
    ).toMatchObject({ code: 0, stderr: '' });

    // WHEN
    const first = runBin(
      ['publish', '-c', controlPlane.path, '--env', 'dev', '--push', '--source', APP_SOURCE, '--cache', cache],
      { env },
    );

    // THEN
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    const pushed = branchCommit(gitops, 'kalypso/dev');
    expect(first.stdout).toBe(
      `dev: pushed ${pushed!.slice(0, 12)} to kalypso/dev of ${gitops.url} (12 added, 0 changed, 0 deleted)\n`,
    );
    // The tree synth writes, and beside it the record of the objects it was built from.
    const { [INPUTS_RECORD_PATH]: record, ...published } = readBranchFiles(gitops, 'kalypso/dev');
    expect(published).toEqual(readTree(path.join(dist, 'dev')));
    expect(Object.keys(readTree(path.join(dist, 'dev')))).toHaveLength(11);
    expect(JSON.parse(record)).toMatchObject({ format: INPUTS_RECORD_FORMAT, environment: 'dev' });

    // WHEN run again with no change
    const second = runBin(
      ['publish', '-c', controlPlane.path, '--env', 'dev', '--push', '--source', APP_SOURCE, '--cache', cache],
      { env },
    );
    // THEN
    expect(second).toMatchObject({
      code: 0,
      stderr: '',
      stdout: `dev: kalypso/dev of ${gitops.url} already holds this change\n`,
    });
    expect(branchCommit(gitops, 'kalypso/dev')).toBe(pushed);
  });

  test("the git control plane gives the folder tutorial's tree, with its own main commit promoted", async () => {
    const controlPlane = tutorialRepository();
    const [fromGit, fromFolder] = [temporaryFolder(), temporaryFolder()];
    expect(
      (
        await run([
          'synth',
          '-c',
          controlPlane.url,
          '--source',
          APP_SOURCE,
          '--cache',
          temporaryFolder(),
          '-o',
          fromGit,
        ])
      ).code,
    ).toBe(0);
    expect((await run(['synth', '-c', TUTORIAL, '-o', fromFolder])).code).toBe(0);
    expect(readTree(fromGit)).toEqual({
      ...readTree(fromFolder),
      'dev/.github/tracking/Promoted_Commit_Id': controlPlane.main,
      'stage/.github/tracking/Promoted_Commit_Id': controlPlane.main,
    });
  });

  test('with --direct, commits onto the GitOpsRepo branch; with --dry-run, prints the change and pushes nothing', async () => {
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', { 'README.md': '# gitops\n' });
    const controlPlane = controlPlanePublishingTo(gitops.url);
    const cache = temporaryFolder();
    const before = branchCommit(gitops, 'dev');

    const dry = await run([
      'publish',
      '-c',
      controlPlane.path,
      '--env',
      'dev',
      '--push',
      '--direct',
      '--dry-run',
      '--source',
      APP_SOURCE,
      '--cache',
      cache,
    ]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(
      `dev: would publish to ${gitops.url} branch dev with git push to dev (12 added, 0 changed, 0 deleted; dry run, nothing changed)\n  add     .github/kalypso/control-plane.json\n  add     .github/tracking/Promoted_Commit_Id\n  add     command-center/README.md\n`,
    );
    expect(dry.stdout).toContain(
      '\nTitle: Update manifests in dev\n\n<!-- kalypso-cdk8s publish: environment=dev -->\n',
    );
    expect(branchCommit(gitops, 'dev')).toBe(before);

    const direct = await run([
      'publish',
      '-c',
      controlPlane.path,
      '--env',
      'dev',
      '--push',
      '--direct',
      '--source',
      APP_SOURCE,
      '--cache',
      cache,
    ]);
    expect(direct.code).toBe(0);
    expect(readBranchFiles(gitops, 'dev')['README.md']).toBe('# gitops\n');
    expect(Object.keys(readBranchFiles(gitops, 'dev'))).toHaveLength(13);
    expect(branchCommit(gitops, 'kalypso/dev')).toBeUndefined();
  });

  test('--json prints the change set and the outcome', async () => {
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', {});
    const controlPlane = controlPlanePublishingTo(gitops.url);
    const { code, stdout } = await run([
      'publish',
      '-c',
      controlPlane.path,
      '-e',
      'dev',
      '--push',
      '--json',
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json).toMatchObject({ published: true, problems: [] });
    expect(json.environments[0]).toMatchObject({
      name: 'dev',
      mode: 'push',
      repo: gitops.url,
      branch: 'dev',
      head: 'kalypso/dev',
      dryRun: false,
      promoted: true,
      title: 'Update manifests in dev',
      outcome: { kind: 'push', action: 'pushed', branch: 'kalypso/dev', commit: branchCommit(gitops, 'kalypso/dev') },
    });
    expect(json.environments[0].changes.added).toHaveLength(12);
  });

  test('--repo and --branch publish elsewhere than the GitOpsRepo', async () => {
    const gitops = createBareRepository('fork.git');
    commitFiles(gitops, 'sandbox', {});
    const { code, stderr } = await run([
      'publish',
      '-c',
      tutorialRepository().path,
      '-e',
      'dev',
      '--push',
      '--repo',
      gitops.path,
      '--branch',
      'sandbox',
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(Object.keys(readBranchFiles(gitops, 'kalypso/dev'))).toHaveLength(12);
  });
});

describe('kalypso publish failures', () => {
  test.each([
    [['--direct'], 'kalypso publish: --direct only goes with --push; run kalypso publish --help\n'],
    [
      ['--push', '--repo', '/tmp/x'],
      'kalypso publish: --repo and --branch need exactly one --env; run kalypso publish --help\n',
    ],
    [
      ['--github-api-url', 'ftp://x'],
      'kalypso publish: --github-api-url must be an http(s) URL, got "ftp://x"; run kalypso publish --help\n',
    ],
    [
      ['-c', 'ext::sh -c touch% /tmp/pwned'],
      'kalypso publish: --control-plane "ext::sh -c touch% /tmp/pwned" uses the transport "ext::", which is not allowed; run kalypso publish --help\n',
    ],
  ])('fails with exit 2 for %j', async (argv, stderr) => {
    expect(await run(['publish', ...argv])).toEqual({ code: 2, stdout: '', stderr });
  });

  test('fails with exit 2 for a GitHub repository without GITHUB_TOKEN, and for one on a host it cannot tell without --push', async () => {
    const controlPlane = tutorialRepository();
    const noToken = await run([
      'publish',
      '-c',
      controlPlane.path,
      '-e',
      'dev',
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ]);
    expect(noToken).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'kalypso publish: GITHUB_TOKEN is not set; a pull request needs a token (or use --push); run kalypso publish --help\n',
    });
    const elsewhere = controlPlanePublishingTo('https://gitlab.example.com/org/gitops');
    const notGitHub = await run(
      ['publish', '-c', elsewhere.path, '-e', 'dev', '--source', APP_SOURCE, '--cache', temporaryFolder()],
      { GITHUB_TOKEN: TOKEN },
    );
    expect(notGitHub.code).toBe(2);
    expect(notGitHub.stderr).toBe(
      'kalypso publish: https://gitlab.example.com/org/gitops (GitOpsRepo of environment "dev"): cannot tell which Git host serves gitlab.example.com; ' +
        'give --host (github, gitlab, azure-devops, gitea, bitbucket) and, for a self-hosted instance, --api-url, or publish it with --push; run kalypso publish --help\n',
    );
  });

  test('fails with exit 1, publishing nothing, for a GitOpsRepo branch git could read as an option', async () => {
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', {});
    const controlPlane = tutorialRepository((branch, files) => {
      if (branch === 'dev') {
        files['gitops-repo.yaml'] = files['gitops-repo.yaml']
          .toString()
          .replace('https://github.com/microsoft/kalypso-gitops', gitops.url)
          .replace('branch: dev', 'branch: --upload-pack=touch');
      }
    });
    const { code, stdout, stderr } = await run([
      'publish',
      '-c',
      controlPlane.path,
      '-e',
      'dev',
      '--push',
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toBe(
      'error  dev/gitops-repo.yaml:7:3  GitOpsRepo/dev  spec.branch  branch "--upload-pack=touch" starts with "-"\n1 error, 0 warnings; nothing published\n',
    );
  });

  test('fails with exit 1 for a registered workload whose repo git could read as an option or a transport', async () => {
    const controlPlane = tutorialRepository((branch, files) => {
      if (branch === 'main')
        files['workloads/hello-world-app.yaml'] = files['workloads/hello-world-app.yaml']
          .toString()
          .replace('repo: ./kalypso-app-src', 'repo: "ext::sh -c touch% /tmp/pwned"');
    });
    const { code, stderr } = await run(['validate', '-c', controlPlane.path, '--cache', temporaryFolder()]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'WorkloadRegistration/hello-world-app  spec.workload.repo  cannot read the workload: "ext::sh -c touch% /tmp/pwned" is neither a repository URL nor a folder inside the control plane',
    );
  });

  test("fails with exit 2 and git's message when the GitOps repository cannot be reached", async () => {
    const missing = `${createBareRepository().url}-missing`;
    const controlPlane = controlPlanePublishingTo(missing);
    const { code, stderr } = await run([
      'publish',
      '-c',
      controlPlane.path,
      '-e',
      'dev',
      '--push',
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(
      new RegExp(
        `^kalypso publish: cannot list the branches of ${missing}: .*does not appear to be a git repository.*\\n$`,
      ),
    );
  });
});

describe('kalypso publish to GitHub', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer({ token: TOKEN });
    server.createRepo('org', 'gitops', { defaultBranch: 'main' });
    server.seedBranch('org', 'gitops', 'main', { 'README.md': '# gitops\n' });
    server.seedBranch('org', 'gitops', 'dev', { 'README.md': '# gitops\n' });
  });
  afterEach(async () => {
    await server.close();
    expect(server.contractViolations()).toEqual([]);
  });

  const services = (): CliServices => fakeGitHubServices(server, TOKEN);

  test('opens the pull request, and the token appears nowhere: output, pull request, requests, cache', async () => {
    // GIVEN
    const controlPlane = controlPlanePublishingTo(`${server.url}/org/gitops`);
    const cache = temporaryFolder();
    // WHEN
    const first = await run(
      [
        'publish',
        '-c',
        controlPlane.url,
        '-e',
        'dev',
        '--github-api-url',
        server.url,
        '--source',
        APP_SOURCE,
        '--cache',
        cache,
      ],
      { GITHUB_TOKEN: TOKEN },
      services(),
    );
    const again = await run(
      [
        'publish',
        '-c',
        controlPlane.url,
        '-e',
        'dev',
        '--github-api-url',
        server.url,
        '--source',
        APP_SOURCE,
        '--cache',
        cache,
        '--json',
      ],
      { GITHUB_TOKEN: TOKEN },
      services(),
    );
    // THEN
    expect(first).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'dev: opened pull request #1 into dev: https://github.com/org/gitops/pull/1 (12 added, 0 changed, 0 deleted)\n',
    });
    expect(JSON.parse(again.stdout).environments[0].outcome).toEqual({
      kind: 'pull-request',
      action: 'unchanged',
      number: 1,
      url: 'https://github.com/org/gitops/pull/1',
    });
    const [pull] = server.listPulls('org', 'gitops');
    expect(pull).toMatchObject({ title: 'Update manifests in dev', head: 'kalypso/dev', labels: ['promoted'] });
    expect(pull.body).toContain('### Changed cells\n\n');
    for (const text of [first.stdout, first.stderr, again.stdout, again.stderr, pull.body ?? ''])
      expect(text).not.toContain(TOKEN);
    expect(server.requestsContaining(TOKEN)).toEqual([]);
    expect(server.requests().every((request) => request.headers.authorization === `token ${TOKEN}`)).toBe(true);
    expect(filesContaining(cache, TOKEN)).toEqual([]);
  });

  test("fails with exit 2 and GitHub's message on a 422, with the token scrubbed from it", async () => {
    const controlPlane = controlPlanePublishingTo(`${server.url}/org/gitops`);
    server.failNext({ route: 'pulls/create', status: 422, message: `Validation Failed for ${TOKEN}` });
    const argv = [
      'publish',
      '-c',
      controlPlane.path,
      '-e',
      'dev',
      '--github-api-url',
      server.url,
      '--source',
      APP_SOURCE,
      '--cache',
      temporaryFolder(),
    ];
    const { code, stdout, stderr } = await run(argv, { GITHUB_TOKEN: TOKEN }, services());
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      'kalypso publish: cannot open the pull request in org/gitops: GitHub answered 422 Validation Failed for ***\n',
    );
    // the command itself scrubs it, not only the last line of defence in main()
    server.failNext({ route: 'pulls/create', status: 422, message: `Validation Failed for ${TOKEN}` });
    const io = {
      stdout: () => undefined,
      stderr: () => undefined,
      cwd: ROOT,
      env: { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: TOKEN },
    };
    await expect(PUBLISH.run(argv.slice(1), io, services())).rejects.toThrow(
      'cannot open the pull request in org/gitops: GitHub answered 422 Validation Failed for ***',
    );
  });

  test('--dry-run reads GitHub and writes nothing', async () => {
    const controlPlane = controlPlanePublishingTo(`${server.url}/org/gitops`);
    const { code, stdout } = await run(
      [
        'publish',
        '-c',
        controlPlane.path,
        '-e',
        'dev',
        '--github-api-url',
        server.url,
        '--dry-run',
        '--source',
        APP_SOURCE,
        '--cache',
        temporaryFolder(),
      ],
      { GITHUB_TOKEN: TOKEN },
      services(),
    );
    expect(code).toBe(0);
    expect(stdout).toContain(
      `dev: would publish to ${server.url}/org/gitops branch dev as a pull request from kalypso/dev (12 added, 0 changed, 0 deleted; dry run, nothing changed)\n`,
    );
    expect(server.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    expect(server.listPulls('org', 'gitops')).toEqual([]);
  });
});

describe('the CI workflow example', () => {
  const file = path.join(ROOT, 'examples/github-workflows/kalypso-publish.yaml');
  const workflow = load(fs.readFileSync(file, 'utf8')) as {
    on: { push: { branches: string[] } };
    jobs: { publish: { steps: { run?: string; env?: Record<string, string> }[] } };
  };

  test('runs kalypso publish on pushes to main and to environment branches, with the token from a secret', () => {
    expect(workflow.on.push.branches).toEqual(['main', 'dev', 'stage']);
    const publish = workflow.jobs.publish.steps.find((step) => step.run?.includes('kalypso "${args[@]}"'));
    expect(publish?.env?.GITHUB_TOKEN).toBe('${{ secrets.GITOPS_REPO_TOKEN }}');
  });

  test('uses only flags kalypso publish has', () => {
    const text = fs.readFileSync(file, 'utf8');
    const flags = [...new Set([...text.matchAll(/(?<![\w-])--[a-z][a-z-]+/g)].map((match) => match[0]))].filter(
      (flag) => !['--global'].includes(flag),
    );
    const help = commandHelp(PUBLISH);
    expect(flags.filter((flag) => !help.includes(`${flag} `) && !help.includes(`${flag}\n`))).toEqual([]);
    expect(flags).toEqual(
      expect.arrayContaining(['--control-plane', '--env', '--dry-run', '--push', '--host', '--api-url']),
    );
  });
});

/** Files below `folder` whose bytes contain the text, or its Base64 forms. */
function filesContaining(folder: string, text: string): string[] {
  const needles = [
    text,
    Buffer.from(text).toString('base64'),
    Buffer.from(`x-access-token:${text}`).toString('base64'),
  ].map((needle) => Buffer.from(needle));
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (entry.isFile() && needles.some((needle) => fs.readFileSync(file).includes(needle))) found.push(file);
    }
  };
  walk(folder);
  return found;
}
