import { spawnSync } from 'child_process';
import * as path from 'path';
import { CliServices, main } from '../../src/cli/cli';
import { CliIO } from '../../src/cli/io';
import { ISOLATED_GIT_ENV } from './git';
import { GitHubServer, createTestOctokit } from './github-server';

export const ROOT = path.join(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/kalypso');

/** Runs a command line in-process, capturing what it prints; `terminal` sets what the command knows of its terminal. */
export async function runCli(
  argv: string[],
  cwd = ROOT,
  terminal: Pick<CliIO, 'env' | 'stderrIsTTY' | 'stdoutIsTTY'> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    ...terminal,
  });
  return { code, stdout, stderr };
}

/**
 * Runs a command line in-process as a user with no git configuration of their own and no GITHUB_TOKEN (unless `env`
 * sets one), with the given services (a test GitHub client, a clock).
 */
export async function runCliIsolated(
  argv: string[],
  options: { env?: Record<string, string | undefined>; services?: CliServices; cwd?: string } = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (text) => {
        stdout += text;
      },
      stderr: (text) => {
        stderr += text;
      },
      cwd: options.cwd ?? ROOT,
      env: { ...process.env, ...ISOLATED_GIT_ENV, GITHUB_TOKEN: undefined, ...options.env },
    },
    options.services ?? {},
  );
  return { code, stdout, stderr };
}

/** Runs the real `bin/kalypso` (compiled into lib/ by `npm run build`, which `npm test` runs first). */
export function runBin(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Services whose GitHub client talks to the fake server, as the command line's own would (retries, throttling),
 * checking that the command asked for it with `token` and the server's URL.
 */
export function fakeGitHubServices(server: GitHubServer, token: string): CliServices {
  return {
    createGitHubClient: async (options) => {
      expect(options).toEqual({ token, baseUrl: server.url });
      return createTestOctokit(server, { retry: true, throttle: true, auth: options.token });
    },
  };
}
