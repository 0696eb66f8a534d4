import { gitBlobId } from '../../git/blob-id';
import { sha1Hex } from '../flux-statuses';
import { HostError } from '../host-error';
import { HostClientOptions, MAX_PAGES, encodePath } from '../host-client-options';
import { RestClient } from '../http/rest-client';
import { commitThrough, proposeThrough } from '../propose-change';
import {
  BranchCommit,
  BranchSnapshot,
  ChangeProposal,
  CommitState,
  CommitStatus,
  FileChanges,
  HostKind,
  PullRequestHost,
  ReadCommitStatus,
  RequestOutcome,
} from '../pull-request-host';
import { BranchTip, OpenRequest, RequestBackend } from '../request-backend';

export interface BitbucketHostProps extends HostClientOptions {
  /** The API root: `https://api.bitbucket.org/2.0`. */
  readonly apiUrl: string;
  readonly workspace: string;
  readonly repo: string;
}

/** Most files a branch may hold: Bitbucket lists no blob ids, so each file is read and hashed. */
export const MAX_BITBUCKET_FILES = 5000;

interface Page<T> {
  values?: T[];
  next?: string;
}

interface BitbucketPull {
  id: number;
  title: string;
  description?: string;
  links?: { html?: { href?: string } };
  source?: { branch?: { name?: string } };
  destination?: { branch?: { name?: string } };
}

const TO_BITBUCKET: Readonly<Record<CommitState, string>> = {
  pending: 'INPROGRESS',
  success: 'SUCCESSFUL',
  failure: 'FAILED',
  error: 'STOPPED',
};

/**
 * Bitbucket Cloud through its REST API (`/2.0`): commits through `src` (a multipart form of files, parented on the
 * commit given), pull requests declined rather than closed, build statuses keyed by the SHA-1 of their context as
 * Flux keys them. Bitbucket Cloud pull requests have no labels, and its file listing has no blob ids, so reading a
 * branch reads every file (at most `MAX_BITBUCKET_FILES`). A token with a `:` is `user:app-password` (Basic), any
 * other an access token (Bearer).
 */
export class BitbucketHost implements PullRequestHost, RequestBackend {
  public readonly kind = HostKind.BITBUCKET;
  public readonly description: string;
  public readonly maxBodyLength = 32768;
  public readonly hasLabels = false;
  private readonly client: RestClient;
  private readonly base: string;
  private readonly webPage: string;

  public constructor(private readonly props: BitbucketHostProps) {
    this.description = `${props.workspace}/${props.repo} on Bitbucket`;
    this.base = `/repositories/${encodeURIComponent(props.workspace)}/${encodeURIComponent(props.repo)}`;
    this.webPage = `https://bitbucket.org/${props.workspace}/${props.repo}`;
    const token = props.token;
    const basic = token?.includes(':') ? Buffer.from(token).toString('base64') : undefined;
    this.client = new RestClient({
      apiUrl: props.apiUrl,
      hostName: 'Bitbucket',
      headers: token ? { authorization: basic ? `Basic ${basic}` : `Bearer ${token}` } : {},
      secrets: token ? [token, ...token.split(':').filter((part) => part.length >= 8)] : [],
      tokenVariable: props.tokenVariable,
      retry: props.retry,
      millisecondsPerSecond: props.millisecondsPerSecond,
    });
  }

  private get where(): string {
    return `${this.props.workspace}/${this.props.repo}`;
  }

  public async readBranch(branch: string): Promise<BranchSnapshot | undefined> {
    const tip = await this.branchTip(branch);
    if (!tip) return undefined;
    return { branch, commit: tip.commit, blobs: await this.listFiles(tip.commit, branch) };
  }

  public async readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const path of paths.filter((p) => branch.blobs.has(p))) {
      out.set(path, (await this.raw(branch.commit, path)).toString('utf8'));
    }
    return out;
  }

  public commitToBranch(change: BranchCommit): Promise<string | undefined> {
    return commitThrough(this, this.where, change, (snapshot, changes) =>
      this.commitFiles(change.branch, snapshot.commit, change.message, changes),
    );
  }

  public proposeChange(change: ChangeProposal): Promise<RequestOutcome> {
    return proposeThrough(this, this.where, change);
  }

  public async setStatus(commit: string, status: CommitStatus): Promise<void> {
    await this.client.request({
      method: 'POST',
      path: `${this.base}/commit/${commit}/statuses/build`,
      json: {
        type: 'commitstatus',
        key: sha1Hex(status.context),
        name: status.context,
        state: TO_BITBUCKET[status.state],
        url: status.targetUrl ?? this.webPage,
        ...(status.description !== undefined ? { description: status.description } : {}),
      },
      doing: `set status ${JSON.stringify(status.context)} on ${commit} in ${this.where}`,
    });
  }

  public async readStatuses(commit: string): Promise<ReadCommitStatus[]> {
    const statuses = await this.pages<{
      key?: string;
      name?: string;
      state?: string;
      description?: string;
      url?: string;
    }>(`${this.base}/commit/${commit}/statuses`, { pagelen: 100 }, `read the statuses of ${commit} in ${this.where}`);
    return statuses.map((status) => {
      const name = status.name ?? status.key ?? '';
      const key = status.key ?? '';
      const own = key === name || key.toLowerCase() === sha1Hex(name);
      return {
        context: name,
        state: stateOf(status.state),
        ...(status.description ? { description: status.description } : {}),
        ...(status.url && status.url !== this.webPage ? { targetUrl: status.url } : {}),
        ...(own ? {} : { contextHash: key }),
      };
    });
  }

  // RequestBackend

  public async listOpenRequests(head: string, base: string): Promise<OpenRequest[]> {
    const pulls = await this.pages<BitbucketPull>(
      `${this.base}/pullrequests`,
      {
        state: 'OPEN',
        q: `source.branch.name = ${quote(head)} AND destination.branch.name = ${quote(base)}`,
        pagelen: 50,
      },
      `list the pull requests from ${head} of ${this.where}`,
    );
    return pulls
      .filter((pull) => pull.source?.branch?.name === head && pull.destination?.branch?.name === base)
      .map((pull) => ({
        number: pull.id,
        url: pull.links?.html?.href ?? '',
        title: pull.title,
        body: pull.description ?? '',
        labels: [],
      }));
  }

  public async branchTip(branch: string): Promise<BranchTip | undefined> {
    const answer = await this.client.request({
      method: 'GET',
      path: `${this.base}/refs/branches/${encodePath(branch)}`,
      accept: [404],
      doing: `read branch ${branch} of ${this.where}`,
    });
    if (answer.status === 404) return undefined;
    const target = (answer.body as { target?: { hash?: string; parents?: { hash?: string }[] } }).target;
    if (!target?.hash) throw new HostError(`cannot read branch ${branch} of ${this.where}: Bitbucket gave no commit`);
    return { commit: target.hash, parents: (target.parents ?? []).map((parent) => parent.hash ?? '') };
  }

  public async listFiles(commit: string, branch: string): Promise<ReadonlyMap<string, string>> {
    const entries = await this.pages<{ type?: string; path?: string }>(
      `${this.base}/src/${commit}/`,
      { max_depth: 100, pagelen: 100 },
      `list the files of ${this.where}@${branch}`,
    );
    const files = entries.filter((entry) => entry.type === 'commit_file' && entry.path).map((entry) => entry.path!);
    if (files.length > MAX_BITBUCKET_FILES) {
      throw new HostError(
        `${this.where}@${branch} has ${files.length} files, more than the ${MAX_BITBUCKET_FILES} read through the API; publish it with --push instead`,
      );
    }
    const blobs = new Map<string, string>();
    for (const path of files) blobs.set(path, gitBlobId(await this.raw(commit, path)));
    return blobs;
  }

  public async writeHead(
    base: BranchSnapshot,
    head: string,
    headTip: string | undefined,
    message: string,
    changes: FileChanges,
  ): Promise<string> {
    // `src` only moves a branch forward from its tip, so the branch is recreated on the base.
    if (headTip) await this.deleteBranch(head);
    return this.commitFiles(head, base.commit, message, changes);
  }

  public async createRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
  }): Promise<{ number: number; url: string }> {
    const pull = (
      await this.client.request({
        method: 'POST',
        path: `${this.base}/pullrequests`,
        json: {
          type: 'pullrequest',
          title: request.title,
          description: request.body,
          source: { branch: { name: request.head } },
          destination: { branch: { name: request.base } },
          close_source_branch: false,
        },
        doing: `open the pull request from ${request.head} in ${this.where}`,
      })
    ).body as BitbucketPull;
    return { number: pull.id, url: pull.links?.html?.href ?? '' };
  }

  public async updateRequest(number: number, text: { title: string; body: string }): Promise<void> {
    await this.client.request({
      method: 'PUT',
      path: `${this.base}/pullrequests/${number}`,
      json: { type: 'pullrequest', title: text.title, description: text.body },
      doing: `update pull request #${number} of ${this.where}`,
    });
  }

  public async changeLabels(): Promise<void> {
    // Bitbucket Cloud pull requests have no labels.
  }

  public async closeRequest(number: number): Promise<void> {
    await this.client.request({
      method: 'POST',
      path: `${this.base}/pullrequests/${number}/decline`,
      doing: `decline pull request #${number} of ${this.where}`,
    });
  }

  public async deleteBranch(branch: string): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: `${this.base}/refs/branches/${encodePath(branch)}`,
      accept: [404],
      doing: `delete branch ${branch} of ${this.where}`,
    });
  }

  // helpers

  /** One commit on `parent` with `changes`, on `branch` (fast-forwarded, or created when missing). */
  private async commitFiles(branch: string, parent: string, message: string, changes: FileChanges): Promise<string> {
    const form = new FormData();
    form.append('message', message);
    form.append('branch', branch);
    form.append('parents', parent);
    for (const path of changes.deletions) form.append('files', path);
    for (const [path, content] of Object.entries(changes.files))
      form.append(path, new Blob([content]), path.split('/').pop());
    const answer = await this.client.request({
      method: 'POST',
      path: `${this.base}/src`,
      form,
      doing: `commit onto ${branch} of ${this.where}`,
    });
    const hash = /\/commit\/([0-9a-f]{40})$/i.exec(answer.headers.get('location') ?? '')?.[1];
    if (hash) return hash;
    const tip = await this.branchTip(branch);
    if (!tip) throw new HostError(`cannot commit onto ${branch} of ${this.where}: the branch is not there afterwards`);
    return tip.commit;
  }

  private async raw(commit: string, path: string): Promise<Buffer> {
    const response = await this.client.send(
      new URL(`${this.client.apiUrl}${this.base}/src/${commit}/${encodePath(path)}`),
      { method: 'GET', headers: this.authHeaders() },
      `read ${path} of ${this.where}`,
    );
    return Buffer.from(await response.arrayBuffer());
  }

  private authHeaders(): Record<string, string> {
    const token = this.props.token;
    if (!token) return {};
    return {
      authorization: token.includes(':') ? `Basic ${Buffer.from(token).toString('base64')}` : `Bearer ${token}`,
    };
  }

  /** Every value of a paginated listing, following `next` only within the API. */
  private async pages<T>(path: string, query: Record<string, string | number>, doing: string): Promise<T[]> {
    const out: T[] = [];
    let page = (await this.client.request({ method: 'GET', path, query, doing })).body as Page<T>;
    for (let count = 1; ; count += 1) {
      out.push(...(page.values ?? []));
      if (!page.next) return out;
      if (count >= MAX_PAGES) throw new HostError(`cannot ${doing}: more than ${MAX_PAGES} pages`);
      const next = new URL(page.next);
      if (!page.next.startsWith(this.client.apiUrl))
        throw new HostError(`cannot ${doing}: Bitbucket sent a next page outside its API (${next.origin})`);
      const rest = next.pathname.slice(new URL(this.client.apiUrl).pathname.replace(/\/+$/, '').length);
      page = (
        await this.client.request({ method: 'GET', path: rest, query: Object.fromEntries(next.searchParams), doing })
      ).body as Page<T>;
    }
  }
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function stateOf(state: string | undefined): CommitState {
  switch (state) {
    case 'SUCCESSFUL':
      return 'success';
    case 'FAILED':
      return 'failure';
    case 'STOPPED':
      return 'error';
    default:
      return 'pending';
  }
}
