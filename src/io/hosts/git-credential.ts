import { azureDevOpsCredential } from './azure-devops/azure-devops-credential';
import { kindOfApiUrl, webHostOfApi } from './host-selection';
import { HostKind } from './pull-request-host';
import { HostOverride } from './repository-location';

/** Where each host serves git over https when it is not self-hosted; Gitea and Forgejo have no one such place. */
const PUBLIC_GIT_URLS: Readonly<Record<HostKind, readonly string[]>> = {
  [HostKind.GITHUB]: ['https://github.com/'],
  [HostKind.GITLAB]: ['https://gitlab.com/'],
  [HostKind.AZURE_DEVOPS]: ['https://dev.azure.com/', 'https://*.visualstudio.com/'],
  [HostKind.GITEA]: [],
  [HostKind.BITBUCKET]: ['https://bitbucket.org/'],
};

/** The user name each host expects beside a token in HTTP Basic authentication for git. */
const BASIC_USERS: Readonly<Record<HostKind, string>> = {
  [HostKind.GITHUB]: 'x-access-token',
  [HostKind.GITLAB]: 'oauth2',
  [HostKind.AZURE_DEVOPS]: '',
  [HostKind.GITEA]: 'x-access-token',
  [HostKind.BITBUCKET]: 'x-token-auth',
};

/** What git sends a host with its token: an `Authorization` header, and the forms of it to keep out of messages. */
export interface GitCredential {
  readonly header: string;
  /** The token and the encoded form the header carries. */
  readonly secrets: readonly string[];
}

/**
 * The `Authorization` header git sends a host's token in, as each host documents it: HTTP Basic with the token as
 * the password (GitHub `x-access-token`, GitLab `oauth2`, Bitbucket `x-token-auth`, Azure DevOps an empty user), or
 * Bearer for an Azure Pipelines job token (`SYSTEM_ACCESSTOKEN`). A Bitbucket token holding a `:` is
 * `user:app-password` already.
 */
export function gitCredential(kind: HostKind, token: string, variable?: string): GitCredential {
  if (kind === HostKind.AZURE_DEVOPS && azureDevOpsCredential(token, variable) === 'bearer') {
    return { header: `Authorization: Bearer ${token}`, secrets: [token] };
  }
  const pair = kind === HostKind.BITBUCKET && token.includes(':') ? token : `${BASIC_USERS[kind]}:${token}`;
  const basic = Buffer.from(pair).toString('base64');
  return { header: `Authorization: Basic ${basic}`, secrets: [token, basic] };
}

/**
 * The URL prefixes git may send a host's token to: the instance `selection` names by its API URL when it is of this
 * kind (and then nothing else), else the host's public site.
 */
export function gitTokenUrls(kind: HostKind, selection: HostOverride = {}): string[] {
  const { apiUrl } = selection;
  if (apiUrl !== undefined && (selection.kind ?? kindOfApiUrl(apiUrl)) === kind) {
    return [`${new URL(apiUrl).protocol}//${webHostOfApi(apiUrl)}/`];
  }
  return [...PUBLIC_GIT_URLS[kind]];
}
