import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';
import { gitEnvironment } from '../../src/io/git/git-environment';
import { GitRunner } from '../../src/io/git/git-runner';
import { TUTORIAL } from './tutorial';
import { folderFiles, temporaryFolder, writeFiles } from './temp';

/** git configuration of the machine and user kept out of tests. */
export const ISOLATED_GIT_ENV = { GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' };

/** A runner as the CLI builds it, isolated from the user's git configuration. */
export function testGitRunner(props: { token?: string; tokenUrls?: string[] } = {}): GitRunner {
  return new GitRunner({
    env: gitEnvironment({ ...process.env, ...ISOLATED_GIT_ENV }, props),
    secrets: props.token ? [props.token] : [],
  });
}

/** Runs real git (independent of the code under test); throws with its stderr on failure. */
export function git(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; input?: string } = {}): string {
  const result = spawnSync('git', args, {
    cwd: options.cwd,
    input: options.input,
    encoding: 'utf8',
    env: {
      ...process.env,
      ...ISOLATED_GIT_ENV,
      GIT_AUTHOR_NAME: 'Test',
      GIT_AUTHOR_EMAIL: 'test@example.com',
      GIT_COMMITTER_NAME: 'Test',
      GIT_COMMITTER_EMAIL: 'test@example.com',
      ...options.env,
    },
  });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${result.stderr}`);
  return result.stdout.replace(/\n$/, '');
}

/** A bare repository in a temporary folder. */
export interface BareRepository {
  readonly path: string;
  /** `file://` URL of it. */
  readonly url: string;
}

export function createBareRepository(name = 'repo.git'): BareRepository {
  const folder = path.join(temporaryFolder('kalypso-git-'), name);
  git(['init', '--quiet', '--bare', '--initial-branch=main', folder]);
  return { path: folder, url: pathToFileURL(folder).href };
}

/**
 * Commits exactly `files` as the content of `branch` (on top of its tip, or of `parent`, or as a root commit) with
 * a temporary work tree and index, and returns the commit.
 */
export function commitFiles(
  repository: BareRepository,
  branch: string,
  files: Record<string, string | Buffer>,
  options: { message?: string; parent?: string | null } = {},
): string {
  const work = temporaryFolder('kalypso-work-');
  const index = path.join(temporaryFolder('kalypso-index-'), 'index');
  writeFiles(work, files);
  const env = { GIT_INDEX_FILE: index, GIT_DIR: repository.path, GIT_WORK_TREE: work };
  git(['add', '--all', '--', '.'], { env, cwd: work });
  const tree = git(['write-tree'], { env, cwd: work });
  const tip = options.parent !== undefined ? options.parent : branchCommit(repository, branch);
  const commit = git(['commit-tree', ...(tip ? ['-p', tip] : []), '-m', options.message ?? `Update ${branch}`, tree], {
    env,
    cwd: work,
  });
  git(['update-ref', `refs/heads/${branch}`, commit], { env: { GIT_DIR: repository.path } });
  fs.rmSync(work, { recursive: true, force: true });
  return commit;
}

/** The commit a branch points at, or undefined. */
export function branchCommit(repository: BareRepository, branch: string): string | undefined {
  const result = spawnSync(
    'git',
    ['--git-dir', repository.path, 'rev-parse', '--verify', '--quiet', `refs/heads/${branch}^{commit}`],
    {
      encoding: 'utf8',
      env: { ...process.env, ...ISOLATED_GIT_ENV },
    },
  );
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Every file of a branch as path → content (sorted). */
export function readBranchFiles(repository: BareRepository, branch: string): Record<string, string> {
  const files: Record<string, string> = {};
  const list = git(['--git-dir', repository.path, 'ls-tree', '-r', '-z', '--name-only', `refs/heads/${branch}`]);
  for (const file of list.split('\0').filter(Boolean)) {
    files[file] = spawnSync('git', ['--git-dir', repository.path, 'cat-file', 'blob', `refs/heads/${branch}:${file}`], {
      encoding: 'utf8',
      env: { ...process.env, ...ISOLATED_GIT_ENV },
    }).stdout;
  }
  return files;
}

/** Branch names of a repository, sorted. */
export function branchNames(repository: BareRepository): string[] {
  return git(['--git-dir', repository.path, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/'])
    .split('\n')
    .filter(Boolean)
    .sort();
}

/**
 * The tutorial control plane as a git repository: `main`, `dev` and `stage` branches holding the subfolders of
 * `examples/tutorial`, with `edit(branch, files)` applied to the files first. The BaseRepo of each environment pins
 * the repository's own `main` commit (the sample's commit id belongs to the upstream repository), as the promotion
 * workflow would write it.
 */
export function tutorialRepository(
  edit: (branch: string, files: Record<string, Buffer | string>) => void = () => undefined,
): BareRepository & { main: string } {
  const repository = createBareRepository('control-plane.git');
  let main = '';
  for (const branch of ['main', 'dev', 'stage']) {
    const files: Record<string, Buffer | string> = folderFiles(path.join(TUTORIAL, branch));
    if (files['base-repo.yaml'])
      files['base-repo.yaml'] = files['base-repo.yaml'].toString().replace(/commit: \w+/, `commit: ${main}`);
    edit(branch, files);
    const commit = commitFiles(repository, branch, files, { parent: null, message: `${branch} of the tutorial` });
    if (branch === 'main') main = commit;
  }
  return { ...repository, main };
}
