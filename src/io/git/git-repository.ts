import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { isCommitId, isValidBranchName } from './git-refs';
import { GitError, GitRunner } from './git-runner';

/** A file (blob), symbolic link (blob, mode 120000) or submodule (commit) of a tree, with its full path. */
export interface TreeEntry {
  readonly path: string;
  readonly mode: string;
  readonly type: 'blob' | 'commit' | 'tree';
  readonly sha: string;
  /** Size in bytes (blobs only). */
  readonly size?: number;
}

export interface CommitInfo {
  readonly sha: string;
  readonly tree: string;
  readonly parents: readonly string[];
}

/** One path of a tree edit: new content, or `null` to delete it. */
export interface TreeEdit {
  readonly path: string;
  readonly content: Buffer | string | null;
}

export type ObjectFormat = 'sha1' | 'sha256';

/**
 * A repository read and written with plumbing only (`ls-tree`, `cat-file --batch`, `hash-object`, a temporary index,
 * `commit-tree`): no work tree is checked out or touched, and no hooks, filters or attributes of the repository run.
 */
export class GitRepository {
  /**
   * A repository on this machine: a bare repository, or the root of a work tree (holding `.git`). Paths inside a
   * work tree are not searched upwards.
   */
  public static async open(location: string, git: GitRunner): Promise<GitRepository> {
    const root = path.resolve(location);
    const dotGit = path.join(root, '.git');
    if (await exists(dotGit)) {
      const stat = await fs.stat(dotGit);
      if (stat.isDirectory()) return new GitRepository(dotGit, git);
      const pointer = /^gitdir: (.+)$/m.exec(await fs.readFile(dotGit, 'utf8'));
      if (pointer) return new GitRepository(path.resolve(root, pointer[1].trim()), git);
    }
    if (await isBareRepository(root)) return new GitRepository(root, git);
    throw new GitError(`${location} is not a git repository (no .git folder, and not a bare repository)`);
  }

  public constructor(
    public readonly gitDir: string,
    public readonly git: GitRunner,
  ) {}

  public async objectFormat(): Promise<ObjectFormat> {
    const format = await this.text(['rev-parse', '--show-object-format']);
    return format === 'sha256' ? 'sha256' : 'sha1';
  }

  /** Refs under the given prefixes (`refs/heads/`), by full name. */
  public async refs(...prefixes: string[]): Promise<Map<string, string>> {
    const out = await this.text(['for-each-ref', '--format=%(objectname) %(refname)', '--', ...prefixes]);
    const refs = new Map<string, string>();
    for (const line of out.split('\n').filter(Boolean)) {
      const space = line.indexOf(' ');
      refs.set(line.slice(space + 1), line.slice(0, space));
    }
    return refs;
  }

  /**
   * The commit a branch or a commit id names, or undefined when the repository has no such commit. Only commit
   * ids and valid branch names are accepted, never revision expressions.
   */
  public async resolveCommit(
    revision: { readonly branch: string } | { readonly commit: string },
  ): Promise<string | undefined> {
    let rev: string;
    if ('branch' in revision) {
      if (!isValidBranchName(revision.branch))
        throw new Error(`not a valid branch name: ${JSON.stringify(revision.branch)}`);
      rev = `refs/heads/${revision.branch}`;
    } else {
      if (!isCommitId(revision.commit)) throw new Error(`not a commit id: ${JSON.stringify(revision.commit)}`);
      rev = revision.commit;
    }
    const result = await this.git.run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], {
      gitDir: this.gitDir,
      okExitCodes: [1, 128],
    });
    return result.exitCode === 0 ? result.stdout.toString('utf8').trim() : undefined;
  }

  public async commit(sha: string): Promise<CommitInfo> {
    const text = (await this.git.run(['cat-file', 'commit', sha], { gitDir: this.gitDir })).stdout.toString('utf8');
    const header = text.slice(0, text.indexOf('\n\n') >= 0 ? text.indexOf('\n\n') : text.length).split('\n');
    const tree = header.find((line) => line.startsWith('tree '))?.slice(5) ?? '';
    const parents = header.filter((line) => line.startsWith('parent ')).map((line) => line.slice(7));
    return { sha, tree, parents };
  }

  /** Every file of a commit or tree, recursively, in git's order, with blob sizes. */
  public async listTree(treeish: string): Promise<TreeEntry[]> {
    const out = (
      await this.git.run(['ls-tree', '-r', '-z', '--long', treeish], { gitDir: this.gitDir })
    ).stdout.toString('utf8');
    const entries: TreeEntry[] = [];
    for (const record of out.split('\0')) {
      if (!record) continue;
      const tab = record.indexOf('\t');
      const [mode, type, sha, size] = record.slice(0, tab).split(/ +/);
      entries.push({
        path: record.slice(tab + 1),
        mode,
        type: type as TreeEntry['type'],
        sha,
        ...(type === 'blob' ? { size: Number(size) } : {}),
      });
    }
    return entries;
  }

  /** The contents of blobs, in one `cat-file --batch`. */
  public async readBlobs(shas: Iterable<string>): Promise<Map<string, Buffer>> {
    const wanted = [...new Set(shas)];
    const blobs = new Map<string, Buffer>();
    if (wanted.length === 0) return blobs;
    const out = (await this.git.run(['cat-file', '--batch'], { gitDir: this.gitDir, input: `${wanted.join('\n')}\n` }))
      .stdout;
    let offset = 0;
    for (const sha of wanted) {
      const newline = out.indexOf(0x0a, offset);
      const header = out.subarray(offset, newline).toString('utf8').split(' ');
      if (header[1] === 'missing' || header.length < 3)
        throw new GitError(`object ${sha} is missing from ${this.gitDir}`);
      const size = Number(header[2]);
      blobs.set(sha, Buffer.from(out.subarray(newline + 1, newline + 1 + size)));
      offset = newline + 1 + size + 1;
    }
    return blobs;
  }

  /**
   * Writes the tree `base` with `edits` applied (files written as mode 100644 blobs, `null` deletes) through a
   * temporary index, and returns its id.
   */
  public async writeTree(base: string | undefined, edits: readonly TreeEdit[]): Promise<string> {
    const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'kalypso-index-'));
    try {
      const env = { GIT_INDEX_FILE: path.join(scratch, 'index') };
      await this.git.run(base ? ['read-tree', base] : ['read-tree', '--empty'], { gitDir: this.gitDir, env });
      const writes = edits.filter((edit) => edit.content !== null);
      const files = await Promise.all(
        writes.map(async (edit, index) => {
          const file = path.join(scratch, `blob-${index}`);
          await fs.writeFile(file, edit.content as Buffer | string);
          return file;
        }),
      );
      const shas =
        files.length === 0
          ? []
          : (
              await this.text(['hash-object', '-w', '--no-filters', '--stdin-paths'], {
                input: `${files.join('\n')}\n`,
              })
            ).split('\n');
      const zero = '0'.repeat(shas[0]?.length ?? 40);
      const records = [
        ...edits.filter((edit) => edit.content === null).map((edit) => `0 ${zero}\t${edit.path}\0`),
        ...writes.map((edit, index) => `100644 ${shas[index]}\t${edit.path}\0`),
      ];
      if (records.length > 0)
        await this.git.run(['update-index', '-z', '--index-info'], {
          gitDir: this.gitDir,
          env,
          input: records.join(''),
        });
      return await this.text(['write-tree'], { env });
    } finally {
      await fs.rm(scratch, { recursive: true, force: true });
    }
  }

  /** Writes a commit (author and committer from the environment of the runner) and returns its id. */
  public async commitTree(tree: string, parents: readonly string[], message: string): Promise<string> {
    return this.text(['commit-tree', ...parents.flatMap((parent) => ['-p', parent]), '-F', '-', tree], {
      input: message,
    });
  }

  /**
   * Pushes `commit` to `branch` of `url`: a fast-forward, or with `lease` (`--force-with-lease`, the tip expected
   * there, '' for none) a replacement. A refused push is a `GitError` naming the branch and git's reason, with
   * `movedHint` added when the branch moved meanwhile.
   */
  public async push(
    url: string,
    commit: string,
    branch: string,
    options: { readonly lease?: string; readonly movedHint: string },
  ): Promise<void> {
    const lease = options.lease === undefined ? [] : [`--force-with-lease=refs/heads/${branch}:${options.lease}`];
    const pushed = await this.git
      .run(['push', '--porcelain', ...lease, '--', url, `${commit}:refs/heads/${branch}`], {
        gitDir: this.gitDir,
        network: true,
        okExitCodes: [1],
      })
      .catch((e: unknown) => {
        if (!(e instanceof GitError)) throw e;
        throw new GitError(
          `cannot push to ${branch} of ${url}: ${e.message.replace(/^git push failed: /, '')}`,
          e.stderr,
        );
      });
    if (pushed.exitCode === 0) return;
    const status = pushed.stdout
      .toString('utf8')
      .split('\n')
      .find((line) => line.startsWith('!'))
      ?.split('\t')
      .slice(-1)[0];
    const moved = /rejected|stale info|fetch first|non-fast-forward/i.test(`${status} ${pushed.stderr}`);
    throw new GitError(
      `cannot push to ${branch} of ${url}: ${this.git.redact(status ?? pushed.stderr.trim())}` +
        (moved ? ` ${options.movedHint}` : ''),
      pushed.stderr,
    );
  }

  private text(args: string[], options: { input?: string; env?: Record<string, string> } = {}): Promise<string> {
    return this.git.text(args, { gitDir: this.gitDir, ...options });
  }
}

async function exists(file: string): Promise<boolean> {
  return fs.access(file).then(
    () => true,
    () => false,
  );
}

async function isBareRepository(folder: string): Promise<boolean> {
  return (
    (await exists(path.join(folder, 'HEAD'))) &&
    (await exists(path.join(folder, 'objects'))) &&
    (await exists(path.join(folder, 'refs')))
  );
}
