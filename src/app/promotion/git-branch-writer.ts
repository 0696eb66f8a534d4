import { GitCache } from '../../io/git/git-cache';
import { GitError } from '../../io/git/git-runner';
import { BranchFileWrite, BranchWriteOutcome, BranchWriter } from './branch-writer';

export interface GitBranchWriterProps {
  /** The repository: a URL (any host) or an absolute local path. */
  readonly url: string;
  readonly branch: string;
}

/**
 * Writes with plain git: fetches the branch (shallow) into the cache, writes the commit through a temporary index (no
 * checkout), and pushes it without force, so that a branch that moved meanwhile is never overwritten.
 */
export class GitBranchWriter implements BranchWriter {
  public readonly description: string;

  public constructor(
    private readonly cache: GitCache,
    private readonly props: GitBranchWriterProps,
  ) {
    this.description = `${props.url} branch ${props.branch}`;
  }

  public async write(file: BranchFileWrite): Promise<BranchWriteOutcome> {
    const { url, branch } = this.props;
    const { repository, commit: tip } = await this.cache.fetchBranch(url, branch, 1);
    if (!tip) throw new GitError(`branch ${branch} does not exist in ${url}`);
    const base = (await repository.commit(tip)).tree;
    const tree = await repository.writeTree(base, [{ path: file.path, content: file.content }]);
    if (tree === base) return { action: 'unchanged' };
    const commit = await repository.commitTree(tree, [tip], file.message);
    await repository.push(url, commit, branch, { movedHint: '(the branch moved meanwhile; run again)' });
    return { action: 'written', commit };
  }
}
