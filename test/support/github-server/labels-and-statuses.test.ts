import { createTestOctokit, GitHubServer, startGitHubServer, TestOctokit } from '.';

const OWNER = 'org';
const REPO = 'gitops';

let server: GitHubServer;
let octokit: TestOctokit;
let sha: string;

beforeEach(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server);
  server.createRepo(OWNER, REPO);
  sha = server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# gitops\n' });
  server.seedBranch(OWNER, REPO, 'kalypso/dev', { 'README.md': '# changed\n' });
});

afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

describe('labels', () => {
  test('adds labels to a pull request, creating missing repository labels', async () => {
    // GIVEN
    const pull = await octokit.rest.pulls.create({
      owner: OWNER,
      repo: REPO,
      head: 'kalypso/dev',
      base: 'main',
      title: 't',
    });
    await octokit.rest.issues.createLabel({
      owner: OWNER,
      repo: REPO,
      name: 'kalypso',
      color: '#1D76DB',
      description: 'Managed by Kalypso',
    });
    // WHEN
    const added = await octokit.rest.issues.addLabels({
      owner: OWNER,
      repo: REPO,
      issue_number: pull.data.number,
      labels: ['kalypso', 'env:dev'],
    });
    // THEN
    expect(added.data.map((l) => [l.name, l.color, l.description])).toEqual([
      ['kalypso', '1d76db', 'Managed by Kalypso'],
      ['env:dev', 'ededed', null],
    ]);
    expect(server.labels(OWNER, REPO)).toEqual(['env:dev', 'kalypso']);
    expect(server.getPull(OWNER, REPO, pull.data.number)?.labels).toEqual(['kalypso', 'env:dev']);
    const onPull = await octokit.rest.pulls.get({ owner: OWNER, repo: REPO, pull_number: pull.data.number });
    expect(onPull.data.labels.map((l) => l.name)).toEqual(['kalypso', 'env:dev']);
  });

  test('removes and replaces labels', async () => {
    // GIVEN
    const number = server.openPullAsUser(OWNER, REPO, {
      user: 'alice',
      head: 'kalypso/dev',
      base: 'main',
      title: 't',
      labels: ['a', 'b'],
    });
    // WHEN
    const removed = await octokit.rest.issues.removeLabel({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      name: 'a',
    });
    const replaced = await octokit.rest.issues.setLabels({
      owner: OWNER,
      repo: REPO,
      issue_number: number,
      labels: ['c'],
    });
    const listed = await octokit.rest.issues.listLabelsOnIssue({ owner: OWNER, repo: REPO, issue_number: number });
    // THEN
    expect(removed.data.map((l) => l.name)).toEqual(['b']);
    expect(replaced.data.map((l) => l.name)).toEqual(['c']);
    expect(listed.data.map((l) => l.name)).toEqual(['c']);
    await expect(
      octokit.rest.issues.removeLabel({ owner: OWNER, repo: REPO, issue_number: number, name: 'a' }),
    ).rejects.toMatchObject({ status: 404, response: { data: { message: 'Label does not exist' } } });
  });

  test('fails with 422 already_exists for a duplicate label, whatever its case', async () => {
    await octokit.rest.issues.createLabel({ owner: OWNER, repo: REPO, name: 'kalypso' });
    await expect(octokit.rest.issues.createLabel({ owner: OWNER, repo: REPO, name: 'Kalypso' })).rejects.toMatchObject({
      status: 422,
      response: {
        data: { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] },
      },
    });
  });

  test('fails with 404 for labels of a missing issue', async () => {
    await expect(
      octokit.rest.issues.addLabels({ owner: OWNER, repo: REPO, issue_number: 99, labels: ['x'] }),
    ).rejects.toMatchObject({ status: 404 });
  });
});

describe('statuses', () => {
  test('creates statuses and lists them newest first', async () => {
    // WHEN
    const created = await octokit.rest.repos.createCommitStatus({
      owner: OWNER,
      repo: REPO,
      sha,
      state: 'pending',
      context: 'kalypso/promotion',
      description: 'Promoting',
      target_url: 'https://example.com/run/1',
    });
    await octokit.rest.repos.createCommitStatus({
      owner: OWNER,
      repo: REPO,
      sha,
      state: 'success',
      context: 'kalypso/promotion',
    });
    const listed = await octokit.rest.repos.listCommitStatusesForRef({ owner: OWNER, repo: REPO, ref: 'main' });
    // THEN
    expect(created.status).toBe(201);
    expect(created.data).toMatchObject({
      state: 'pending',
      context: 'kalypso/promotion',
      description: 'Promoting',
      creator: { login: server.login },
    });
    expect(listed.data.map((s) => s.state)).toEqual(['success', 'pending']);
    expect(server.statuses(OWNER, REPO, sha)).toEqual([
      {
        state: 'pending',
        context: 'kalypso/promotion',
        description: 'Promoting',
        targetUrl: 'https://example.com/run/1',
        creator: server.login,
      },
      { state: 'success', context: 'kalypso/promotion', description: null, targetUrl: null, creator: server.login },
    ]);
  });

  test.each([
    ['no statuses is pending', [], 'pending'],
    [
      'all success is success',
      [
        ['a', 'success'],
        ['b', 'success'],
      ],
      'success',
    ],
    [
      'any pending is pending',
      [
        ['a', 'success'],
        ['b', 'pending'],
      ],
      'pending',
    ],
    [
      'any failure is failure',
      [
        ['a', 'pending'],
        ['b', 'failure'],
      ],
      'failure',
    ],
    [
      'an error is failure',
      [
        ['a', 'success'],
        ['b', 'error'],
      ],
      'failure',
    ],
    [
      'only the newest status per context counts',
      [
        ['a', 'failure'],
        ['a', 'success'],
      ],
      'success',
    ],
  ] as const)('combined status: %s', async (_name, statuses, expected) => {
    // GIVEN
    for (const [context, state] of statuses) {
      await octokit.rest.repos.createCommitStatus({ owner: OWNER, repo: REPO, sha, state, context });
    }
    // WHEN
    const combined = await octokit.rest.repos.getCombinedStatusForRef({ owner: OWNER, repo: REPO, ref: sha });
    // THEN
    expect(combined.data.state).toBe(expected);
    expect(combined.data.total_count).toBe(new Set(statuses.map(([context]) => context)).size);
    expect(combined.data.sha).toBe(sha);
  });

  test('fails with 422 for a commit that does not exist', async () => {
    await expect(
      octokit.rest.repos.createCommitStatus({ owner: OWNER, repo: REPO, sha: 'a'.repeat(40), state: 'success' }),
    ).rejects.toMatchObject({
      status: 422,
      response: { data: { message: `No commit found for SHA: ${'a'.repeat(40)}` } },
    });
  });
});
