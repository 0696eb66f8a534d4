import { resolveFluxContexts, sha1Hex } from '../../../src/io/hosts/flux-statuses';
import { isTransientNetworkError } from '../../../src/io/hosts/host-error';
import { DEFAULT_RETRY_POLICY, decideRetry } from '../../../src/io/hosts/http/retry-policy';

describe('decideRetry', () => {
  const now = 1_700_000_000;
  const headers = (values: Record<string, string>) => (name: string) => values[name];
  test.each<[string, number, Record<string, string>, number, ReturnType<typeof decideRetry>]>([
    ['429 waits as Retry-After asks', 429, { 'retry-after': '7' }, 0, { retry: true, waitSeconds: 7 }],
    [
      '429 with an HTTP date',
      429,
      { 'retry-after': new Date((now + 30) * 1000).toUTCString() },
      0,
      { retry: true, waitSeconds: 30 },
    ],
    ['429 without a header backs off', 429, {}, 2, { retry: true, waitSeconds: 4 }],
    [
      '403 with an exhausted limit waits for the reset',
      403,
      { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(now + 60) },
      0,
      { retry: true, waitSeconds: 60 },
    ],
    [
      'GitLab reset header',
      429,
      { 'ratelimit-remaining': '0', 'ratelimit-reset': String(now + 5) },
      0,
      { retry: true, waitSeconds: 5 },
    ],
    ['403 without a limit is not retried', 403, {}, 0, { retry: false, rateLimited: false }],
    [
      'a wait beyond the bound fails',
      429,
      { 'retry-after': '3600' },
      0,
      { retry: false, rateLimited: true, waitSeconds: 3600 },
    ],
    ['502 backs off', 502, {}, 1, { retry: true, waitSeconds: 2 }],
    ['503 gives up after the retries', 503, {}, 3, { retry: false, rateLimited: false, waitSeconds: 8 }],
    ['404 is an answer', 404, {}, 0, { retry: false, rateLimited: false }],
    ['401 is an answer', 401, { 'retry-after': '1' }, 0, { retry: false, rateLimited: false }],
  ])('%s', (_name, status, values, attempt, expected) => {
    expect(decideRetry(status, headers(values), attempt, DEFAULT_RETRY_POLICY, now)).toEqual(expected);
  });

  test.each([
    ['ECONNRESET', true],
    ['ENOTFOUND', false],
    ['EAI_AGAIN', false],
    ['ECONNREFUSED', false],
  ])('a network failure %s is retried: %s', (code, retried) => {
    expect(isTransientNetworkError(code)).toBe(retried);
  });
});

describe('resolveFluxContexts', () => {
  test('finds the Flux id a Bitbucket key hashes among the expected clusters, and keeps other statuses', () => {
    const statuses = [
      { context: 'kustomization/dev', state: 'success' as const, contextHash: sha1Hex('kustomization/dev/3f2a9c1e') },
      { context: 'kustomization/dev', state: 'failure' as const, contextHash: sha1Hex('kustomization/dev/0badc0de') },
      { context: 'dev environment', state: 'pending' as const },
    ];
    expect(resolveFluxContexts(statuses, ['3f2a9c1e'])).toEqual([
      { context: 'kustomization/dev/3f2a9c1e', state: 'success' },
      { context: `kustomization/dev/${sha1Hex('kustomization/dev/0badc0de').slice(0, 12)}`, state: 'failure' },
      { context: 'dev environment', state: 'pending' },
    ]);
  });

  test('accepts a whole expected id', () => {
    const statuses = [
      { context: 'kustomization/apps', state: 'success' as const, contextHash: sha1Hex('kustomization/apps/abc') },
    ];
    expect(resolveFluxContexts(statuses, ['Kustomization/apps/ABC'])[0].context).toBe('kustomization/apps/abc');
  });
});
