import { azureDevOpsCredential } from '../../../src/io/hosts/azure-devops/azure-devops-credential';
import { AZURE_DEVOPS_STATUS_GENRE, statusContext } from '../../../src/io/hosts/azure-devops/azure-devops-statuses';
import { hostToken } from '../../../src/io/hosts/host-token';
import { HostKind } from '../../../src/io/hosts/pull-request-host';
import { HostOverride, recogniseRepository } from '../../../src/io/hosts/repository-location';

const FORMS =
  'https://dev.azure.com/<org>/<project>/_git/<repo>, https://<org>.visualstudio.com/<project>/_git/<repo>, ' +
  'git@ssh.dev.azure.com:v3/<org>/<project>/<repo>, or https://<server>/<collection>/<project>/_git/<repo>';

describe('recogniseRepository for Azure DevOps', () => {
  const azure = (apiUrl: string, project: string, repo: string) => ({
    repository: { kind: HostKind.AZURE_DEVOPS as const, apiUrl, project, repo },
  });
  const bad = (url: string) => ({ problem: `"${url}" is not a azure-devops repository URL (expected ${FORMS})` });

  test.each<[string, string, HostOverride, ReturnType<typeof recogniseRepository>]>([
    [
      'Services',
      'https://dev.azure.com/org/project/_git/gitops',
      {},
      azure('https://dev.azure.com/org', 'project', 'gitops'),
    ],
    [
      'Services, a repository named as its project',
      'https://dev.azure.com/org/_git/gitops',
      {},
      azure('https://dev.azure.com/org', 'gitops', 'gitops'),
    ],
    [
      'Services, an encoded project name',
      'https://dev.azure.com/org/My%20Project/_git/gitops',
      {},
      azure('https://dev.azure.com/org', 'My Project', 'gitops'),
    ],
    [
      'Services over ssh',
      'git@ssh.dev.azure.com:v3/org/project/gitops',
      {},
      azure('https://dev.azure.com/org', 'project', 'gitops'),
    ],
    [
      'visualstudio.com',
      'https://org.visualstudio.com/project/_git/gitops',
      {},
      azure('https://org.visualstudio.com', 'project', 'gitops'),
    ],
    [
      'visualstudio.com with the legacy DefaultCollection',
      'https://org.visualstudio.com/DefaultCollection/project/_git/gitops',
      {},
      azure('https://org.visualstudio.com', 'project', 'gitops'),
    ],
    [
      'visualstudio.com over ssh',
      'org@vs-ssh.visualstudio.com:v3/org/project/gitops',
      {},
      azure('https://org.visualstudio.com', 'project', 'gitops'),
    ],
    [
      'Server with its kind',
      'https://tfs.example.com/tfs/DefaultCollection/project/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS },
      azure('https://tfs.example.com/tfs/DefaultCollection', 'project', 'gitops'),
    ],
    [
      'Server with a one-segment collection',
      'https://devops.example.com/Collection/project/_git/gitops.git',
      { kind: HostKind.AZURE_DEVOPS },
      azure('https://devops.example.com/Collection', 'project', 'gitops'),
    ],
    [
      'Server with its collection URL, a repository named as its project',
      'https://tfs.example.com/tfs/DefaultCollection/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS, apiUrl: 'https://tfs.example.com/tfs/DefaultCollection/' },
      azure('https://tfs.example.com/tfs/DefaultCollection', 'gitops', 'gitops'),
    ],
    [
      'Server over ssh',
      'ssh://tfs.example.com:22/tfs/DefaultCollection/project/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS },
      azure('https://tfs.example.com/tfs/DefaultCollection', 'project', 'gitops'),
    ],
    [
      'Server without a collection',
      'https://tfs.example.com/project/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS },
      bad('https://tfs.example.com/project/_git/gitops'),
    ],
    ['no _git', 'https://dev.azure.com/org/project/gitops', {}, bad('https://dev.azure.com/org/project/gitops')],
    [
      'a page below the repository',
      'https://dev.azure.com/org/project/_git/gitops/pullrequests',
      {},
      bad('https://dev.azure.com/org/project/_git/gitops/pullrequests'),
    ],
    [
      'an ssh path of the wrong length',
      'git@ssh.dev.azure.com:v3/org/gitops',
      {},
      bad('git@ssh.dev.azure.com:v3/org/gitops'),
    ],
    [
      'a collection URL the repository is not below',
      'https://tfs.example.com/tfs/Other/project/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS, apiUrl: 'https://tfs.example.com/tfs/DefaultCollection' },
      bad('https://tfs.example.com/tfs/Other/project/_git/gitops'),
    ],
  ])('%s', (_name, url, override, expected) => {
    expect(recogniseRepository(url, override)).toEqual(expected);
  });
});

describe('the Azure DevOps token', () => {
  test.each<[string, Record<string, string>, ReturnType<typeof hostToken>]>([
    ['a personal access token', { AZURE_DEVOPS_EXT_PAT: 'pat' }, { token: 'pat', variable: 'AZURE_DEVOPS_EXT_PAT' }],
    ["a pipeline's token", { SYSTEM_ACCESSTOKEN: 'sys' }, { token: 'sys', variable: 'SYSTEM_ACCESSTOKEN' }],
    [
      'the personal access token before the pipeline one',
      { SYSTEM_ACCESSTOKEN: 'sys', AZURE_DEVOPS_EXT_PAT: 'pat' },
      { token: 'pat', variable: 'AZURE_DEVOPS_EXT_PAT' },
    ],
    ['an empty variable is no token', { AZURE_DEVOPS_EXT_PAT: '', SYSTEM_ACCESSTOKEN: '' }, undefined],
    ["another host's token is not taken", { GITHUB_TOKEN: 'gh', GITLAB_TOKEN: 'gl' }, undefined],
  ])('%s', (_name, env, expected) => {
    expect(hostToken(HostKind.AZURE_DEVOPS, env)).toEqual(expected);
  });

  test.each<[string, string, string | undefined, ReturnType<typeof azureDevOpsCredential>]>([
    ['AZURE_DEVOPS_EXT_PAT as Basic', 'x'.repeat(52), 'AZURE_DEVOPS_EXT_PAT', 'personal-access-token'],
    ['SYSTEM_ACCESSTOKEN as Bearer', 'x'.repeat(52), 'SYSTEM_ACCESSTOKEN', 'bearer'],
    ['a JWT given in code as Bearer', 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl', undefined, 'bearer'],
    ['another token given in code as Basic', 'a'.repeat(84), undefined, 'personal-access-token'],
  ])('presents %s', (_name, token, variable, expected) => {
    expect(azureDevOpsCredential(token, variable)).toBe(expected);
  });
});

describe('statusContext', () => {
  test.each<[string, string | undefined, string | undefined, string]>([
    ['our own genre reads as its name', AZURE_DEVOPS_STATUS_GENRE, 'dev environment', 'dev environment'],
    ["Flux's genre reads as the Flux id", 'fluxcd', 'kustomization/dev/3f2a9c1e', 'kustomization/dev/3f2a9c1e'],
    [
      "Flux's genre with a summary reads as the Flux id",
      'fluxcd:cluster=a',
      'kustomization/dev/3f2a9c1e',
      'kustomization/dev/3f2a9c1e',
    ],
    ['no genre reads as its name', undefined, 'build', 'build'],
    ["another tool's genre stays apart", 'continuous-integration', 'build', 'continuous-integration/build'],
  ])('%s', (_name, genre, name, expected) => {
    expect(statusContext(genre, name)).toBe(expected);
  });
});
