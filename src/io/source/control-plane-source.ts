/** A file of a branch: its path inside the branch (`/`-separated) and its bytes. */
export interface BranchFile {
  /** Path inside the branch, `/`-separated. */
  readonly path: string;
  /** The file's bytes. */
  readonly content: Buffer;
  /** The file's size when its content was not read because it is larger than `FileFilter.maxFileBytes`. */
  readonly size?: number;
}

/**
 * Where a control plane is read from: a folder of branches, or a git repository. Implementations only list and read;
 * deciding which files count (YAML, not ignored) is the loader's.
 */
export interface ControlPlaneSource {
  /** How files of this source are named in messages, e.g. the folder path. */
  readonly description: string;
  /** Names of the branches (or subfolders) available. */
  branches(): Promise<string[]>;
  /** Every file of a branch that the filter lets through; `filter` sees paths relative to the branch. */
  readBranch(branch: string, filter: FileFilter): Promise<BranchFile[]>;
  /**
   * Every file of the commit `commit` that the filter lets through, for a BaseRepo that pins `main` to a commit
   * (docs/explanation/scheduling-and-config.md#environments). Only sources that keep history (git) have it; throws
   * `RevisionNotFoundError` when the commit does not exist.
   */
  readCommit?(commit: string, filter: FileFilter): Promise<BranchFile[]>;
  /** Resolves a path written in the control plane (e.g. a WorkloadRegistration `repo`) to a local folder, if it is local. */
  resolveLocalPath(path: string): string | undefined;
}

/** Which folders and files of a branch the loader wants (YAML files outside ignored folders). */
export interface FileFilter {
  /** Whether to descend into a folder. */
  folder(path: string): boolean;
  /** Whether to read a file. */
  file(path: string): boolean;
  /** Called with `.sourceignore` contents found in a folder, before anything inside it is filtered. */
  ignoreFile?(folder: string, text: string): void;
  /** Files larger than this are listed with their `size` and empty content, never read into memory. */
  readonly maxFileBytes?: number;
}

/** A commit the control plane names (BaseRepo `commit`) that the source does not have. */
export class RevisionNotFoundError extends Error {}
