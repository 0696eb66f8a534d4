import { execFileSync, spawnSync } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { dump, loadAll } from 'js-yaml';
import * as path from 'path';

/*
 * The measurements of the benchmark, each a whole process as a user runs it: `kalypso synth` (start-up, module load,
 * control-plane load, render, write), `cdk8s synth` of an app, and the baseline — the same objects as plain JavaScript
 * objects, dumped with js-yaml and written file by file with writeFileSync.
 */

/** The repository's root (this file runs from `test/bench/` under ts-node or `lib/test/bench/` once compiled). */
export const REPO_ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}lib${path.sep}`) ? '../../..' : '../..',
);

export interface ProcessMeasurement {
  /** Wall time from starting the process to its exit. */
  readonly seconds: number;
  /** Peak resident set size of the process. */
  readonly peakRssMb: number;
}

/** Runs a command to its end, timed, with its peak memory; fails with its output when it fails. */
export function measureProcess(
  command: string,
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv; readonly rssFile: string },
): ProcessMeasurement {
  settle();
  fs.rmSync(options.rssFile, { force: true });
  const start = performance.now();
  const result = spawnSync(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env, KALYPSO_BENCH_RSS_FILE: options.rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
  });
  const seconds = (performance.now() - start) / 1000;
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (exit ${result.status}): ${result.stderr?.toString()}`);
  }
  const rss = fs.existsSync(options.rssFile) ? Number(fs.readFileSync(options.rssFile, 'utf8')) : NaN;
  return { seconds, peakRssMb: rss };
}

/** `node --require rss-hook <script> …`: the hook reports the process's peak memory when it exits. */
export function nodeArgs(script: string, args: readonly string[]): string[] {
  return ['--require', rssHook(), script, ...args];
}

function rssHook(): string {
  return path.join(REPO_ROOT, 'test', 'bench', 'rss-hook.js');
}

/** `kalypso synth` as the command line runs it, from the built package (`npm run build`). */
export function measureKalypsoSynth(
  controlPlane: string,
  out: string,
  cache: string,
  rssFile: string,
  extra: readonly string[] = [],
  nodeFlags: readonly string[] = [],
): ProcessMeasurement {
  const bin = path.join(REPO_ROOT, 'bin', 'kalypso');
  const args = ['synth', '--quiet', '--control-plane', controlPlane, '--out', out, '--cache', cache, ...extra];
  return measureProcess(process.execPath, [...nodeFlags, ...nodeArgs(bin, args)], { rssFile });
}

/** Every file below `root`, leaving out the runs' state folder. */
export function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (child !== '.kalypso') walk(child);
      } else files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/**
 * The baseline: the objects of every output file loaded as plain JavaScript objects (not timed), then — timed — each
 * file's documents dumped with js-yaml (default options) joined by `---\n` and written with writeFileSync into a fresh
 * folder. Text files (README, env files) are written as they are.
 */
export function measureBaseline(tree: string, out: string): { seconds: number } {
  const files = listFiles(tree).map((file) => {
    const text = fs.readFileSync(path.join(tree, file), 'utf8');
    return { file, text, objects: file.endsWith('.yaml') ? loadAll(text) : undefined };
  });
  fs.rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const folders = new Set<string>();
  for (const { file, text, objects } of files) {
    const target = path.join(out, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    fs.writeFileSync(target, objects ? objects.map((object) => dump(object)).join('---\n') : text);
  }
  return { seconds: (performance.now() - start) / 1000 };
}

/** Writes dirty pages to disk, so a measurement does not pay for the writes of the step before it. */
export function settle(): void {
  try {
    execFileSync('sync');
  } catch {
    // no sync command: measure as it is
  }
}

/** Path → `inode:mtime` of every file below `root`, to see which files a run rewrote. */
export function fileIdentities(root: string): Map<string, string> {
  return new Map(
    listFiles(root).map((file) => {
      const stat = fs.statSync(path.join(root, file), { bigint: true });
      return [file, `${stat.ino}:${stat.mtimeNs}`];
    }),
  );
}

/** Path → hash of the content of every file below `root`. */
export function contentHashes(root: string): Map<string, string> {
  return new Map(
    listFiles(root).map((file) => [
      file,
      createHash('sha1')
        .update(fs.readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

export function changedKeys<T>(before: Map<string, T>, after: Map<string, T>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
