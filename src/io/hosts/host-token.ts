import { HostKind } from './pull-request-host';

/** The environment variables each host's token is read from, in order of preference. */
export const TOKEN_VARIABLES: Readonly<Record<HostKind, readonly string[]>> = {
  [HostKind.GITHUB]: ['GITHUB_TOKEN'],
  [HostKind.GITLAB]: ['GITLAB_TOKEN'],
  [HostKind.AZURE_DEVOPS]: ['AZURE_DEVOPS_EXT_PAT', 'SYSTEM_ACCESSTOKEN'],
  [HostKind.GITEA]: ['GITEA_TOKEN'],
  [HostKind.BITBUCKET]: ['BITBUCKET_TOKEN'],
};

/** The token for a host from its conventional variable, and which variable it came from; never printed. */
export function hostToken(
  kind: HostKind,
  env: Readonly<Record<string, string | undefined>>,
): { readonly token: string; readonly variable: string } | undefined {
  for (const variable of TOKEN_VARIABLES[kind]) {
    const token = env[variable];
    if (token) return { token, variable };
  }
  return undefined;
}
