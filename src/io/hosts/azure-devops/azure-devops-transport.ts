import { Readable } from 'stream';
import { HostError } from '../host-error';
import { RestClient } from '../http/rest-client';
import { HostKind } from '../pull-request-host';
import { TOKEN_VARIABLES } from '../host-token';

/** What `typed-rest-client` (under `azure-devops-node-api`) prepares for a request. */
interface PreparedRequest {
  readonly parsedUrl: URL;
  readonly options: { readonly method?: string; readonly headers?: Readonly<Record<string, unknown>> };
}

/** The library's clients each hold two `typed-rest-client` HTTP clients, whose raw sending this transport replaces. */
interface LibraryClient {
  readonly http: unknown;
  readonly rest: unknown;
}

type RawSend = (info: PreparedRequest, data: unknown) => Promise<BufferedResponse>;

/** An answer as `typed-rest-client` reads it: `message` (status, headers, a readable body) and `readBody()`. */
class BufferedResponse {
  public readonly message: Readable & { statusCode: number; headers: Record<string, string> };

  public constructor(
    status: number,
    headers: Headers,
    private readonly data: Buffer,
  ) {
    this.message = Object.assign(Readable.from([data]), {
      statusCode: status,
      headers: Object.fromEntries(headers.entries()),
    });
  }

  public readBody(): Promise<string> {
    return Promise.resolve(this.data.toString('utf-8'));
  }
}

const AZURE_VARIABLES = TOKEN_VARIABLES[HostKind.AZURE_DEVOPS].join(' or ');
const SERVICES_HOST = /^(dev\.azure\.com|[a-z0-9-]+\.visualstudio\.com)$/i;

/**
 * Sends the requests of `azure-devops-node-api`'s clients through `RestClient`, so that Azure DevOps is retried and
 * throttled as every other host (its own `typed-rest-client` retries only some GETs, retries a name that does not
 * resolve, and reads no `Retry-After`). It also turns what the library would take for an empty answer into an
 * error: Azure DevOps answers a rejected token on some endpoints with 203 and an HTML sign-in page. Requests go only
 * to the origin of the API URL, or, for Azure DevOps Services, to its own hosts, which its `ResourceAreas` may name.
 */
export class AzureDevOpsTransport {
  private readonly apiOrigin: string;
  private readonly services: boolean;

  public constructor(
    private readonly client: RestClient,
    apiUrl: string,
    private readonly token: { readonly present: boolean; readonly variable?: string },
  ) {
    const url = new URL(apiUrl);
    this.apiOrigin = url.origin;
    this.services = url.protocol === 'https:' && SERVICES_HOST.test(url.hostname);
  }

  /** Makes every request of a library client (`LocationsApi`, `GitApi`) go through this transport. */
  public adopt(api: LibraryClient): void {
    const send: RawSend = (info, data) => this.send(info, data);
    for (const http of [api.http, (api.rest as { client: unknown }).client]) {
      (http as { requestRaw: RawSend }).requestRaw = send;
    }
  }

  private async send(info: PreparedRequest, data: unknown): Promise<BufferedResponse> {
    const url = new URL(info.parsedUrl.href);
    const method = (info.options.method ?? 'GET').toUpperCase();
    const doing = `${method} ${decodeURIComponent(url.pathname)}`;
    if (
      url.origin !== this.apiOrigin &&
      !(this.services && url.protocol === 'https:' && SERVICES_HOST.test(url.hostname))
    ) {
      throw new HostError(
        `cannot ${doing}: Azure DevOps at ${this.apiOrigin} pointed to ${url.origin}; the token is not sent there`,
      );
    }
    if (data !== null && data !== undefined && typeof data !== 'string') {
      throw new Error(`the Azure DevOps transport sends JSON text only, not a stream (${doing})`);
    }
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(info.options.headers ?? {})) {
      if (value !== undefined && !/^(content-length|host)$/i.test(name)) headers[name.toLowerCase()] = String(value);
    }
    let response: Response;
    try {
      response = await this.client.send(url, { method, headers, body: data ?? undefined }, doing);
    } catch (e) {
      if (e instanceof HostError && e.status === 401 && !this.token.present) {
        throw new HostError(e.message.replace(/set the token$/, `set ${AZURE_VARIABLES}`), e.status);
      }
      throw e;
    }
    const body = Buffer.from(await response.arrayBuffer());
    const type = response.headers.get('content-type') ?? '';
    if (response.status === 203 || /text\/html/i.test(type)) {
      throw new HostError(
        `cannot ${doing}: Azure DevOps answered ${response.status} with a sign-in page instead of data; ` +
          (this.token.present
            ? `the token was rejected: check ${this.token.variable ?? AZURE_VARIABLES}`
            : `the request was not authenticated: set ${AZURE_VARIABLES}`),
        response.status,
      );
    }
    return new BufferedResponse(response.status, response.headers, body);
  }
}
