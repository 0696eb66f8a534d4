/**
 * The behaviour every `PullRequestHost` adapter owes, run against each host's fake: the same scenarios, the same
 * expectations, so that publishing and promotion behave alike on every host.
 */
import { createServer, AddressInfo } from 'net';
import { gitBlobId } from '../../../src/io/git/blob-id';
import { resolveFluxContexts } from '../../../src/io/hosts/flux-statuses';
import { ChangeProposal, PullRequestHost } from '../../../src/io/hosts/pull-request-host';
import { FakeHost } from '../../support/host-server/fake-host';

export interface ConformanceSetup {
  readonly start: () => Promise<FakeHost>;
  /** The adapter for the fake's repository; `token` and `apiUrl` override the fake's. */
  readonly adapter: (fake: FakeHost, overrides?: { token?: string; apiUrl?: string }) => PullRequestHost;
  /** Operation id of the listing of open requests (where faults are injected). */
  readonly listRequests: string;
  /** Whether requests carry labels on this host. */
  readonly labels: boolean;
  /** The variable named when the token is rejected. */
  readonly tokenVariable: string;
  /** The host's own state word for success and for pending, as the fake stores what the adapter set. */
  readonly states: { readonly success: string; readonly pending: string };
}

const MARKER = '<!-- kalypso-cdk8s publish: environment=dev -->';
const BASE_FILES = { 'README.md': '# gitops\n', 'drone/old.yaml': 'old: true\n', 'drone/keep.yaml': 'keep: true\n' };
const WRITES = (method: string) => method !== 'GET' && method !== 'OPTIONS';

/** A local port nothing listens on (a server's, once closed). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function describeHostConformance(name: string, setup: ConformanceSetup): void {
  describe(`${name} adapter`, () => {
    let fake: FakeHost;
    let host: PullRequestHost;
    beforeEach(async () => {
      fake = await setup.start();
      fake.seed('main', BASE_FILES);
      host = setup.adapter(fake);
    });
    afterEach(async () => {
      await fake.close();
      expect(fake.server.contractViolations()).toEqual([]);
    });

    const proposal = async (
      files: Record<string, string>,
      extra: Partial<ChangeProposal> = {},
    ): Promise<ChangeProposal> => ({
      base: (await host.readBranch('main'))!,
      head: 'kalypso/dev',
      title: 'Kalypso: dev',
      body: `${MARKER}\nMakes dev equal to the plan.`,
      commitMessage: 'Publish dev',
      files,
      deletions: ['drone/old.yaml'],
      marker: MARKER,
      labels: [{ name: 'promoted' }],
      ...extra,
    });
    const writesSince = (count: number) =>
      fake.server
        .requests()
        .slice(count)
        .filter((r) => WRITES(r.method));

    test('reads a branch with the git blob id of every file, and its files', async () => {
      const branch = await host.readBranch('main');
      expect(branch?.commit).toBe(fake.branchSha('main'));
      expect(branch?.blobs).toEqual(new Map(Object.entries(BASE_FILES).map(([path, text]) => [path, gitBlobId(text)])));
      expect(await host.readFiles(branch!, ['drone/keep.yaml', 'absent.yaml'])).toEqual(
        new Map([['drone/keep.yaml', 'keep: true\n']]),
      );
      expect(await host.readBranch('no-such-branch')).toBeUndefined();
    });

    test('opens the first request: one commit on the base, stale files removed', async () => {
      const outcome = await host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }));
      expect(outcome).toMatchObject({ action: 'created', number: 1 });
      expect(fake.read('kalypso/dev')).toEqual({
        'README.md': '# gitops\n',
        'drone/keep.yaml': 'keep: true\n',
        'drone/new.yaml': 'new: 1\n',
      });
      const head = fake.server.repo(fake.owner, fake.name).commitObject(fake.branchSha('kalypso/dev')!);
      expect(head?.parents).toEqual([fake.branchSha('main')]);
      expect(fake.read('main')).toEqual(BASE_FILES);
      const [request] = fake.requests();
      expect(request).toMatchObject({ state: 'open', head: 'kalypso/dev', base: 'main', title: 'Kalypso: dev' });
      expect(request.body).toContain(MARKER);
      expect(request.labels).toEqual(setup.labels ? ['promoted'] : []);
    });

    test('updates its request in place, and changes nothing when asked the same again', async () => {
      await host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }));
      const updated = await host.proposeChange(
        await proposal({ 'drone/new.yaml': 'new: 2\n' }, { title: 'Kalypso: dev (2)', labels: [] }),
      );
      expect(updated).toMatchObject({ action: 'updated', number: 1 });
      expect(fake.read('kalypso/dev')['drone/new.yaml']).toBe('new: 2\n');
      expect(fake.requests()).toHaveLength(1);
      expect(fake.requests()[0].title).toBe('Kalypso: dev (2)');

      const before = fake.server.requests().length;
      const again = await host.proposeChange(
        await proposal({ 'drone/new.yaml': 'new: 2\n' }, { title: 'Kalypso: dev (2)', labels: [] }),
      );
      expect(again).toMatchObject({ action: 'unchanged', number: 1 });
      expect(writesSince(before)).toEqual([]);
    });

    test('closes its request and deletes the branch when the base already holds the change', async () => {
      await host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }));
      const closed = await host.proposeChange(await proposal({ 'drone/keep.yaml': 'keep: true\n' }, { deletions: [] }));
      expect(closed).toMatchObject({ action: 'closed', number: 1 });
      expect(fake.requests()[0].state).toBe('closed');
      expect(fake.branchSha('kalypso/dev')).toBeUndefined();
    });

    test('writes nothing for an empty change without a request', async () => {
      const before = fake.server.requests().length;
      expect(await host.proposeChange(await proposal({}, { deletions: [] }))).toEqual({ action: 'none' });
      expect(writesSince(before)).toEqual([]);
    });

    test("leaves someone else's request alone and writes nothing", async () => {
      fake.seed('kalypso/dev', { 'README.md': 'theirs\n' });
      fake.openForeignRequest({ head: 'kalypso/dev', base: 'main', title: 'Mine', body: 'a person wrote this' });
      const tip = fake.branchSha('kalypso/dev');
      const before = fake.server.requests().length;
      await expect(host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }))).rejects.toThrow(
        /request #1 from kalypso\/dev into main in .* was not opened by this tool; it is left alone/,
      );
      expect(writesSince(before)).toEqual([]);
      expect(fake.branchSha('kalypso/dev')).toBe(tip);
      expect(fake.requests()[0]).toMatchObject({ title: 'Mine', body: 'a person wrote this', state: 'open' });
    });

    test('commits straight onto a branch, and nothing when it already holds the files', async () => {
      const change = {
        branch: 'main',
        message: 'Promote',
        files: { 'base-repo.yaml': 'kind: BaseRepo\n' },
        deletions: ['drone/old.yaml'],
      };
      const tip = fake.branchSha('main');
      const commit = await host.commitToBranch(change);
      expect(commit).toBe(fake.branchSha('main'));
      expect(fake.server.repo(fake.owner, fake.name).commitObject(commit!)?.parents).toEqual([tip]);
      expect(fake.read('main')).toEqual({
        'README.md': '# gitops\n',
        'base-repo.yaml': 'kind: BaseRepo\n',
        'drone/keep.yaml': 'keep: true\n',
      });
      expect(await host.commitToBranch(change)).toBeUndefined();
      await expect(host.commitToBranch({ ...change, branch: 'prod' })).rejects.toThrow(/prod/);
    });

    test('waits out a 429 as Retry-After asks, then goes on', async () => {
      fake.server.failNext({ route: setup.listRequests, status: 429, retryAfter: 2, rateLimit: true });
      expect(await host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }))).toMatchObject({
        action: 'created',
      });
      const listing = fake.server
        .requests()
        .filter((r) => r.operationId === setup.listRequests)
        .map((r) => r.status);
      expect(listing.slice(0, 2)).toEqual([429, 200]);
    });

    test('fails with a clear message when the rate limit resets later than it may wait', async () => {
      fake.server.failNext({ route: setup.listRequests, status: 429, retryAfter: 3600, rateLimit: true });
      await expect(host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }))).rejects.toThrow(
        /answered 429 .*the rate limit resets in 3600 s, longer than the 300 s allowed to wait/,
      );
    });

    test('retries a 5xx answer a bounded number of times', async () => {
      fake.server.failNext({ route: setup.listRequests, status: 502, times: 2 });
      expect(await host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }))).toMatchObject({
        action: 'created',
      });
      fake.server.failNext({ route: setup.listRequests, status: 503, times: 10 });
      const before = fake.server.requests().length;
      await expect(host.proposeChange(await proposal({ 'drone/new.yaml': 'new: 3\n' }))).rejects.toThrow(
        /answered 503 .*gave up after 3 retries/,
      );
      expect(
        fake.server
          .requests()
          .slice(before)
          .filter((r) => r.operationId === setup.listRequests),
      ).toHaveLength(4);
    });

    test('fails at once with a clear message when the token is rejected, and never prints it', async () => {
      const token = 'wrong-token-0123456789abcdef';
      const rejected = setup.adapter(fake, { token });
      const failure = await rejected.readBranch('main').catch((e: unknown) => e as Error);
      expect(failure).toBeInstanceOf(Error);
      expect((failure as Error).message).toMatch(new RegExp(`answered 401 .*check ${setup.tokenVariable}`));
      expect((failure as Error).message).not.toContain(token);
      expect(fake.server.requests().filter((r) => r.status === 401)).toHaveLength(1);
    });

    test('keeps the token out of a message that echoes it', async () => {
      fake.server.failNext({
        route: setup.listRequests,
        status: 403,
        message: `token ${fake.server.token} lacks a scope`,
      });
      const failure = (await host
        .proposeChange(await proposal({ 'drone/new.yaml': 'new: 1\n' }))
        .catch((e: unknown) => e)) as Error;
      expect(failure.message).toContain('token *** lacks a scope');
      expect(failure.message).not.toContain(fake.server.token);
    });

    test('fails at once when nothing listens, without retrying', async () => {
      const port = await closedPort();
      const unreachable = setup.adapter(fake, { apiUrl: `http://127.0.0.1:${port}` });
      await expect(unreachable.readBranch('main')).rejects.toThrow(`cannot reach 127.0.0.1:${port} (ECONNREFUSED)`);
    });

    test('sets statuses and reads back the newest of each context', async () => {
      const sha = fake.branchSha('main')!;
      await host.setStatus(sha, { state: 'pending', context: 'dev environment', description: 'Promoted' });
      await host.setStatus(sha, {
        state: 'success',
        context: 'dev environment',
        description: 'Deployed',
        targetUrl: 'https://ci.example.com/1',
      });
      expect(fake.statuses(sha).map((s) => s.state)).toEqual([setup.states.pending, setup.states.success]);
      expect(await host.readStatuses(sha)).toEqual([
        {
          state: 'success',
          context: 'dev environment',
          description: 'Deployed',
          targetUrl: 'https://ci.example.com/1',
        },
      ]);
    });

    test("reads the statuses Flux's notification-controller posts, per cluster", async () => {
      const sha = fake.branchSha('main')!;
      fake.postFluxStatus(sha, 'kustomization/dev/3f2a9c1e', true, 'reconciliation succeeded');
      fake.postFluxStatus(sha, 'kustomization/dev/77b0d2aa', false, 'health check failed');
      const statuses = resolveFluxContexts(await host.readStatuses(sha), ['3f2a9c1e', '77b0d2aa']);
      expect(statuses.map((s) => [s.context, s.state, s.description]).sort()).toEqual([
        ['kustomization/dev/3f2a9c1e', 'success', 'reconciliation succeeded'],
        ['kustomization/dev/77b0d2aa', expect.stringMatching(/^(failure|error)$/), 'health check failed'],
      ]);
    });
  });
}
