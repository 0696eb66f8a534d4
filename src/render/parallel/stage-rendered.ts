import * as fs from 'fs';
import { RenderedAssignment } from '../../core/plan/render-job';

/*
 * Worker threads write the files of the assignments they render into a staging folder the writer gave them, so that
 * a cold run's files are written while other assignments render, by every worker (docs/explanation/performance.md).
 * The staging folder is new and private to the run: the writer moves in only the staged files the final plan has, and
 * throws the folder away when nothing is written (src/io/output/write.ts).
 */

/** Where a renderer stages an environment's rendered files, and what it is told of each. */
export interface RenderStaging {
  /** The environment's staging folder (absolute); a file of folder `f` named `n` goes to `<dir>/<f>/<n>`. */
  readonly dir: string;
  /** Whether the files of the assignment folder (`<clusterType>/<deploymentTarget>`) are to be staged. */
  stages(folder: string): boolean;
  /** A file staged, by its path relative to `dir`, with what identifies it on disk. */
  staged(file: string, stat: StagedFileStat): void;
  /** Some files could not be staged (a full disk…): what was staged is not to be used; the writer writes it all. */
  abandon(): void;
}

/** What identifies a written file: a rename keeps all three. */
export interface StagedFileStat {
  readonly size: bigint;
  readonly ino: bigint;
  readonly mtimeNs: bigint;
}

/** What a worker was asked to stage of a batch: the staging folder, and each job's folder (none: not staged). */
export interface BatchStaging {
  readonly dir: string;
  readonly folders: readonly (string | undefined)[];
}

/** The files a worker staged of one job: name (within the job's folder) and stat; undefined when staging failed. */
export type StagedFiles = readonly (readonly [string, StagedFileStat])[] | undefined;

/**
 * `stageRendered`, or undefined when the file system refused (the writer then writes every file itself, and reports
 * the error in its own words if it persists).
 */
export function stageRenderedIfPossible(
  dir: string,
  folder: string,
  rendered: RenderedAssignment,
  bytes?: Readonly<Record<string, Buffer>>,
): StagedFiles {
  try {
    return stageRendered(dir, folder, rendered, bytes);
  } catch {
    return undefined;
  }
}

/**
 * Writes the files of `rendered` (their `bytes` when given) under `<dir>/<folder>/`: none when it failed (it will not
 * be in the plan) or when a name is not a plain relative path (the writer refuses such a plan). Returns what was
 * staged.
 */
export function stageRendered(
  dir: string,
  folder: string,
  rendered: RenderedAssignment,
  bytes?: Readonly<Record<string, Buffer>>,
): readonly (readonly [string, StagedFileStat])[] {
  const names = Object.keys(rendered.files);
  if (rendered.failures.length > 0 || !isPlainPath(folder) || !names.every(isPlainPath)) return [];
  const folderPath = `${dir}/${folder}`;
  const staged: [string, StagedFileStat][] = [];
  // Another worker may be making the same cluster-type folder: `recursive` takes one that exists.
  fs.mkdirSync(folderPath, { recursive: true });
  for (const name of names) {
    const slash = name.lastIndexOf('/');
    if (slash >= 0) fs.mkdirSync(`${folderPath}/${name.slice(0, slash)}`, { recursive: true });
    const descriptor = fs.openSync(`${folderPath}/${name}`, 'w');
    try {
      fs.writeFileSync(descriptor, bytes?.[name] ?? rendered.files[name]);
      const { size, ino, mtimeNs } = fs.fstatSync(descriptor, { bigint: true });
      staged.push([name, { size, ino, mtimeNs }]);
    } finally {
      fs.closeSync(descriptor);
    }
  }
  return staged;
}

/** Segments that are not empty, `.` or `..`, with no backslash or NUL: a path that stays inside its folder. */
function isPlainPath(value: string): boolean {
  if (value === '' || value.length > 4096 || value.includes('\\') || value.includes('\u0000')) return false;
  return value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');
}
