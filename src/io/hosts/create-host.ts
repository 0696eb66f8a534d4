import { createGitHubClient } from '../github/github-client';
import { AzureDevOpsHost } from './azure-devops/azure-devops-host';
import { BitbucketHost } from './bitbucket/bitbucket-host';
import { GitHubHost } from './github/github-host';
import { GitLabHost } from './gitlab/gitlab-host';
import { GiteaHost } from './gitea/gitea-host';
import { HostClientOptions } from './host-client-options';
import { HostKind, PullRequestHost } from './pull-request-host';
import { HostRepository } from './repository-location';

/** The adapter for a recognised repository (`recogniseRepository`), with its token (`hostToken`). */
export async function createPullRequestHost(
  repository: HostRepository,
  options: HostClientOptions = {},
): Promise<PullRequestHost> {
  switch (repository.kind) {
    case HostKind.GITHUB: {
      const octokit = await createGitHubClient({ token: options.token, baseUrl: repository.apiUrl, ...options.retry });
      return new GitHubHost(octokit, { owner: repository.owner, repo: repository.repo });
    }
    case HostKind.GITLAB:
      return new GitLabHost({ ...options, apiUrl: repository.apiUrl, project: repository.project });
    case HostKind.GITEA:
      return new GiteaHost({ ...options, apiUrl: repository.apiUrl, owner: repository.owner, repo: repository.repo });
    case HostKind.BITBUCKET:
      return new BitbucketHost({
        ...options,
        apiUrl: repository.apiUrl,
        workspace: repository.workspace,
        repo: repository.repo,
      });
    case HostKind.AZURE_DEVOPS:
      return new AzureDevOpsHost({
        ...options,
        apiUrl: repository.apiUrl,
        project: repository.project,
        repo: repository.repo,
      });
  }
}
