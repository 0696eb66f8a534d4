import { promises as fs } from 'fs';
import * as path from 'path';
import { UsageError } from './exit';

/** Which existing tree each environment is compared with (`kalypso diff --against`). */
export interface AgainstTrees {
  /** `--against DIR`: environment E is compared with `DIR/E/` (the layout `kalypso synth --out DIR` writes). */
  readonly outFolder?: string;
  /** `--against ENV=DIR`: environment ENV is compared with DIR itself (a checkout of ENV's platform GitOps branch). */
  readonly perEnvironment: ReadonlyMap<string, string>;
}

/**
 * Parses `--against` values: `ENV=DIR` when the text before the first `=` is a name (no `/`), else a folder laid out
 * like `synth --out`. At most one such folder.
 */
export function parseAgainst(values: readonly string[], cwd: string): AgainstTrees {
  let outFolder: string | undefined;
  const perEnvironment = new Map<string, string>();
  for (const value of values) {
    const separator = value.indexOf('=');
    const name = separator > 0 ? value.slice(0, separator) : '';
    if (name !== '' && !name.includes('/') && !name.includes(path.sep)) {
      if (separator === value.length - 1) throw new UsageError(`--against ${value} names no folder`);
      perEnvironment.set(name, path.resolve(cwd, value.slice(separator + 1)));
    } else if (outFolder !== undefined) {
      throw new UsageError('--against DIR may be given once; use --against ENV=DIR to compare one environment with a folder of its own');
    } else {
      outFolder = path.resolve(cwd, value);
    }
  }
  return { outFolder, perEnvironment };
}

/** The folder environment `environment` is compared with, or undefined when `--against` names none for it. */
export function againstFolder(trees: AgainstTrees, environment: string): string | undefined {
  return trees.perEnvironment.get(environment) ?? (trees.outFolder ? path.join(trees.outFolder, environment) : undefined);
}

/** Refuses a folder that does not exist (a typo would otherwise show every file as added). */
export async function checkFolderExists(folder: string): Promise<void> {
  try {
    if ((await fs.stat(folder)).isDirectory()) return;
  } catch {
    // reported below
  }
  throw new UsageError(`--against ${folder}: no such folder`);
}
