/**
 * The Git hosts the command line is run against end to end, each as its fake serves it: how `--api-url` names it,
 * what its repositories' web URLs look like, what it calls a request and how it stores a commit state.
 */
import { CliServices } from '../../src/cli/cli';
import { createPullRequestHost } from '../../src/io/hosts/create-host';
import { AzureDevOpsServer } from './azure-devops-server/server';
import { BitbucketServer } from './bitbucket-server/server';
import { GiteaServer } from './gitea-server/server';
import { GitLabServer } from './gitlab-server/server';
import { FakeHost } from './host-server/fake-host';

export interface FlowHost {
  /** As `--host` takes it. */
  readonly kind: string;
  readonly title: string;
  readonly start: () => Promise<FakeHost>;
  /** The variable its token is read from. */
  readonly variable: string;
  /** What `--api-url` says, and what the adapter is given. */
  readonly apiUrl: (fake: FakeHost) => string;
  /** The web URL of the fake's repository `name` (in the fake's owner, group, workspace or project). */
  readonly webUrl: (fake: FakeHost, name: string) => string;
  /** How messages name the repository `name`. */
  readonly repositoryName: (fake: FakeHost, name: string) => string;
  /** How messages name a request. */
  readonly request: (number: number) => string;
  readonly labels: boolean;
  /** The host's own words for the states a promotion sets. */
  readonly states: { readonly pending: string; readonly success: string; readonly failure: string };
}

const ownerRepository = (fake: FakeHost, name: string) => `${fake.owner}/${name}`;
const pullRequest = (number: number) => `pull request #${number}`;

function azureDevOps(flavour: 'services' | 'server'): FlowHost {
  const collection = (fake: FakeHost) => (fake as AzureDevOpsServer).collectionUrl;
  return {
    kind: 'azure-devops',
    title: flavour === 'services' ? 'Azure DevOps Services' : 'Azure DevOps Server',
    start: () => AzureDevOpsServer.start({ flavour }),
    variable: 'AZURE_DEVOPS_EXT_PAT',
    apiUrl: collection,
    webUrl: (fake, name) => `${collection(fake)}/${(fake as AzureDevOpsServer).project}/_git/${name}`,
    repositoryName: (fake, name) => `${(fake as AzureDevOpsServer).project}/${name}`,
    request: pullRequest,
    labels: true,
    states: { pending: 'pending', success: 'succeeded', failure: 'failed' },
  };
}

export const FLOW_HOSTS: readonly FlowHost[] = [
  {
    kind: 'gitlab',
    title: 'GitLab (self-managed)',
    start: () => GitLabServer.start(),
    variable: 'GITLAB_TOKEN',
    apiUrl: (fake) => (fake as GitLabServer).instanceUrl,
    webUrl: (fake, name) => `${fake.server.origin}/${fake.owner}/${name}`,
    repositoryName: ownerRepository,
    request: (number) => `merge request !${number}`,
    labels: true,
    states: { pending: 'pending', success: 'success', failure: 'failed' },
  },
  azureDevOps('services'),
  azureDevOps('server'),
  {
    kind: 'gitea',
    title: 'Gitea',
    start: () => GiteaServer.start(),
    variable: 'GITEA_TOKEN',
    apiUrl: (fake) => fake.server.apiUrl,
    webUrl: (fake, name) => `${fake.server.origin}/${fake.owner}/${name}`,
    repositoryName: ownerRepository,
    request: pullRequest,
    labels: true,
    states: { pending: 'pending', success: 'success', failure: 'failure' },
  },
  {
    kind: 'bitbucket',
    title: 'Bitbucket Cloud',
    start: () => BitbucketServer.start(),
    variable: 'BITBUCKET_TOKEN',
    apiUrl: (fake) => fake.server.apiUrl,
    webUrl: (fake, name) => `${fake.server.origin}/${fake.owner}/${name}`,
    repositoryName: ownerRepository,
    request: pullRequest,
    labels: false,
    states: { pending: 'INPROGRESS', success: 'SUCCESSFUL', failure: 'FAILED' },
  },
];

/** `--host` and `--api-url` naming a fake. */
export function hostFlags(host: FlowHost, fake: FakeHost): string[] {
  return ['--host', host.kind, '--api-url', host.apiUrl(fake)];
}

/**
 * Services whose adapters are the real ones with retries that wait a millisecond per second, checking that the
 * command asked for the fake's API with the token from the host's variable (`token`, by default the fake's).
 */
export function fakeHostServices(
  host: FlowHost,
  fake: FakeHost,
  extra: CliServices = {},
  token = fake.server.token,
): CliServices {
  return {
    ...extra,
    createPullRequestHost: async (repository, options) => {
      expect(repository).toMatchObject({ kind: host.kind, apiUrl: host.apiUrl(fake) });
      expect(options).toEqual({ token, tokenVariable: host.variable });
      return createPullRequestHost(repository, { ...options, millisecondsPerSecond: 1 });
    },
  };
}
