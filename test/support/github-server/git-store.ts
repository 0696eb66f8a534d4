/**
 * An in-memory git object database: blobs, trees and commits hashed exactly as git hashes them
 * (`sha1("<type> <size>\0" + body)`), so SHAs match `git hash-object`, `git mktree` and `git commit-tree`.
 */
import { createHash } from 'crypto';

export type TreeMode = '100644' | '100755' | '040000' | '160000' | '120000';
export type GitObjectType = 'blob' | 'tree' | 'commit';

export interface GitBlob {
  readonly type: 'blob';
  readonly sha: string;
  readonly content: Buffer;
}

export interface GitTreeEntry {
  readonly name: string;
  readonly mode: TreeMode;
  readonly type: GitObjectType;
  readonly sha: string;
}

export interface GitTree {
  readonly type: 'tree';
  readonly sha: string;
  /** In git's order (see `compareTreeEntries`). */
  readonly entries: readonly GitTreeEntry[];
}

/** Author or committer line: `date` is ISO 8601 with an offset (`2024-01-02T03:04:05Z`, `…+02:00`). */
export interface GitSignature {
  readonly name: string;
  readonly email: string;
  readonly date: string;
}

export interface GitCommit {
  readonly type: 'commit';
  readonly sha: string;
  readonly tree: string;
  readonly parents: readonly string[];
  readonly author: GitSignature;
  readonly committer: GitSignature;
  readonly message: string;
}

export type GitObject = GitBlob | GitTree | GitCommit;

/** A file as seen in a flattened tree: path relative to the root, with its mode and blob sha. */
export interface FlatEntry {
  readonly mode: TreeMode;
  readonly type: GitObjectType;
  readonly sha: string;
}

/** One change applied by `GitStore.applyTreeChanges`: set a path to an object, or delete it (`sha: null`). */
export type TreeChange =
  | { readonly path: string; readonly mode: TreeMode; readonly type: GitObjectType; readonly sha: string }
  | { readonly path: string; readonly sha: null };

/** Thrown for a tree change GitHub would refuse; routes turn it into a 422. */
export class TreeChangeError extends Error {}

export function hashObject(type: GitObjectType, body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`, 'utf-8');
  return createHash('sha1').update(header).update(body).digest('hex');
}

/**
 * git orders tree entries by name bytes, comparing a subtree's name as if it ended in `/`
 * (so `a.b` sorts before the directory `a`, which sorts before `a0`).
 */
export function compareTreeEntries(
  a: Pick<GitTreeEntry, 'name' | 'type'>,
  b: Pick<GitTreeEntry, 'name' | 'type'>,
): number {
  const ka = Buffer.from(a.type === 'tree' ? `${a.name}/` : a.name, 'utf-8');
  const kb = Buffer.from(b.type === 'tree' ? `${b.name}/` : b.name, 'utf-8');
  return Buffer.compare(ka, kb);
}

/** The tree body: `<mode> <name>\0<20-byte sha>` per entry; git writes directory mode as `40000`. */
export function encodeTree(entries: readonly GitTreeEntry[]): Buffer {
  return Buffer.concat(
    entries.flatMap((e) => [
      Buffer.from(`${e.mode === '040000' ? '40000' : e.mode} ${e.name}\0`, 'utf-8'),
      Buffer.from(e.sha, 'hex'),
    ]),
  );
}

/** `Name <email> <unix seconds> <+hhmm>` as in a commit object. */
export function encodeSignature(sig: GitSignature): string {
  const { seconds, offset } = parseGitDate(sig.date);
  return `${sig.name} <${sig.email}> ${seconds} ${offset}`;
}

export function encodeCommit(c: Omit<GitCommit, 'type' | 'sha'>): Buffer {
  const lines = [`tree ${c.tree}`, ...c.parents.map((p) => `parent ${p}`)];
  lines.push(`author ${encodeSignature(c.author)}`, `committer ${encodeSignature(c.committer)}`);
  return Buffer.from(`${lines.join('\n')}\n\n${c.message}`, 'utf-8');
}

/** Unix seconds and git's `+hhmm` offset of an ISO 8601 date; throws on anything else. */
export function parseGitDate(date: string): { seconds: number; offset: string } {
  const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?)(Z|[+-]\d{2}:?\d{2})$/.exec(date);
  if (!m) {
    throw new TreeChangeError(`invalid date "${date}", expected ISO 8601 like 2024-01-02T03:04:05Z`);
  }
  const ms = Date.parse(`${m[1]}${m[2] === 'Z' ? 'Z' : m[2].replace(/^([+-]\d{2})(\d{2})$/, '$1:$2')}`);
  if (Number.isNaN(ms)) {
    throw new TreeChangeError(`invalid date "${date}"`);
  }
  const offset = m[2] === 'Z' ? '+0000' : m[2].replace(':', '');
  return { seconds: Math.floor(ms / 1000), offset };
}

/** Renders a git date the way GitHub's API does: UTC, no milliseconds. */
export function isoDate(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export class GitStore {
  private readonly objects = new Map<string, GitObject>();

  public get(sha: string): GitObject | undefined {
    return this.objects.get(sha.toLowerCase());
  }

  public blob(sha: string): GitBlob | undefined {
    const o = this.get(sha);
    return o?.type === 'blob' ? o : undefined;
  }

  public tree(sha: string): GitTree | undefined {
    const o = this.get(sha);
    return o?.type === 'tree' ? o : undefined;
  }

  public commit(sha: string): GitCommit | undefined {
    const o = this.get(sha);
    return o?.type === 'commit' ? o : undefined;
  }

  /** The only commit whose sha starts with `prefix`, as git resolves an abbreviated sha. */
  public findCommitByPrefix(prefix: string): string | undefined {
    const lower = prefix.toLowerCase();
    const matches = [...this.objects.values()].filter((o) => o.type === 'commit' && o.sha.startsWith(lower));
    return matches.length === 1 ? matches[0].sha : undefined;
  }

  public writeBlob(content: Buffer): GitBlob {
    const blob: GitBlob = { type: 'blob', sha: hashObject('blob', content), content: Buffer.from(content) };
    return this.put(blob);
  }

  public writeTree(entries: readonly GitTreeEntry[]): GitTree {
    const names = new Set<string>();
    for (const e of entries) {
      if (names.has(e.name)) {
        throw new TreeChangeError(`duplicate tree entry "${e.name}"`);
      }
      names.add(e.name);
    }
    const sorted = [...entries].sort(compareTreeEntries);
    return this.put({ type: 'tree', sha: hashObject('tree', encodeTree(sorted)), entries: sorted });
  }

  public writeCommit(c: Omit<GitCommit, 'type' | 'sha'>): GitCommit {
    return this.put({ type: 'commit', sha: hashObject('commit', encodeCommit(c)), ...c });
  }

  /** All files below a tree, keyed by slash-separated path; subtrees are descended, not listed. */
  public flatten(treeSha: string, prefix = ''): Map<string, FlatEntry> {
    const out = new Map<string, FlatEntry>();
    const tree = this.tree(treeSha);
    if (!tree) {
      throw new Error(`tree ${treeSha} is not in the object store`);
    }
    for (const e of tree.entries) {
      const p = prefix + e.name;
      if (e.type === 'tree') {
        for (const [sub, entry] of this.flatten(e.sha, `${p}/`)) {
          out.set(sub, entry);
        }
      } else {
        out.set(p, { mode: e.mode, type: e.type, sha: e.sha });
      }
    }
    return out;
  }

  /** Every entry below a tree in `git ls-tree -r -t` order (a subtree right before its contents). */
  public walk(treeSha: string, prefix = ''): Array<GitTreeEntry & { path: string }> {
    const tree = this.tree(treeSha);
    if (!tree) {
      throw new Error(`tree ${treeSha} is not in the object store`);
    }
    return tree.entries.flatMap((e) => {
      const self = { ...e, path: prefix + e.name };
      return e.type === 'tree' ? [self, ...this.walk(e.sha, `${self.path}/`)] : [self];
    });
  }

  /** Builds the tree holding exactly `files` (path → entry), creating subtrees; returns its sha. */
  public writeFlat(files: ReadonlyMap<string, FlatEntry>): string {
    interface Dir {
      files: Map<string, FlatEntry>;
      dirs: Map<string, Dir>;
    }
    const root: Dir = { files: new Map(), dirs: new Map() };
    for (const [p, entry] of files) {
      const parts = p.split('/');
      let dir = root;
      for (const part of parts.slice(0, -1)) {
        let next = dir.dirs.get(part);
        if (!next) {
          next = { files: new Map(), dirs: new Map() };
          dir.dirs.set(part, next);
        }
        dir = next;
      }
      dir.files.set(parts[parts.length - 1], entry);
    }
    const write = (dir: Dir): string => {
      const entries: GitTreeEntry[] = [...dir.files].map(([name, e]) => ({ name, ...e }));
      for (const [name, sub] of dir.dirs) {
        if (dir.files.has(name)) {
          throw new TreeChangeError(`"${name}" is both a file and a directory`);
        }
        entries.push({ name, mode: '040000', type: 'tree', sha: write(sub) });
      }
      return this.writeTree(entries).sha;
    };
    return write(root);
  }

  /**
   * Applies changes in order on top of `baseTree` (or an empty tree) and writes the result, as GitHub's
   * "create a tree" does: nested paths create subtrees, `sha: null` deletes a path (a missing path is ignored)
   * and directories left empty disappear.
   */
  public applyTreeChanges(baseTree: string | undefined, changes: readonly TreeChange[]): GitTree {
    interface Node {
      entries: Map<string, GitTreeEntry | Node>;
    }
    const load = (sha: string | undefined): Node => ({
      entries: new Map(sha ? (this.tree(sha)?.entries.map((e) => [e.name, e] as const) ?? []) : []),
    });
    const isNode = (x: GitTreeEntry | Node | undefined): x is Node => x !== undefined && 'entries' in x;
    const root = load(baseTree);
    for (const change of changes) {
      const parts = change.path.split('/');
      if (parts.some((p) => p === '' || p === '.' || p === '..' || p === '.git')) {
        throw new TreeChangeError(`tree.path contains a malformed path component: "${change.path}"`);
      }
      let node = root;
      let missing = false;
      for (const part of parts.slice(0, -1)) {
        const child = node.entries.get(part);
        if (isNode(child)) {
          node = child;
        } else if (child?.type === 'tree') {
          const loaded = load(child.sha);
          node.entries.set(part, loaded);
          node = loaded;
        } else if (change.sha === null) {
          missing = true;
          break;
        } else {
          if (child) {
            throw new TreeChangeError(`tree.path "${change.path}" goes through "${part}", which is a ${child.type}`);
          }
          const created: Node = { entries: new Map() };
          node.entries.set(part, created);
          node = created;
        }
      }
      const name = parts[parts.length - 1];
      if (missing) {
        continue;
      }
      if (change.sha === null) {
        node.entries.delete(name);
      } else {
        node.entries.set(name, { name, mode: change.mode, type: change.type, sha: change.sha });
      }
    }
    const write = (node: Node): GitTree | undefined => {
      const entries: GitTreeEntry[] = [];
      for (const [name, child] of node.entries) {
        if (isNode(child)) {
          const sub = write(child);
          if (sub) {
            entries.push({ name, mode: '040000', type: 'tree', sha: sub.sha });
          }
        } else {
          entries.push(child);
        }
      }
      return entries.length === 0 && node !== root ? undefined : this.writeTree(entries);
    };
    return write(root) as GitTree;
  }

  /** Commits reachable from `sha` (itself included), newest first by breadth-first walk. */
  public ancestors(sha: string): Set<string> {
    const seen = new Set<string>();
    const queue = [sha];
    while (queue.length > 0) {
      const next = queue.shift() as string;
      if (seen.has(next)) {
        continue;
      }
      const commit = this.commit(next);
      if (!commit) {
        continue;
      }
      seen.add(next);
      queue.push(...commit.parents);
    }
    return seen;
  }

  public isAncestor(ancestor: string, of: string): boolean {
    return this.ancestors(of).has(ancestor);
  }

  /** The best common ancestor (a common ancestor that is no ancestor of another one), as `git merge-base`. */
  public mergeBase(a: string, b: string): string | undefined {
    const fromB = this.ancestors(b);
    const common = [...this.ancestors(a)].filter((sha) => fromB.has(sha));
    return common.find(
      (candidate) => !common.some((other) => other !== candidate && this.isAncestor(candidate, other)),
    );
  }

  /** Commits reachable from `head` but not from `base`, oldest first (as GitHub's compare lists them). */
  public commitsBetween(base: string, head: string): GitCommit[] {
    const exclude = this.ancestors(base);
    const order: GitCommit[] = [];
    const seen = new Set<string>();
    const visit = (sha: string): void => {
      if (seen.has(sha) || exclude.has(sha)) {
        return;
      }
      seen.add(sha);
      const commit = this.commit(sha);
      if (!commit) {
        return;
      }
      commit.parents.forEach(visit);
      order.push(commit);
    };
    visit(head);
    return order;
  }

  /**
   * The tree of merging commit `theirs` into commit `ours`: a path changed on one side only takes that side,
   * a path changed identically on both sides is kept, and a path changed differently is a conflict
   * (`undefined`). Fast-forwards take the descendant's tree.
   */
  public mergeCommits(ours: string, theirs: string): string | undefined {
    const oursCommit = this.commit(ours);
    const theirsCommit = this.commit(theirs);
    if (!oursCommit || !theirsCommit) {
      return undefined;
    }
    if (this.isAncestor(theirs, ours)) {
      return oursCommit.tree;
    }
    if (this.isAncestor(ours, theirs)) {
      return theirsCommit.tree;
    }
    const base = this.mergeBase(ours, theirs);
    const baseTree = base ? this.commit(base)?.tree : undefined;
    const b = baseTree ? this.flatten(baseTree) : new Map<string, FlatEntry>();
    const o = this.flatten(oursCommit.tree);
    const t = this.flatten(theirsCommit.tree);
    const same = (x: FlatEntry | undefined, y: FlatEntry | undefined): boolean =>
      x === y || (x !== undefined && y !== undefined && x.sha === y.sha && x.mode === y.mode);
    const merged = new Map<string, FlatEntry>();
    for (const p of new Set([...b.keys(), ...o.keys(), ...t.keys()])) {
      const [be, oe, te] = [b.get(p), o.get(p), t.get(p)];
      let result: FlatEntry | undefined;
      if (same(oe, te) || same(be, te)) {
        result = oe;
      } else if (same(be, oe)) {
        result = te;
      } else {
        return undefined;
      }
      if (result) {
        merged.set(p, result);
      }
    }
    try {
      return this.writeFlat(merged);
    } catch (e) {
      if (e instanceof TreeChangeError) {
        return undefined;
      }
      throw e;
    }
  }

  private put<T extends GitObject>(object: T): T {
    const existing = this.objects.get(object.sha);
    if (existing) {
      return existing as T;
    }
    this.objects.set(object.sha, object);
    return object;
  }
}
