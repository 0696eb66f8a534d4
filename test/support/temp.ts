import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const created: string[] = [];
afterAll(() => {
  for (const folder of created.splice(0)) fs.rmSync(folder, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test file. */
export function temporaryFolder(prefix = 'kalypso-test-'): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  created.push(folder);
  return folder;
}

/** Writes `files` (relative path → content) below `root`. */
export function writeFiles(root: string, files: Record<string, string | Buffer>): void {
  for (const [relative, content] of Object.entries(files)) {
    const file = path.join(root, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Every file below `folder` as relative path → bytes. */
export function folderFiles(folder: string): Record<string, Buffer> {
  const files: Record<string, Buffer> = {};
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(folder, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files[child] = fs.readFileSync(path.join(folder, child));
    }
  };
  walk('');
  return files;
}

/** Every file below `root` as relative path → content (sorted), for comparing trees; none when it does not exist. */
export function readTree(root: string): Record<string, string> {
  if (!fs.existsSync(root)) return {};
  return Object.fromEntries(
    Object.entries(folderFiles(root))
      .map(([file, content]) => [file, content.toString('utf8')] as const)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );
}

/** The tree `synth` wrote below `out`, without the runs' state folder (lock, journal, render cache). */
export function readOutputTree(out: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readTree(out)).filter(([file]) => !file.startsWith('.kalypso/')));
}

/** Copies a folder recursively. */
export function copyFolder(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
