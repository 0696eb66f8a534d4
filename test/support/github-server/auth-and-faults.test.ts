import { createTestOctokit, GitHubServer, startGitHubServer } from '.';

const OWNER = 'org';
const REPO = 'gitops';

let server: GitHubServer;

beforeEach(async () => {
  server = await startGitHubServer({ token: 'ghp_correct' });
  server.createRepo(OWNER, REPO);
  server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# gitops\n' });
});

afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

describe('authentication', () => {
  test('fails with 401 Bad credentials for a wrong token', async () => {
    const octokit = await createTestOctokit(server, { auth: 'ghp_wrong' });
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 401,
      response: { data: { message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest' } },
    });
  });

  test.each([
    ['no authorization header', undefined, 401],
    ['a token', 'token ghp_correct', 200],
    ['a bearer token', 'Bearer ghp_correct', 200],
    ['a bearer of another token', 'Bearer ghp_other', 401],
  ])('answers a request with %s', async (_name, authorization, status) => {
    const response = await fetch(`${server.url}/repos/${OWNER}/${REPO}`, {
      headers: authorization ? { authorization } : {},
    });
    expect(response.status).toBe(status);
    if (status === 401) {
      expect(await response.json()).toMatchObject({ message: 'Bad credentials' });
    }
  });

  test('Octokit sends the server token as "token …"', async () => {
    const octokit = await createTestOctokit(server);
    await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    expect(server.requests()[0].headers.authorization).toBe('token ghp_correct');
  });
});

describe('server errors and the retry plugin', () => {
  test('a 500 then success is retried', async () => {
    // GIVEN
    server.failNext({ route: 'GET /repos/{owner}/{repo}', status: 500 });
    const octokit = await createTestOctokit(server, { retry: true });
    // WHEN
    const response = await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    // THEN
    expect(response.status).toBe(200);
    expect(server.requests().map((r) => [r.method, r.operationId, r.status])).toEqual([
      ['GET', 'repos/get', 500],
      ['GET', 'repos/get', 200],
    ]);
    expect(server.pendingFaults()).toBe(0);
  });

  test('two 502s on a write are retried without side effects', async () => {
    // GIVEN
    server.failNext({ method: 'POST', route: 'git/create-ref', status: 502, times: 2 });
    const octokit = await createTestOctokit(server, { retry: true });
    const sha = server.branchSha(OWNER, REPO, 'main') as string;
    // WHEN
    const created = await octokit.rest.git.createRef({ owner: OWNER, repo: REPO, ref: 'refs/heads/feature', sha });
    // THEN
    expect(created.status).toBe(201);
    expect(server.requests().map((r) => r.status)).toEqual([502, 502, 201]);
    expect(server.branchSha(OWNER, REPO, 'feature')).toBe(sha);
  });

  test('fails with the 500 when retries run out', async () => {
    server.failNext({ status: 500, times: 3, message: 'boom' });
    const octokit = await createTestOctokit(server, { retry: true, retries: 2 });
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 500,
      response: { data: { message: 'boom' } },
    });
    expect(server.requests()).toHaveLength(3);
  });

  test('fails at once without the retry plugin', async () => {
    server.failNext({ status: 500 });
    const octokit = await createTestOctokit(server);
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({ status: 500 });
    expect(server.requests()).toHaveLength(1);
  });

  test.each([
    [404, 'Not Found'],
    [422, 'Validation Failed'],
  ] as const)('an injected %i is not retried', async (status, message) => {
    server.failNext({ status });
    const octokit = await createTestOctokit(server, { retry: true });
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status,
      response: { data: { message } },
    });
    expect(server.requests()).toHaveLength(1);
  });

  test('a fault only hits the matching method and route', async () => {
    // GIVEN
    server.failNext({ method: 'POST', route: '/repos/{owner}/{repo}/git/blobs', status: 500 });
    const octokit = await createTestOctokit(server);
    // WHEN
    await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    await octokit.rest.git.getRef({ owner: OWNER, repo: REPO, ref: 'heads/main' });
    const blob = octokit.rest.git.createBlob({ owner: OWNER, repo: REPO, content: 'x' });
    // THEN
    await expect(blob).rejects.toMatchObject({ status: 500 });
    expect(server.requests().map((r) => r.status)).toEqual([200, 200, 500]);
  });

  test('fails to queue a rate limit with a status GitHub never uses for one', () => {
    expect(() => server.failNext({ status: 500, rateLimit: true })).toThrow(/a rate limit answers 403 or 429, got 500/);
  });
});

describe('rate limits and the throttling plugin', () => {
  test('a primary rate limit (403, x-ratelimit-remaining: 0) is waited out and retried', async () => {
    // GIVEN
    server.failNext({ route: 'repos/get', status: 403, rateLimit: true });
    const octokit = await createTestOctokit(server, { throttle: true });
    // WHEN
    const response = await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
    // THEN
    expect(response.status).toBe(200);
    expect(server.requests().map((r) => r.status)).toEqual([403, 200]);
    expect(octokit.rateLimitEvents).toHaveLength(1);
    expect(octokit.rateLimitEvents[0]).toMatchObject({ kind: 'primary', retryCount: 0 });
    expect(octokit.rateLimitEvents[0].retryAfter).toBeLessThanOrEqual(1);
  });

  test('the primary rate limit answer carries GitHub headers and message', async () => {
    server.failNext({ status: 403, rateLimit: true });
    const response = await fetch(`${server.url}/repos/${OWNER}/${REPO}`, {
      headers: { authorization: 'token ghp_correct' },
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(response.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
    expect(response.headers.get('retry-after')).toBe('0');
    expect(await response.json()).toMatchObject({ message: 'API rate limit exceeded for user ID 1.' });
  });

  test('a secondary rate limit on a write is retried after retry-after', async () => {
    // GIVEN
    server.failNext({ method: 'POST', status: 403, rateLimit: 'secondary' });
    const octokit = await createTestOctokit(server, { throttle: true });
    // WHEN
    const blob = await octokit.rest.git.createBlob({ owner: OWNER, repo: REPO, content: 'x' });
    // THEN
    expect(blob.status).toBe(201);
    expect(octokit.rateLimitEvents).toEqual([
      { kind: 'secondary', retryAfter: 1, retryCount: 0, route: 'POST /repos/{owner}/{repo}/git/blobs' },
    ]);
    expect(server.requests()[0]).toMatchObject({ status: 403 });
  });

  test('gives up when the limit outlasts the retries', async () => {
    server.failNext({ status: 429, rateLimit: 'secondary', times: 3 });
    const octokit = await createTestOctokit(server, { throttle: true, retries: 1 });
    await expect(octokit.rest.repos.get({ owner: OWNER, repo: REPO })).rejects.toMatchObject({
      status: 429,
      message: expect.stringMatching(/You have exceeded a secondary rate limit/),
    });
    expect(server.requests()).toHaveLength(2);
  });
});
