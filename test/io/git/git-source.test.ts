import * as fs from 'fs';
import * as path from 'path';
import { GitCache } from '../../../src/io/git/git-cache';
import { GitSource } from '../../../src/io/git/git-source';
import { FolderSource } from '../../../src/io/source/folder-source';
import { loadControlPlane } from '../../../src/io/source/load';
import { yamlFileFilter } from '../../../src/io/source/read-documents';
import { formatProblem } from '../../../src/core/model/problems';
import { commitFiles, createBareRepository, git, testGitRunner, tutorialRepository } from '../../support/git';
import { temporaryFolder, writeFiles } from '../../support/temp';

const runner = testGitRunner();

const asText = (files: { path: string; content: Buffer }[]) =>
  files.map((file) => [file.path, file.content.toString('utf8')]);

const BRANCH_FILES = {
  'a.yaml': 'a: 1\n',
  'notes.txt': 'not yaml\n',
  'b/c.yml': 'c: 1\n',
  'b/skip.yaml': 'skip: 1\n',
  'b/.sourceignore': 'skip.yaml\n',
  '.github/workflows/ci.yaml': 'ignored: by flux\n',
  'Z/upper.yaml': 'z: 1\n',
  '.sourceignore': '# nothing\nlegacy/\n',
  'legacy/old.yaml': 'old: 1\n',
};

describe('GitSource', () => {
  test('reads a branch exactly as a folder of branches reads the same files', async () => {
    // GIVEN the same files as a folder and as a branch of a bare repository
    const folder = temporaryFolder();
    writeFiles(path.join(folder, 'dev'), BRANCH_FILES);
    const repository = createBareRepository();
    commitFiles(repository, 'dev', BRANCH_FILES);
    // WHEN
    const fromGit = await (await GitSource.open(repository.path, { git: runner })).readBranch('dev', yamlFileFilter());
    const fromFolder = await new FolderSource(folder).readBranch('dev', yamlFileFilter());
    // THEN
    expect(asText(fromGit)).toEqual(asText(fromFolder));
    expect(asText(fromGit)).toEqual([
      ['Z/upper.yaml', 'z: 1\n'],
      ['a.yaml', 'a: 1\n'],
      ['b/c.yml', 'c: 1\n'],
    ]);
  });

  test('lists files over the size limit without reading them, as the folder source does', async () => {
    const files = { 'small.yaml': 'a: 1\n', 'big.yaml': `big: "${'x'.repeat(200)}"\n` };
    const folder = temporaryFolder();
    writeFiles(path.join(folder, 'dev'), files);
    const repository = createBareRepository();
    commitFiles(repository, 'dev', files);
    const fromGit = await (
      await GitSource.open(repository.path, { git: runner })
    ).readBranch('dev', yamlFileFilter(100));
    const fromFolder = await new FolderSource(folder).readBranch('dev', yamlFileFilter(100));
    expect(fromGit).toEqual(fromFolder);
    expect(fromGit.map((file) => [file.path, file.content.length, file.size])).toEqual([
      ['big.yaml', 0, 208],
      ['small.yaml', 5, undefined],
    ]);
  });

  test('skips symbolic links and submodules, as the folder source does', async () => {
    const repository = createBareRepository();
    const commit = commitFiles(repository, 'main', { 'a.yaml': 'a: 1\n' });
    const blob = git(['--git-dir', repository.path, 'hash-object', '-w', '--stdin'], { input: 'a.yaml' });
    const tree = git(['--git-dir', repository.path, 'mktree'], {
      input: `100644 blob ${git(['--git-dir', repository.path, 'rev-parse', `${commit}:a.yaml`])}\ta.yaml\n120000 blob ${blob}\tlink.yaml\n160000 commit ${commit}\tsub\n`,
    });
    git([
      '--git-dir',
      repository.path,
      'update-ref',
      'refs/heads/main',
      git(['--git-dir', repository.path, 'commit-tree', '-m', 'x', tree]),
    ]);
    const files = await (await GitSource.open(repository.path, { git: runner })).readBranch('main', yamlFileFilter());
    expect(files.map((file) => file.path)).toEqual(['a.yaml']);
  });

  test('reads the branches of a local clone from git objects, leaving its work tree and index alone', async () => {
    // GIVEN a clone checked out on dev, with local edits, and main only as origin/main
    const origin = tutorialRepository();
    const clone = path.join(temporaryFolder(), 'clone');
    git(['clone', '--quiet', '--branch', 'dev', origin.url, clone]);
    fs.writeFileSync(path.join(clone, 'gitops-repo.yaml'), 'edited: in the work tree\n');
    fs.writeFileSync(path.join(clone, 'untracked.yaml'), 'x: 1\n');
    const status = git(['status', '--porcelain'], { cwd: clone });
    const index = fs.readFileSync(path.join(clone, '.git/index'));
    // WHEN
    const source = await GitSource.open(clone, { git: runner });
    const branches = await source.branches();
    const dev = await source.readBranch('dev', yamlFileFilter());
    const main = await source.readBranch('main', yamlFileFilter());
    // THEN
    expect(branches).toEqual(['dev', 'main', 'stage']);
    expect(dev.find((file) => file.path === 'gitops-repo.yaml')?.content.toString()).toContain('kind: GitOpsRepo');
    expect(dev.map((file) => file.path)).not.toContain('untracked.yaml');
    expect(main.map((file) => file.path)).toContain('workloads/hello-world-app.yaml');
    expect(git(['status', '--porcelain'], { cwd: clone })).toBe(status);
    expect(fs.readFileSync(path.join(clone, '.git/index'))).toEqual(index);
  });

  test('mirrors a URL into the cache and fetches new commits incrementally', async () => {
    // GIVEN
    const origin = createBareRepository();
    commitFiles(origin, 'main', { 'a.yaml': 'a: 1\n' });
    const cache = new GitCache(temporaryFolder(), runner);
    expect(await (await GitSource.open(origin.url, { git: runner, cache })).branches()).toEqual(['main']);
    // WHEN the remote moves on
    commitFiles(origin, 'main', { 'a.yaml': 'a: 2\n' });
    commitFiles(origin, 'dev', { 'b.yaml': 'b: 1\n' });
    const source = await GitSource.open(origin.url, { git: runner, cache });
    // THEN
    expect(await source.branches()).toEqual(['dev', 'main']);
    expect(asText(await source.readBranch('main', yamlFileFilter()))).toEqual([['a.yaml', 'a: 2\n']]);
    expect(fs.readdirSync(path.join(cache.root, 'repositories'))).toHaveLength(1);
  });

  test('drops branches deleted on the remote from the mirror', async () => {
    const origin = createBareRepository();
    commitFiles(origin, 'main', { 'a.yaml': 'a: 1\n' });
    commitFiles(origin, 'old', { 'a.yaml': 'a: 1\n' });
    const cache = new GitCache(temporaryFolder(), runner);
    await GitSource.open(origin.url, { git: runner, cache });
    git(['--git-dir', origin.path, 'branch', '-D', 'old']);
    expect(await (await GitSource.open(origin.url, { git: runner, cache })).branches()).toEqual(['main']);
  });

  test('fails for a folder that is not a repository root', async () => {
    const folder = temporaryFolder();
    await expect(GitSource.open(folder, { git: runner })).rejects.toThrow(/is not a git repository/);
  });

  test.each([
    ['ext::sh -c touch% /tmp/pwned', /uses the transport "ext::"/],
    ['--upload-pack=touch /tmp/pwned', /starts with "-"/],
  ])('fails before running git for the control plane %j', async (location, message) => {
    await expect(
      GitSource.open(location, { git: runner, cache: new GitCache(temporaryFolder(), runner) }),
    ).rejects.toThrow(message);
  });
});

describe('loadControlPlane from git', () => {
  test('loads the tutorial from a bare repository like the folder of branches', async () => {
    const repository = tutorialRepository();
    const fromGit = await loadControlPlane(await GitSource.open(repository.path, { git: runner }), {
      sources: new Map([['./kalypso-app-src', path.join(__dirname, '../../../examples/tutorial/kalypso-app-src')]]),
    });
    expect(fromGit.problems).toEqual([]);
    expect(
      fromGit.model.environments.map((environment) => [
        environment.name,
        environment.clusterTypes.length,
        environment.workloads.length,
      ]),
    ).toEqual([
      ['dev', 4, 1],
      ['stage', 2, 1],
    ]);
  });

  test('reads main at the commit a BaseRepo named main pins', async () => {
    // GIVEN main with two commits; dev pins the first, stage follows main
    const repository = createBareRepository();
    const template = (name: string) =>
      `apiVersion: scheduler.kalypso.io/v1alpha1\nkind: Template\nmetadata: {name: ${name}}\nspec: {type: reconciler, manifests: ["x: 1"]}\n`;
    const first = commitFiles(repository, 'main', { 'templates.yaml': template('old') });
    commitFiles(repository, 'main', { 'templates.yaml': template('new') });
    commitFiles(repository, 'dev', { 'base-repo.yaml': baseRepo(first) }, { parent: null });
    commitFiles(
      repository,
      'stage',
      { 'other.yaml': 'kind: Unknown\napiVersion: v1\nmetadata: {name: x}\n' },
      { parent: null },
    );
    // WHEN
    const { model, problems } = await loadControlPlane(await GitSource.open(repository.path, { git: runner }));
    // THEN
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(
      model.environments.map((environment) => [environment.name, environment.templates.map((t) => t.name)]),
    ).toEqual([
      ['dev', ['old']],
      ['stage', ['new']],
    ]);
  });

  test('fails naming the BaseRepo when the pinned commit does not exist', async () => {
    const repository = createBareRepository();
    commitFiles(repository, 'main', { 'x.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n' });
    commitFiles(
      repository,
      'dev',
      { 'base-repo.yaml': baseRepo('0123456789abcdef0123456789abcdef01234567') },
      { parent: null },
    );
    const { model, problems } = await loadControlPlane(await GitSource.open(repository.path, { git: runner }));
    expect(problems.map(formatProblem)).toEqual([
      `dev/base-repo.yaml:8:3  BaseRepo/main  spec.commit  commit "0123456789abcdef0123456789abcdef01234567" of the "main" branch does not exist in ${repository.path}`,
    ]);
    expect(model.environments).toEqual([]);
  });

  test('fetches a pinned commit that no branch of the mirror holds any more', async () => {
    // GIVEN a remote whose main was rewritten after dev pinned its old tip, kept alive by a tag
    const origin = createBareRepository();
    const pinned = commitFiles(origin, 'main', {
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: pinned}\n',
    });
    git(['--git-dir', origin.path, 'tag', 'keep', pinned]);
    commitFiles(
      origin,
      'main',
      { 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: rewritten}\n' },
      { parent: null },
    );
    commitFiles(origin, 'dev', { 'base-repo.yaml': baseRepo(pinned) }, { parent: null });
    // WHEN
    const cache = new GitCache(temporaryFolder(), runner);
    const { model, problems } = await loadControlPlane(await GitSource.open(origin.url, { git: runner, cache }));
    // THEN
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(model.environments[0].configMaps.map((configMap) => configMap.name)).toEqual(['pinned']);
  });

  test('fails naming the branch of an environment that does not exist', async () => {
    const repository = createBareRepository();
    commitFiles(repository, 'main', {
      'env.yaml':
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: Environment\nmetadata: {name: dev}\nspec: {controlPlane: {repo: x, branch: dev, path: .}}\n',
    });
    const { problems } = await loadControlPlane(await GitSource.open(repository.path, { git: runner }));
    expect(problems.map(formatProblem)).toEqual([
      'main/env.yaml:4:32  Environment/dev  spec.controlPlane.branch  branch "dev" of environment "dev" does not exist',
    ]);
  });
});

function baseRepo(commit: string): string {
  return `apiVersion: scheduler.kalypso.io/v1alpha1
kind: BaseRepo
metadata:
  name: main
spec:
  repo: https://github.com/org/control-plane
  branch: main
  commit: ${commit}
  path: .
`;
}
