import { BitbucketHost } from '../../../src/io/hosts/bitbucket/bitbucket-host';
import { BitbucketServer } from '../../support/bitbucket-server/server';
import { describeHostConformance } from './host-conformance';

describeHostConformance('Bitbucket Cloud', {
  start: () => BitbucketServer.start(),
  adapter: (fake, overrides = {}) =>
    new BitbucketHost({
      apiUrl: overrides.apiUrl ?? fake.server.apiUrl,
      workspace: fake.owner,
      repo: fake.name,
      token: overrides.token ?? fake.server.token,
      tokenVariable: 'BITBUCKET_TOKEN',
      millisecondsPerSecond: 1,
    }),
  listRequests: 'listPullRequests',
  labels: false,
  tokenVariable: 'BITBUCKET_TOKEN',
  states: { success: 'SUCCESSFUL', pending: 'INPROGRESS' },
});
