import { createTestOctokit, GitHubServer, startGitHubServer, TestOctokit } from '.';

const OWNER = 'org';
const REPO = 'gitops';

let server: GitHubServer;
let octokit: TestOctokit;

beforeEach(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server);
  server.createRepo(OWNER, REPO);
  server.seedBranch(OWNER, REPO, 'main', { 'dev/config.yaml': 'a: 1\n', 'README.md': '# gitops\n' });
});

afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

function base64(text: string): string {
  return Buffer.from(text, 'utf-8').toString('base64');
}

test('creates a file on a branch with a commit (201)', async () => {
  // GIVEN
  const before = server.branchSha(OWNER, REPO, 'main');
  // WHEN
  const created = await octokit.rest.repos.createOrUpdateFileContents({
    owner: OWNER,
    repo: REPO,
    path: 'dev/new.yaml',
    message: 'Add new',
    content: base64('new: true\n'),
    branch: 'main',
  });
  // THEN
  expect(created.status).toBe(201);
  expect(created.data.commit).toMatchObject({
    sha: server.branchSha(OWNER, REPO, 'main'),
    message: 'Add new',
    parents: [{ sha: before }],
  });
  expect(created.data.content).toMatchObject({ path: 'dev/new.yaml', name: 'new.yaml', type: 'file' });
  expect(server.readBranch(OWNER, REPO, 'main')['dev/new.yaml']).toBe('new: true\n');
});

test('updates a file when the sha matches (200)', async () => {
  // GIVEN
  const current = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'dev/config.yaml' });
  const sha = (current.data as { sha: string }).sha;
  // WHEN
  const updated = await octokit.rest.repos.createOrUpdateFileContents({
    owner: OWNER,
    repo: REPO,
    path: 'dev/config.yaml',
    message: 'Bump',
    content: base64('a: 2\n'),
    sha,
  });
  // THEN
  expect(updated.status).toBe(200);
  expect(server.readBranch(OWNER, REPO, 'main')['dev/config.yaml']).toBe('a: 2\n');
});

test.each([
  ['without a sha', undefined, 422, 'Invalid request.\n\n"sha" wasn\'t supplied.'],
  ['with a stale sha', 'f'.repeat(40), 409, `dev/config.yaml does not match ${'f'.repeat(40)}`],
])('fails to update an existing file %s', async (_name, sha, status, message) => {
  await expect(
    octokit.rest.repos.createOrUpdateFileContents({
      owner: OWNER,
      repo: REPO,
      path: 'dev/config.yaml',
      message: 'Bump',
      content: base64('a: 3\n'),
      ...(sha ? { sha } : {}),
    }),
  ).rejects.toMatchObject({ status, response: { data: { message } } });
  expect(server.readBranch(OWNER, REPO, 'main')['dev/config.yaml']).toBe('a: 1\n');
});

test('the first file PUT into an empty repository creates its branch', async () => {
  // GIVEN
  server.createRepo(OWNER, 'empty');
  // WHEN
  await octokit.rest.repos.createOrUpdateFileContents({
    owner: OWNER,
    repo: 'empty',
    path: 'README.md',
    message: 'init',
    content: base64('hi\n'),
  });
  // THEN
  expect(server.readBranch(OWNER, 'empty', 'main')).toEqual({ 'README.md': 'hi\n' });
});

test('reads a file at a ref, as JSON and raw', async () => {
  // GIVEN
  server.seedBranch(OWNER, REPO, 'dev', { 'dev/config.yaml': 'a: dev\n' });
  // WHEN
  const json = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'dev/config.yaml', ref: 'dev' });
  const raw = await octokit.rest.repos.getContent({
    owner: OWNER,
    repo: REPO,
    path: 'dev/config.yaml',
    ref: 'dev',
    mediaType: { format: 'raw' },
  });
  // THEN
  expect(json.data).toMatchObject({ type: 'file', encoding: 'base64', path: 'dev/config.yaml', size: 7 });
  expect(Buffer.from((json.data as { content: string }).content, 'base64').toString('utf-8')).toBe('a: dev\n');
  expect(String(raw.data)).toBe('a: dev\n');
});

test('lists a directory', async () => {
  const listing = await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: 'dev' });
  expect((listing.data as Array<{ path: string; type: string }>).map((e) => [e.path, e.type])).toEqual([
    ['dev/config.yaml', 'file'],
  ]);
});

test.each([
  ['a missing path', { path: 'nope.yaml' }, 'Not Found'],
  ['a missing ref', { path: 'README.md', ref: 'nope' }, 'No commit found for the ref nope'],
])('fails with 404 for %s', async (_name, params, message) => {
  await expect(octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, ...params })).rejects.toMatchObject({
    status: 404,
    response: { data: { message } },
  });
});
