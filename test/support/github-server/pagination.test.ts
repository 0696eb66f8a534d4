import { createTestOctokit, GitHubServer, startGitHubServer, TestOctokit } from '.';

const OWNER = 'org';
const REPO = 'gitops';

let server: GitHubServer;
let octokit: TestOctokit;

beforeAll(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server);
  server.createRepo(OWNER, REPO);
  server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# gitops\n' });
  for (let i = 0; i < 75; i++) {
    await octokit.rest.issues.createLabel({ owner: OWNER, repo: REPO, name: `label-${String(i).padStart(2, '0')}` });
  }
});

afterAll(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

function links(header: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of (header ?? '').split(', ').filter((p) => p !== '')) {
    const m = /^<([^>]+)>; rel="(\w+)"$/.exec(part);
    if (m) {
      const url = new URL(m[1]);
      out[m[2]] = `${url.pathname}?${url.searchParams.toString()}`;
    }
  }
  return out;
}

test.each([
  [
    'the first page links next and last',
    1,
    30,
    'label-00',
    {
      next: '/repos/org/gitops/labels?per_page=30&page=2',
      last: '/repos/org/gitops/labels?per_page=30&page=3',
    },
  ],
  [
    'a middle page links all four',
    2,
    30,
    'label-30',
    {
      prev: '/repos/org/gitops/labels?per_page=30&page=1',
      next: '/repos/org/gitops/labels?per_page=30&page=3',
      last: '/repos/org/gitops/labels?per_page=30&page=3',
      first: '/repos/org/gitops/labels?per_page=30&page=1',
    },
  ],
  [
    'the last page links prev and first',
    3,
    15,
    'label-60',
    {
      prev: '/repos/org/gitops/labels?per_page=30&page=2',
      first: '/repos/org/gitops/labels?per_page=30&page=1',
    },
  ],
])('%s', async (_name, page, count, firstName, expectedLinks) => {
  // WHEN
  const response = await octokit.rest.issues.listLabelsForRepo({ owner: OWNER, repo: REPO, per_page: 30, page });
  // THEN
  expect(response.data).toHaveLength(count);
  expect(response.data[0].name).toBe(firstName);
  expect(links(response.headers.link)).toEqual(expectedLinks);
});

test('pages hold 30 items by default and at most 100', async () => {
  const byDefault = await octokit.rest.issues.listLabelsForRepo({ owner: OWNER, repo: REPO });
  const capped = await octokit.rest.issues.listLabelsForRepo({ owner: OWNER, repo: REPO, per_page: 500 });
  expect(byDefault.data).toHaveLength(30);
  expect(capped.data).toHaveLength(75);
  expect(capped.headers.link).toBeUndefined();
});

test('octokit.paginate follows the Link header through every page', async () => {
  // GIVEN
  const before = server.requests().length;
  // WHEN
  const all = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner: OWNER, repo: REPO, per_page: 20 });
  // THEN
  expect(all.map((l) => l.name)).toEqual(Array.from({ length: 75 }, (_v, i) => `label-${String(i).padStart(2, '0')}`));
  expect(
    server
      .requests()
      .slice(before)
      .map((r) => r.url),
  ).toEqual([
    '/repos/org/gitops/labels?per_page=20',
    '/repos/org/gitops/labels?per_page=20&page=2',
    '/repos/org/gitops/labels?per_page=20&page=3',
    '/repos/org/gitops/labels?per_page=20&page=4',
  ]);
});
