import { createPullRequestHost } from '../../../src/io/hosts/create-host';
import { hostToken } from '../../../src/io/hosts/host-token';
import { HostKind } from '../../../src/io/hosts/pull-request-host';
import {
  HostOverride,
  RecognisedRepository,
  parseHostKind,
  recogniseRepository,
} from '../../../src/io/hosts/repository-location';

describe('recogniseRepository', () => {
  test.each<[string, string, HostOverride, RecognisedRepository]>([
    [
      'GitHub by name',
      'https://github.com/org/gitops.git',
      {},
      { repository: { kind: HostKind.GITHUB, apiUrl: 'https://api.github.com', owner: 'org', repo: 'gitops' } },
    ],
    [
      'GitHub over scp-like ssh',
      'git@github.com:org/gitops.git',
      {},
      { repository: { kind: HostKind.GITHUB, apiUrl: 'https://api.github.com', owner: 'org', repo: 'gitops' } },
    ],
    [
      'GitHub Enterprise with its API',
      'https://ghe.example.com/org/gitops',
      { kind: HostKind.GITHUB },
      { repository: { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3', owner: 'org', repo: 'gitops' } },
    ],
    [
      'gitlab.com with subgroups',
      'https://gitlab.com/group/sub/gitops.git',
      {},
      { repository: { kind: HostKind.GITLAB, apiUrl: 'https://gitlab.com', project: 'group/sub/gitops' } },
    ],
    [
      'a GitLab page URL',
      'https://gitlab.com/group/gitops/-/tree/main',
      {},
      { repository: { kind: HostKind.GITLAB, apiUrl: 'https://gitlab.com', project: 'group/gitops' } },
    ],
    [
      'self-managed GitLab under a path',
      'https://example.com/gitlab/group/gitops',
      { kind: HostKind.GITLAB, apiUrl: 'https://example.com/gitlab' },
      { repository: { kind: HostKind.GITLAB, apiUrl: 'https://example.com/gitlab', project: 'group/gitops' } },
    ],
    [
      'Azure DevOps Services',
      'https://dev.azure.com/org/project/_git/gitops',
      {},
      {
        repository: {
          kind: HostKind.AZURE_DEVOPS,
          apiUrl: 'https://dev.azure.com/org',
          project: 'project',
          repo: 'gitops',
        },
      },
    ],
    [
      'Azure DevOps with a user',
      'https://org@dev.azure.com/org/project/_git/gitops',
      {},
      {
        repository: {
          kind: HostKind.AZURE_DEVOPS,
          apiUrl: 'https://dev.azure.com/org',
          project: 'project',
          repo: 'gitops',
        },
      },
    ],
    [
      'Azure DevOps over ssh',
      'git@ssh.dev.azure.com:v3/org/project/gitops',
      {},
      {
        repository: {
          kind: HostKind.AZURE_DEVOPS,
          apiUrl: 'https://dev.azure.com/org',
          project: 'project',
          repo: 'gitops',
        },
      },
    ],
    [
      'visualstudio.com',
      'https://org.visualstudio.com/project/_git/gitops',
      {},
      {
        repository: {
          kind: HostKind.AZURE_DEVOPS,
          apiUrl: 'https://org.visualstudio.com',
          project: 'project',
          repo: 'gitops',
        },
      },
    ],
    [
      'Azure DevOps Server',
      'https://tfs.example.com/tfs/DefaultCollection/project/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS },
      {
        repository: {
          kind: HostKind.AZURE_DEVOPS,
          apiUrl: 'https://tfs.example.com/tfs/DefaultCollection',
          project: 'project',
          repo: 'gitops',
        },
      },
    ],
    [
      'Bitbucket Cloud',
      'https://bitbucket.org/team/gitops.git',
      {},
      {
        repository: {
          kind: HostKind.BITBUCKET,
          apiUrl: 'https://api.bitbucket.org/2.0',
          workspace: 'team',
          repo: 'gitops',
        },
      },
    ],
    [
      'Gitea with its kind',
      'https://gitea.example.com/org/gitops.git',
      { kind: HostKind.GITEA },
      {
        repository: { kind: HostKind.GITEA, apiUrl: 'https://gitea.example.com/api/v1', owner: 'org', repo: 'gitops' },
      },
    ],
    [
      'Forgejo under a path',
      'https://example.com/git/org/gitops',
      { kind: HostKind.GITEA, apiUrl: 'https://example.com/git/api/v1' },
      { repository: { kind: HostKind.GITEA, apiUrl: 'https://example.com/git/api/v1', owner: 'org', repo: 'gitops' } },
    ],
    [
      'an unknown host without a kind',
      'https://git.example.com/org/gitops',
      {},
      {
        problem:
          'cannot tell which Git host serves git.example.com; give its kind (github, gitlab, azure-devops, gitea, bitbucket) and, when self-hosted, its API URL',
        unknownHost: 'git.example.com',
      },
    ],
    [
      'not a URL',
      'not a url',
      {},
      { problem: '"not a url" is not a repository URL (https://host/path or git@host:path)' },
    ],
    [
      'a password in the URL',
      'https://user:secret@github.com/org/gitops',
      {},
      {
        problem:
          '"https://user:secret@github.com/org/gitops" is not a repository URL (https://host/path or git@host:path)',
      },
    ],
    [
      'too short a GitHub path',
      'https://github.com/org',
      {},
      {
        problem: '"https://github.com/org" is not a github repository URL (expected https://github.com/<owner>/<repo>)',
      },
    ],
  ])('%s', (_name, url, override, expected) => {
    expect(recogniseRepository(url, override)).toEqual(expected);
  });

  test.each([
    ['gitlab', HostKind.GITLAB],
    ['Azure-DevOps', HostKind.AZURE_DEVOPS],
    ['forgejo', undefined],
  ])('the kind "%s" is %s', (text, kind) => {
    expect(parseHostKind(text)).toBe(kind);
  });
});

describe('hostToken', () => {
  test.each<[HostKind, Record<string, string>, ReturnType<typeof hostToken>]>([
    [HostKind.GITLAB, { GITLAB_TOKEN: 'gl', GITHUB_TOKEN: 'gh' }, { token: 'gl', variable: 'GITLAB_TOKEN' }],
    [HostKind.AZURE_DEVOPS, { SYSTEM_ACCESSTOKEN: 'sys' }, { token: 'sys', variable: 'SYSTEM_ACCESSTOKEN' }],
    [
      HostKind.AZURE_DEVOPS,
      { SYSTEM_ACCESSTOKEN: 'sys', AZURE_DEVOPS_EXT_PAT: 'pat' },
      { token: 'pat', variable: 'AZURE_DEVOPS_EXT_PAT' },
    ],
    [HostKind.GITEA, { GITEA_TOKEN: '' }, undefined],
    [HostKind.BITBUCKET, { BITBUCKET_TOKEN: 'bb' }, { token: 'bb', variable: 'BITBUCKET_TOKEN' }],
  ])('%s from %j', (kind, env, expected) => {
    expect(hostToken(kind, env)).toEqual(expected);
  });
});

describe('createPullRequestHost', () => {
  test.each([
    ['https://github.com/org/gitops', {}, 'org/gitops on GitHub'],
    ['https://gitlab.com/group/sub/gitops', {}, 'group/sub/gitops on gitlab.com'],
    ['https://gitea.example.com/org/gitops', { kind: HostKind.GITEA }, 'org/gitops on gitea.example.com'],
    ['https://bitbucket.org/team/gitops', {}, 'team/gitops on Bitbucket'],
    ['https://dev.azure.com/org/project/_git/gitops', {}, 'project/gitops on dev.azure.com'],
  ])('makes the adapter of %s', async (url, override, description) => {
    const recognised = recogniseRepository(url, override);
    if (!('repository' in recognised)) throw new Error(recognised.problem);
    const host = await createPullRequestHost(recognised.repository, { token: 'a-token-for-tests' });
    expect([host.kind, host.description]).toEqual([recognised.repository.kind, description]);
  });
});
