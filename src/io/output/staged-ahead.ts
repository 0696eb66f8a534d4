import * as fsSync from 'fs';
import * as path from 'path';
import { FileIdentity, identityOf } from './tree-record';
import { isPlainRelativePath } from './write-journal';

/*
 * Files staged while the run renders (by the render workers, src/render/parallel/stage-rendered.ts), before the plan
 * is known to be free of errors. They go to the run's own staging folder, which only the journal's renames take from:
 * the writer uses a staged file only where the final plan writes that very file (the worker wrote the content the plan
 * holds for it), removes the others before any rename, and the folder is thrown away when nothing is written
 * (docs/explanation/reliability.md: nothing is written when the input has errors).
 */

/** What identifies a staged file on disk, as the worker read it. */
export interface StagedStat {
  readonly size: bigint;
  readonly ino: bigint;
  readonly mtimeNs: bigint;
}

/** Where one environment's files are staged ahead, and which were. */
export interface EnvironmentStagedAhead {
  /** The environment's folder in the staging folder. */
  readonly dir: string;
  /**
   * Whether to stage an assignment folder's files: only those of a cluster-type folder (or an environment) that does
   * not exist yet, where every planned file is new, so nothing staged is wasted unless its assignment fails.
   */
  stages(folder: string): boolean;
  staged(file: string, stat: StagedStat): void;
  /** Some files could not be staged: none staged ahead is used, the staging folder is emptied before writing. */
  abandon(): void;
}

/** The files staged ahead in a run's staging folder, per environment. */
export class StagedAhead {
  private readonly environments = new Map<string, Map<string, FileIdentity>>();
  /** Whether some files could not be staged (there may be files in the folder nobody was told of). */
  public abandoned = false;

  /** @param stagingDir the run's staging folder (absolute), not made until a file is staged */
  public constructor(
    private readonly outDir: string,
    public readonly stagingDir: string,
  ) {}

  public forEnvironment(environment: string): EnvironmentStagedAhead {
    let files = this.environments.get(environment);
    if (!files) {
      files = new Map();
      this.environments.set(environment, files);
    }
    const staged = files;
    const envDir = path.join(this.outDir, environment);
    const absent = new Map<string, boolean>();
    const exists = (target: string) => fsSync.lstatSync(target, { throwIfNoEntry: false }) !== undefined;
    const environmentAbsent = !exists(envDir);
    // The writer refuses a name that is not one folder inside the output folder; nothing is staged for it.
    const plain = isPlainRelativePath(environment) && !environment.includes('/');
    return {
      dir: path.join(this.stagingDir, plain ? environment : '_'),
      stages: (folder) => {
        if (!plain) return false;
        if (environmentAbsent) return true;
        const clusterType = folder.slice(0, folder.indexOf('/'));
        let isAbsent = absent.get(clusterType);
        if (isAbsent === undefined) {
          isAbsent = clusterType !== '' && !exists(path.join(envDir, clusterType));
          absent.set(clusterType, isAbsent);
        }
        return isAbsent;
      },
      staged: (file, stat) => staged.set(file, identityOf(stat as fsSync.BigIntStats)),
      abandon: () => {
        this.abandoned = true;
      },
    };
  }

  /** The files of `environment` staged ahead (taken: the writer then owns them), by path within its tree. */
  public take(environment: string): Map<string, FileIdentity> | undefined {
    const files = this.environments.get(environment);
    this.environments.delete(environment);
    return files;
  }

  /** Removes the folders of the environments staged ahead and not taken. */
  public discardUntaken(): void {
    for (const environment of this.environments.keys()) {
      fsSync.rmSync(path.join(this.stagingDir, environment), { recursive: true, force: true });
    }
    this.environments.clear();
  }

  /** Removes the staging folder with whatever is in it. */
  public discard(): void {
    this.environments.clear();
    fsSync.rmSync(this.stagingDir, { recursive: true, force: true });
  }
}

/**
 * Removes from `stagedDir` the files staged ahead that the plan does not write (their assignment failed a check made
 * after rendering), and the folders that leaves empty: a folder staged whole must hold only the plan's files.
 */
export function removeUnplanned(stagedDir: string, unplanned: Iterable<string>): void {
  const folders = new Set<string>();
  for (const file of unplanned) {
    fsSync.rmSync(path.join(stagedDir, file), { force: true });
    for (let folder = path.posix.dirname(file); folder !== '.'; folder = path.posix.dirname(folder))
      folders.add(folder);
  }
  // Deepest first, so a folder's emptied subfolders are gone before it is tried.
  for (const folder of [...folders].sort((a, b) => b.length - a.length)) {
    try {
      fsSync.rmdirSync(path.join(stagedDir, folder));
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOENT') throw e;
    }
  }
}
