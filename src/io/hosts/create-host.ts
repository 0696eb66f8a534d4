import { HostClientOptions } from './host-client-options';
import { HostKind, PullRequestHost } from './pull-request-host';
import { HostRepository } from './repository-location';

/**
 * The adapter for a recognised repository (`recogniseRepository`), with its token (`hostToken`). Each host's adapter
 * and client library is loaded only when it is used: together they take longer to load than a small synth takes.
 */
export async function createPullRequestHost(
  repository: HostRepository,
  options: HostClientOptions = {},
): Promise<PullRequestHost> {
  switch (repository.kind) {
    case HostKind.GITHUB: {
      const { createGitHubClient } = await import('../github/github-client.js');
      const { GitHubHost } = await import('./github/github-host.js');
      const octokit = await createGitHubClient({ token: options.token, baseUrl: repository.apiUrl, ...options.retry });
      return new GitHubHost(octokit, { owner: repository.owner, repo: repository.repo });
    }
    case HostKind.GITLAB: {
      const { GitLabHost } = await import('./gitlab/gitlab-host.js');
      return new GitLabHost({ ...options, apiUrl: repository.apiUrl, project: repository.project });
    }
    case HostKind.GITEA: {
      const { GiteaHost } = await import('./gitea/gitea-host.js');
      return new GiteaHost({ ...options, apiUrl: repository.apiUrl, owner: repository.owner, repo: repository.repo });
    }
    case HostKind.BITBUCKET: {
      const { BitbucketHost } = await import('./bitbucket/bitbucket-host.js');
      return new BitbucketHost({
        ...options,
        apiUrl: repository.apiUrl,
        workspace: repository.workspace,
        repo: repository.repo,
      });
    }
    case HostKind.AZURE_DEVOPS: {
      const { AzureDevOpsHost } = await import('./azure-devops/azure-devops-host.js');
      return new AzureDevOpsHost({
        ...options,
        apiUrl: repository.apiUrl,
        project: repository.project,
        repo: repository.repo,
      });
    }
  }
}
