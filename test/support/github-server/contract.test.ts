import { checkResponse, toJsonSchema } from './contract';
import { loadRoutesFixture } from './fixture';
import { createTestOctokit, GitHubServer, startGitHubServer, TestOctokit } from '.';

const OWNER = 'org';
const REPO = 'gitops';

let server: GitHubServer;
let octokit: TestOctokit;

beforeEach(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server);
  server.createRepo(OWNER, REPO);
  server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# gitops\n' });
});

afterEach(async () => {
  await server.close();
});

/** Sends what Octokit's types would refuse, as a client with a bug would. */
function sendUntyped(route: string, params: Record<string, unknown>): Promise<unknown> {
  return octokit.request(route, { owner: OWNER, repo: REPO, ...params });
}

function operation(operationId: string) {
  const op = loadRoutesFixture().operations.find((o) => o.operationId === operationId);
  if (!op) {
    throw new Error(`no operation ${operationId} in the fixture`);
  }
  return op;
}

describe('requests GitHub would reject', () => {
  test('fails with 422 and records a violation for POST git/trees without "tree"', async () => {
    // WHEN
    const request = sendUntyped('POST /repos/{owner}/{repo}/git/trees', { base_tree: 'a'.repeat(40) });
    // THEN
    await expect(request).rejects.toMatchObject({
      status: 422,
      response: {
        data: {
          message: 'Invalid request.\n\n"tree" wasn\'t supplied.',
          errors: [{ resource: 'Tree', field: 'tree', code: 'missing_field', message: '"tree" wasn\'t supplied.' }],
          documentation_url: 'https://docs.github.com/rest/git/trees#create-a-tree',
        },
      },
    });
    expect(server.contractViolations()).toEqual([
      {
        kind: 'request',
        operationId: 'git/create-tree',
        method: 'POST',
        url: '/repos/org/gitops/git/trees',
        errors: ["body: must have required property 'tree'"],
      },
    ]);
  });

  test.each([
    [
      'a wrong type in the body',
      'POST /repos/{owner}/{repo}/statuses/{sha}',
      { sha: 'a'.repeat(40), state: 'success', context: 7 },
      "Invalid request.\n\nFor 'properties/context', 7 is not a string.",
      ['body/context: must be string, got 7'],
    ],
    [
      'a value outside an enum',
      'POST /repos/{owner}/{repo}/statuses/{sha}',
      { sha: 'a'.repeat(40), state: 'done' },
      'Invalid request.\n\nFor \'properties/state\', "done" is not a member of ["error", "failure", "pending", "success"].',
      ['body/state: must be equal to one of the allowed values (["error","failure","pending","success"], got "done")'],
    ],
    [
      'a wrong type deep in the body',
      'POST /repos/{owner}/{repo}/git/trees',
      { tree: [{ path: 'a', mode: '100644', type: 'blob', content: 1 }] },
      "Invalid request.\n\nFor 'properties/tree/items/properties/content', 1 is not a string.",
      ['body/tree/0/content: must be string, got 1'],
    ],
    [
      'no body where one is required',
      'POST /repos/{owner}/{repo}/git/blobs',
      {},
      "Invalid request.\n\nFor 'links/0/schema', nil is not an object.",
      ['body: required but missing'],
    ],
    [
      'a query parameter of the wrong type',
      'GET /repos/{owner}/{repo}/pulls',
      { per_page: 'many' },
      'Invalid request.\n\nFor \'per_page\', "many" is not an integer.',
      ['query/per_page: must be integer, got "many"'],
    ],
  ])('fails with 422 and records a violation for %s', async (_name, route, params, message, errors) => {
    await expect(sendUntyped(route, params)).rejects.toMatchObject({ status: 422, response: { data: { message } } });
    expect(server.contractViolations()).toEqual([expect.objectContaining({ kind: 'request', errors })]);
  });

  test('fails with 404 and records a violation for a path parameter of the wrong type', async () => {
    await expect(
      sendUntyped('GET /repos/{owner}/{repo}/pulls/{pull_number}', { pull_number: 'first' }),
    ).rejects.toMatchObject({ status: 404 });
    expect(server.contractViolations()).toEqual([
      expect.objectContaining({
        kind: 'request',
        operationId: 'pulls/get',
        errors: ['path/pull_number: must be integer, got "first"'],
      }),
    ]);
  });

  test('fails with 400 for a body that is not JSON', async () => {
    const response = await fetch(`${server.url}/repos/${OWNER}/${REPO}/git/blobs`, {
      method: 'POST',
      headers: { authorization: `token ${server.token}`, 'content-type': 'application/json' },
      body: '{"content":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ message: 'Problems parsing JSON' });
  });
});

test('answers an unknown route with 404 Not Found and no violation', async () => {
  await expect(
    octokit.request('GET /repos/{owner}/{repo}/actions/runs', { owner: OWNER, repo: REPO }),
  ).rejects.toMatchObject({
    status: 404,
    response: { data: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' } },
  });
  await expect(octokit.request('POST /repos/{owner}/{repo}', { owner: OWNER, repo: REPO })).rejects.toMatchObject({
    status: 404,
  });
  expect(server.contractViolations()).toEqual([]);
});

test('valid requests through every area leave no violations', async () => {
  // WHEN
  await octokit.rest.repos.get({ owner: OWNER, repo: REPO });
  await octokit.rest.repos.getBranch({ owner: OWNER, repo: REPO, branch: 'main' });
  await octokit.rest.repos.getCommit({ owner: OWNER, repo: REPO, ref: 'main' });
  await octokit.rest.repos.getContent({ owner: OWNER, repo: REPO, path: '' });
  await octokit.rest.pulls.list({ owner: OWNER, repo: REPO, state: 'all', sort: 'updated', direction: 'asc' });
  await octokit.rest.issues.listLabelsForRepo({ owner: OWNER, repo: REPO });
  await octokit.rest.repos.getCombinedStatusForRef({ owner: OWNER, repo: REPO, ref: 'main' });
  // THEN
  expect(server.contractViolations()).toEqual([]);
});

describe('answers checked against the documented response schema', () => {
  test.each([
    [
      'a missing required field',
      'git/create-blob',
      201,
      { sha: 'a'.repeat(40) },
      ["response: must have required property 'url'"],
    ],
    [
      'a null where a string is documented',
      'repos/get-branch',
      404,
      { message: null },
      ['response/message: must be string, got null'],
    ],
    [
      'an undocumented success status',
      'pulls/get',
      202,
      {},
      ['status 202 is not documented (documented: 200, 304, 404, 406, 500, 503)'],
    ],
  ])('reports %s', (_name, operationId, status, body, problems) => {
    expect(checkResponse(operation(operationId), status, body)).toEqual(problems);
  });

  test.each([
    ['a documented error status without a body schema', 'git/delete-ref', 422, undefined],
    ['an undocumented error status', 'repos/get', 500, { message: 'Server Error' }],
    [
      'a nullable field set to null',
      'issues/create-label',
      201,
      {
        id: 1,
        node_id: 'x',
        url: 'https://example.com',
        name: 'n',
        description: null,
        color: 'ededed',
        default: false,
      },
    ],
  ])('accepts %s', (_name, operationId, status, body) => {
    expect(checkResponse(operation(operationId), status, body)).toEqual([]);
  });
});

test.each([
  ['nullable with a type', { type: 'string', nullable: true }, { type: ['string', 'null'] }],
  [
    'nullable with an enum',
    { type: 'string', enum: ['a'], nullable: true },
    { type: ['string', 'null'], enum: ['a', null] },
  ],
  [
    'nullable without a type',
    { allOf: [{ type: 'object' }], nullable: true },
    { anyOf: [{ allOf: [{ type: 'object' }] }, { type: 'null' }] },
  ],
  ['oneOf checked as anyOf', { oneOf: [{ type: 'string' }] }, { anyOf: [{ type: 'string' }] }],
  [
    'a property named like a keyword',
    { properties: { nullable: { type: 'boolean' } } },
    { properties: { nullable: { type: 'boolean' } } },
  ],
])('OpenAPI to JSON Schema: %s', (_name, schema, expected) => {
  expect(toJsonSchema(schema)).toEqual(expected);
});

describe('recorded requests', () => {
  const SECRET = 'sk-planted-secret-3f9a';

  test('requestsContaining finds a planted secret in bodies, Base64 content and URLs, never in headers', async () => {
    // GIVEN
    const quiet = await createTestOctokit(server);
    await quiet.rest.repos.get({ owner: OWNER, repo: REPO });
    // WHEN
    await octokit.rest.git.createBlob({ owner: OWNER, repo: REPO, content: `password: ${SECRET}\n` });
    await octokit.rest.git.createBlob({
      owner: OWNER,
      repo: REPO,
      content: Buffer.from(`token=${SECRET}`).toString('base64'),
      encoding: 'base64',
    });
    await expect(octokit.rest.git.getRef({ owner: OWNER, repo: REPO, ref: `heads/${SECRET}` })).rejects.toMatchObject({
      status: 404,
    });
    // THEN
    expect(server.requestsContaining(SECRET).map((r) => [r.method, r.operationId])).toEqual([
      ['POST', 'git/create-blob'],
      ['POST', 'git/create-blob'],
      ['GET', 'git/get-ref'],
    ]);
    expect(server.requestsContaining(server.token)).toEqual([]);
    expect(server.requests()[0].headers.authorization).toBe(`token ${server.token}`);
  });

  test('requests() records method, url and parsed body', async () => {
    await octokit.rest.issues.createLabel({ owner: OWNER, repo: REPO, name: 'kalypso', color: 'ffffff' });
    expect(server.requests()).toEqual([
      expect.objectContaining({
        method: 'POST',
        url: '/repos/org/gitops/labels',
        body: { name: 'kalypso', color: 'ffffff' },
        operationId: 'issues/create-label',
        status: 201,
      }),
    ]);
  });
});
