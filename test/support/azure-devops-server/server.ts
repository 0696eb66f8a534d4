/**
 * A fake Azure DevOps (Services, or Server with its collection below `/tfs`) for the operations of
 * `test/fixtures/azure-devops-openapi/routes.json`, every request and answer checked against that description, after
 * the handshake the client library makes first (`locations.ts`). As the service: paths match whatever their letter
 * case, `api-version` comes in the query or the `Accept` header and must not exceed the fake's 7.1, collections are
 * sent as `{ count, value }`, authentication is Basic (a personal access token as the password) or Bearer, and
 * errors are `{ message, typeKey, … }`. With `signInPage`, a request with a wrong token gets what Azure DevOps sends
 * some clients instead of a 401: a 203 and an HTML sign-in page.
 */
import * as path from 'path';
import { FakeHostBase } from '../host-server/fake-host';
import { Handler, HostServer } from '../host-server/server';
import { loadFixture } from '../host-server/swagger2';
import { GIT_HANDLERS } from './git-handlers';
import { handshake, headerText, isAuthenticated, signInPage, versionOutOfRange } from './handshake';
import { requestedVersion } from './locations';
import { PULL_REQUEST_HANDLERS } from './pull-request-handlers';
import { errorBody } from './wire';

const FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'azure-devops-openapi', 'routes.json');
const FLUX_GENRE = 'fluxcd';

export interface AzureDevOpsServerProps {
  /** `services`: `https://dev.azure.com/org` style; `server`: a collection at `/tfs/DefaultCollection`. @default 'services' */
  readonly flavour?: 'services' | 'server';
  readonly token?: string;
  /** Answer a wrong token with 203 and an HTML sign-in page instead of 401. @default false */
  readonly signInPage?: boolean;
  /** Where `ResourceAreas` says the git area lives (Services only). @default - the collection URL */
  readonly gitLocationUrl?: string;
}

export class AzureDevOpsServer extends FakeHostBase {
  public static async start(props: AzureDevOpsServerProps = {}): Promise<AzureDevOpsServer> {
    const flavour = props.flavour ?? 'services';
    const basePath = flavour === 'server' ? '/tfs' : '';
    const collection = flavour === 'server' ? 'DefaultCollection' : 'org';
    const token = props.token ?? 'azure-devops-fake-test-pat-0123456789abcdef';
    let origin = '';
    const server = await HostServer.listen({
      name: 'Azure DevOps',
      fixture: loadFixture(FIXTURE),
      basePath,
      token,
      authenticate: isAuthenticated,
      errorBody,
      rateLimitHeaders: (retryAfter) => ({
        'x-ratelimit-resource': 'ATCPU',
        'x-ratelimit-delay': String(retryAfter),
        'x-ratelimit-limit': '200',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + retryAfter),
      }),
      handlers: HANDLERS,
      caseInsensitivePaths: true,
      queryOf: (url, headers) => {
        const query = new URLSearchParams(url.searchParams);
        const version = requestedVersion(url, headerText(headers.accept));
        if (version && !query.has('api-version')) query.set('api-version', version);
        return query;
      },
      wireBody: (_op, _status, body) => (Array.isArray(body) ? { count: body.length, value: body } : body),
      outsideContract: (method, url, headers) =>
        handshake(
          method,
          url,
          `${basePath}/${collection}`,
          props.gitLocationUrl ?? `${origin}${basePath}/${collection}/`,
          flavour,
        ) ??
        versionOutOfRange(url, headers) ??
        (props.signInPage && !isAuthenticated(headers, token) ? signInPage() : undefined),
    });
    origin = server.origin;
    server.createRepo(`${collection}/project`, 'gitops');
    return new AzureDevOpsServer(server, `${collection}/project`, 'gitops', `${server.apiUrl}/${collection}`);
  }

  private constructor(
    server: HostServer,
    owner: string,
    name: string,
    /** The organization (Services) or collection (Server) URL the adapter is given. */
    public readonly collectionUrl: string,
  ) {
    super(server, owner, name);
  }

  public get project(): string {
    return 'project';
  }

  /** What Flux's `azuredevops` provider posts: the id as `context.name` under genre `fluxcd`, `succeeded` or `error`. */
  public postFluxStatus(sha: string, id: string, healthy: boolean, description: string): void {
    this.pushStatus({
      sha,
      identity: `${FLUX_GENRE}/${id}`,
      name: id,
      genre: FLUX_GENRE,
      state: healthy ? 'succeeded' : 'error',
      description,
      targetUrl: '',
    });
  }
}

const HANDLERS: Record<string, Handler> = { ...GIT_HANDLERS, ...PULL_REQUEST_HANDLERS };
