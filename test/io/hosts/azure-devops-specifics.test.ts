/**
 * What the Azure DevOps adapter owes beyond the conformance suite: the library's handshake on Services and Server,
 * the negotiated version, the sign-in page Azure DevOps answers a rejected token with on some endpoints, how each
 * token is presented, where the token may go, and the limits of the service.
 */
import { AzureDevOpsHost, AzureDevOpsHostProps } from '../../../src/io/hosts/azure-devops/azure-devops-host';
import { AZURE_DEVOPS_STATUS_GENRE } from '../../../src/io/hosts/azure-devops/azure-devops-statuses';
import { ChangeProposal } from '../../../src/io/hosts/pull-request-host';
import { AzureDevOpsServer, AzureDevOpsServerProps } from '../../support/azure-devops-server/server';

const MARKER = '<!-- kalypso-cdk8s publish: environment=dev -->';

let fake: AzureDevOpsServer | undefined;
afterEach(async () => {
  await fake?.close();
  expect(fake?.server.contractViolations()).toEqual([]);
  fake = undefined;
});

async function start(props: AzureDevOpsServerProps = {}): Promise<AzureDevOpsServer> {
  fake = await AzureDevOpsServer.start(props);
  fake.seed('main', { 'README.md': '# gitops\n', 'drone/old.yaml': 'old: true\n' });
  return fake;
}

function adapter(server: AzureDevOpsServer, props: Partial<AzureDevOpsHostProps> = {}): AzureDevOpsHost {
  return new AzureDevOpsHost({
    apiUrl: server.collectionUrl,
    project: server.project,
    repo: server.name,
    token: server.server.token,
    tokenVariable: 'AZURE_DEVOPS_EXT_PAT',
    millisecondsPerSecond: 1,
    ...props,
  });
}

async function proposal(host: AzureDevOpsHost, extra: Partial<ChangeProposal> = {}): Promise<ChangeProposal> {
  return {
    base: (await host.readBranch('main'))!,
    head: 'kalypso/dev',
    title: 'Kalypso: dev',
    body: `${MARKER}\nMakes dev equal to the plan.`,
    commitMessage: 'Publish dev',
    files: { 'drone/new.yaml': 'new: 1\n' },
    deletions: ['drone/old.yaml'],
    marker: MARKER,
    labels: [{ name: 'promoted' }],
    ...extra,
  };
}

describe('Azure DevOps Server', () => {
  test('connects as the library does, below the collection, and speaks the version the server offers', async () => {
    const server = await start({ flavour: 'server' });
    expect(server.collectionUrl).toMatch(/\/tfs\/DefaultCollection$/);
    const host = adapter(server);
    expect(await host.proposeChange(await proposal(host))).toMatchObject({
      action: 'created',
      number: 1,
      url: `${server.collectionUrl}/project/_git/gitops/pullrequest/1`,
    });
    const requests = server.server.requests();
    expect(requests.slice(0, 3).map((r) => `${r.method} ${r.url}`)).toEqual([
      'OPTIONS /tfs/DefaultCollection/_apis/Location',
      'GET /tfs/DefaultCollection/_apis/ResourceAreas',
      'OPTIONS /tfs/DefaultCollection/_apis/git',
    ]);
    const api = requests.slice(3);
    expect(api.length).toBeGreaterThan(0);
    expect(api.every((r) => r.url.startsWith('/tfs/DefaultCollection/project/_apis/git/repositories/gitops/'))).toBe(
      true,
    );
    expect(new Set(api.map((r) => r.headers.accept))).toEqual(new Set(['application/json;api-version=7.1']));
    expect(server.read('kalypso/dev')).toEqual({ 'README.md': '# gitops\n', 'drone/new.yaml': 'new: 1\n' });
    expect(server.requests()[0]).toMatchObject({ labels: ['promoted'], state: 'open' });
  });

  test('abandons its pull request when the base already holds the change', async () => {
    const server = await start({ flavour: 'server' });
    const host = adapter(server);
    await host.proposeChange(await proposal(host));
    const closed = await host.proposeChange(await proposal(host, { files: {}, deletions: [] }));
    expect(closed).toMatchObject({ action: 'closed', number: 1 });
    expect(server.server.requestsContaining('"abandoned"').map((r) => r.method)).toEqual(['PATCH']);
    expect(server.branchSha('kalypso/dev')).toBeUndefined();
  });
});

describe('Azure DevOps Services', () => {
  test('follows ResourceAreas to where the git area lives', async () => {
    const server = await start();
    const host = adapter(server);
    await host.readBranch('main');
    expect(
      server.server
        .requests()
        .slice(0, 4)
        .map((r) => `${r.method} ${r.url.split('?')[0]}`),
    ).toEqual([
      'OPTIONS /org/_apis/Location',
      'GET /org/_apis/ResourceAreas',
      'OPTIONS /org/_apis/git',
      'GET /org/project/_apis/git/repositories/gitops/refs',
    ]);
  });

  test('refuses to send the token where ResourceAreas points to another origin', async () => {
    const server = await start({ gitLocationUrl: 'http://127.0.0.2:9/org/' });
    await expect(adapter(server).readBranch('main')).rejects.toThrow(
      /Azure DevOps at http:\/\/127\.0\.0\.1:\d+ pointed to http:\/\/127\.0\.0\.2:9; the token is not sent there/,
    );
  });

  test('says which variable to check when it answers a sign-in page instead of data', async () => {
    const server = await start({ signInPage: true });
    const token = 'wrong-token-0123456789abcdef';
    const failure = (await adapter(server, { token })
      .readBranch('main')
      .catch((e: unknown) => e)) as Error;
    expect(failure.message).toMatch(
      /^cannot read branch main of project\/gitops: Azure DevOps answered 203 with a sign-in page instead of data; the token was rejected: check AZURE_DEVOPS_EXT_PAT$/,
    );
    expect(failure.message).not.toContain(token);
  });

  test.each([
    ['a sign-in page', true, 203],
    ['a 401', false, 401],
  ])('names both variables when no token is set and it answers %s', async (_name, signInPage, status) => {
    const server = await start({ signInPage });
    const failure = (await adapter(server, { token: undefined, tokenVariable: undefined })
      .readBranch('main')
      .catch((e: unknown) => e)) as Error;
    expect(failure.message).toMatch(
      new RegExp(
        `answered ${status} .*the request was not authenticated: set AZURE_DEVOPS_EXT_PAT or SYSTEM_ACCESSTOKEN$`,
      ),
    );
  });

  test.each([
    ['AZURE_DEVOPS_EXT_PAT', (token: string) => `Basic ${Buffer.from(`PAT:${token}`).toString('base64')}`],
    ['SYSTEM_ACCESSTOKEN', (token: string) => `Bearer ${token}`],
  ])('presents a token from %s as the service expects it', async (variable, header) => {
    const server = await start();
    await adapter(server, { tokenVariable: variable }).readBranch('main');
    const git = server.server.requests().filter((r) => r.operationId);
    expect(git.length).toBeGreaterThan(0);
    expect(new Set(git.map((r) => r.headers.authorization))).toEqual(new Set([header(server.server.token)]));
  });

  test('cuts a description to the 4000 characters Azure DevOps keeps, marker first', async () => {
    const server = await start();
    const host = adapter(server);
    const body = `${MARKER}\n${'x'.repeat(5000)}`;
    expect(await host.proposeChange(await proposal(host, { body }))).toMatchObject({ action: 'created' });
    const [request] = server.requests();
    expect(request.body).toHaveLength(4000);
    expect(request.body.startsWith(MARKER)).toBe(true);
    expect(request.body.endsWith('… (cut to fit the host)')).toBe(true);
  });

  test('sets statuses under its own genre and keeps other tools’ statuses apart', async () => {
    const server = await start();
    const host = adapter(server);
    const sha = server.branchSha('main')!;
    await host.setStatus(sha, { state: 'failure', context: 'build', description: 'ours' });
    const repo = server.server.repo(server.owner, server.name);
    repo.statuses.push({
      id: repo.nextId(),
      sha,
      identity: 'continuous-integration/build',
      name: 'build',
      genre: 'continuous-integration',
      state: 'succeeded',
      description: 'theirs',
      targetUrl: '',
      creator: 'ci',
      createdAt: new Date().toISOString(),
    });
    expect(server.statuses(sha)[0]).toMatchObject({ genre: AZURE_DEVOPS_STATUS_GENRE, name: 'build', state: 'failed' });
    expect((await host.readStatuses(sha)).sort((a, b) => a.context.localeCompare(b.context))).toEqual([
      { context: 'build', state: 'failure', description: 'ours' },
      { context: 'continuous-integration/build', state: 'success', description: 'theirs' },
    ]);
  });

  test('fails with the reason Azure DevOps gives when it refuses to move the branch', async () => {
    const server = await start();
    const host = adapter(server);
    const base = (await host.readBranch('main'))!;
    server.seed('kalypso/dev', { 'README.md': 'moved by someone\n' });
    await expect(
      host.writeHead(
        base,
        'kalypso/dev',
        base.commit.replace(/^./, (c) => (c === 'a' ? 'b' : 'a')),
        'Publish',
        {
          files: { 'a.yaml': 'a: 1\n' },
          deletions: [],
        },
      ),
    ).rejects.toThrow(
      /cannot move kalypso\/dev onto main of project\/gitops: Azure DevOps refused the ref update \(staleoldobjectid\)/,
    );
  });
});
