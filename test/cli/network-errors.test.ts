import * as fs from 'fs';
import * as http from 'http';
import * as path from 'path';
import { AddressInfo } from 'net';
import { createGitHubClient } from '../../src/io/github/github-client';
import { toGitHubError } from '../../src/io/github/github-error';
import { runCliIsolated } from '../support/cli';
import { createTestOctokit } from '../support/github-server';
import { GitHubServer } from '../support/github-server';
import { tutorialCopy } from '../support/tutorial';

/** A host name that never resolves (RFC 2606 reserves `.invalid`), so nothing reaches the network. */
const UNRESOLVABLE = 'http://kalypso-test.invalid';
const CANNOT_RESOLVE =
  /cannot reach kalypso-test\.invalid: the host name (does not resolve \(ENOTFOUND\)|cannot be resolved now; is the network up\? \(EAI_AGAIN\))/;

describe('a GitHub API that cannot be reached', () => {
  test('fails at once, naming the host and the DNS failure, without retrying and without a status', async () => {
    // GIVEN the production client (retries and throttling) pointed at a host that does not resolve
    const octokit = await createGitHubClient({ baseUrl: UNRESOLVABLE, token: 'ghp_test' });
    const started = Date.now();

    // WHEN
    const failed = await octokit.rest.repos
      .get({ owner: 'org', repo: 'gitops' })
      .catch((e: unknown) => toGitHubError(e, 'read org/gitops'));

    // THEN
    expect(Date.now() - started).toBeLessThan(1000);
    expect(failed).toMatchObject({ name: 'GitHubError', status: undefined });
    expect((failed as Error).message).toMatch(new RegExp(`^cannot read org/gitops: ${CANNOT_RESOLVE.source}$`));
    expect((failed as Error).message).not.toMatch(/500|answered/);
  });

  test('names a refused connection after the retries, never as "GitHub answered 500"', async () => {
    // GIVEN a port nothing listens on, and a client whose retries wait a millisecond
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const octokit = await createTestOctokit({ url: `http://127.0.0.1:${port}`, token: 't' } as GitHubServer, {
      retry: true,
    });

    // WHEN
    const failed = await octokit.rest.repos
      .get({ owner: 'org', repo: 'gitops' })
      .catch((e: unknown) => toGitHubError(e, 'read org/gitops'));

    // THEN
    expect(failed).toMatchObject({
      name: 'GitHubError',
      status: undefined,
      message: `cannot read org/gitops: cannot reach 127.0.0.1:${port}: the connection was refused (ECONNREFUSED)`,
    });
  });

  test('kalypso publish --dry-run says so in one line, exit 2, in well under the retries back-off', async () => {
    // GIVEN the tutorial publishing dev to a repository on a GitHub whose host does not resolve
    const copy = tutorialCopy();
    const gitopsRepo = path.join(copy, 'dev/gitops-repo.yaml');
    fs.writeFileSync(
      gitopsRepo,
      fs
        .readFileSync(gitopsRepo, 'utf8')
        .replace('https://github.com/microsoft/kalypso-gitops', `${UNRESOLVABLE}/org/gitops`),
    );
    const started = Date.now();

    // WHEN the command line runs with the real GitHub client
    const { code, stdout, stderr } = await runCliIsolated([
      'publish',
      '-c',
      copy,
      '--env',
      'dev',
      '--dry-run',
      '--github-api-url',
      UNRESOLVABLE,
    ]);

    // THEN
    expect(Date.now() - started).toBeLessThan(5000);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(
      new RegExp(`^kalypso publish: cannot read branch dev of org/gitops: ${CANNOT_RESOLVE.source}\\n$`),
    );
  });
});
