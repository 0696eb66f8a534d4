import { createGitHubClient } from '../../../src/io/github/github-client';
import { toGitHubError } from '../../../src/io/github/github-error';
import { parseGitHubRepository, webOriginOf } from '../../../src/io/github/repository-url';
import { GitHubServer, startGitHubServer } from '../../support/github-server';

describe('createGitHubClient', () => {
  let server: GitHubServer;
  beforeEach(async () => {
    server = await startGitHubServer();
    server.createRepo('org', 'gitops');
    server.seedBranch('org', 'gitops', 'main', { 'README.md': '# gitops\n' });
  });
  afterEach(async () => {
    await server.close();
    expect(server.contractViolations()).toEqual([]);
  });

  test('retries a 5xx answer and waits out a rate limit, as configured for production', async () => {
    const octokit = await createGitHubClient({ token: server.token, baseUrl: server.url });
    server.failNext({ route: 'git/get-ref', status: 502 });
    server.failNext({ route: 'git/get-ref', status: 403, rateLimit: 'primary', retryAfter: 0 });
    const ref = await octokit.rest.git.getRef({ owner: 'org', repo: 'gitops', ref: 'heads/main' });
    expect(ref.data.object.sha).toBe(server.branchSha('org', 'gitops', 'main'));
    expect(server.requests().map((request) => request.status)).toEqual([502, 403, 200]);
    expect(server.requests().every((request) => request.headers.authorization === `token ${server.token}`)).toBe(true);
  });

  test("fails at once with GitHub's message when a rate limit resets later than it is willing to wait", async () => {
    const octokit = await createGitHubClient({ token: server.token, baseUrl: server.url, maxRateLimitWait: 60 });
    server.failNext({ route: 'git/get-ref', status: 403, rateLimit: 'primary', retryAfter: 3600 });
    const failed = await octokit.rest.git
      .getRef({ owner: 'org', repo: 'gitops', ref: 'heads/main' })
      .catch((e: unknown) => toGitHubError(e, 'read branch main'));
    expect(failed).toMatchObject({
      name: 'GitHubError',
      status: 403,
      message: 'cannot read branch main: GitHub answered 403 API rate limit exceeded for user ID 1.',
    });
  });
});

describe('toGitHubError', () => {
  test('lists the validation errors GitHub gives', async () => {
    const server = await startGitHubServer();
    server.createRepo('org', 'gitops');
    server.seedBranch('org', 'gitops', 'main', { 'README.md': '# gitops\n' });
    const octokit = await createGitHubClient({ token: server.token, baseUrl: server.url });
    const failed = await octokit.rest.pulls
      .create({ owner: 'org', repo: 'gitops', head: 'main', base: 'main', title: 't' })
      .catch((e: unknown) => toGitHubError(e, 'open the pull request', (text) => text.replace('main', 'MAIN')));
    expect(failed).toMatchObject({
      status: 422,
      message: 'cannot open the pull request: GitHub answered 422 Validation Failed: No commits between MAIN and main',
    });
    await server.close();
    expect(server.contractViolations()).toEqual([]);
  });

  test('passes other errors through', () => {
    const other = new TypeError('x');
    expect(toGitHubError(other, 'do it')).toBe(other);
  });
});

describe('parseGitHubRepository', () => {
  test.each<[string, string | undefined, ReturnType<typeof parseGitHubRepository>]>([
    ['https://github.com/org/gitops', undefined, { owner: 'org', repo: 'gitops' }],
    ['https://github.com/org/gitops.git', undefined, { owner: 'org', repo: 'gitops' }],
    ['https://github.com/org/gitops/', undefined, { owner: 'org', repo: 'gitops' }],
    ['https://GitHub.com/Org/my.repo', undefined, { owner: 'Org', repo: 'my.repo' }],
    ['https://ghe.example.com/org/gitops', 'https://ghe.example.com', { owner: 'org', repo: 'gitops' }],
    ['http://127.0.0.1:8080/org/gitops', 'http://127.0.0.1:8080', { owner: 'org', repo: 'gitops' }],
    ['https://ghe.example.com/org/gitops', undefined, undefined],
    ['https://github.com/org/gitops', 'https://ghe.example.com', undefined],
    ['git@github.com:org/gitops.git', undefined, { owner: 'org', repo: 'gitops' }],
    ['ssh://git@github.com/org/gitops', undefined, { owner: 'org', repo: 'gitops' }],
    ['git@gitlab.com:org/gitops.git', undefined, undefined],
    ['git@ghe.example.com:org/gitops.git', 'https://ghe.example.com', { owner: 'org', repo: 'gitops' }],
    ['https://github.com/org', undefined, undefined],
    ['https://github.com/org/gitops/tree/main', undefined, undefined],
    ['https://github.com/-org/gitops', undefined, undefined],
    ['https://user@github.com/org/gitops', undefined, undefined],
    ['http://github.com/org/gitops', undefined, undefined],
  ])('%s on %s', (url, origin, expected) => {
    expect(parseGitHubRepository(url, origin)).toEqual(expected);
  });

  test.each([
    ['https://api.github.com', 'https://github.com'],
    ['https://ghe.example.com/api/v3', 'https://ghe.example.com'],
    ['https://ghe.example.com/api/v3/', 'https://ghe.example.com'],
    ['http://127.0.0.1:8080', 'http://127.0.0.1:8080'],
  ])('the web origin of %s is %s', (api, origin) => {
    expect(webOriginOf(api)).toBe(origin);
  });
});
