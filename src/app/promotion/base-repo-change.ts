import { BASE_REPO_FILE, baseRepoDocument } from './base-repo-file';

/** The BaseRepo `main` found on an environment's branch. */
export interface ExistingBaseRepo {
  /** Path of its file inside the branch. */
  readonly file: string;
  /** Its `spec.commit` (empty when it pins nothing). */
  readonly commit: string;
  /** How many YAML documents that file holds. */
  readonly documentsInFile: number;
}

export interface BaseRepoChangeInput {
  /** The `main` commit to promote. */
  readonly commit: string;
  /** The control plane's repository, for `spec.repo`. */
  readonly repo: string;
  /** Every BaseRepo `main` of the branch (normally one, or none). */
  readonly existing: readonly ExistingBaseRepo[];
  /** Paths of the branch's files (to avoid overwriting another file named `base-repo.yaml`). */
  readonly files: ReadonlySet<string>;
}

/** What a promotion does to the environment's branch. */
export type BaseRepoChange =
  /** The branch already pins this commit: nothing is written. */
  | { readonly kind: 'unchanged'; readonly file: string }
  /** `content` replaces (or creates) `file`. */
  | { readonly kind: 'write'; readonly file: string; readonly content: string; readonly previousCommit?: string }
  /** The branch cannot be changed safely; `reason` says why and `file` where. */
  | { readonly kind: 'refused'; readonly file: string; readonly reason: string };

/**
 * Decides how to pin `main` to a commit on an environment's branch (pure): the file holding the BaseRepo `main` is
 * rewritten in upstream's format — unless it already pins the commit (a second promotion changes nothing) or shares
 * its file with other objects — and `base-repo.yaml` is created when there is none.
 */
export function planBaseRepoChange({ commit, repo, existing, files }: BaseRepoChangeInput): BaseRepoChange {
  const content = baseRepoDocument({ repo, commit });
  if (existing.length > 1) {
    return {
      kind: 'refused',
      file: existing[1].file,
      reason: `BaseRepo "main" is declared ${existing.length} times (${existing.map((e) => e.file).join(', ')}); keep one`,
    };
  }
  const [current] = existing;
  if (!current) {
    if (files.has(BASE_REPO_FILE)) {
      return {
        kind: 'refused',
        file: BASE_REPO_FILE,
        reason: `${BASE_REPO_FILE} exists and holds no BaseRepo "main"; it is not overwritten`,
      };
    }
    return { kind: 'write', file: BASE_REPO_FILE, content };
  }
  if (current.commit.toLowerCase() === commit.toLowerCase()) return { kind: 'unchanged', file: current.file };
  if (current.documentsInFile > 1) {
    return {
      kind: 'refused',
      file: current.file,
      reason: `BaseRepo "main" shares ${current.file} with other objects; move it to a file of its own so that promotion can rewrite it`,
    };
  }
  return { kind: 'write', file: current.file, content, ...(current.commit ? { previousCommit: current.commit } : {}) };
}
