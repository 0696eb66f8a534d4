import { GitCache } from '../../io/git/git-cache';
import { GitRepository } from '../../io/git/git-repository';
import { GitError } from '../../io/git/git-runner';
import { isEmptyChangeSet } from './change-set';
import { Proposal, PublishOutcome, PublishTarget, TargetBranch } from './publish';

export interface GitTargetProps {
  /** The repository: a URL (any host) or an absolute local path. */
  readonly url: string;
  /** The GitOpsRepo branch the change is based on. */
  readonly branch: string;
  /** Branch pushed to; the change is force-pushed there (`kalypso/<environment>`), or fast-forwarded onto `branch` when equal to it. */
  readonly pushTo: string;
}

/**
 * Publishes with plain git (any host, or a local path): fetches the branch shallow into the cache, writes the commit
 * with a temporary index (no checkout), and pushes it — to `kalypso/<environment>` with a lease on what was there, or
 * straight to the branch (`--direct`), which must still be where it was read.
 */
export class GitTarget implements PublishTarget {
  public readonly description: string;
  private repository?: GitRepository;
  private headTip?: string;
  private treeId?: string;

  public constructor(
    private readonly cache: GitCache,
    private readonly props: GitTargetProps,
  ) {
    this.description = `${props.url} branch ${props.branch}`;
  }

  public async read(): Promise<TargetBranch> {
    const { url, branch, pushTo } = this.props;
    const tips = await this.cache.remoteBranches(url);
    if (!tips.has(branch)) throw new GitError(`branch ${branch} does not exist in ${url}; create it before publishing`);
    const fetched = await this.cache.fetchBranch(url, branch, 1);
    if (!fetched.commit) throw new GitError(`branch ${branch} does not exist in ${url}; create it before publishing`);
    const repository = fetched.repository;
    this.repository = repository;
    if (pushTo !== branch && tips.has(pushTo)) this.headTip = (await this.cache.fetchBranch(url, pushTo, 1)).commit;
    const commit = fetched.commit;
    this.treeId = (await repository.commit(commit)).tree;
    const entries = await repository.listTree(commit);
    const blobs = new Map(entries.map((entry) => [entry.path, entry.sha]));
    return {
      commit,
      tree: { blobs, objectFormat: await repository.objectFormat() },
      readContents: async (paths) => {
        const known = paths.filter((path) => blobs.has(path));
        const contents = await repository.readBlobs(known.map((path) => blobs.get(path)!));
        return new Map(known.map((path) => [path, contents.get(blobs.get(path)!)!.toString('utf8')]));
      },
    };
  }

  public async apply(branch: TargetBranch, proposal: Proposal): Promise<PublishOutcome> {
    const { url, pushTo } = this.props;
    const { repository, treeId } = this;
    if (!repository || !treeId) throw new Error('GitTarget.apply called before read');
    if (isEmptyChangeSet(proposal.changes)) return { kind: 'push', action: 'none', branch: pushTo };
    const edits = [
      ...proposal.changes.deleted.map((path) => ({ path, content: null })),
      ...Object.entries(proposal.changes.writes).map(([path, content]) => ({ path, content })),
    ];
    const tree = await repository.writeTree(treeId, edits);
    if (tree === treeId) return { kind: 'push', action: 'none', branch: pushTo };
    if (this.headTip) {
      const tip = await repository.commit(this.headTip);
      if (tip.tree === tree && tip.parents.length === 1 && tip.parents[0] === branch.commit) {
        return { kind: 'push', action: 'up-to-date', branch: pushTo, commit: this.headTip };
      }
    }
    const commit = await repository.commitTree(tree, [branch.commit], proposal.commitMessage);
    const direct = pushTo === this.props.branch;
    await repository.push(url, commit, pushTo, {
      lease: direct ? undefined : (this.headTip ?? ''),
      movedHint: '(the branch moved while publishing; run again)',
    });
    return { kind: 'push', action: 'pushed', branch: pushTo, commit };
  }
}
