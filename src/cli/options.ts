import * as path from 'path';
import { parseArgs } from 'util';
import { RepositoryKind, classifyRepository } from '../io/git/git-refs';
import { Shard, parseShard } from '../core/plan/shard';
import { UsageError } from './exit';

/** Options every command that reads a control plane accepts. */
export interface ControlPlaneOptions {
  /** A folder of branches or a local git repository (resolved against the working folder), or a git URL. */
  readonly controlPlane: string;
  /** `--cache`: where remote repositories are mirrored (resolved); default under the user's cache folder. */
  readonly cache?: string;
  readonly environments: string[];
  readonly sources: Map<string, string>;
  readonly json: boolean;
  /** No progress indicator. */
  readonly quiet: boolean;
}

export const CONTROL_PLANE_FLAGS = {
  'control-plane': { type: 'string', short: 'c' },
  env: { type: 'string', short: 'e', multiple: true },
  source: { type: 'string', multiple: true },
  cache: { type: 'string' },
  json: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
} as const;

export const CONTROL_PLANE_HELP = `  -c, --control-plane PATH   the control plane: a folder of branches (main/, <env>/…), or a git repository
                             (a local repository or a URL; branches are read from git objects) [default: .]
  -e, --env NAME             only this environment (repeatable) [default: all]
      --source URL=PATH      read repository URL from local folder PATH (repeatable)
      --cache DIR            where git repositories are mirrored
                             [default: $XDG_CACHE_HOME/kalypso-cdk8s, or ~/.cache/kalypso-cdk8s]
      --json                 print the result as JSON (shapes in the README, "JSON output")
  -q, --quiet                no progress indicator (it only shows on a terminal, after a second)
  -h, --help                 show this help`;

/** Flags of the commands that render every assignment (`synth`, `validate`). */
export const RENDER_FLAGS = {
  jobs: { type: 'string', short: 'j' },
  shard: { type: 'string' },
} as const;

export const RENDER_HELP = `  -j, --jobs N               threads that render; large control planes render in N worker threads, and
                             an existing output tree is read ahead in a worker thread unless N is 1
                             [default: the free cores: those not busy with other processes while loading]
      --shard I/N            only the cluster types of shard I of N (1 ≤ I ≤ N), for one job of a CI matrix;
                             the N shards together write what one run writes`;

/** The rendering options of `RENDER_FLAGS`. */
export function renderOptions(values: Record<string, unknown>): { threads?: number; shard?: Shard } {
  let threads: number | undefined;
  if (values.jobs !== undefined) {
    threads = Number(values.jobs);
    if (!Number.isInteger(threads) || threads < 1)
      throw new UsageError(`--jobs takes a whole number of at least 1, got ${JSON.stringify(values.jobs)}`);
  }
  let shard: Shard | undefined;
  if (values.shard !== undefined) {
    shard = parseShard(values.shard as string);
    if (!shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4, got ${JSON.stringify(values.shard)}`);
  }
  return { threads, shard };
}

type FlagSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

/** Parses flags, turning Node's parse errors into usage errors. */
export function parseFlags(
  argv: readonly string[],
  flags: FlagSpec,
  allowPositionals = false,
): { values: Record<string, unknown>; positionals: string[] } {
  try {
    return parseArgs({ args: [...argv], options: flags, allowPositionals, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/^TypeError \[[A-Z_]+\]: /, ''));
  }
}

export function controlPlaneOptions(values: Record<string, unknown>, cwd: string): ControlPlaneOptions {
  const sources = new Map<string, string>();
  for (const spec of (values.source as string[] | undefined) ?? []) {
    const separator = spec.lastIndexOf('=');
    if (separator <= 0 || separator === spec.length - 1) {
      throw new UsageError(`--source takes URL=PATH, got ${JSON.stringify(spec)}`);
    }
    sources.set(spec.slice(0, separator), path.resolve(cwd, spec.slice(separator + 1)));
  }
  const controlPlane = (values['control-plane'] as string | undefined) ?? '.';
  const cache = values.cache as string | undefined;
  return {
    controlPlane:
      classifyRepository(controlPlane).kind === RepositoryKind.LOCAL_PATH
        ? path.resolve(cwd, controlPlane)
        : controlPlane,
    ...(cache !== undefined ? { cache: path.resolve(cwd, cache) } : {}),
    environments: (values.env as string[] | undefined) ?? [],
    sources,
    json: values.json === true,
    quiet: values.quiet === true,
  };
}
