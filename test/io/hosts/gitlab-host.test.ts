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
