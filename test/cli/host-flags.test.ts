/**
 * `--host`, `--api-url` and `--github-api-url`, the same on `publish`, `promote` and `check`; and where git sends
 * each host's token.
 */
import * as http from 'http';
import { AddressInfo } from 'net';
import { gitServices } from '../../src/app/setup/git-services';
import { hostSelection } from '../../src/app/setup/host-access';
import { HostKind } from '../../src/io/hosts/pull-request-host';
import { runCliIsolated } from '../support/cli';
import { ISOLATED_GIT_ENV } from '../support/git';
import { temporaryFolder } from '../support/temp';

const COMMIT = 'a'.repeat(40);

describe('the host flags', () => {
  test.each([
    [{}, {}],
    [{ host: 'GitLab' }, { kind: HostKind.GITLAB }],
    [
      { host: 'gitea', apiUrl: 'https://git.example.com/api/v1' },
      { kind: HostKind.GITEA, apiUrl: 'https://git.example.com/api/v1' },
    ],
    [{ apiUrl: 'https://dev.azure.com/org' }, { kind: HostKind.AZURE_DEVOPS, apiUrl: 'https://dev.azure.com/org' }],
    [
      { githubApiUrl: 'https://ghe.example.com/api/v3' },
      { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3' },
    ],
    [
      { host: 'github', githubApiUrl: 'https://ghe.example.com/api/v3' },
      { kind: HostKind.GITHUB, apiUrl: 'https://ghe.example.com/api/v3' },
    ],
  ])('%j name %j', (flags, selection) => {
    expect(hostSelection(flags)).toEqual(selection);
  });

  const publish = ['publish', '-c', '.', '--env', 'dev'];
  const promote = ['promote', '-c', '.', '--commit', COMMIT];
  const check = ['check', '-c', '.', '--env', 'dev', '--commit', COMMIT, '--expect-cluster', 'x'];
  test.each([
    [['--host', 'sourcehut'], '--host takes one of github, gitlab, azure-devops, gitea, bitbucket, got "sourcehut"'],
    [['--api-url', 'ftp://x'], '--api-url must be an http(s) URL, got "ftp://x"'],
    [
      ['--api-url', 'https://git.example.com'],
      '--api-url https://git.example.com needs --host to say which Git host serves it (github, gitlab, azure-devops, gitea, bitbucket)',
    ],
    [
      ['--host', 'gitlab', '--github-api-url', 'https://ghe.example.com/api/v3'],
      '--github-api-url is --host github --api-url URL under its old name; give one or the other',
    ],
  ])('refuse %j alike on publish, promote and check', async (flags, message) => {
    for (const argv of [publish, promote, check]) {
      expect(await runCliIsolated([...argv, ...flags])).toEqual({
        code: 2,
        stdout: '',
        stderr: `kalypso ${argv[0]}: ${message}; run kalypso ${argv[0]} --help\n`,
      });
    }
  });
});

describe("where git sends each host's token", () => {
  /** A server that answers every request 404, recording the `authorization` header of each. */
  async function recordingServer(): Promise<{ url: string; seen: (string | undefined)[]; close: () => Promise<void> }> {
    const seen: (string | undefined)[] = [];
    const server = http.createServer((req, res) => {
      seen.push(req.headers.authorization);
      res.writeHead(404).end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://127.0.0.1:${port}`,
      seen,
      close: () => new Promise((resolve) => server.close(() => resolve())),
    };
  }

  test('to the instance named only, in the form that host expects, and never to another host', async () => {
    const [gitlab, other] = [await recordingServer(), await recordingServer()];
    try {
      const env = {
        ...process.env,
        ...ISOLATED_GIT_ENV,
        GITLAB_TOKEN: 'glpat-planted-0123456789',
        GITHUB_TOKEN: 'ghp_planted0123456789',
        GITEA_TOKEN: 'gitea-planted-0123456789',
      };
      const services = gitServices(env, {
        cache: temporaryFolder(),
        hosts: { kind: HostKind.GITLAB, apiUrl: gitlab.url },
      });
      for (const server of [gitlab, other]) {
        await services.git.run(['ls-remote', '--', `${server.url}/group/gitops.git`], { okExitCodes: [128] });
      }
      const oauth2 = `Basic ${Buffer.from('oauth2:glpat-planted-0123456789').toString('base64')}`;
      expect(gitlab.seen).toContain(oauth2);
      expect(gitlab.seen.every((header) => header === oauth2)).toBe(true);
      expect(other.seen.length).toBeGreaterThan(0);
      expect(other.seen.every((header) => header === undefined)).toBe(true);
      for (const token of [env.GITLAB_TOKEN, env.GITHUB_TOKEN, env.GITEA_TOKEN]) {
        expect(services.git.redact(`x ${token} y`)).toBe('x *** y');
      }
    } finally {
      await Promise.all([gitlab.close(), other.close()]);
    }
  });
});
