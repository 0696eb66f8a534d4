import { GitApi } from 'azure-devops-node-api/GitApi';
import { LocationsApi } from 'azure-devops-node-api/LocationsApi';
import { BearerCredentialHandler } from 'azure-devops-node-api/handlers/bearertoken';
import { PersonalAccessTokenCredentialHandler } from 'azure-devops-node-api/handlers/personalaccesstoken';
import { IRequestHandler, IRequestOptions } from 'azure-devops-node-api/interfaces/common/VsoBaseInterfaces';
import { ResourceAreaInfo } from 'azure-devops-node-api/interfaces/LocationsInterfaces';
import { HostError } from '../host-error';
import { azureDevOpsCredential } from './azure-devops-credential';
import { AzureDevOpsTransport } from './azure-devops-transport';

function credentialHandlers(token: string | undefined, variable: string | undefined): IRequestHandler[] {
  if (!token) return [];
  return [
    azureDevOpsCredential(token, variable) === 'bearer'
      ? new BearerCredentialHandler(token, true)
      : new PersonalAccessTokenCredentialHandler(token, true),
  ];
}

const USER_AGENT = 'kalypso-cdk8s (azure-devops-node-api)';
// Retries are the transport's; the library's own are off.
const OPTIONS: IRequestOptions = { allowRetries: false, allowRedirects: false };

/**
 * The library's Git client for an organization (Services) or collection (Server) URL, connected as its `WebApi`
 * connects: `ResourceAreas` says where the git area lives (Services), or answers an empty list (Server: at the
 * collection URL); each client then asks `OPTIONS _apis/<area>` for its route templates and versions.
 */
export async function connectGitApi(props: {
  readonly apiUrl: string;
  readonly token?: string;
  readonly tokenVariable?: string;
  readonly transport: AzureDevOpsTransport;
}): Promise<GitApi> {
  const handlers = credentialHandlers(props.token, props.tokenVariable);
  const locations = new LocationsApi(props.apiUrl, handlers, OPTIONS, USER_AGENT);
  props.transport.adopt(locations);
  const areas = (await locations.getResourceAreas()) as ResourceAreaInfo[] | { count?: number } | null;
  let gitUrl = props.apiUrl;
  if (Array.isArray(areas) && areas.length > 0) {
    const git = areas.find((area) => area.id?.toLowerCase() === GitApi.RESOURCE_AREA_ID.toLowerCase());
    if (!git?.locationUrl) throw new HostError(`Azure DevOps at ${props.apiUrl} lists no git resource area`);
    gitUrl = git.locationUrl;
  }
  const api = new GitApi(gitUrl, handlers, OPTIONS, USER_AGENT);
  props.transport.adopt(api);
  return api;
}
