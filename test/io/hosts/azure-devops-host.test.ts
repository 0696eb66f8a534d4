import { AzureDevOpsHost } from '../../../src/io/hosts/azure-devops/azure-devops-host';
import { AzureDevOpsServer } from '../../support/azure-devops-server/server';
import { describeHostConformance } from './host-conformance';

describeHostConformance('Azure DevOps', {
  start: () => AzureDevOpsServer.start(),
  adapter: (fake, overrides = {}) =>
    new AzureDevOpsHost({
      apiUrl: overrides.apiUrl ?? (fake as AzureDevOpsServer).collectionUrl,
      project: (fake as AzureDevOpsServer).project,
      repo: fake.name,
      token: overrides.token ?? fake.server.token,
      tokenVariable: 'AZURE_DEVOPS_EXT_PAT',
      millisecondsPerSecond: 1,
    }),
  listRequests: 'Pull Requests_Get Pull Requests',
  labels: true,
  tokenVariable: 'AZURE_DEVOPS_EXT_PAT',
  states: { success: 'succeeded', pending: 'pending' },
});
