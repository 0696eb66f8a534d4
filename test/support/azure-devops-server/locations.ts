/**
 * What Azure DevOps answers to the client library's handshake: `OPTIONS {collection}/_apis/{area}` lists the resource
 * locations of an area (id, route template, versions), and `GET {collection}/_apis/ResourceAreas` says at which URL
 * each area lives (Services) or answers an empty list (Server, where every area lives at the collection URL).
 *
 * Location ids are those `azure-devops-node-api` asks for (`GitApi.js`, `LocationsApi.js`); route templates have the
 * shape the service answers (`{project}/_apis/{area}/repositories/{repositoryId}/{resource}/…`, spelled out per
 * resource by the generated clients of `azure-devops-extension-api`, `Git/GitClient.js`). The fake speaks the version
 * of the description it is checked against, so every location tops at 7.1 and the client negotiates 7.1.
 */

/** The highest API version the fake speaks: the version of `test/fixtures/azure-devops-openapi/routes.json`. */
export const API_VERSION = '7.1';

export const GIT_AREA_ID = '4e080c62-fa21-4fbc-8fef-2a10a2b38049';

export interface ResourceLocation {
  readonly id: string;
  readonly area: string;
  readonly resourceName: string;
  readonly routeTemplate: string;
  readonly resourceVersion: number;
  readonly minVersion: string;
  readonly maxVersion: string;
  readonly releasedVersion: string;
}

const REPO = '{project}/_apis/{area}/repositories/{repositoryId}';

function git(id: string, resourceName: string, routeTemplate: string, resourceVersion: number): ResourceLocation {
  return {
    id,
    area: 'git',
    resourceName,
    routeTemplate,
    resourceVersion,
    minVersion: '1.0',
    maxVersion: API_VERSION,
    releasedVersion: API_VERSION,
  };
}

export const LOCATIONS: Readonly<Record<string, readonly ResourceLocation[]>> = {
  location: [
    {
      id: 'e81700f7-3be2-46de-8624-2eb35882fcaa',
      area: 'Location',
      resourceName: 'ResourceAreas',
      routeTemplate: '_apis/{resource}/{areaId}',
      resourceVersion: 1,
      minVersion: '3.2',
      maxVersion: API_VERSION,
      releasedVersion: '0.0',
    },
  ],
  git: [
    git('2d874a60-a811-4f62-9c9f-963a6ea0a55b', 'refs', `${REPO}/{resource}/{*filter}`, 2),
    git('c2570c3b-5b3f-41b8-98bf-5407bfde8d58', 'commits', `${REPO}/{resource}/{commitId}`, 2),
    git('729f6437-6f92-44ec-8bee-273a7111063c', 'trees', `${REPO}/{resource}/{sha1}`, 1),
    git('7b28e929-2c99-405d-9c5c-6167a06e6816', 'blobs', `${REPO}/{resource}/{sha1}`, 1),
    git('ea98d07b-3c87-4971-8ede-a613694ffb55', 'pushes', `${REPO}/{resource}/{pushId}`, 3),
    git('9946fd70-0d40-406e-b686-b4744cbbcc37', 'pullRequests', `${REPO}/{resource}/{pullRequestId}`, 2),
    git(
      'f22387e3-984e-4c52-9c6d-fbb8f14c812d',
      'labels',
      `${REPO}/pullRequests/{pullRequestId}/{resource}/{labelIdOrName}`,
      1,
    ),
    git('428dd4fb-fda5-4722-af02-9313b80305da', 'statuses', `${REPO}/commits/{commitId}/{resource}`, 2),
  ],
};

/** `"7.1-preview.2"` → `[7, 1]`; undefined when not a version. */
export function parseVersion(text: string): [number, number] | undefined {
  const match = /^(\d+)\.(\d+)(?:-preview(?:\.\d+)?)?$/.exec(text.trim());
  return match ? [Number(match[1]), Number(match[2])] : undefined;
}

/** The `api-version` of a request: its query parameter, else the `api-version` of its `Accept` header. */
export function requestedVersion(url: URL, accept: string | undefined): string | undefined {
  return url.searchParams.get('api-version') ?? /api-version=([^;,\s]+)/i.exec(accept ?? '')?.[1];
}
