import { spawnSync } from 'child_process';
import * as path from 'path';
import { main } from '../../src/cli/cli';
import { CliIO } from '../../src/cli/io';

export const ROOT = path.join(__dirname, '../..');
export const BIN = path.join(ROOT, 'bin/kalypso');

/** Runs a command line in-process, capturing what it prints; `terminal` sets what the command knows of its terminal. */
export async function runCli(
  argv: string[], cwd = ROOT, terminal: Pick<CliIO, 'env' | 'stderrIsTTY' | 'stdoutIsTTY'> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { stdout: (t) => { stdout += t; }, stderr: (t) => { stderr += t; }, cwd, ...terminal });
  return { code, stdout, stderr };
}

/** Runs the real `bin/kalypso` (compiled into lib/ by `npm run build`, which `npm test` runs first). */
export function runBin(argv: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}) {
  const result = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: options.cwd ?? ROOT, env: { ...process.env, ...options.env }, encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
