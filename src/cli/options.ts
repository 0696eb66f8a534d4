import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../app/errors';
import { resolveControlPlaneLocation } from '../app/setup/control-plane';
import { Shard, parseShard } from '../core/plan/shard';
import { FlagValues } from './flags/flag-declaration';
import { CONTROL_PLANE_FLAGS, RENDER_FLAGS } from './flags/shared-flags';

/** Where the control plane is, and where git mirrors repositories. */
export interface LocationOptions {
  /** A folder of branches or a local git repository (resolved against the working folder), or a git URL. */
  readonly controlPlane: string;
  /** `--cache`, resolved; default under the user's cache folder. */
  readonly cache?: string;
}

/** Options every command that reads a control plane accepts (`CONTROL_PLANE_FLAGS`), resolved. */
export interface ControlPlaneOptions extends LocationOptions {
  readonly environments: readonly string[];
  /** `--source`: repository URL → local folder (resolved). */
  readonly sources: ReadonlyMap<string, string>;
  readonly json: boolean;
  /** No progress indicator. */
  readonly quiet: boolean;
}

/** `--control-plane` and `--cache`, resolved against the working folder. */
export function locationOptions(
  flags: { readonly controlPlane: string; readonly cache?: string },
  cwd: string,
): LocationOptions {
  return {
    controlPlane: resolveControlPlaneLocation(flags.controlPlane, cwd),
    ...(flags.cache !== undefined ? { cache: path.resolve(cwd, flags.cache) } : {}),
  };
}

/** `CONTROL_PLANE_FLAGS`, resolved; a `--source` that is not URL=PATH is a usage error. */
export function controlPlaneOptions(flags: FlagValues<typeof CONTROL_PLANE_FLAGS>, cwd: string): ControlPlaneOptions {
  const sources = new Map<string, string>();
  for (const spec of flags.source) {
    const separator = spec.lastIndexOf('=');
    if (separator <= 0 || separator === spec.length - 1) {
      throw new UsageError(`--source takes URL=PATH, got ${JSON.stringify(spec)}`);
    }
    sources.set(spec.slice(0, separator), path.resolve(cwd, spec.slice(separator + 1)));
  }
  return {
    ...locationOptions(flags, cwd),
    environments: flags.env,
    sources,
    json: flags.json,
    quiet: flags.quiet,
  };
}

/**
 * The rendering options of `RENDER_FLAGS`. More `--jobs` than the machine has cores would only add threads that wait:
 * they are capped to the cores, with a warning.
 */
export function renderOptions(
  flags: Pick<FlagValues<typeof RENDER_FLAGS>, 'jobs' | 'shard'>,
  warn: (text: string) => void,
  cores = os.availableParallelism(),
): { threads?: number; shard?: Shard } {
  let threads: number | undefined;
  if (flags.jobs !== undefined) {
    threads = Number(flags.jobs);
    if (!Number.isInteger(threads) || threads < 1)
      throw new UsageError(`--jobs takes a whole number of at least 1, got ${JSON.stringify(flags.jobs)}`);
    if (threads > cores) {
      warn(`--jobs ${threads} is more than the ${cores} cores of this machine; rendering in ${cores} threads`);
      threads = cores;
    }
  }
  let shard: Shard | undefined;
  if (flags.shard !== undefined) {
    shard = parseShard(flags.shard);
    if (!shard) throw new UsageError(`--shard takes I/N with 1 ≤ I ≤ N, e.g. 2/4, got ${JSON.stringify(flags.shard)}`);
  }
  return { threads, shard };
}
