import * as path from 'path';
import { openControlPlane } from '../../src/app/setup/control-plane';
import { gitServices } from '../../src/app/setup/git-services';
import { GitSource } from '../../src/io/git/git-source';
import { FolderSource } from '../../src/io/source/folder-source';
import { ROOT, runCli } from '../support/cli';
import { ISOLATED_GIT_ENV, commitFiles, createBareRepository, git, tutorialRepository } from '../support/git';
import { temporaryFolder, writeFiles } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const io = () => ({
  stdout: () => undefined,
  stderr: () => undefined,
  cwd: ROOT,
  env: { ...process.env, ...ISOLATED_GIT_ENV },
});

describe('openControlPlane', () => {
  const bare = createBareRepository();
  commitFiles(bare, 'main', { 'a.yaml': 'a: 1\n' });
  const clone = path.join(temporaryFolder(), 'clone');
  git(['clone', '--quiet', bare.url, clone]);
  const committedFolderOfBranches = temporaryFolder();
  writeFiles(committedFolderOfBranches, { 'main/a.yaml': 'a: 1\n', 'dev/b.yaml': 'b: 1\n' });
  git(['init', '--quiet', committedFolderOfBranches]);

  test.each<[string, () => string, typeof GitSource | typeof FolderSource]>([
    ['a bare repository is read as git', () => bare.path, GitSource],
    ['the top of a clone is read as git', () => clone, GitSource],
    ['a URL is mirrored and read as git', () => bare.url, GitSource],
    ['a folder inside a clone is a folder of branches', () => TUTORIAL, FolderSource],
    ['the top of a clone holding main/ is a folder of branches', () => committedFolderOfBranches, FolderSource],
  ])('%s', async (_name, location, kind) => {
    const { controlPlane } = await openControlPlane(location(), gitServices(io().env, { cache: temporaryFolder() }));
    expect(controlPlane).toBeInstanceOf(kind);
  });

  test.each<[string, string[], number, string]>([
    ['validate', [], 0, 'valid'],
    ['explain', [], 0, 'hello-world-app-functional-test'],
    ['diff', ['--against', temporaryFolder()], 3, 'drone/hello-world-app-functional-test/reconciler.yaml'],
  ])('kalypso %s reads a git control plane too', async (command, flags, exitCode, output) => {
    const repository = tutorialRepository();
    const source = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
    const { code, stdout, stderr } = await runCli([
      command,
      ...flags,
      '-c',
      repository.url,
      '--env',
      'dev',
      '--source',
      source,
      '--cache',
      temporaryFolder(),
    ]);
    expect({ code, stderr }).toEqual({ code: exitCode, stderr: '' });
    expect(stdout).toContain(output);
  });
});
