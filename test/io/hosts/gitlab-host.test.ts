import { GitLabHost } from '../../../src/io/hosts/gitlab/gitlab-host';
import { GitLabServer } from '../../support/gitlab-server/server';
import { describeHostConformance } from './host-conformance';

describeHostConformance('GitLab', {
  start: () => GitLabServer.start(),
  adapter: (fake, overrides = {}) =>
    new GitLabHost({
      apiUrl: overrides.apiUrl ?? (fake as GitLabServer).instanceUrl,
      project: `${fake.owner}/${fake.name}`,
      token: overrides.token ?? fake.server.token,
      tokenVariable: 'GITLAB_TOKEN',
      millisecondsPerSecond: 1,
    }),
  listRequests: 'getApiV4ProjectsIdMergeRequests',
  labels: true,
  tokenVariable: 'GITLAB_TOKEN',
  states: { success: 'success', pending: 'pending' },
});

describe('GitLab limits', () => {
  let fake: GitLabServer;
  afterEach(async () => {
    await fake.close();
    expect(fake.server.contractViolations()).toEqual([]);
  });

  test('fails, naming the branch and what to do, when the tree listing may be cut short', async () => {
    // GIVEN a branch with as many files as the pages read can list
    fake = await GitLabServer.start();
    fake.seed('main', Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`f/${i}.yaml`, `${i}\n`])));
    const host = new GitLabHost({
      apiUrl: fake.instanceUrl,
      project: `${fake.owner}/${fake.name}`,
      token: fake.server.token,
      millisecondsPerSecond: 1,
    });
    // WHEN it is read THEN it fails rather than miss files
    await expect(host.readBranch('main')).rejects.toThrow(
      "group/sub/gitops@main has 10000 files and folders or more, more than are read through GitLab's API; publish it with --push instead",
    );
  });
});
