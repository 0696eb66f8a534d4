import * as fs from 'fs';
import * as path from 'path';
import { ManagedScope, WHOLE_TREE, managedFolders } from '../../core/layout/managed-tree';
import { CLUSTER_TYPE_README, PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { FileIdentity, TreeRecord, identityOf } from './tree-record';

/** The managed part of an environment folder as it is. */
export interface CurrentTree {
  /** Managed files and their content (symbolic links and other special files read as changed content). */
  readonly files: Map<string, string>;
  /** Top-level entries that are not managed: anything there means the folder is not only ours. */
  readonly unmanaged: string[];
}

/**
 * What an environment folder holds, as far as it was read: its top-level names, the Kalypso README of each folder
 * that has one, the files of some top-level entries, and the promoted-commit file. Read for one plan (its managed
 * folders) or, ahead of planning, for any plan (the folders holding Kalypso's README).
 */
export interface FolderSnapshot {
  /** Top-level names; empty when the folder does not exist. */
  readonly names: readonly string[];
  /** `<folder>/README.md` → content, for the top-level folders (not starting with a dot) that have one. */
  readonly readmes: ReadonlyMap<string, string>;
  /** Top-level entry → its files (paths relative to the environment folder), for the entries read. */
  readonly entries: ReadonlyMap<string, ReadonlyMap<string, string>>;
  /** Top-level entries that could not be read (read ahead only: reading them for a plan reports the error). */
  readonly unreadable: ReadonlySet<string>;
  /** Content of `.github/tracking/Promoted_Commit_Id`, when it is a readable file. */
  readonly promotedCommit?: string;
  /** Whether `.github` holds nothing but the promoted-commit file; undefined when there is no `.github` or it was not looked into. */
  readonly githubHoldsOnlyPromotedCommit?: boolean;
}

/**
 * The current files of the managed part of an environment folder (symbolic links read as changed content): the
 * folders of `clusterTypes`, folders holding Kalypso's cluster-type README, and the promoted-commit file, as far as
 * they are in `scope`; and what else the folder holds. An absent folder has no files.
 */
// Synchronous: a tree of tens of thousands of small files reads several times faster than with a promise per file.
export function readManagedFilesSync(
  envDir: string,
  clusterTypes: readonly string[],
  scope: ManagedScope = WHOLE_TREE,
): CurrentTree {
  const top = readFolderTop(envDir, { tolerant: false, checkGitHub: scope.ownsPromotedCommit });
  const entries = new Map<string, Map<string, string>>();
  for (const name of managedFolders(top.readmes, clusterTypes, scope)) entries.set(name, readEntry(envDir, name));
  return managedPart({ ...top, entries }, clusterTypes, scope)!;
}

/** What stands, in a tree read with a record, for a file whose identity is the recorded one: the marker and its hash. */
export const RECORDED = '\u0000recorded ';

/**
 * As `readManagedFilesSync`, but a file whose identity (see tree-record.ts) is the one `record` holds is not read: its
 * content is `RECORDED` followed by the recorded hash. Also gives the identity of every file seen.
 */
export function readManagedFilesWithRecord(
  envDir: string,
  clusterTypes: readonly string[],
  scope: ManagedScope,
  record: TreeRecord,
): CurrentTree & { readonly identities: Map<string, FileIdentity> } {
  const identities = new Map<string, FileIdentity>();
  const reader = recordReader(envDir, record, identities);
  const top = readFolderTop(envDir, { tolerant: false, checkGitHub: scope.ownsPromotedCommit });
  const entries = new Map<string, Map<string, string>>();
  for (const name of managedFolders(top.readmes, clusterTypes, scope))
    entries.set(name, readEntry(envDir, name, reader));
  return { ...managedPart({ ...top, entries }, clusterTypes, scope)!, identities };
}

/**
 * Reads a file of `envDir` whose identity is the one `record` holds as `RECORDED` and the recorded hash, any other as
 * text; puts the identity of each file in `identities`.
 */
export function recordReader(
  envDir: string,
  record: TreeRecord,
  identities: Map<string, FileIdentity>,
): ContentReader<string> {
  const prefix = envDir.length + 1;
  return {
    file: (absolute) => {
      const relative = absolute.slice(prefix).split(path.sep).join('/');
      const identity = identityOf(fs.lstatSync(absolute, { bigint: true }));
      identities.set(relative, identity);
      const recorded = record.get(relative);
      return recorded && recorded[0] === identity ? `${RECORDED}${recorded[1]}` : fs.readFileSync(absolute, 'utf8');
    },
    special: (marker) => marker,
  };
}

/** How file contents are read: as text, or otherwise (the read-ahead worker keeps bytes). */
export interface ContentReader<Content> {
  /** The content of a regular file. */
  readonly file: (absolute: string) => Content;
  /** What stands for an entry that is not a regular file or not a folder (so it never equals planned content). */
  readonly special: (marker: string) => Content;
}

const AS_TEXT: ContentReader<string> = {
  file: (absolute) => fs.readFileSync(absolute, 'utf8'),
  special: (marker) => marker,
};

/** A folder snapshot without its entries' files. */
export type FolderTop = Omit<FolderSnapshot, 'entries'>;

/**
 * Reads the top of an environment folder: names, READMEs, the promoted-commit file, and whether `.github` holds
 * only that (with `checkGitHub`). With `tolerant`, a `.github` that cannot be looked into is recorded as unreadable
 * instead of failing.
 */
export function readFolderTop(
  envDir: string,
  options: { readonly tolerant: boolean; readonly checkGitHub: boolean },
): FolderTop {
  let dirents: fs.Dirent[];
  try {
    dirents = fs.readdirSync(envDir, { withFileTypes: true });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { names: [], readmes: new Map(), unreadable: new Set() };
    throw e;
  }
  const names = dirents.map((dirent) => dirent.name);
  const readmes = new Map<string, string>();
  for (const dirent of dirents.filter((e) => e.isDirectory() && !e.name.startsWith('.'))) {
    try {
      readmes.set(
        `${dirent.name}/${CLUSTER_TYPE_README}`,
        fs.readFileSync(path.join(envDir, dirent.name, CLUSTER_TYPE_README), 'utf8'),
      );
    } catch {
      // not a cluster-type folder
    }
  }
  let promotedCommit: string | undefined;
  try {
    promotedCommit = fs.readFileSync(path.join(envDir, PROMOTED_COMMIT_FILE), 'utf8');
  } catch {
    // no promoted commit yet
  }
  const unreadable = new Set<string>();
  let githubHoldsOnlyPromotedCommit: boolean | undefined;
  if (options.checkGitHub && names.includes('.github')) {
    try {
      githubHoldsOnlyPromotedCommit = holdsOnly(
        path.join(envDir, '.github'),
        PROMOTED_COMMIT_FILE.slice('.github/'.length),
      );
    } catch (e) {
      if (!options.tolerant) throw e;
      unreadable.add('.github');
    }
  }
  return { names, readmes, unreadable, promotedCommit, githubHoldsOnlyPromotedCommit };
}

/** The files of a top-level entry of an environment folder, as paths relative to the folder (none when it is absent). */
export function readEntry<Content = string>(
  envDir: string,
  name: string,
  content: ContentReader<Content> = AS_TEXT as unknown as ContentReader<Content>,
): Map<string, Content> {
  const files = new Map<string, Content>();
  readTree(envDir, name, files, content);
  return files;
}

/**
 * The managed part of a snapshot for a plan with `clusterTypes`, in `scope`; undefined when the snapshot lacks a
 * part it needs (an entry it did not read, or could not).
 */
export function managedPart(
  snapshot: FolderSnapshot,
  clusterTypes: readonly string[],
  scope: ManagedScope = WHOLE_TREE,
): CurrentTree | undefined {
  const folders = managedFolders(snapshot.readmes, clusterTypes, scope);
  const files = new Map<string, string>();
  const present = new Set(snapshot.names);
  for (const folder of folders) {
    if (!present.has(folder)) continue;
    const entry = snapshot.entries.get(folder);
    if (!entry) return undefined;
    for (const [file, content] of entry) files.set(file, content);
  }
  if (scope.ownsPromotedCommit && snapshot.promotedCommit !== undefined)
    files.set(PROMOTED_COMMIT_FILE, snapshot.promotedCommit);
  const unmanaged = snapshot.names.filter((name) => !folders.has(name));
  if (!unmanaged.includes('.github')) return { files, unmanaged };
  if (!scope.ownsPromotedCommit) return { files, unmanaged };
  if (snapshot.githubHoldsOnlyPromotedCommit === undefined) return undefined;
  return {
    files,
    unmanaged: snapshot.githubHoldsOnlyPromotedCommit ? unmanaged.filter((name) => name !== '.github') : unmanaged,
  };
}

/** Whether `folder` holds nothing but the file at `relative` (and the folders leading to it). */
function holdsOnly(folder: string, relative: string): boolean {
  const [head, ...rest] = relative.split('/');
  const entries = fs.readdirSync(folder, { withFileTypes: true });
  if (entries.length !== 1 || entries[0].name !== head) return false;
  if (rest.length === 0) return entries[0].isFile();
  return entries[0].isDirectory() && holdsOnly(path.join(folder, head), rest.join('/'));
}

function readTree<Content>(
  root: string,
  relative: string,
  files: Map<string, Content>,
  content: ContentReader<Content>,
): void {
  let entries;
  try {
    entries = fs.readdirSync(path.join(root, relative), { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return;
    if (code === 'ENOTDIR') {
      files.set(`${relative}/`, content.special('\u0000not a folder'));
      return;
    }
    throw e;
  }
  for (const entry of entries) {
    const child = `${relative}/${entry.name}`;
    if (entry.isDirectory()) readTree(root, child, files, content);
    else if (entry.isFile()) files.set(child, content.file(path.join(root, child)));
    else files.set(child, content.special('\u0000not a regular file'));
  }
}
