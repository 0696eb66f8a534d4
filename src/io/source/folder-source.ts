import { promises as fs } from 'fs';
import * as path from 'path';
import { BranchFile, ControlPlaneSource, FileFilter } from './control-plane-source';
import { SOURCE_IGNORE_FILE } from './source-ignore';

/** Reads every file below `root` that the filter lets through, with `/`-separated relative paths, sorted. */
export async function readFolder(root: string, filter: FileFilter): Promise<BranchFile[]> {
  const files: BranchFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    const absolute = path.join(root, relative);
    const entries = await fs.readdir(absolute, { withFileTypes: true });
    const ignore = entries.find((entry) => entry.isFile() && entry.name === SOURCE_IGNORE_FILE);
    if (ignore && filter.ignoreFile)
      filter.ignoreFile(relative, await fs.readFile(path.join(absolute, ignore.name), 'utf8'));
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (filter.folder(child)) await walk(child);
      } else if (entry.isFile() && filter.file(child)) {
        const file = path.join(root, child);
        const { size } = await fs.stat(file);
        const tooLarge = filter.maxFileBytes !== undefined && size > filter.maxFileBytes;
        files.push(
          tooLarge
            ? { path: child, content: Buffer.alloc(0), size }
            : { path: child, content: await fs.readFile(file) },
        );
      }
    }
  };
  await walk('');
  return files;
}

/** A control plane kept as a folder of branches: `<root>/main/…`, `<root>/<branch>/…` (SPEC §2.1). */
export class FolderSource implements ControlPlaneSource {
  public readonly description: string;

  public constructor(private readonly root: string) {
    this.description = root;
  }

  public async branches(): Promise<string[]> {
    const entries = await fs.readdir(this.root, { withFileTypes: true });
    return entries
      .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
      .map((entry) => entry.name)
      .sort();
  }

  public readBranch(branch: string, filter: FileFilter): Promise<BranchFile[]> {
    return readFolder(path.join(this.root, branch), filter);
  }

  /** A folder inside the control-plane folder; paths leaving it are refused (undefined). */
  public resolveLocalPath(relative: string): string | undefined {
    const root = path.resolve(this.root);
    const resolved = path.resolve(root, relative);
    return resolved === root || resolved.startsWith(`${root}${path.sep}`) ? resolved : undefined;
  }
}
