import * as fsSync from 'fs';
import { promises as fs } from 'fs';
import * as path from 'path';
import { BranchFile, ControlPlaneSource, FileFilter } from './control-plane-source';
import { MAX_SOURCE_IGNORE_BYTES, SOURCE_IGNORE_FILE } from './source-ignore';

/** Reads every file below `root` that the filter lets through, with `/`-separated relative paths, sorted. */
export async function readFolder(root: string, filter: FileFilter): Promise<BranchFile[]> {
  const files: BranchFile[] = [];
  const walk = async (relative: string): Promise<void> => {
    const absolute = path.join(root, relative);
    const entries = await fs.readdir(absolute, { withFileTypes: true });
    const ignore = entries.find((entry) => entry.isFile() && entry.name === SOURCE_IGNORE_FILE);
    if (ignore && filter.ignoreFile)
      filter.ignoreFile(relative, await readStart(path.join(absolute, ignore.name), MAX_SOURCE_IGNORE_BYTES + 1));
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

/** The first `bytes` bytes of a file as text (enough to tell that it is too large, without reading all of it). */
async function readStart(file: string, bytes: number): Promise<string> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead).toString('utf8');
  } finally {
    await handle.close();
  }
}

/** Whether `child` is `root` or inside it (both absolute and resolved). */
export function isInside(root: string, child: string): boolean {
  return child === root || child.startsWith(root.endsWith(path.sep) ? root : `${root}${path.sep}`);
}

/** The real path of `file` (symbolic links resolved), or undefined when it does not exist. */
export function realPathOf(file: string): string | undefined {
  try {
    return fsSync.realpathSync(file);
  } catch {
    return undefined;
  }
}

/** A control plane kept as a folder of branches: `<root>/main/…`, `<root>/<branch>/…` (docs/reference/control-plane-sources.md). */
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

  /**
   * A folder inside the control-plane folder, symbolic links resolved; paths leaving it, written so or through a
   * symbolic link, are refused (undefined), and so is anything but a folder.
   */
  public resolveLocalPath(relative: string): string | undefined {
    const root = realPathOf(this.root);
    if (!root) return undefined;
    const resolved = path.resolve(root, relative);
    if (!isInside(root, resolved)) return undefined;
    const real = realPathOf(resolved);
    if (!real || !isInside(root, real)) return undefined;
    return fsSync.statSync(real).isDirectory() ? real : undefined;
  }
}
