import { ResponseBodyTypes, createRequesterFn } from '@gitbeaker/requester-utils';
import { RestClient } from '../http/rest-client';

/**
 * The transport `@gitbeaker/rest` is given: its own requester retries only 429 and 502, ten times, without reading
 * `Retry-After`; this one sends through `RestClient`, so that GitLab is retried and throttled as every other host.
 */
export function gitLabRequester(client: RestClient): ReturnType<typeof createRequesterFn> {
  return createRequesterFn(
    async (_service, options) => options,
    async (endpoint: string, options?: Record<string, unknown>) => {
      const {
        prefixUrl,
        searchParams,
        method = 'GET',
        headers,
        body,
      } = (options ?? {}) as {
        prefixUrl?: string;
        searchParams?: string;
        method?: string;
        headers?: Record<string, string>;
        body?: string | FormData;
      };
      const url = new URL(endpoint, prefixUrl?.endsWith('/') ? prefixUrl : `${prefixUrl}/`);
      if (searchParams) url.search = searchParams;
      const response = await client.send(
        url,
        { method, headers, body },
        `${method} ${decodeURIComponent(url.pathname)}`,
      );
      const type = (response.headers.get('content-type') ?? '').split(';')[0].trim();
      const text = response.status === 204 ? '' : await response.text();
      const parsed = (type === 'application/json' ? (text === '' ? {} : JSON.parse(text)) : text) as ResponseBodyTypes;
      return { body: parsed, headers: Object.fromEntries(response.headers.entries()), status: response.status };
    },
  );
}
