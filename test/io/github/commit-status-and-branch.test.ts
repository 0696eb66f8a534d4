import { commitStatuses, setCommitStatus } from '../../../src/io/github/commit-status';
import { commitToBranch } from '../../../src/io/github/commit-to-branch';
import { GitHubServer, TestOctokit, createTestOctokit, startGitHubServer } from '../../support/github-server';

let server: GitHubServer;
let octokit: TestOctokit;
beforeEach(async () => {
  server = await startGitHubServer();
  octokit = await createTestOctokit(server, { retry: true, throttle: true });
  server.createRepo('org', 'control-plane', { defaultBranch: 'main' });
  server.seedBranch('org', 'control-plane', 'main', { 'README.md': '# control plane\n' });
  server.seedBranch('org', 'control-plane', 'dev', { 'gitops-repo.yaml': 'kind: GitOpsRepo\n', 'old.yaml': 'x\n' });
});
afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

describe('commit statuses', () => {
  test('are set and read back, newest per context', async () => {
    const sha = server.branchSha('org', 'control-plane', 'main')!;
    await setCommitStatus(
      octokit,
      { owner: 'org', repo: 'control-plane', sha },
      { state: 'pending', context: 'dev environment', description: 'Promoted' },
    );
    await setCommitStatus(
      octokit,
      { owner: 'org', repo: 'control-plane', sha },
      { state: 'success', context: 'dev environment', description: 'Deployed', targetUrl: 'https://ci.example.com/1' },
    );
    expect(server.statuses('org', 'control-plane', sha).map((status) => [status.state, status.description])).toEqual([
      ['pending', 'Promoted'],
      ['success', 'Deployed'],
    ]);
    expect(await commitStatuses(octokit, { owner: 'org', repo: 'control-plane', ref: 'main' })).toEqual(
      new Map([
        [
          'dev environment',
          {
            state: 'success',
            context: 'dev environment',
            description: 'Deployed',
            targetUrl: 'https://ci.example.com/1',
          },
        ],
      ]),
    );
  });

  test("fail with GitHub's message for a commit that does not exist", async () => {
    await expect(
      setCommitStatus(
        octokit,
        { owner: 'org', repo: 'control-plane', sha: '0'.repeat(40) },
        { state: 'pending', context: 'dev environment' },
      ),
    ).rejects.toThrow(
      `cannot set status "dev environment" on ${'0'.repeat(40)} in org/control-plane: GitHub answered 422 No commit found for SHA: ${'0'.repeat(40)}`,
    );
  });
});

describe('commitToBranch', () => {
  test('commits files and deletions onto the branch, and nothing when it already holds them', async () => {
    const tip = server.branchSha('org', 'control-plane', 'dev');
    const change = {
      owner: 'org',
      repo: 'control-plane',
      branch: 'dev',
      message: 'Promoting Commit_Id to the environment',
      files: { 'base-repo.yaml': 'kind: BaseRepo\n' },
      deletions: ['old.yaml'],
    };
    const commit = await commitToBranch(octokit, change);
    expect(server.branchSha('org', 'control-plane', 'dev')).toBe(commit);
    expect(server.readBranch('org', 'control-plane', 'dev')).toEqual({
      'base-repo.yaml': 'kind: BaseRepo\n',
      'gitops-repo.yaml': 'kind: GitOpsRepo\n',
    });
    const parents = (
      await octokit.rest.git.getCommit({ owner: 'org', repo: 'control-plane', commit_sha: commit! })
    ).data.parents.map((parent) => parent.sha);
    expect(parents).toEqual([tip]);
    expect(await commitToBranch(octokit, change)).toBeUndefined();
    expect(server.branchSha('org', 'control-plane', 'dev')).toBe(commit);
  });

  test('fails for a branch that does not exist', async () => {
    await expect(
      commitToBranch(octokit, { owner: 'org', repo: 'control-plane', branch: 'prod', message: 'm', files: {} }),
    ).rejects.toThrow('branch prod does not exist in org/control-plane');
  });
});
