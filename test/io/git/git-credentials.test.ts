import { createServer, IncomingHttpHeaders, Server } from 'http';
import { AddressInfo } from 'net';
import * as fs from 'fs';
import * as path from 'path';
import { GitCache } from '../../../src/io/git/git-cache';
import { GitRunner } from '../../../src/io/git/git-runner';
import { testGitRunner } from '../../support/git';
import { temporaryFolder } from '../../support/temp';

const TOKEN = 'ghp_PLANTEDgitTOKEN0123456789abcdef';

/** An HTTP server that records the headers of each request and answers 404 (no such repository) or another status. */
async function recordingServer(status = 404): Promise<{ server: Server; url: string; headers: IncomingHttpHeaders[] }> {
  const headers: IncomingHttpHeaders[] = [];
  const server = createServer((req, res) => {
    headers.push(req.headers);
    res.writeHead(status, status === 401 ? { 'www-authenticate': 'Basic realm="git"' } : {}).end('no');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  server.unref();
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, headers };
}

/** A runner that records every argument list it runs. */
function recording(runner: GitRunner): string[][] {
  const args: string[][] = [];
  const run = runner.run.bind(runner);
  runner.run = (argv, options) => {
    args.push([...argv]);
    return run(argv, options);
  };
  return args;
}

describe('git credentials', () => {
  test('send GITHUB_TOKEN to the GitHub host only, as a header, never in arguments, messages or the cache', async () => {
    // GIVEN a "GitHub" host that gets the token and another host that must not
    const github = await recordingServer();
    const other = await recordingServer();
    const runner = testGitRunner({ token: TOKEN, tokenUrls: [`${github.url}/`] });
    const args = recording(runner);
    const cache = new GitCache(temporaryFolder(), runner);
    // WHEN both are fetched from (and fail, having no repository)
    const errors = await Promise.all(
      [`${github.url}/org/repo`, `${other.url}/org/repo`].map((url) =>
        cache.mirror(url).then(
          () => undefined,
          (e: Error) => e.message,
        ),
      ),
    );
    // THEN
    expect(github.headers.length).toBeGreaterThan(0);
    expect(
      github.headers.every(
        (headers) => headers.authorization === `Basic ${Buffer.from(`x-access-token:${TOKEN}`).toString('base64')}`,
      ),
    ).toBe(true);
    expect(other.headers.length).toBeGreaterThan(0);
    expect(other.headers.some((headers) => headers.authorization !== undefined)).toBe(false);
    expect(errors).toEqual([
      expect.stringMatching(/^cannot fetch http:\/\/127\.0\.0\.1:\d+\/org\/repo: /),
      expect.stringMatching(/^cannot fetch /),
    ]);
    for (const text of [...errors, JSON.stringify(args)]) {
      expect(text).not.toContain(TOKEN);
      expect(text).not.toContain(Buffer.from(`x-access-token:${TOKEN}`).toString('base64'));
    }
    const files: string[] = [];
    const walk = (dir: string) =>
      fs
        .readdirSync(dir, { withFileTypes: true })
        .forEach((entry) =>
          entry.isDirectory() ? walk(path.join(dir, entry.name)) : files.push(path.join(dir, entry.name)),
        );
    walk(cache.root);
    expect(files.length).toBeGreaterThan(0);
    expect(
      files.filter(
        (file) =>
          fs.readFileSync(file, 'latin1').includes(Buffer.from(`x-access-token:${TOKEN}`).toString('base64')) ||
          fs.readFileSync(file, 'latin1').includes(TOKEN),
      ),
    ).toEqual([]);
    github.server.close();
    other.server.close();
  });

  test('never prompt for a password', async () => {
    const host = await recordingServer(401);
    const runner = testGitRunner();
    const started = Date.now();
    await expect(new GitCache(temporaryFolder(), runner).remoteBranches(`${host.url}/org/repo`)).rejects.toThrow(
      /^cannot list the branches of http:\/\/127\.0\.0\.1:\d+\/org\/repo: .*terminal prompts disabled/,
    );
    expect(Date.now() - started).toBeLessThan(10_000);
    host.server.close();
  });
});
