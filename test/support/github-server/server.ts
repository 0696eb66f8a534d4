/**
 * A local HTTP server on 127.0.0.1 that answers like GitHub's REST API for the operations in the contract
 * fixture, with in-memory repositories, contract checking, request recording and fault injection.
 *
 *     const server = await startGitHubServer();
 *     server.createRepo('org', 'gitops', { defaultBranch: 'main' });
 *     server.seedBranch('org', 'gitops', 'main', { 'README.md': '# gitops\n' });
 *     const octokit = await createTestOctokit(server);      // or new Octokit({ baseUrl: server.url, auth: server.token })
 *     …
 *     expect(server.contractViolations()).toEqual([]);
 *     await server.close();
 */
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import { ContractViolation } from './contract';
import { FaultOptions, FaultQueue } from './faults';
import { loadRoutesFixture } from './fixture';
import { GitCommit } from './git-store';
import { handleRequest, PipelineState, RecordedRequest } from './pipeline';
import { pullBaseSha } from './render';
import { addLabels, commitOnBranch, MergeMethod, mergePull, openPull, signatureOf } from './repo-ops';
import { ROUTE_HANDLERS } from './routes';
import { Router } from './router';
import { PullState, RepoState, UserState } from './state';
import { CreateRepoOptions, World } from './world';

export interface GitHubServerProps {
  /**
   * The token clients must send (`authorization: token …` or `Bearer …`).
   * @default 'ghp_fake_test_token'
   */
  readonly token?: string;
  /**
   * Login of the account the token belongs to (author of API commits, pull requests, statuses).
   * @default 'kalypso-bot'
   */
  readonly login?: string;
  /**
   * Clock for timestamps (`created_at`, commit dates, `x-ratelimit-reset`).
   * @default - the real time
   */
  readonly now?: () => Date;
}

/** A pull request as a plain record, for assertions. */
export interface PullSnapshot {
  readonly number: number;
  readonly state: 'open' | 'closed';
  readonly title: string;
  readonly body: string | null;
  /** Head branch name. */
  readonly head: string;
  /** Base branch name. */
  readonly base: string;
  readonly headSha: string;
  readonly baseSha: string;
  /** Login of the author. */
  readonly user: string;
  readonly labels: readonly string[];
  readonly maintainerCanModify: boolean;
  readonly draft: boolean;
  readonly merged: boolean;
  readonly mergeCommitSha: string | null;
}

/** A commit status as a plain record, oldest first. */
export interface StatusSnapshot {
  readonly state: 'error' | 'failure' | 'pending' | 'success';
  readonly context: string;
  readonly description: string | null;
  readonly targetUrl: string | null;
  /** Login of the account that set it. */
  readonly creator: string;
}

export interface OpenPullAsUserOptions {
  /** Login of the human author (created on first use). */
  readonly user: string;
  readonly head: string;
  readonly base: string;
  readonly title: string;
  readonly body?: string;
  readonly labels?: readonly string[];
  /** @default true */
  readonly maintainerCanModify?: boolean;
}

export interface MergePullOptions {
  /** @default 'merge' */
  readonly method?: MergeMethod;
  /** Login of the account merging. @default - the token's account */
  readonly by?: string;
}

export class GitHubServer {
  /** Starts a server on 127.0.0.1 with an ephemeral port. */
  public static async start(props: GitHubServerProps = {}): Promise<GitHubServer> {
    const http = createServer();
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(0, '127.0.0.1', () => {
        http.off('error', reject);
        resolve();
      });
    });
    // A server a test forgot to close (say, an assertion failed first) must not keep Jest from exiting.
    http.unref();
    http.on('connection', (socket) => socket.unref());
    const { port } = http.address() as AddressInfo;
    return new GitHubServer(http, `http://127.0.0.1:${port}`, props);
  }

  /** The `baseUrl` for Octokit, e.g. `http://127.0.0.1:43121` (no trailing slash). */
  public readonly url: string;
  /** The token clients must present. */
  public readonly token: string;
  /** Login of the token's account. */
  public readonly login: string;

  private readonly state: PipelineState;
  private closed = false;

  private constructor(
    private readonly http: Server,
    url: string,
    props: GitHubServerProps,
  ) {
    this.url = url;
    this.token = props.token ?? 'ghp_fake_test_token';
    this.login = props.login ?? 'kalypso-bot';
    const clock = props.now ?? (() => new Date());
    const viewer: UserState = {
      login: this.login,
      id: 1,
      type: 'User',
      name: this.login,
      email: `1+${this.login}@users.noreply.github.com`,
    };
    const fixture = loadRoutesFixture();
    const missing = fixture.operations.filter((op) => !ROUTE_HANDLERS[op.operationId]).map((op) => op.operationId);
    if (missing.length > 0) {
      throw new Error(`fake GitHub: no handler for ${missing.join(', ')} in the contract fixture`);
    }
    this.state = {
      world: new World(url, viewer, clock),
      router: new Router(fixture.operations),
      faults: new FaultQueue(),
      token: this.token,
      requests: [],
      violations: [],
      clock,
    };
    http.on('request', (req, res) => {
      handleRequest(this.state, req, res).catch((e: Error) => {
        res.writeHead(500, { 'content-type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ message: `fake GitHub crashed: ${e.message}` }));
      });
    });
  }

  /** Stops listening and drops open (keep-alive) connections. */
  public async close(): Promise<void> {
    if (this.closed) {
      return;
    }
    this.closed = true;
    await new Promise<void>((resolve, reject) => {
      this.http.close((err) => (err ? reject(err) : resolve()));
      this.http.closeAllConnections();
    });
  }

  /** Creates an empty repository (no commits, so no branches until one is seeded or a file is PUT). */
  public createRepo(owner: string, repo: string, options: CreateRepoOptions = {}): void {
    this.state.world.createRepo(owner, repo, options);
  }

  /**
   * Commits exactly `files` (path → UTF-8 text) as the branch's content and returns the commit sha. The commit's
   * parent is the branch tip, or for a new branch the default branch tip (so branches share history), or none.
   */
  public seedBranch(
    owner: string,
    repo: string,
    branch: string,
    files: Readonly<Record<string, string>>,
    message = `Seed ${branch}`,
  ): string {
    const r = this.repo(owner, repo);
    const entries = new Map(
      Object.entries(files).map(([p, text]) => [
        p,
        {
          mode: '100644' as const,
          type: 'blob' as const,
          sha: r.git.writeBlob(Buffer.from(text, 'utf-8')).sha,
        },
      ]),
    );
    const tree = r.git.writeFlat(entries);
    if (!r.branchSha(branch)) {
      const from = r.branchSha(r.defaultBranch);
      if (from) {
        r.refs.set(`refs/heads/${branch}`, from);
      }
    }
    const sig = signatureOf(this.state.world, this.state.world.viewer);
    return commitOnBranch(this.state.world, r, branch, tree, message, sig).sha;
  }

  /** The branch's files (path → UTF-8 text); throws when the branch does not exist. */
  public readBranch(owner: string, repo: string, branch: string): Record<string, string> {
    const r = this.repo(owner, repo);
    const sha = r.branchSha(branch);
    if (!sha) {
      throw new Error(`fake GitHub: branch "${branch}" does not exist in ${owner}/${repo}`);
    }
    const commit = r.git.commit(sha) as GitCommit;
    const out: Record<string, string> = {};
    for (const [p, entry] of [...r.git.flatten(commit.tree)].sort(([a], [b]) => (a < b ? -1 : 1))) {
      out[p] = r.git.blob(entry.sha)?.content.toString('utf-8') ?? '';
    }
    return out;
  }

  /** The branch's commit sha, or `undefined` when it does not exist. */
  public branchSha(owner: string, repo: string, branch: string): string | undefined {
    return this.repo(owner, repo).branchSha(branch);
  }

  /** Branch names, sorted. */
  public branches(owner: string, repo: string): string[] {
    return [...this.repo(owner, repo).refs.keys()]
      .filter((r) => r.startsWith('refs/heads/'))
      .map((r) => r.slice('refs/heads/'.length))
      .sort();
  }

  /** All pull requests, by number. */
  public listPulls(owner: string, repo: string): PullSnapshot[] {
    const r = this.repo(owner, repo);
    return r
      .pulls()
      .sort((a, b) => a.number - b.number)
      .map((p) => this.snapshot(r, p));
  }

  public getPull(owner: string, repo: string, pullNumber: number): PullSnapshot | undefined {
    const r = this.repo(owner, repo);
    const pull = r.issues.get(pullNumber)?.pull;
    return pull ? this.snapshot(r, pull) : undefined;
  }

  /** Statuses set on a commit, oldest first. */
  public statuses(owner: string, repo: string, sha: string): StatusSnapshot[] {
    return this.repo(owner, repo)
      .statuses.filter((s) => s.sha === sha.toLowerCase())
      .map((s) => ({
        state: s.state,
        context: s.context,
        description: s.description,
        targetUrl: s.targetUrl,
        creator: s.creator.login,
      }));
  }

  /** Repository label names, sorted. */
  public labels(owner: string, repo: string): string[] {
    return [...this.repo(owner, repo).labels.values()].map((l) => l.name).sort();
  }

  /** Opens a pull request authored by another (human) account; returns its number. */
  public openPullAsUser(owner: string, repo: string, options: OpenPullAsUserOptions): number {
    const r = this.repo(owner, repo);
    const world = this.state.world;
    const pull = openPull(world, r, {
      user: world.user(options.user),
      head: options.head,
      base: options.base,
      title: options.title,
      body: options.body,
      maintainerCanModify: options.maintainerCanModify,
    });
    const issue = r.issues.get(pull.number);
    if (issue) {
      addLabels(world, r, issue, options.labels ?? []);
    }
    return pull.number;
  }

  /** Submits a review of a pull request as another account (on its current head commit); returns its id. */
  public reviewPull(
    owner: string,
    repo: string,
    pullNumber: number,
    options: { user: string; state?: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; body?: string },
  ): number {
    const r = this.repo(owner, repo);
    const pull = r.issues.get(pullNumber)?.pull;
    if (!pull) {
      throw new Error(`fake GitHub: no pull request #${pullNumber} in ${owner}/${repo}`);
    }
    const world = this.state.world;
    const id = world.nextId();
    r.reviews.push({
      id,
      pullNumber,
      user: world.user(options.user),
      state: options.state ?? 'APPROVED',
      body: options.body ?? '',
      commitId: r.pullHeadSha(pull),
      submittedAt: world.now(),
    });
    return id;
  }

  /** Merges a pull request as `PUT …/merge` would; returns the new base branch tip. */
  public mergePull(owner: string, repo: string, pullNumber: number, options: MergePullOptions = {}): string {
    const r = this.repo(owner, repo);
    const pull = r.issues.get(pullNumber)?.pull;
    if (!pull) {
      throw new Error(`fake GitHub: no pull request #${pullNumber} in ${owner}/${repo}`);
    }
    const world = this.state.world;
    return mergePull(world, r, pull, {
      by: options.by ? world.user(options.by) : world.viewer,
      method: options.method,
    });
  }

  /** Makes the next matching request(s) fail; see `FaultOptions`. */
  public failNext(fault: FaultOptions): void {
    this.state.faults.add(fault);
  }

  /** How many injected failures have not happened yet. */
  public pendingFaults(): number {
    return this.state.faults.remaining();
  }

  /** Every request received, oldest first (including rejected and faulted ones). */
  public requests(): RecordedRequest[] {
    return [...this.state.requests];
  }

  /**
   * Requests whose URL (raw or decoded) or body contains `text`; Base64 strings in JSON bodies (blob and file
   * content) are searched decoded too. Headers are not searched (they carry the token).
   */
  public requestsContaining(text: string): RecordedRequest[] {
    return this.state.requests.filter((r) => {
      const haystacks = [r.url, safeDecodeURI(r.url), r.rawBody, ...decodedStrings(r.body)];
      return haystacks.some((h) => h.includes(text));
    });
  }

  /** Requests the contract forbids and answers of the fake that break it; `[]` in a healthy test. */
  public contractViolations(): ContractViolation[] {
    return [...this.state.violations];
  }

  private repo(owner: string, repo: string): RepoState {
    const r = this.state.world.repo(owner, repo);
    if (!r) {
      throw new Error(`fake GitHub: repository ${owner}/${repo} does not exist; call createRepo first`);
    }
    return r;
  }

  private snapshot(repo: RepoState, pull: PullState): PullSnapshot {
    return {
      number: pull.number,
      state: pull.state,
      title: pull.title,
      body: pull.body,
      head: pull.head,
      base: pull.base,
      headSha: repo.pullHeadSha(pull),
      baseSha: pullBaseSha(repo, pull),
      user: pull.user.login,
      labels: [...(repo.issues.get(pull.number)?.labels ?? [])],
      maintainerCanModify: pull.maintainerCanModify,
      draft: pull.draft,
      merged: pull.merged,
      mergeCommitSha: pull.mergeCommitSha,
    };
  }
}

/** Starts a fake GitHub on 127.0.0.1 (ephemeral port). Stop it with `await server.close()`. */
export function startGitHubServer(props: GitHubServerProps = {}): Promise<GitHubServer> {
  return GitHubServer.start(props);
}

function safeDecodeURI(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** Base64-decoded forms of the string values in a JSON body that look like Base64. */
function decodedStrings(body: unknown): string[] {
  const out: string[] = [];
  const visit = (value: unknown): void => {
    if (typeof value === 'string') {
      const compact = value.replace(/\s+/g, '');
      if (compact.length >= 4 && compact.length % 4 === 0 && /^[A-Za-z0-9+/]+={0,2}$/.test(compact)) {
        out.push(Buffer.from(compact, 'base64').toString('utf-8'));
      }
    } else if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (typeof value === 'object' && value !== null) {
      Object.values(value).forEach(visit);
    }
  };
  visit(body);
  return out;
}
