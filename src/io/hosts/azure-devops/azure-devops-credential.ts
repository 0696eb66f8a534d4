/** How a token is presented: a personal access token as Basic credentials, or an OAuth token as Bearer. */
export type AzureDevOpsCredential = 'personal-access-token' | 'bearer';

/**
 * `SYSTEM_ACCESSTOKEN` (a pipeline's OAuth token) and tokens shaped as a JWT go as Bearer; `AZURE_DEVOPS_EXT_PAT` and
 * any other token as a personal access token (Basic, the token as the password).
 */
export function azureDevOpsCredential(token: string, variable?: string): AzureDevOpsCredential {
  if (variable === 'SYSTEM_ACCESSTOKEN') return 'bearer';
  if (variable === 'AZURE_DEVOPS_EXT_PAT') return 'personal-access-token';
  return /^eyJ[\w-]*\.[\w-]+\.[\w-]*$/.test(token) ? 'bearer' : 'personal-access-token';
}
