import { FileFilter } from '../source/control-plane-source';
import { SOURCE_IGNORE_FILE } from '../source/source-ignore';
import { TreeEntry } from './git-repository';
import { compareStrings } from '../../core/model/order';

interface Folder {
  readonly files: Map<string, TreeEntry>;
  readonly folders: Map<string, Folder>;
}

const REGULAR_FILE_MODES = ['100644', '100755'];

/**
 * The files of a tree that `filter` lets through, visited exactly as `readFolder` visits a folder: names in sorted
 * order, `.sourceignore` handed to the filter before anything in its folder, folders only entered when the filter
 * allows, symbolic links and submodules skipped. `ignoreTexts` holds the text of each `.sourceignore` by path.
 * Paths in the result are relative to `root` (a folder of the tree, `''` for all of it).
 */
export function selectTreeFiles(
  entries: readonly TreeEntry[],
  filter: FileFilter,
  ignoreTexts: ReadonlyMap<string, string>,
  root = '',
): TreeEntry[] {
  const top: Folder = { files: new Map(), folders: new Map() };
  const prefix = root ? `${root}/` : '';
  for (const entry of entries) {
    if (entry.type !== 'blob' || !REGULAR_FILE_MODES.includes(entry.mode) || !entry.path.startsWith(prefix)) continue;
    const parts = entry.path.slice(prefix.length).split('/');
    let folder = top;
    for (const part of parts.slice(0, -1)) {
      let child = folder.folders.get(part);
      if (!child) {
        child = { files: new Map(), folders: new Map() };
        folder.folders.set(part, child);
      }
      folder = child;
    }
    folder.files.set(parts[parts.length - 1], entry);
  }

  const selected: TreeEntry[] = [];
  const walk = (folder: Folder, relative: string): void => {
    const ignore = folder.files.get(SOURCE_IGNORE_FILE);
    if (ignore && filter.ignoreFile) filter.ignoreFile(relative, ignoreTexts.get(ignore.path) ?? '');
    const names = [...folder.files.keys(), ...folder.folders.keys()].sort((a, b) => compareStrings(a, b));
    for (const name of names) {
      const child = relative ? `${relative}/${name}` : name;
      const subfolder = folder.folders.get(name);
      if (subfolder) {
        if (filter.folder(child)) walk(subfolder, child);
      } else if (filter.file(child)) {
        selected.push({ ...folder.files.get(name)!, path: child });
      }
    }
  };
  walk(top, '');
  return selected;
}

/** The `.sourceignore` files of a tree below `root`, whose text `selectTreeFiles` needs. */
export function sourceIgnoreEntries(entries: readonly TreeEntry[], root = ''): TreeEntry[] {
  const prefix = root ? `${root}/` : '';
  return entries.filter(
    (entry) =>
      entry.type === 'blob' &&
      entry.path.startsWith(prefix) &&
      (entry.path === SOURCE_IGNORE_FILE || entry.path.endsWith(`/${SOURCE_IGNORE_FILE}`)),
  );
}
