import { createServer } from 'http';
import { AddressInfo } from 'net';
import * as fs from 'fs';
import * as path from 'path';
import { gitEnvironment } from '../../../src/io/git/git-environment';
import { GitError, GitRunner } from '../../../src/io/git/git-runner';
import { ISOLATED_GIT_ENV } from '../../support/git';
import { temporaryFolder } from '../../support/temp';

const TOKEN = 'ghp_PLANTEDrunnerTOKEN0123456789';

const runner = (props: Partial<ConstructorParameters<typeof GitRunner>[0]> = {}) =>
  new GitRunner({ env: gitEnvironment({ ...process.env, ...ISOLATED_GIT_ENV }), secrets: [TOKEN], ...props });

describe('GitRunner', () => {
  test('passes arguments to git as they are, never through a shell', async () => {
    const folder = temporaryFolder();
    const marker = path.join(folder, 'pwned');
    await expect(runner().run(['ls-remote', '--', `$(touch ${marker})`])).rejects.toThrow(GitError);
    await expect(runner().run(['ls-remote', '--', `;touch ${marker}`])).rejects.toThrow(GitError);
    expect(fs.existsSync(marker)).toBe(false);
  });

  test("fails with git's message, with secrets scrubbed", async () => {
    await expect(runner().run(['ls-remote', '--', `/nonexistent/${TOKEN}`])).rejects.toThrow(
      "git ls-remote failed: fatal: '/nonexistent/***' does not appear to be a git repository / fatal: Could not read from remote repository.",
    );
  });

  test('fails when a network command outlives its timeout', async () => {
    const silent = createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silent.unref();
    const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}/org/repo`;
    await expect(runner({ networkTimeoutMs: 300 }).run(['ls-remote', '--', url], { network: true })).rejects.toThrow(
      'git ls-remote timed out after 0 s',
    );
    silent.closeAllConnections();
    silent.close();
  });

  test('accepts the exit codes it is told to', async () => {
    const result = await runner().run(['ls-remote', '--', '/nonexistent'], { okExitCodes: [128] });
    expect(result.exitCode).toBe(128);
  });

  test('fails clearly when git cannot be started', async () => {
    await expect(runner({ gitBinary: '/nonexistent/git' }).run(['version'])).rejects.toThrow(
      /^cannot run git: spawn \/nonexistent\/git ENOENT$/,
    );
  });
});
