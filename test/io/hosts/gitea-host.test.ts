import { GiteaHost } from '../../../src/io/hosts/gitea/gitea-host';
import { GiteaServer } from '../../support/gitea-server/server';
import { describeHostConformance } from './host-conformance';

describeHostConformance('Gitea', {
  start: () => GiteaServer.start(),
  adapter: (fake, overrides = {}) =>
    new GiteaHost({
      apiUrl: overrides.apiUrl ?? fake.server.apiUrl,
      owner: fake.owner,
      repo: fake.name,
      token: overrides.token ?? fake.server.token,
      tokenVariable: 'GITEA_TOKEN',
      millisecondsPerSecond: 1,
    }),
  listRequests: 'repoListPullRequests',
  labels: true,
  tokenVariable: 'GITEA_TOKEN',
  states: { success: 'success', pending: 'pending' },
});
