import * as fs from 'fs';
import * as path from 'path';
import { GitCache } from '../../../src/io/git/git-cache';
import { GitRemoteReader, normalizeTreePath } from '../../../src/io/git/git-remote-reader';
import { GitRunner } from '../../../src/io/git/git-runner';
import { FolderSource } from '../../../src/io/source/folder-source';
import { loadControlPlane } from '../../../src/io/source/load';
import { WorkloadSourceError } from '../../../src/io/source/workload-sources';
import { formatProblem } from '../../../src/core/model/problems';
import { commitFiles, createBareRepository, git, testGitRunner } from '../../support/git';
import { temporaryFolder, writeFiles } from '../../support/temp';

const WORKLOAD = (name: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: ${name}}
spec:
  deploymentTargets: [{name: ft, environment: dev, manifests: {repo: https://example.com/app, branch: dev, path: ./ft}}]
`;

/** A runner that counts the commands it runs. */
function countingRunner(): { runner: GitRunner; commands: string[][] } {
  const runner = testGitRunner();
  const commands: string[][] = [];
  const run = runner.run.bind(runner);
  runner.run = (args, options) => {
    commands.push([...args]);
    return run(args, options);
  };
  return { runner, commands };
}

describe('GitRemoteReader', () => {
  const app = createBareRepository('app.git');
  commitFiles(app, 'main', {
    'workload/workload.yaml': WORKLOAD('app'),
    'workload/nested/more.yaml': WORKLOAD('more'),
    'workload/README.md': '# not yaml\n',
    'single.yaml': WORKLOAD('single'),
  });
  commitFiles(app, 'release', { 'workload.yaml': WORKLOAD('released') }, { parent: null });

  test.each([
    ['./workload', ['workload/nested/more.yaml', 'workload/workload.yaml']],
    ['workload/', ['workload/nested/more.yaml', 'workload/workload.yaml']],
    ['single.yaml', ['single.yaml']],
    ['.', ['single.yaml', 'workload/nested/more.yaml', 'workload/workload.yaml']],
  ])('reads %j as a file or a folder of YAML files', async (workloadPath, files) => {
    const reader = new GitRemoteReader(new GitCache(temporaryFolder(), testGitRunner()));
    const read = await reader.read(app.url, 'main', workloadPath);
    expect(read.prefix).toBe(`${app.url}@main`);
    expect(read.files.map((file) => file.path)).toEqual(files);
  });

  test('fetches each repository and branch once, shallow, however many registrations share it', async () => {
    const { runner, commands } = countingRunner();
    const reader = new GitRemoteReader(new GitCache(temporaryFolder(), runner));
    await Promise.all([
      reader.read(app.url, 'main', 'workload'),
      reader.read(app.url, 'main', 'single.yaml'),
      reader.read(`${app.url}`, 'release', '.'),
    ]);
    const fetches = commands.filter((args) => args[0] === 'fetch');
    expect(fetches.map((args) => args.slice(-1)[0])).toEqual([
      '+refs/heads/main:refs/heads/main',
      '+refs/heads/release:refs/heads/release',
    ]);
    expect(fetches.every((args) => args.includes('--depth=1'))).toBe(true);
  });

  test('keeps one shallow history: a later run fetches only what is new', async () => {
    const origin = createBareRepository('grows.git');
    commitFiles(origin, 'main', { 'w.yaml': WORKLOAD('v1') });
    const cache = new GitCache(temporaryFolder(), testGitRunner());
    await new GitRemoteReader(cache).read(origin.url, 'main', 'w.yaml');
    commitFiles(origin, 'main', { 'w.yaml': WORKLOAD('v2') });
    const read = await new GitRemoteReader(cache).read(origin.url, 'main', 'w.yaml');
    expect(read.files[0].content.toString()).toContain('name: v2');
    const mirror = path.join(cache.root, 'shallow', fs.readdirSync(path.join(cache.root, 'shallow'))[0]);
    expect(git(['--git-dir', mirror, 'rev-list', '--count', 'main'])).toBe('1');
  });

  test.each([
    [
      'ext::sh -c touch% /tmp/pwned',
      'main',
      '.',
      'repository "ext::sh -c touch% /tmp/pwned" uses the transport "ext::", which is not allowed',
    ],
    ['--upload-pack=touch /tmp/pwned', 'main', '.', 'repository "--upload-pack=touch /tmp/pwned" starts with "-"'],
    ['https://github.com/org/app', '--upload-pack=x', '.', 'branch "--upload-pack=x" starts with "-"'],
    ['https://github.com/org/app', 'main', '../../etc', 'path "../../etc" leaves the repository'],
  ])('fails before running git for repo %j, branch %j, path %j', async (repo, branch, workloadPath, message) => {
    const { runner, commands } = countingRunner();
    const reader = new GitRemoteReader(new GitCache(temporaryFolder(), runner));
    await expect(reader.read(repo, branch, workloadPath)).rejects.toThrow(new WorkloadSourceError(message));
    expect(commands).toEqual([]);
  });

  test.each([
    ['a missing branch', 'nope', '.', /branch "nope" does not exist in file:/],
    ['a missing path', 'main', 'nowhere', /"nowhere" does not exist in file:.*app\.git@main/],
  ])('fails for %s', async (_name, branch, workloadPath, message) => {
    const reader = new GitRemoteReader(new GitCache(temporaryFolder(), testGitRunner()));
    await expect(reader.read(app.url, branch, workloadPath)).rejects.toThrow(message);
  });

  test('lets loadControlPlane read registered workloads from git, with problems located in the registration', async () => {
    // GIVEN registrations pointing at the app repository, one at a branch it does not have
    const root = temporaryFolder();
    const registration = (name: string, branch: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: WorkloadRegistration
metadata: {name: ${name}}
spec: {workload: {repo: "${app.url}", branch: ${branch}, path: ./workload}, workspace: team-a}
`;
    writeFiles(root, {
      'main/a.yaml': registration('a', 'main'),
      'main/b.yaml': registration('b', 'gone'),
      'dev/x.yaml': '',
    });
    // WHEN
    const { model, problems } = await loadControlPlane(new FolderSource(root), {
      remote: new GitRemoteReader(new GitCache(temporaryFolder(), testGitRunner())),
    });
    // THEN
    expect(model.environments[0].workloads.map((workload) => [workload.name, workload.workspace])).toEqual([
      ['more', 'team-a'],
      ['app', 'team-a'],
    ]);
    expect(problems.map(formatProblem)).toEqual([
      `main/b.yaml:1:1  WorkloadRegistration/b  spec.workload.repo  cannot read the workload: branch "gone" does not exist in ${app.url}`,
    ]);
  });
});

describe('normalizeTreePath', () => {
  test.each([
    ['./workload', 'workload'],
    ['workload/', 'workload'],
    ['/workload', 'workload'],
    ['.', ''],
    ['', ''],
    ['a/./b', 'a/b'],
    ['a\\b', 'a/b'],
    ['../x', undefined],
    ['a/../../x', undefined],
    ['a/../b', undefined],
  ])('%j → %j', (value, expected) => {
    expect(normalizeTreePath(value)).toBe(expected);
  });
});
