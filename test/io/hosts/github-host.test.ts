import { resolveFluxContexts } from '../../../src/io/hosts/flux-statuses';
import { GitHubHost } from '../../../src/io/hosts/github/github-host';
import { GitHubServer, createTestOctokit, startGitHubServer } from '../../support/github-server';

const MARKER = '<!-- kalypso-cdk8s publish: environment=dev -->';

describe('GitHub behind the port', () => {
  let server: GitHubServer;
  let host: GitHubHost;
  beforeEach(async () => {
    server = await startGitHubServer();
    server.createRepo('org', 'gitops');
    server.seedBranch('org', 'gitops', 'main', { 'README.md': '# gitops\n', 'drone/old.yaml': 'old\n' });
    host = new GitHubHost(await createTestOctokit(server, { retry: true, throttle: true }), {
      owner: 'org',
      repo: 'gitops',
    });
  });
  afterEach(async () => {
    await server.close();
    expect(server.contractViolations()).toEqual([]);
  });

  test('proposes, leaves unchanged, and commits as the GitHub code always did', async () => {
    const base = (await host.readBranch('main'))!;
    expect(base.treeId).toMatch(/^[0-9a-f]{40}$/);
    const change = {
      base,
      head: 'kalypso/dev',
      title: 'Kalypso: dev',
      body: `${MARKER}\nbody`,
      commitMessage: 'Publish dev',
      files: { 'drone/new.yaml': 'new\n' },
      deletions: ['drone/old.yaml'],
      marker: MARKER,
      labels: [{ name: 'promoted' }],
    };
    expect(await host.proposeChange(change)).toMatchObject({ action: 'created', number: 1 });
    expect(server.readBranch('org', 'gitops', 'kalypso/dev')).toEqual({
      'README.md': '# gitops\n',
      'drone/new.yaml': 'new\n',
    });
    expect(server.getPull('org', 'gitops', 1)?.labels).toEqual(['promoted']);
    expect(await host.proposeChange(change)).toMatchObject({ action: 'unchanged', number: 1 });
    expect(await host.readFiles(base, ['README.md'])).toEqual(new Map([['README.md', '# gitops\n']]));
    expect(await host.commitToBranch({ branch: 'main', message: 'm', files: { 'x.yaml': 'x\n' }, deletions: [] })).toBe(
      server.branchSha('org', 'gitops', 'main'),
    );
  });

  test('sets statuses and reads those of Flux', async () => {
    const sha = server.branchSha('org', 'gitops', 'main')!;
    await host.setStatus(sha, { state: 'pending', context: 'dev environment', description: 'Promoted' });
    await host.setStatus(sha, {
      state: 'failure',
      context: 'kustomization/dev/3f2a9c1e',
      description: 'health check failed',
    });
    expect(resolveFluxContexts(await host.readStatuses(sha), ['3f2a9c1e']).map((s) => [s.context, s.state])).toEqual([
      ['dev environment', 'pending'],
      ['kustomization/dev/3f2a9c1e', 'failure'],
    ]);
  });
});
