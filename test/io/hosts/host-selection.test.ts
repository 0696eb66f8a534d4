import { HostKind } from '../../../src/io/hosts/pull-request-host';
import { kindOfApiUrl, locateRepository, repositoryName } from '../../../src/io/hosts/host-selection';
import { HostOverride } from '../../../src/io/hosts/repository-location';
import { gitCredential, gitTokenUrls } from '../../../src/io/hosts/git-credential';
import { requestName, requestNoun } from '../../../src/io/hosts/host-names';

const GITLAB_EXAMPLE: HostOverride = { kind: HostKind.GITLAB, apiUrl: 'https://gitlab.example.com' };

describe('which host serves a repository, given the instance a run was pointed at', () => {
  test.each<[string, string, HostOverride, unknown]>([
    [
      'github.com by name',
      'https://github.com/org/gitops',
      {},
      { kind: 'github', apiUrl: 'https://api.github.com', owner: 'org', repo: 'gitops' },
    ],
    [
      'gitlab.com by name, whatever instance is named',
      'git@gitlab.com:group/sub/gitops.git',
      { kind: HostKind.GITEA, apiUrl: 'https://gitea.example.com/api/v1' },
      { kind: 'gitlab', apiUrl: 'https://gitlab.com', project: 'group/sub/gitops' },
    ],
    [
      'a repository on the instance named by its API URL',
      'https://gitlab.example.com/platform/gitops',
      GITLAB_EXAMPLE,
      { kind: 'gitlab', apiUrl: 'https://gitlab.example.com', project: 'platform/gitops' },
    ],
    [
      'a repository on a host not known by name, with a kind and no API URL',
      'https://git.example.com/org/gitops.git',
      { kind: HostKind.GITEA },
      { kind: 'gitea', apiUrl: 'https://git.example.com/api/v1', owner: 'org', repo: 'gitops' },
    ],
    [
      'GitHub Enterprise under its old flag: the instance of the API URL',
      'https://ghe.example.com/org/gitops',
      { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3' },
      { kind: 'github', apiUrl: 'https://ghe.example.com/api/v3', owner: 'org', repo: 'gitops' },
    ],
    [
      'the public GitHub API named explicitly serves github.com',
      'https://github.com/org/gitops',
      { kind: HostKind.GITHUB, apiUrl: 'https://api.github.com' },
      { kind: 'github', apiUrl: 'https://api.github.com', owner: 'org', repo: 'gitops' },
    ],
    [
      'Azure DevOps Server below its collection',
      'https://tfs.example.com/tfs/DefaultCollection/platform/_git/gitops',
      { kind: HostKind.AZURE_DEVOPS, apiUrl: 'https://tfs.example.com/tfs/DefaultCollection' },
      {
        kind: 'azure-devops',
        apiUrl: 'https://tfs.example.com/tfs/DefaultCollection',
        project: 'platform',
        repo: 'gitops',
      },
    ],
  ])('%s', (_name, url, selection, repository) => {
    expect(locateRepository(url, selection)).toEqual({ repository });
  });

  test.each<[string, string, HostOverride, string]>([
    [
      'a host not known by name, without --host',
      'https://git.example.com/org/gitops',
      {},
      'cannot tell which Git host serves git.example.com',
    ],
    [
      'another host than the instance named by its API URL',
      'https://git.example.com/org/gitops',
      GITLAB_EXAMPLE,
      'cannot tell which Git host serves git.example.com',
    ],
    [
      "a repository of the instance's kind on another host: the instance's token stays on the instance",
      'https://gitlab.com/org/gitops',
      GITLAB_EXAMPLE,
      'https://gitlab.com/org/gitops is not on gitlab.example.com, the gitlab instance given by its API URL',
    ],
    [
      'github.com when GitHub Enterprise is named',
      'https://github.com/org/gitops',
      { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3' },
      'https://github.com/org/gitops is not on ghe.example.com, the github instance given by its API URL',
    ],
    ['a path on this machine', '/srv/git/gitops.git', {}, 'is not a repository URL'],
  ])('refuses %s', (_name, url, selection, problem) => {
    const located = locateRepository(url, selection);
    expect('problem' in located && located.problem).toContain(problem);
  });

  test.each([
    ['https://api.github.com', HostKind.GITHUB],
    ['https://gitlab.com', HostKind.GITLAB],
    ['https://dev.azure.com/org', HostKind.AZURE_DEVOPS],
    ['https://org.visualstudio.com', HostKind.AZURE_DEVOPS],
    ['https://api.bitbucket.org/2.0', HostKind.BITBUCKET],
    ['https://gitea.example.com/api/v1', undefined],
  ])('the API URL %s is %s by its name', (apiUrl, kind) => {
    expect(kindOfApiUrl(apiUrl)).toBe(kind);
  });

  test('names repositories and requests as each host does', () => {
    const named = (url: string, selection: HostOverride = {}) => {
      const located = locateRepository(url, selection);
      if (!('repository' in located)) throw new Error(located.problem);
      return repositoryName(located.repository);
    };
    expect(named('https://github.com/org/gitops')).toBe('org/gitops');
    expect(named('https://gitlab.com/group/sub/gitops')).toBe('group/sub/gitops');
    expect(named('https://dev.azure.com/org/platform/_git/gitops')).toBe('platform/gitops');
    expect(named('https://bitbucket.org/team/gitops')).toBe('team/gitops');
    expect(named('https://codeberg.org/org/gitops', { kind: HostKind.GITEA })).toBe('org/gitops');
    expect([requestName(HostKind.GITLAB, 3), requestNoun(HostKind.GITLAB)]).toEqual([
      'merge request !3',
      'merge request',
    ]);
    expect([requestName(HostKind.BITBUCKET, 3), requestNoun(HostKind.AZURE_DEVOPS)]).toEqual([
      'pull request #3',
      'pull request',
    ]);
  });
});

describe('how git presents each host its token', () => {
  const basic = (pair: string) => `Authorization: Basic ${Buffer.from(pair).toString('base64')}`;

  test.each<[HostKind, string | undefined, string, string]>([
    [HostKind.GITHUB, 'GITHUB_TOKEN', 'ghp_x123', basic('x-access-token:ghp_x123')],
    [HostKind.GITLAB, 'GITLAB_TOKEN', 'glpat-x123', basic('oauth2:glpat-x123')],
    [HostKind.AZURE_DEVOPS, 'AZURE_DEVOPS_EXT_PAT', 'pat123', basic(':pat123')],
    [HostKind.AZURE_DEVOPS, 'SYSTEM_ACCESSTOKEN', 'job123', 'Authorization: Bearer job123'],
    [HostKind.GITEA, 'GITEA_TOKEN', 'tea123', basic('x-access-token:tea123')],
    [HostKind.BITBUCKET, 'BITBUCKET_TOKEN', 'ATCTT3x', basic('x-token-auth:ATCTT3x')],
    [HostKind.BITBUCKET, 'BITBUCKET_TOKEN', 'me:app-password', basic('me:app-password')],
  ])('%s with %s', (kind, variable, token, header) => {
    const credential = gitCredential(kind, token, variable);
    expect(credential.header).toBe(header);
    expect(credential.secrets).toContain(token);
    for (const secret of credential.secrets.slice(1)) expect(header).toContain(secret);
  });

  test.each<[HostKind, HostOverride, string[]]>([
    [HostKind.GITHUB, {}, ['https://github.com/']],
    [
      HostKind.GITHUB,
      { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3' },
      ['https://ghe.example.com/'],
    ],
    [HostKind.GITLAB, GITLAB_EXAMPLE, ['https://gitlab.example.com/']],
    [HostKind.GITLAB, { kind: HostKind.GITEA, apiUrl: 'http://127.0.0.1:3000/api/v1' }, ['https://gitlab.com/']],
    [HostKind.AZURE_DEVOPS, {}, ['https://dev.azure.com/', 'https://*.visualstudio.com/']],
    [HostKind.GITEA, {}, []],
    [HostKind.GITEA, { kind: HostKind.GITEA, apiUrl: 'http://127.0.0.1:3000/api/v1' }, ['http://127.0.0.1:3000/']],
    [
      HostKind.BITBUCKET,
      { kind: HostKind.BITBUCKET, apiUrl: 'https://api.bitbucket.org/2.0' },
      ['https://bitbucket.org/'],
    ],
  ])('git sends the %s token to the instance named, else to its public site (%j)', (kind, selection, urls) => {
    expect(gitTokenUrls(kind, selection)).toEqual(urls);
  });
});
