/**
 * What the fake Azure DevOps answers outside its description: the client library's handshake (`locations.ts`), a
 * version it does not speak, and, for a wrong token when asked to, the sign-in page Azure DevOps sends some clients.
 */
import { IncomingHttpHeaders } from 'http';
import { Reply } from '../host-server/server';
import { API_VERSION, GIT_AREA_ID, LOCATIONS, parseVersion, requestedVersion } from './locations';
import { errorBody, json } from './wire';

export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(',') : value;
}

export function isAuthenticated(headers: IncomingHttpHeaders, token: string): boolean {
  const [scheme, credential] = String(headers.authorization ?? '').split(/\s+/, 2);
  if (/^bearer$/i.test(scheme ?? '')) return credential === token;
  if (!/^basic$/i.test(scheme ?? '') || !credential) return false;
  const decoded = Buffer.from(credential, 'base64').toString('utf-8');
  return decoded.slice(decoded.indexOf(':') + 1) === token;
}

/** The answers to `OPTIONS _apis/Location`, `OPTIONS _apis/git` and `GET _apis/ResourceAreas`, made without a token. */
export function handshake(
  method: string,
  url: URL,
  collectionPath: string,
  gitLocationUrl: string,
  flavour: 'services' | 'server',
): Reply | undefined {
  const match = /^(.*)\/_apis\/(location|git|resourceareas)\/?$/i.exec(url.pathname);
  if (!match) return undefined;
  const [, collection, resource] = match;
  if (collection.toLowerCase() !== collectionPath.toLowerCase())
    return json(404, errorBody(404, `no collection at ${collection}`));
  const area = resource.toLowerCase();
  if (method === 'OPTIONS' && area !== 'resourceareas') {
    const locations = LOCATIONS[area];
    return json(200, { count: locations.length, value: locations });
  }
  if (method === 'GET' && area === 'resourceareas') {
    if (flavour === 'server') return json(200, { count: 0, value: null });
    return json(200, { count: 1, value: [{ id: GIT_AREA_ID, name: 'git', locationUrl: gitLocationUrl }] });
  }
  return undefined;
}

/** Azure DevOps' answer to a version it does not speak. */
export function versionOutOfRange(url: URL, headers: IncomingHttpHeaders): Reply | undefined {
  const asked = requestedVersion(url, headerText(headers.accept));
  const version = asked && parseVersion(asked);
  const [major, minor] = parseVersion(API_VERSION)!;
  if (asked && !version) return json(400, errorBody(400, `The api-version '${asked}' is not valid.`));
  if (!version || version[0] < major || (version[0] === major && version[1] <= minor)) return undefined;
  return json(
    400,
    errorBody(
      400,
      `The requested REST API version of ${version.join('.')} is out of range for this server. The latest REST API version for this server is ${API_VERSION}.`,
    ),
  );
}

export function signInPage(): Reply {
  const page =
    '<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>';
  return { status: 203, raw: { contentType: 'text/html; charset=utf-8', data: Buffer.from(page, 'utf-8') } };
}
