import { Branches, Commits, MergeRequests, Repositories } from '@gitbeaker/rest';
import { HostError } from '../host-error';
import { HostClientOptions, MAX_PAGES } from '../host-client-options';
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
  LabelSpec,
  PullRequestHost,
  ReadCommitStatus,
  RequestOutcome,
} from '../pull-request-host';
import { BranchTip, OpenRequest, RequestBackend } from '../request-backend';
import { gitLabRequester } from './gitlab-requester';

export interface GitLabHostProps extends HostClientOptions {
  /** The instance: `https://gitlab.com` or a self-managed URL (the client adds `/api/v4`). */
  readonly apiUrl: string;
  /** `group/subgroup/project`. */
  readonly project: string;
}

const TO_GITLAB: Readonly<Record<CommitState, 'pending' | 'success' | 'failed' | 'canceled'>> = {
  pending: 'pending',
  success: 'success',
  failure: 'failed',
  error: 'canceled',
};

type Row = Record<string, unknown>;

/** Entries per page of the tree listing (GitLab's most). */
const TREE_PAGE = 100;

/**
 * GitLab.com and self-managed GitLab through `@gitbeaker/rest` (its transport replaced by `RestClient`): one commit of
 * several files through the commits API (`start_sha` and `force` rewrite the request's branch on the base), merge
 * requests with labels by name (GitLab creates missing ones), commit statuses by name.
 */
export class GitLabHost implements PullRequestHost, RequestBackend {
  public readonly kind = HostKind.GITLAB;
  public readonly description: string;
  public readonly maxBodyLength = 1_000_000;
  public readonly hasLabels = true;
  private readonly branches: InstanceType<typeof Branches<false>>;
  private readonly commits: InstanceType<typeof Commits<false>>;
  private readonly requests: InstanceType<typeof MergeRequests<false>>;
  private readonly repositories: InstanceType<typeof Repositories<false>>;

  public constructor(private readonly props: GitLabHostProps) {
    this.description = `${props.project} on ${new URL(props.apiUrl).host}`;
    const client = new RestClient({
      apiUrl: props.apiUrl,
      hostName: 'GitLab',
      secrets: props.token ? [props.token] : [],
      tokenVariable: props.tokenVariable,
      retry: props.retry,
      millisecondsPerSecond: props.millisecondsPerSecond,
    });
    const options = {
      host: props.apiUrl.replace(/\/+$/, ''),
      token: props.token ?? '',
      requesterFn: gitLabRequester(client),
      rateLimits: {},
    };
    this.branches = new Branches(options);
    this.commits = new Commits(options);
    this.requests = new MergeRequests(options);
    this.repositories = new Repositories(options);
  }

  private get where(): string {
    return this.props.project;
  }

  public async readBranch(branch: string): Promise<BranchSnapshot | undefined> {
    const tip = await this.branchTip(branch);
    if (!tip) return undefined;
    return { branch, commit: tip.commit, blobs: await this.listFiles(tip.commit, branch) };
  }

  public async readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const path of paths.filter((p) => branch.blobs.has(p))) {
      const raw = await this.call(`read ${path} of ${this.where}`, () =>
        this.repositories.showBlobRaw(this.props.project, branch.blobs.get(path)!),
      );
      out.set(path, typeof raw === 'string' ? raw : Buffer.from(await (raw as Blob).arrayBuffer()).toString('utf8'));
    }
    return out;
  }

  public commitToBranch(change: BranchCommit): Promise<string | undefined> {
    return commitThrough(this, this.where, change, async (snapshot, changes) => {
      const commit = await this.call(`commit onto ${change.branch} of ${this.where}`, () =>
        this.commits.create(this.props.project, change.branch, change.message, actions(snapshot, changes)),
      );
      return String((commit as Row).id);
    });
  }

  public proposeChange(change: ChangeProposal): Promise<RequestOutcome> {
    return proposeThrough(this, this.where, change);
  }

  public async setStatus(commit: string, status: CommitStatus): Promise<void> {
    await this.call(`set status ${JSON.stringify(status.context)} on ${commit} in ${this.where}`, () =>
      this.commits.editStatus(this.props.project, commit, TO_GITLAB[status.state], {
        name: status.context,
        ...(status.description !== undefined ? { description: status.description } : {}),
        ...(status.targetUrl !== undefined ? { targetUrl: status.targetUrl } : {}),
      }),
    );
  }

  public async readStatuses(commit: string): Promise<ReadCommitStatus[]> {
    const rows = (await this.call(`read the statuses of ${commit} in ${this.where}`, () =>
      this.commits.allStatuses(this.props.project, commit, { perPage: 100, maxPages: MAX_PAGES } as { all?: boolean }),
    )) as unknown as Row[];
    const newest = new Map<string, Row>();
    for (const row of [...rows].sort((a, b) => Number(a.id) - Number(b.id))) newest.set(String(row.name), row);
    return [...newest.values()].map((row) => ({
      context: String(row.name),
      state: stateOf(String(row.status)),
      ...(row.description ? { description: String(row.description) } : {}),
      ...(row.target_url ? { targetUrl: String(row.target_url) } : {}),
    }));
  }

  // RequestBackend

  public async listOpenRequests(head: string, base: string): Promise<OpenRequest[]> {
    const rows = (await this.call(`list the merge requests from ${head} of ${this.where}`, () =>
      this.requests.all({
        projectId: this.props.project,
        state: 'opened',
        sourceBranch: head,
        targetBranch: base,
        perPage: 100,
        maxPages: MAX_PAGES,
      }),
    )) as unknown as Row[];
    return rows.map((row) => ({
      number: Number(row.iid),
      url: String(row.web_url),
      title: String(row.title),
      body: String(row.description ?? ''),
      labels: Array.isArray(row.labels) ? row.labels.map(String) : [],
    }));
  }

  public async branchTip(branch: string): Promise<BranchTip | undefined> {
    try {
      const found = (await this.call(`read branch ${branch} of ${this.where}`, () =>
        this.branches.show(this.props.project, branch),
      )) as Row;
      const commit = found.commit as Row;
      return { commit: String(commit.id), parents: (commit.parent_ids as string[] | undefined) ?? [] };
    } catch (e) {
      if (e instanceof HostError && e.status === 404) return undefined;
      throw e;
    }
  }

  public async listFiles(commit: string, branch: string): Promise<ReadonlyMap<string, string>> {
    const rows = (await this.call(`list the files of ${this.where}@${branch}`, () =>
      this.repositories.allRepositoryTrees(this.props.project, {
        ref: commit,
        recursive: true,
        perPage: TREE_PAGE,
        maxPages: MAX_PAGES,
      }),
    )) as unknown as Row[];
    // The listing stops after MAX_PAGES pages without saying whether more follow: a full one may be cut short.
    if (rows.length >= TREE_PAGE * MAX_PAGES) {
      throw new HostError(
        `${this.where}@${branch} has ${TREE_PAGE * MAX_PAGES} files and folders or more, more than are read through GitLab's API; publish it with --push instead`,
      );
    }
    return new Map(
      rows
        .filter((row) => row.type === 'blob' || row.type === 'commit')
        .map((row) => [String(row.path), String(row.id)]),
    );
  }

  public async writeHead(
    base: BranchSnapshot,
    head: string,
    _headTip: string | undefined,
    message: string,
    changes: FileChanges,
  ): Promise<string> {
    const commit = await this.call(`write branch ${head} of ${this.where}`, () =>
      this.commits.create(this.props.project, head, message, actions(base, changes), {
        startSha: base.commit,
        force: true,
      }),
    );
    return String((commit as Row).id);
  }

  public async createRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
    labels: readonly LabelSpec[];
  }): Promise<{ number: number; url: string }> {
    const created = (await this.call(`open the merge request from ${request.head} in ${this.where}`, () =>
      this.requests.create(this.props.project, request.head, request.base, request.title, {
        description: request.body,
        removeSourceBranch: false,
        ...(request.labels.length > 0 ? { labels: request.labels.map((label) => label.name).join(',') } : {}),
      }),
    )) as Row;
    return { number: Number(created.iid), url: String(created.web_url) };
  }

  public async updateRequest(number: number, text: { title: string; body: string }): Promise<void> {
    await this.call(`update merge request !${number} of ${this.where}`, () =>
      this.requests.edit(this.props.project, number, { title: text.title, description: text.body }),
    );
  }

  public async changeLabels(number: number, add: readonly LabelSpec[], remove: readonly string[]): Promise<void> {
    await this.call(`label merge request !${number} of ${this.where}`, () =>
      this.requests.edit(this.props.project, number, {
        ...(add.length > 0 ? { addLabels: add.map((label) => label.name).join(',') } : {}),
        ...(remove.length > 0 ? { removeLabels: remove.join(',') } : {}),
      }),
    );
  }

  public async closeRequest(number: number): Promise<void> {
    await this.call(`close merge request !${number} of ${this.where}`, () =>
      this.requests.edit(this.props.project, number, { stateEvent: 'close' }),
    );
  }

  public async deleteBranch(branch: string): Promise<void> {
    await this.call(`delete branch ${branch} of ${this.where}`, () =>
      this.branches.remove(this.props.project, branch),
    ).catch((e: unknown) => {
      if (!(e instanceof HostError && e.status === 404)) throw e;
    });
  }

  /** Runs a client call, saying in its failure what was being done. */
  private async call<T>(doing: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (e) {
      if (e instanceof HostError)
        throw new HostError(e.message.replace(/^cannot [^:]*:/, `cannot ${doing}:`), e.status);
      throw e;
    }
  }
}

function actions(base: BranchSnapshot, changes: FileChanges) {
  return [
    ...changes.deletions.map((filePath) => ({ action: 'delete' as const, filePath })),
    ...Object.entries(changes.files).map(([filePath, content]) => ({
      action: base.blobs.has(filePath) ? ('update' as const) : ('create' as const),
      filePath,
      content,
      encoding: 'text' as const,
    })),
  ];
}

function stateOf(state: string): CommitState {
  switch (state) {
    case 'success':
      return 'success';
    case 'failed':
      return 'failure';
    case 'canceled':
      return 'error';
    default:
      return 'pending';
  }
}
