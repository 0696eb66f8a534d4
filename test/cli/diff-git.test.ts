import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCliIsolated } from '../support/cli';
import {
  BareRepository,
  commitFiles,
  createBareRepository,
  git,
  readBranchFiles,
  tutorialRepository,
} from '../support/git';
import { readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL, tutorialCopy } from '../support/tutorial';

const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
const DATABASE_URL_CHANGE =
  'stage/large/hello-world-app-uat-test/platform-config.yaml ConfigMap/platform-config data.DATABASE_URL: ' +
  '"mysql://china-north-3:8806/mysql2" → "mysql://china-north-3:9906/mysql2"';

/** Runs the command line in-process with git isolated from the user's configuration and a cache of its own. */
function run(argv: string[], cwd = ROOT) {
  return runCliIsolated([...argv, '--cache', temporaryFolder('kalypso-cache-')], { cwd });
}

/** The tutorial's synthesized environments, each committed to its branch of a bare GitOps repository beside other files. */
async function publishedTutorial(
  gitops = createBareRepository('gitops.git'),
  synthFlags = ['-c', TUTORIAL],
): Promise<BareRepository> {
  const out = temporaryFolder();
  expect((await run(['synth', ...synthFlags, '-o', out])).code).toBe(0);
  for (const environment of ['dev', 'stage']) {
    commitFiles(gitops, environment, {
      ...readTree(path.join(out, environment)),
      'README.md': 'the platform repository\n',
      'docs/x.yaml': 'a: 1\n',
    });
  }
  return gitops;
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

describe('kalypso diff --against ENV=REPO#BRANCH', () => {
  test('exits 0 when the branch of a bare repository equals the plan, ignoring its unmanaged files', async () => {
    const gitops = await publishedTutorial();
    const { code, stdout, stderr } = await run(['diff', '-c', TUTORIAL, '--against', `stage=${gitops.path}#stage`]);
    expect({ code, stdout, stderr }).toEqual({
      code: 0,
      stdout: `stage: no differences (against ${gitops.path} branch stage)\n`,
      stderr: '',
    });
  });

  test('shows a config change field by field, reading the branch through a file:// URL, exit 3', async () => {
    const gitops = await publishedTutorial();
    const copy = tutorialCopy();
    edit(
      path.join(copy, 'stage/cluster-types/china-north-3/china-north-3-config.yaml'),
      'mysql://china-north-3:8806/mysql2',
      'mysql://china-north-3:9906/mysql2',
    );
    const { code, stdout } = await run([
      'diff',
      '-c',
      copy,
      '--against',
      `dev=${gitops.url}#dev`,
      '--against',
      `stage=${gitops.url}#stage`,
    ]);
    expect(code).toBe(3);
    expect(stdout).toBe(
      `${DATABASE_URL_CHANGE}\n\ndev: no differences (against ${gitops.url} branch dev)\n` +
        `stage: 0 added, 1 changed, 0 removed (against ${gitops.url} branch stage)\n`,
    );
  });

  test('reads the committed branch of a clone, not its work tree or a checkout (relative path, --json)', async () => {
    const gitops = await publishedTutorial();
    const parent = temporaryFolder();
    git(['clone', '--quiet', '--branch', 'stage', gitops.path, path.join(parent, 'clone')]);
    const clone = path.join(parent, 'clone');
    fs.writeFileSync(
      path.join(clone, 'large/hello-world-app-uat-test/platform-config.yaml'),
      'edited in the work tree\n',
    );
    fs.rmSync(path.join(clone, 'small'), { recursive: true, force: true });
    const before = git(['status', '--porcelain'], { cwd: clone });

    const { code, stdout } = await run(['diff', '-c', TUTORIAL, '--against', 'stage=clone#stage', '--json'], parent);

    expect(code).toBe(0);
    expect(JSON.parse(stdout).environments).toEqual([
      expect.objectContaining({
        name: 'stage',
        against: { repo: clone, branch: 'stage' },
        equal: true,
        added: [],
        removed: [],
        changed: [],
      }),
    ]);
    expect(git(['status', '--porcelain'], { cwd: clone })).toBe(before);
    expect(fs.readFileSync(path.join(clone, 'large/hello-world-app-uat-test/platform-config.yaml'), 'utf8')).toBe(
      'edited in the work tree\n',
    );
  });

  test('lists files of a cluster type folder the plan no longer has as removed', async () => {
    const gitops = await publishedTutorial();
    const copy = tutorialCopy();
    fs.rmSync(path.join(copy, 'dev/scheduling/performance-test-policy.yaml'));
    const { code, stdout } = await run(['diff', '-c', copy, '--env', 'dev', '--against', `dev=${gitops.path}#dev`]);
    expect(code).toBe(3);
    expect(stdout).toMatch(/^dev\/large\/hello-world-app-performance-test\/platform-config\.yaml removed$/m);
    expect(stdout).toMatch(/dev: 0 added, 0 changed, \d+ removed/);
  });

  test.each([
    [(repo: string) => `stage=${repo}#nope`, /branch nope does not exist in .*gitops\.git/],
    [(repo: string) => `${repo}#stage`, /a git branch is compared with one environment; write --against ENV=/],
    [(repo: string) => `stage=${repo}#bad..name`, /branch "bad\.\.name"/],
    [() => 'stage=ext::sh -c touch% /tmp/pwned#stage', /transport "ext::", which is not allowed/],
    [() => `stage=${path.join(temporaryFolder(), 'not-a-repository')}#stage`, /cannot fetch .*not-a-repository/],
  ])('fails with exit 2, naming what is wrong: %#', async (against, message) => {
    const gitops = await publishedTutorial();
    const { code, stdout, stderr } = await run(['diff', '-c', TUTORIAL, '--against', against(gitops.path)]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
  });
});

describe('kalypso diff --against-gitops', () => {
  /** The tutorial control plane in git, with the dev and stage GitOpsRepos pointing at `gitops`. */
  function controlPlaneFor(gitops: BareRepository) {
    return tutorialRepository((_branch, files) => {
      if (files['gitops-repo.yaml'])
        files['gitops-repo.yaml'] = files['gitops-repo.yaml']
          .toString()
          .replace('https://github.com/microsoft/kalypso-gitops', gitops.url);
    });
  }

  test('compares every environment with its GitOpsRepo branch: equal after publishing, then one change', async () => {
    const gitops = createBareRepository('gitops.git');
    const controlPlane = controlPlaneFor(gitops);
    await publishedTutorial(gitops, ['-c', controlPlane.path, '--source', APP_SOURCE]);
    const equal = await run(['diff', '-c', controlPlane.path, '--source', APP_SOURCE, '--against-gitops']);
    expect(equal).toEqual({
      code: 0,
      stderr: '',
      stdout: `dev: no differences (against ${gitops.url} branch dev)\nstage: no differences (against ${gitops.url} branch stage)\n`,
    });

    // WHEN stage's branch of the control plane changes a config value (main, and so the promoted commit, stays)
    const stage = readBranchFiles(controlPlane, 'stage');
    const config = 'cluster-types/china-north-3/china-north-3-config.yaml';
    commitFiles(controlPlane, 'stage', {
      ...stage,
      [config]: stage[config].replace('mysql://china-north-3:8806/mysql2', 'mysql://china-north-3:9906/mysql2'),
    });
    const { code, stdout } = await run([
      'diff',
      '-c',
      controlPlane.path,
      '--source',
      APP_SOURCE,
      '--against-gitops',
      '--env',
      'stage',
    ]);
    expect({ code, stdout }).toEqual({
      code: 3,
      stdout: `${DATABASE_URL_CHANGE}\n\nstage: 0 added, 1 changed, 0 removed (against ${gitops.url} branch stage)\n`,
    });
  });

  test('ENV=TREE given with it takes precedence for that environment', async () => {
    const gitops = await publishedTutorial();
    const out = temporaryFolder();
    expect((await run(['synth', '-c', TUTORIAL, '-o', out])).code).toBe(0);
    const copy = tutorialCopy();
    edit(path.join(copy, 'dev/gitops-repo.yaml'), 'https://github.com/microsoft/kalypso-gitops', gitops.url);
    edit(path.join(copy, 'stage/gitops-repo.yaml'), 'https://github.com/microsoft/kalypso-gitops', gitops.url);
    const { code, stdout } = await run(['diff', '-c', copy, '--against-gitops', '--against', `stage=${out}/stage`]);
    expect({ code, stdout }).toEqual({
      code: 0,
      stdout: `dev: no differences (against ${gitops.url} branch dev)\nstage: no differences (against ${out}/stage)\n`,
    });
  });

  test('an environment without a GitOpsRepo is an input problem (exit 1), nothing compared', async () => {
    const copy = tutorialCopy();
    fs.rmSync(path.join(copy, 'dev/gitops-repo.yaml'));
    const { code, stdout, stderr } = await run(['diff', '-c', copy, '--against-gitops']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toContain(
      'Environment/dev  environment "dev" has no GitOpsRepo to compare with (or give --against dev=TREE)',
    );
    expect(stderr).toMatch(/nothing compared\n$/);
  });

  test('a GitOpsRepo with a relative path is an input problem', async () => {
    const copy = tutorialCopy();
    edit(path.join(copy, 'dev/gitops-repo.yaml'), 'https://github.com/microsoft/kalypso-gitops', 'gitops.git');
    const { code, stderr } = await run(['diff', '-c', copy, '--env', 'dev', '--against-gitops']);
    expect(code).toBe(1);
    expect(stderr).toContain('environment "dev": GitOpsRepo repo "gitops.git" is neither a URL nor an absolute path');
  });
});
