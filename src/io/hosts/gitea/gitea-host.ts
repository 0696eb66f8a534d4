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
  LabelSpec,
  PullRequestHost,
  ReadCommitStatus,
  RequestOutcome,
} from '../pull-request-host';
import { BranchTip, OpenRequest, RequestBackend } from '../request-backend';

export interface GiteaHostProps extends HostClientOptions {
  /** The API root: `https://gitea.example.com/api/v1`. */
  readonly apiUrl: string;
  readonly owner: string;
  readonly repo: string;
}

const PAGE = 50;

interface GiteaPull {
  number: number;
  html_url: string;
  title: string;
  body?: string;
  labels?: { name: string }[];
  head?: { ref?: string };
}

interface GiteaLabel {
  id: number;
  name: string;
}

/**
 * Gitea and Forgejo through their REST API (`/api/v1`): branches and files through the contents API (one commit of
 * several files, `new_branch` and `force_push` for the request's branch), pull requests with labels by id, commit
 * statuses by context.
 */
export class GiteaHost implements PullRequestHost, RequestBackend {
  public readonly kind = HostKind.GITEA;
  public readonly description: string;
  public readonly maxBodyLength = 65535;
  public readonly hasLabels = true;
  private readonly client: RestClient;
  private readonly base: string;

  public constructor(private readonly props: GiteaHostProps) {
    this.description = `${props.owner}/${props.repo} on ${new URL(props.apiUrl).host}`;
    this.base = `/repos/${encodeURIComponent(props.owner)}/${encodeURIComponent(props.repo)}`;
    this.client = new RestClient({
      apiUrl: props.apiUrl,
      hostName: 'Gitea',
      headers: props.token ? { authorization: `token ${props.token}` } : {},
      secrets: props.token ? [props.token] : [],
      tokenVariable: props.tokenVariable,
      retry: props.retry,
      millisecondsPerSecond: props.millisecondsPerSecond,
    });
  }

  private get where(): string {
    return `${this.props.owner}/${this.props.repo}`;
  }

  public async readBranch(branch: string): Promise<BranchSnapshot | undefined> {
    const commit = await this.branchCommit(branch);
    if (!commit) return undefined;
    const { tree, blobs } = await this.tree(commit, branch);
    return { branch, commit, treeId: tree, blobs };
  }

  public async readFiles(branch: BranchSnapshot, paths: readonly string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const path of paths) {
      const sha = branch.blobs.get(path);
      if (!sha) continue;
      const blob = (
        await this.client.request({
          method: 'GET',
          path: `${this.base}/git/blobs/${sha}`,
          doing: `read ${path} of ${this.where}`,
        })
      ).body as { content?: string; encoding?: string };
      out.set(path, Buffer.from(blob.content ?? '', blob.encoding === 'base64' ? 'base64' : 'utf8').toString('utf8'));
    }
    return out;
  }

  public commitToBranch(change: BranchCommit): Promise<string | undefined> {
    return commitThrough(this, this.where, change, (snapshot, changes) =>
      this.changeFiles(snapshot, { branch: change.branch }, change.message, changes, `commit onto ${change.branch}`),
    );
  }

  public proposeChange(change: ChangeProposal): Promise<RequestOutcome> {
    return proposeThrough(this, this.where, change);
  }

  public async setStatus(commit: string, status: CommitStatus): Promise<void> {
    await this.client.request({
      method: 'POST',
      path: `${this.base}/statuses/${commit}`,
      json: {
        state: status.state,
        context: status.context,
        ...(status.description !== undefined ? { description: status.description } : {}),
        ...(status.targetUrl !== undefined ? { target_url: status.targetUrl } : {}),
      },
      doing: `set status ${JSON.stringify(status.context)} on ${commit} in ${this.where}`,
    });
  }

  public async readStatuses(commit: string): Promise<ReadCommitStatus[]> {
    const out: ReadCommitStatus[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const combined = (
        await this.client.request({
          method: 'GET',
          path: `${this.base}/commits/${commit}/status`,
          query: { page, limit: PAGE },
          doing: `read the statuses of ${commit} in ${this.where}`,
        })
      ).body as { statuses?: { context?: string; status?: string; description?: string; target_url?: string }[] };
      const statuses = combined.statuses ?? [];
      for (const status of statuses) {
        out.push({
          context: status.context ?? '',
          state: stateOf(status.status),
          ...(status.description ? { description: status.description } : {}),
          ...(status.target_url ? { targetUrl: status.target_url } : {}),
        });
      }
      if (statuses.length < PAGE) break;
    }
    return out;
  }

  // RequestBackend

  public async listOpenRequests(head: string, base: string): Promise<OpenRequest[]> {
    const out: OpenRequest[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const pulls = (
        await this.client.request({
          method: 'GET',
          path: `${this.base}/pulls`,
          query: { state: 'open', base_branch: base, page, limit: PAGE },
          doing: `list the pull requests into ${base} of ${this.where}`,
        })
      ).body as GiteaPull[];
      for (const pull of pulls.filter((p) => p.head?.ref === head)) {
        out.push({
          number: pull.number,
          url: pull.html_url,
          title: pull.title,
          body: pull.body ?? '',
          labels: (pull.labels ?? []).map((label) => label.name),
        });
      }
      if (pulls.length < PAGE) break;
    }
    return out;
  }

  public async branchTip(branch: string): Promise<BranchTip | undefined> {
    const commit = await this.branchCommit(branch);
    if (!commit) return undefined;
    const data = (
      await this.client.request({
        method: 'GET',
        path: `${this.base}/git/commits/${commit}`,
        query: { stat: false, verification: false, files: false },
        doing: `read commit ${commit} of ${this.where}`,
      })
    ).body as { parents?: { sha: string }[] };
    return { commit, parents: (data.parents ?? []).map((parent) => parent.sha) };
  }

  public async listFiles(commit: string, branch: string): Promise<ReadonlyMap<string, string>> {
    return (await this.tree(commit, branch)).blobs;
  }

  public writeHead(
    base: BranchSnapshot,
    head: string,
    headTip: string | undefined,
    message: string,
    changes: FileChanges,
  ): Promise<string> {
    return this.changeFiles(
      base,
      { branch: base.branch, new_branch: head, ...(headTip ? { force_push: true } : {}) },
      message,
      changes,
      `write branch ${head}`,
    );
  }

  public async createRequest(request: {
    head: string;
    base: string;
    title: string;
    body: string;
    labels: readonly LabelSpec[];
  }): Promise<{ number: number; url: string }> {
    const labels = await this.labelIds(request.labels);
    const pull = (
      await this.client.request({
        method: 'POST',
        path: `${this.base}/pulls`,
        json: {
          head: request.head,
          base: request.base,
          title: request.title,
          body: request.body,
          ...(labels.length > 0 ? { labels } : {}),
        },
        doing: `open the pull request from ${request.head} in ${this.where}`,
      })
    ).body as GiteaPull;
    return { number: pull.number, url: pull.html_url };
  }

  public async updateRequest(number: number, text: { title: string; body: string }): Promise<void> {
    await this.client.request({
      method: 'PATCH',
      path: `${this.base}/pulls/${number}`,
      json: text,
      doing: `update pull request #${number} of ${this.where}`,
    });
  }

  public async changeLabels(number: number, add: readonly LabelSpec[], remove: readonly string[]): Promise<void> {
    if (add.length > 0) {
      await this.client.request({
        method: 'POST',
        path: `${this.base}/issues/${number}/labels`,
        json: { labels: await this.labelIds(add) },
        doing: `label pull request #${number} of ${this.where}`,
      });
    }
    if (remove.length === 0) return;
    const known = await this.repositoryLabels();
    for (const name of remove) {
      const label = known.find((l) => l.name.toLowerCase() === name.toLowerCase());
      if (!label) continue;
      await this.client.request({
        method: 'DELETE',
        path: `${this.base}/issues/${number}/labels/${label.id}`,
        accept: [404],
        doing: `remove label ${name} from pull request #${number} of ${this.where}`,
      });
    }
  }

  public async closeRequest(number: number): Promise<void> {
    await this.client.request({
      method: 'PATCH',
      path: `${this.base}/pulls/${number}`,
      json: { state: 'closed' },
      doing: `close pull request #${number} of ${this.where}`,
    });
  }

  public async deleteBranch(branch: string): Promise<void> {
    await this.client.request({
      method: 'DELETE',
      path: `${this.base}/branches/${encodePath(branch)}`,
      accept: [404],
      doing: `delete branch ${branch} of ${this.where}`,
    });
  }

  // helpers

  private async branchCommit(branch: string): Promise<string | undefined> {
    const answer = await this.client.request({
      method: 'GET',
      path: `${this.base}/branches/${encodePath(branch)}`,
      accept: [404],
      doing: `read branch ${branch} of ${this.where}`,
    });
    return answer.status === 404 ? undefined : (answer.body as { commit: { id: string } }).commit.id;
  }

  private async tree(commit: string, branch: string): Promise<{ tree: string; blobs: Map<string, string> }> {
    const blobs = new Map<string, string>();
    let tree = '';
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const listing = (
        await this.client.request({
          method: 'GET',
          path: `${this.base}/git/trees/${commit}`,
          query: { recursive: true, page, per_page: 1000 },
          doing: `list the files of ${this.where}@${branch}`,
        })
      ).body as {
        sha: string;
        truncated?: boolean;
        total_count?: number;
        tree?: { path?: string; type?: string; sha?: string }[];
      };
      tree = listing.sha;
      const entries = listing.tree ?? [];
      for (const entry of entries) {
        if ((entry.type === 'blob' || entry.type === 'commit') && entry.path && entry.sha)
          blobs.set(entry.path, entry.sha);
      }
      if (!listing.truncated || entries.length === 0) return { tree, blobs };
    }
    throw new HostError(`${this.where}@${branch} has more files than ${MAX_PAGES} pages of Gitea's tree listing`);
  }

  private async changeFiles(
    base: BranchSnapshot,
    target: { branch: string; new_branch?: string; force_push?: boolean },
    message: string,
    changes: FileChanges,
    doing: string,
  ): Promise<string> {
    const files = [
      ...changes.deletions.map((path) => ({ operation: 'delete', path, sha: base.blobs.get(path) })),
      ...Object.entries(changes.files).map(([path, content]) => ({
        operation: base.blobs.has(path) ? 'update' : 'create',
        path,
        content: Buffer.from(content, 'utf8').toString('base64'),
        ...(base.blobs.has(path) ? { sha: base.blobs.get(path) } : {}),
      })),
    ];
    const answer = (
      await this.client.request({
        method: 'POST',
        path: `${this.base}/contents`,
        json: { ...target, message, files },
        doing: `${doing} of ${this.where}`,
      })
    ).body as { commit?: { sha?: string } };
    const sha = answer.commit?.sha;
    if (!sha) throw new HostError(`cannot ${doing} of ${this.where}: Gitea did not say which commit it made`);
    return sha;
  }

  private async repositoryLabels(): Promise<GiteaLabel[]> {
    const out: GiteaLabel[] = [];
    for (let page = 1; page <= MAX_PAGES; page += 1) {
      const labels = (
        await this.client.request({
          method: 'GET',
          path: `${this.base}/labels`,
          query: { page, limit: PAGE },
          doing: `list the labels of ${this.where}`,
        })
      ).body as GiteaLabel[];
      out.push(...labels);
      if (labels.length < PAGE) break;
    }
    return out;
  }

  /** The ids of labels by name, creating the ones the repository lacks. */
  private async labelIds(labels: readonly LabelSpec[]): Promise<number[]> {
    if (labels.length === 0) return [];
    const known = await this.repositoryLabels();
    const ids: number[] = [];
    for (const label of labels) {
      let found = known.find((l) => l.name.toLowerCase() === label.name.toLowerCase());
      if (!found) {
        found = (
          await this.client.request({
            method: 'POST',
            path: `${this.base}/labels`,
            json: {
              name: label.name,
              color: `#${(label.color ?? '0E8A16').toLowerCase()}`,
              ...(label.description ? { description: label.description } : {}),
            },
            doing: `create label ${label.name} in ${this.where}`,
          })
        ).body as GiteaLabel;
      }
      ids.push(found.id);
    }
    return ids;
  }
}

function stateOf(state: string | undefined): CommitState {
  switch (state) {
    case 'success':
      return 'success';
    case 'failure':
    case 'warning':
      return 'failure';
    case 'error':
      return 'error';
    default:
      return 'pending';
  }
}
