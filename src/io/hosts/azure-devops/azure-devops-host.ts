import { GitApi } from 'azure-devops-node-api/GitApi';
import {
  GitObjectType,
  GitPullRequest,
  GitPush,
  GitRefUpdateStatus,
  GitStatus,
  GitStatusState,
  PullRequestStatus,
} from 'azure-devops-node-api/interfaces/GitInterfaces';
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
import { connectGitApi } from './azure-devops-client';
import { AzureDevOpsTransport } from './azure-devops-transport';
import { AZURE_DEVOPS_STATUS_GENRE, statusContext } from './azure-devops-statuses';

export interface AzureDevOpsHostProps extends HostClientOptions {
  /** The organization (Services, `https://dev.azure.com/org`) or collection (Server, `https://tfs/DefaultCollection`) URL. */
  readonly apiUrl: string;
  readonly project: string;
  readonly repo: string;
}

const ZEROS = '0000000000000000000000000000000000000000';
const PAGE = 100;

/*
 * Request bodies carry enum values by name (`'add'`, `'abandoned'`, `'succeeded'`), as the API description documents
 * them; the library's TypeScript enums are numbers, which the service also takes, so the names are cast.
 */
const named = <T>(name: string): T => name as unknown as T;

const TO_AZURE: Readonly<Record<CommitState, string>> = {
  pending: 'pending',
  success: 'succeeded',
  failure: 'failed',
  error: 'error',
};

/** The lower-case name of an enum value the library read (it turns names into numbers; unknown names stay). */
function enumName(values: object, value: unknown): string {
  const name = typeof value === 'number' ? (values as Record<number, string>)[value] : value;
  return String(name ?? '').toLowerCase();
}

/**
 * Azure DevOps Services and Server through `azure-devops-node-api`, its transport replaced by `RestClient`: one
 * commit of several files through a push (`refUpdates` and `commits[].changes`), the request's branch moved back onto
 * the base through the refs API before it is pushed again, pull requests with labels through the labels API,
 * abandoned when the change is empty, commit statuses by `context.genre` and `context.name`.
 */
export class AzureDevOpsHost implements PullRequestHost, RequestBackend {
  public readonly kind = HostKind.AZURE_DEVOPS;
  public readonly description: string;
  /** Azure DevOps keeps at most 4000 characters of a pull request's description. */
  public readonly maxBodyLength = 4000;
  public readonly hasLabels = true;
  private readonly transport: AzureDevOpsTransport;
  private connection?: Promise<GitApi>;
  /** Commits read, by id (they never change). */
  private readonly commits = new Map<string, { treeId: string; parents: string[] }>();

  public constructor(private readonly props: AzureDevOpsHostProps) {
    this.description = `${props.project}/${props.repo} on ${new URL(props.apiUrl).host}`;
    const client = new RestClient({
      apiUrl: props.apiUrl,
      hostName: 'Azure DevOps',
      secrets: props.token ? [props.token, Buffer.from(`PAT:${props.token}`).toString('base64')] : [],
      tokenVariable: props.tokenVariable,
      retry: props.retry,
      millisecondsPerSecond: props.millisecondsPerSecond,
    });
    this.transport = new AzureDevOpsTransport(client, props.apiUrl, {
      present: !!props.token,
      variable: props.tokenVariable,
    });
  }

  private get where(): string {
    return `${this.props.project}/${this.props.repo}`;
  }

  private get webUrl(): string {
    const { apiUrl, project, repo } = this.props;
    return `${apiUrl.replace(/\/+$/, '')}/${encodeURIComponent(project)}/_git/${encodeURIComponent(repo)}`;
  }

  public async readBranch(branch: string): Promise<BranchSnapshot | undefined> {
    const commit = await this.refTip(branch);
    if (!commit) return undefined;
    const { treeId } = await this.commit(commit);
    return { branch, commit, treeId, blobs: await this.tree(treeId, `${this.where}@${branch}`) };
  }

  public async readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const path of paths) {
      const sha = branch.blobs.get(path);
      if (!sha) continue;
      const stream = await this.call(`read ${path} of ${this.where}`, (git) =>
        git.getBlobContent(this.props.repo, sha, this.props.project),
      );
      const chunks: Buffer[] = [];
      for await (const chunk of stream) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
      out.set(path, Buffer.concat(chunks).toString('utf-8'));
    }
    return out;
  }

  public commitToBranch(change: BranchCommit): Promise<string | undefined> {
    return commitThrough(this, this.where, change, (snapshot, changes) =>
      this.push(snapshot, change.branch, snapshot.commit, change.message, changes),
    );
  }

  public proposeChange(change: ChangeProposal): Promise<RequestOutcome> {
    return proposeThrough(this, this.where, change);
  }

  public async setStatus(commit: string, status: CommitStatus): Promise<void> {
    const body = {
      state: named<GitStatusState>(TO_AZURE[status.state]),
      context: { genre: AZURE_DEVOPS_STATUS_GENRE, name: status.context },
      ...(status.description !== undefined ? { description: status.description } : {}),
      ...(status.targetUrl !== undefined ? { targetUrl: status.targetUrl } : {}),
    };
    await this.call(`set status ${JSON.stringify(status.context)} on ${commit} in ${this.where}`, (git) =>
      git.createCommitStatus(body, commit, this.props.repo, this.props.project),
    );
  }

  public async readStatuses(commit: string): Promise<ReadCommitStatus[]> {
    const all: GitStatus[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const statuses = await this.call(`read the statuses of ${commit} in ${this.where}`, (git) =>
        git.getStatuses(commit, this.props.repo, this.props.project, PAGE, page * PAGE, true),
      );
      all.push(...(statuses ?? []));
      if ((statuses ?? []).length < PAGE) break;
    }
    const newest = new Map<string, GitStatus>();
    for (const status of [...all].sort((a, b) => (a.id ?? 0) - (b.id ?? 0))) {
      newest.set(`${status.context?.genre ?? ''}\n${status.context?.name ?? ''}`, status);
    }
    return [...newest.values()].map((status) => ({
      context: statusContext(status.context?.genre, status.context?.name),
      state: stateOf(enumName(GitStatusState, status.state)),
      ...(status.description ? { description: status.description } : {}),
      ...(status.targetUrl ? { targetUrl: status.targetUrl } : {}),
    }));
  }

  // RequestBackend

  public async listOpenRequests(head: string, base: string): Promise<OpenRequest[]> {
    const criteria = {
      status: named<PullRequestStatus>('active'),
      sourceRefName: `refs/heads/${head}`,
      targetRefName: `refs/heads/${base}`,
    };
    const out: OpenRequest[] = [];
    for (let page = 0; page < MAX_PAGES; page += 1) {
      const pulls = await this.call(`list the pull requests from ${head} of ${this.where}`, (git) =>
        git.getPullRequests(this.props.repo, criteria, this.props.project, undefined, page * PAGE, PAGE),
      );
      for (const pull of pulls ?? []) out.push(this.openRequest(pull));
      if ((pulls ?? []).length < PAGE) break;
    }
    return out;
  }

  public async branchTip(branch: string): Promise<BranchTip | undefined> {
    const commit = await this.refTip(branch);
    if (!commit) return undefined;
    return { commit, parents: (await this.commit(commit)).parents };
  }

  public async listFiles(commit: string, branch: string): Promise<ReadonlyMap<string, string>> {
    return this.tree((await this.commit(commit)).treeId, `${this.where}@${branch}`);
  }

  public async writeHead(
    base: BranchSnapshot,
    head: string,
    headTip: string | undefined,
    message: string,
    changes: FileChanges,
  ): Promise<string> {
    if (headTip && headTip !== base.commit)
      await this.moveRef(head, headTip, base.commit, `move ${head} onto ${base.branch}`);
    return this.push(base, head, base.commit, message, changes);
  }

  public async createRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
    labels: readonly LabelSpec[];
  }): Promise<{ number: number; url: string }> {
    const pull = await this.call(`open the pull request from ${request.head} in ${this.where}`, (git) =>
      git.createPullRequest(
        {
          sourceRefName: `refs/heads/${request.head}`,
          targetRefName: `refs/heads/${request.base}`,
          title: request.title,
          description: request.body,
          ...(request.labels.length > 0 ? { labels: request.labels.map((label) => ({ name: label.name })) } : {}),
        },
        this.props.repo,
        this.props.project,
      ),
    );
    const number = Number(pull.pullRequestId);
    return { number, url: `${this.webUrl}/pullrequest/${number}` };
  }

  public async updateRequest(number: number, text: { title: string; body: string }): Promise<void> {
    await this.call(`update pull request #${number} of ${this.where}`, (git) =>
      git.updatePullRequest({ title: text.title, description: text.body }, this.props.repo, number, this.props.project),
    );
  }

  public async changeLabels(number: number, add: readonly LabelSpec[], remove: readonly string[]): Promise<void> {
    for (const label of add) {
      await this.call(`label pull request #${number} of ${this.where}`, (git) =>
        git.createPullRequestLabel({ name: label.name }, this.props.repo, number, this.props.project),
      );
    }
    for (const name of remove) {
      await this.call(`remove label ${name} from pull request #${number} of ${this.where}`, (git) =>
        git.deletePullRequestLabels(this.props.repo, number, name, this.props.project),
      ).catch((e: unknown) => {
        if (!(e instanceof HostError && e.status === 404)) throw e;
      });
    }
  }

  public async closeRequest(number: number): Promise<void> {
    await this.call(`abandon pull request #${number} of ${this.where}`, (git) =>
      git.updatePullRequest(
        { status: named<PullRequestStatus>('abandoned') },
        this.props.repo,
        number,
        this.props.project,
      ),
    );
  }

  public async deleteBranch(branch: string): Promise<void> {
    const tip = await this.refTip(branch);
    if (tip) await this.moveRef(branch, tip, ZEROS, `delete branch ${branch}`);
  }

  // helpers

  private git(): Promise<GitApi> {
    this.connection ??= connectGitApi({
      apiUrl: this.props.apiUrl,
      token: this.props.token,
      tokenVariable: this.props.tokenVariable,
      transport: this.transport,
    }).catch((e: unknown) => {
      this.connection = undefined;
      throw e;
    });
    return this.connection;
  }

  /** Runs a client call, saying in its failure what was being done. */
  private async call<T>(doing: string, run: (git: GitApi) => Promise<T>): Promise<T> {
    try {
      return await run(await this.git());
    } catch (e) {
      if (e instanceof HostError) {
        throw new HostError(e.message.replace(/^cannot [^:]*:/, `cannot ${doing}:`), e.status);
      }
      throw new HostError(`cannot ${doing}: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  private openRequest(pull: GitPullRequest): OpenRequest {
    const number = Number(pull.pullRequestId);
    return {
      number,
      url: `${this.webUrl}/pullrequest/${number}`,
      title: pull.title ?? '',
      body: pull.description ?? '',
      labels: (pull.labels ?? []).filter((label) => label.active !== false).map((label) => label.name ?? ''),
    };
  }

  /** The commit a branch points at, or undefined when it does not exist. */
  private async refTip(branch: string): Promise<string | undefined> {
    const refs = await this.call(`read branch ${branch} of ${this.where}`, (git) =>
      git.getRefs(this.props.repo, this.props.project, `heads/${branch}`),
    );
    return (refs ?? []).find((ref) => ref.name === `refs/heads/${branch}`)?.objectId;
  }

  private async commit(sha: string): Promise<{ treeId: string; parents: string[] }> {
    const known = this.commits.get(sha);
    if (known) return known;
    const commit = await this.call(`read commit ${sha} of ${this.where}`, (git) =>
      git.getCommit(sha, this.props.repo, this.props.project),
    );
    if (!commit?.treeId)
      throw new HostError(`cannot read commit ${sha} of ${this.where}: Azure DevOps did not find it`);
    const read = { treeId: commit.treeId, parents: commit.parents ?? [] };
    this.commits.set(sha, read);
    return read;
  }

  /** Path → blob id of every file of a tree. */
  private async tree(treeId: string, what: string): Promise<Map<string, string>> {
    const tree = await this.call(`list the files of ${what}`, (git) =>
      git.getTree(this.props.repo, treeId, this.props.project, undefined, true),
    );
    const files = (tree?.treeEntries ?? []).filter((entry) => {
      const type = enumName(GitObjectType, entry.gitObjectType);
      return (type === 'blob' || type === 'commit') && entry.relativePath && entry.objectId;
    });
    return new Map(files.map((entry) => [entry.relativePath!, entry.objectId!]));
  }

  private async moveRef(branch: string, from: string, to: string, doing: string): Promise<void> {
    const [result] = await this.call(`${doing} of ${this.where}`, (git) =>
      git.updateRefs(
        [{ name: `refs/heads/${branch}`, oldObjectId: from, newObjectId: to }],
        this.props.repo,
        this.props.project,
      ),
    );
    if (!result?.success) {
      const why = [enumName(GitRefUpdateStatus, result?.updateStatus), result?.customMessage]
        .filter(Boolean)
        .join(': ');
      throw new HostError(
        `cannot ${doing} of ${this.where}: Azure DevOps refused the ref update (${why || 'no reason given'})`,
      );
    }
  }

  /** Pushes one commit holding `changes` onto `parent` as branch `branch` (created from `parent` when missing). */
  private async push(
    base: BranchSnapshot,
    branch: string,
    parent: string,
    message: string,
    changes: FileChanges,
  ): Promise<string> {
    const push = {
      refUpdates: [{ name: `refs/heads/${branch}`, oldObjectId: parent }],
      commits: [
        {
          comment: message,
          changes: [
            ...changes.deletions.map((path) => ({ changeType: 'delete', item: { path: `/${path}` } })),
            ...Object.entries(changes.files).map(([path, content]) => ({
              changeType: base.blobs.has(path) ? 'edit' : 'add',
              item: { path: `/${path}` },
              newContent: { content: Buffer.from(content, 'utf-8').toString('base64'), contentType: 'base64Encoded' },
            })),
          ],
        },
      ],
    };
    const pushed = await this.call(`push to ${branch} of ${this.where}`, (git) =>
      git.createPush(push as unknown as GitPush, this.props.repo, this.props.project),
    );
    const commit = pushed.commits?.[pushed.commits.length - 1]?.commitId;
    if (!commit)
      throw new HostError(`cannot push to ${branch} of ${this.where}: Azure DevOps did not say which commit it made`);
    return commit;
  }
}

function stateOf(state: string): CommitState {
  switch (state) {
    case 'succeeded':
      return 'success';
    case 'failed':
    case 'partiallysucceeded':
      return 'failure';
    case 'error':
      return 'error';
    default:
      return 'pending';
  }
}
