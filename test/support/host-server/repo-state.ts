/**
 * A repository in a fake host: git objects hashed as git does (the GitHub fake's store), branches, requests
 * (pull or merge requests), labels and commit statuses. Hosts render these in their own JSON.
 */
import { FlatEntry, GitCommit, GitStore, TreeChange } from '../github-server/git-store';

export interface FakeRequest {
  readonly number: number;
  readonly id: number;
  state: 'open' | 'closed' | 'merged';
  title: string;
  body: string;
  readonly head: string;
  readonly base: string;
  /** Login of the author. */
  readonly author: string;
  labels: string[];
  readonly createdAt: string;
  updatedAt: string;
}

export interface FakeLabel {
  readonly id: number;
  readonly name: string;
  readonly color: string;
}

export interface FakeStatus {
  readonly id: number;
  readonly sha: string;
  /** What identifies the status on the host: context (GitHub, Gitea), name (GitLab), genre/name (Azure), key (Bitbucket). */
  readonly identity: string;
  /** The host's own state word (`success`, `SUCCESSFUL`, `succeeded`…). */
  readonly state: string;
  readonly description: string;
  readonly targetUrl: string;
  /** Display name (Bitbucket `name`, GitLab `name`, Azure `context.name`). */
  readonly name: string;
  /** Azure DevOps `context.genre`. */
  readonly genre?: string;
  readonly creator: string;
  readonly createdAt: string;
}

const SIGNATURE_DATE = '2024-01-02T03:04:05Z';

export class FakeRepo {
  public readonly git = new GitStore();
  /** Branch → commit. */
  public readonly branches = new Map<string, string>();
  public readonly requests: FakeRequest[] = [];
  public readonly labels = new Map<string, FakeLabel>();
  /** Oldest first. */
  public readonly statuses: FakeStatus[] = [];
  private lastId = 100;

  public constructor(
    public readonly owner: string,
    public readonly name: string,
    public readonly defaultBranch = 'main',
  ) {}

  public nextId(): number {
    this.lastId += 1;
    return this.lastId;
  }

  public nextNumber(): number {
    return this.requests.length + 1;
  }

  /** Commits exactly `files` as the branch's content (parent: its tip, or the default branch's for a new one). */
  public seed(branch: string, files: Readonly<Record<string, string>>, message = `Seed ${branch}`): string {
    const tree = this.git.writeFlat(
      new Map(
        Object.entries(files).map(([path, text]): [string, FlatEntry] => [
          path,
          { mode: '100644', type: 'blob', sha: this.git.writeBlob(Buffer.from(text, 'utf-8')).sha },
        ]),
      ),
    );
    const parent = this.branches.get(branch) ?? this.branches.get(this.defaultBranch);
    const commit = this.commit(tree, parent ? [parent] : [], message);
    this.branches.set(branch, commit);
    return commit;
  }

  /** The tree of `parent` (or an empty one) with `writes` (path → content) and `deletions` applied. */
  public treeWith(
    parent: string | undefined,
    writes: ReadonlyMap<string, Buffer>,
    deletions: readonly string[],
  ): string {
    const base = parent ? this.git.commit(parent)?.tree : undefined;
    const changes: TreeChange[] = [
      ...deletions.map((path) => ({ path, sha: null })),
      ...[...writes].map(([path, content]) => ({
        path,
        mode: '100644' as const,
        type: 'blob' as const,
        sha: this.git.writeBlob(content).sha,
      })),
    ];
    return this.git.applyTreeChanges(base, changes).sha;
  }

  public commit(tree: string, parents: readonly string[], message: string, author = 'kalypso-bot'): string {
    const signature = { name: author, email: `${author}@example.com`, date: SIGNATURE_DATE };
    return this.git.writeCommit({ tree, parents, author: signature, committer: signature, message }).sha;
  }

  public commitObject(sha: string): GitCommit | undefined {
    return this.git.commit(sha);
  }

  /** Path → blob sha of every file at a commit. */
  public files(commit: string): Map<string, string> {
    const tree = this.git.commit(commit)?.tree;
    if (!tree) return new Map();
    return new Map([...this.git.flatten(tree)].map(([path, entry]) => [path, entry.sha]));
  }

  /** Path → UTF-8 text of every file of a branch. */
  public read(branch: string): Record<string, string> {
    const tip = this.branches.get(branch);
    if (!tip) throw new Error(`fake host: branch "${branch}" does not exist in ${this.owner}/${this.name}`);
    return Object.fromEntries(
      [...this.files(tip)]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(([path, sha]) => [path, this.git.blob(sha)?.content.toString('utf-8') ?? '']),
    );
  }

  /** A full or abbreviated commit sha, or a branch name, as a commit. */
  public resolve(ref: string): string | undefined {
    if (/^[0-9a-f]{40}$/i.test(ref)) return this.git.commit(ref)?.sha;
    return this.branches.get(ref) ?? (/^[0-9a-f]{7,39}$/i.test(ref) ? this.git.findCommitByPrefix(ref) : undefined);
  }

  /** The newest status of each identity on a commit. */
  public latestStatuses(sha: string): FakeStatus[] {
    const newest = new Map<string, FakeStatus>();
    for (const status of this.statuses.filter((s) => s.sha === sha)) newest.set(status.identity, status);
    return [...newest.values()];
  }
}
