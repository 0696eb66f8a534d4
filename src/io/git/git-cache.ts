import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { normalizeRepositoryUrl } from '../source/workload-sources';
import { RepositoryKind, branchNameProblem, classifyRepository, isCommitId } from './git-refs';
import { GitRepository } from './git-repository';
import { withFolderLock } from './folder-lock';
import { GitError, GitRunner } from './git-runner';

/** The cache folder when `--cache` is not given: `$XDG_CACHE_HOME/kalypso-cdk8s`, else `~/.cache/kalypso-cdk8s`. */
export function defaultCacheFolder(env: Readonly<Record<string, string | undefined>>, home = os.homedir()): string {
  const base =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(home, '.cache');
  return path.join(base, 'kalypso-cdk8s');
}

/** The folder of a repository's bare mirror inside the cache: readable, and unique per normalized URL. */
export function cacheEntryName(url: string): string {
  const normalized = normalizeRepositoryUrl(url);
  const readable = normalized
    .replace(/^[a-z][a-z0-9+.-]*:\/\//i, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+/, '')
    .slice(-60);
  const hash = createHash('sha256').update(normalized).digest('hex').slice(0, 12);
  return `${readable}-${hash}.git`;
}

/**
 * Bare mirrors of remote repositories, one per normalized URL, fetched incrementally. Nothing about a remote is
 * written into a mirror's config (it is fetched by URL each time), so no credential can end up there. Work on one
 * mirror is serialized, within the process and, through a lock file beside it, between processes.
 */
export class GitCache {
  private readonly queues = new Map<string, Promise<unknown>>();

  public constructor(
    public readonly root: string,
    public readonly git: GitRunner,
  ) {}

  /** The branches of a remote and their commits (`git ls-remote --heads`). */
  public async remoteBranches(url: string): Promise<Map<string, string>> {
    checkUrl(url);
    const out = await this.git.text(['ls-remote', '--heads', '--', url], { network: true }).catch((e: unknown) => {
      throw fetchError('list the branches of', url, e);
    });
    const branches = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const [sha, ref] = line.split('\t');
      if (ref?.startsWith('refs/heads/')) branches.set(ref.slice('refs/heads/'.length), sha);
    }
    return branches;
  }

  /** Fetches every branch of `url` into its mirror (all history, so pinned commits are there) and returns it. */
  public mirror(url: string): Promise<GitRepository> {
    return this.exclusive(url, 'full', async (repository) => {
      await this.git
        .run(
          [
            'fetch',
            '--quiet',
            '--no-tags',
            '--prune',
            '--no-write-fetch-head',
            '--',
            url,
            '+refs/heads/*:refs/heads/*',
          ],
          {
            gitDir: repository.gitDir,
            network: true,
          },
        )
        .catch((e: unknown) => {
          throw fetchError('fetch', url, e);
        });
      return repository;
    });
  }

  /**
   * Fetches one branch of `url` (shallow when `depth` is given) into the mirror's `refs/heads/<branch>` and returns
   * the mirror and the branch's commit, or undefined when the remote has no such branch.
   */
  public fetchBranch(
    url: string,
    branch: string,
    depth?: number,
  ): Promise<{ repository: GitRepository; commit: string | undefined }> {
    const problem = branchNameProblem(branch);
    if (problem) throw new GitError(`branch ${JSON.stringify(branch)} ${problem}`);
    return this.exclusive(url, depth ? 'shallow' : 'full', async (repository) => {
      const args = [
        'fetch',
        '--quiet',
        '--no-tags',
        '--no-write-fetch-head',
        ...(depth ? [`--depth=${depth}`] : []),
        '--',
        url,
        `+refs/heads/${branch}:refs/heads/${branch}`,
      ];
      const result = await this.git
        .run(args, { gitDir: repository.gitDir, network: true, okExitCodes: [128] })
        .catch((e: unknown) => {
          throw fetchError('fetch', url, e);
        });
      if (result.exitCode !== 0) {
        if (/couldn't find remote ref/i.test(result.stderr)) return { repository, commit: undefined };
        throw fetchError('fetch', url, new GitError(result.stderr.trim()));
      }
      return { repository, commit: await repository.resolveCommit({ branch }) };
    });
  }

  /** Fetches one commit by id (servers allow it for reachable commits); false when the remote does not have it. */
  public fetchCommit(url: string, commit: string): Promise<boolean> {
    if (!isCommitId(commit)) throw new GitError(`not a commit id: ${JSON.stringify(commit)}`);
    return this.exclusive(url, 'full', async (repository) => {
      const result = await this.git.run(['fetch', '--quiet', '--no-tags', '--no-write-fetch-head', '--', url, commit], {
        gitDir: repository.gitDir,
        network: true,
        okExitCodes: [1, 128],
      });
      return result.exitCode === 0;
    });
  }

  /**
   * Runs `work` on the mirror of `url` after any earlier work on it has finished. Full and shallow mirrors are kept
   * apart, so that a shallow fetch never cuts the history a pinned commit needs.
   */
  private exclusive<T>(
    url: string,
    flavour: 'full' | 'shallow',
    work: (repository: GitRepository) => Promise<T>,
  ): Promise<T> {
    checkUrl(url);
    const folder = path.join(this.root, flavour === 'full' ? 'repositories' : 'shallow', cacheEntryName(url));
    const previous = this.queues.get(folder) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(() => withFolderLock(`${folder}.lock`, async () => work(await this.initialize(folder))));
    this.queues.set(folder, next);
    return next;
  }

  private async initialize(folder: string): Promise<GitRepository> {
    if (
      !(await fs.access(path.join(folder, 'HEAD')).then(
        () => true,
        () => false,
      ))
    ) {
      await fs.mkdir(path.dirname(folder), { recursive: true });
      await this.git.run(['init', '--quiet', '--bare', '--', folder]);
    }
    return new GitRepository(folder, this.git);
  }
}

function checkUrl(url: string): void {
  const location = classifyRepository(url);
  if (location.problem) throw new GitError(`repository ${JSON.stringify(url)} ${location.problem}`);
  if (location.kind !== RepositoryKind.URL && !path.isAbsolute(url)) {
    throw new GitError(`repository ${JSON.stringify(url)} is neither a URL nor an absolute path`);
  }
}

function fetchError(action: string, url: string, e: unknown): unknown {
  if (!(e instanceof GitError)) return e;
  return new GitError(`cannot ${action} ${url}: ${e.message.replace(/^git [a-z-]+ failed: /, '')}`, e.stderr);
}
