/**
 * How `kalypso publish`, `promote` and `check` fail on each Git host besides GitHub (whose own are in
 * `publish.test.ts`, `promote.test.ts` and `network-errors.test.ts`): a rejected token, a host that echoes the token,
 * a host that cannot be reached — each in one line, exit 2, with no token printed.
 */
import * as fs from 'fs';
import * as path from 'path';
import { runCliIsolated } from '../support/cli';
import { FLOW_HOSTS, fakeHostServices, hostFlags } from '../support/host-flow';
import { FakeHost } from '../support/host-server/fake-host';
import { temporaryFolder } from '../support/temp';
import { tutorialCopy } from '../support/tutorial';

/** A host name that never resolves (RFC 2606 reserves `.invalid`), so nothing reaches the network. */
const UNRESOLVABLE = 'http://kalypso-test.invalid';

let fake: FakeHost | undefined;
afterEach(async () => {
  if (!fake) return;
  await fake.close();
  expect(fake.server.contractViolations()).toEqual([]);
  fake = undefined;
});

/** A copy of the tutorial whose dev environment publishes to `repo`. */
function publishingTo(repo: string): string {
  const copy = tutorialCopy();
  const file = path.join(copy, 'dev/gitops-repo.yaml');
  fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('https://github.com/microsoft/kalypso-gitops', repo));
  return copy;
}

describe.each(FLOW_HOSTS.map((host) => [host.title, host] as const))('kalypso publish on %s', (_title, host) => {
  async function started(): Promise<FakeHost> {
    fake = await host.start();
    fake.seed('dev', { 'README.md': '# dev\n' });
    return fake;
  }

  test('fails with exit 2 when the token is rejected, naming its variable and never printing it', async () => {
    const server = await started();
    const wrong = 'wrong-token-0123456789abcdefghij';
    const { code, stdout, stderr } = await runCliIsolated(
      ['publish', '-c', publishingTo(host.webUrl(server, server.name)), '--env', 'dev', ...hostFlags(host, server)],
      { env: { [host.variable]: wrong }, services: fakeHostServices(host, server, {}, wrong) },
    );
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      new RegExp(`^kalypso publish: cannot [^\\n]*: [^\\n]* answered 401 [^\\n]*check ${host.variable}\\n$`),
    );
    expect(stderr).not.toContain(wrong);
    expect(server.server.requests().filter((request) => request.status === 401)).toHaveLength(1);
  });

  test("fails with exit 2 and the host's message, with the token it echoes removed", async () => {
    const server = await started();
    server.server.failNext({ status: 403, message: `token ${server.server.token} lacks the scope to do this` });
    const { code, stdout, stderr } = await runCliIsolated(
      ['publish', '-c', publishingTo(host.webUrl(server, server.name)), '--env', 'dev', ...hostFlags(host, server)],
      { env: { [host.variable]: server.server.token }, services: fakeHostServices(host, server) },
    );
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      /^kalypso publish: cannot [^\n]*: [^\n]* answered 403 [^\n]*token \*\*\* lacks the scope to do this\n$/,
    );
    expect(stderr).not.toContain(server.server.token);
  });

  test('fails with exit 2 at once, in one line, when the host cannot be reached', async () => {
    const url = new URL(host.webUrl(await started(), 'gitops'));
    const api = new URL(host.apiUrl(fake!));
    const at = (address: URL) => `${UNRESOLVABLE}${address.pathname}`;
    const startedAt = Date.now();
    const { code, stdout, stderr } = await runCliIsolated([
      'publish',
      '-c',
      publishingTo(at(url)),
      '--env',
      'dev',
      '--dry-run',
      '--host',
      host.kind,
      '--api-url',
      at(api),
      '--cache',
      temporaryFolder(),
    ]);
    expect(Date.now() - startedAt).toBeLessThan(5000);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      /^kalypso publish: cannot [^\n]*: cannot reach kalypso-test\.invalid \((ENOTFOUND|EAI_AGAIN)\)\n$/,
    );
  });
});

describe('the last line of defence', () => {
  test.each([
    'GITHUB_TOKEN',
    'GITLAB_TOKEN',
    'AZURE_DEVOPS_EXT_PAT',
    'SYSTEM_ACCESSTOKEN',
    'GITEA_TOKEN',
    'BITBUCKET_TOKEN',
  ])('keeps %s out of everything printed, even where nothing expects it', async (variable) => {
    const token = `planted-${variable.toLowerCase()}-0123456789`;
    const { code, stderr } = await runCliIsolated(['publish', '-c', `/nonexistent/${token}`, '--env', 'dev'], {
      env: { [variable]: token },
    });
    expect(code).toBe(2);
    expect(stderr).toContain('/nonexistent/***');
    expect(stderr).not.toContain(token);
  });
});
