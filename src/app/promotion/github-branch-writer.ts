import type { Octokit } from '@octokit/rest' with { 'resolution-mode': 'import' };
import { commitToBranch } from '../../io/github/commit-to-branch';
import { GitHubRepository } from '../../io/github/repository-url';
import { BranchFileWrite, BranchWriteOutcome, BranchWriter } from './branch-writer';

/** Writes through the GitHub API (Git Data API: tree, commit, fast-forward of the branch). */
export class GitHubBranchWriter implements BranchWriter {
  public readonly description: string;

  public constructor(
    private readonly octokit: Octokit,
    private readonly props: GitHubRepository & { readonly branch: string },
  ) {
    this.description = `${props.owner}/${props.repo} branch ${props.branch}`;
  }

  public async write(file: BranchFileWrite): Promise<BranchWriteOutcome> {
    const { owner, repo, branch } = this.props;
    const commit = await commitToBranch(this.octokit, {
      owner,
      repo,
      branch,
      message: file.message,
      files: { [file.path]: file.content },
    });
    return commit ? { action: 'written', commit } : { action: 'unchanged' };
  }
}
