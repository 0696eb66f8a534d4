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

/** Every file below `root` as relative path → content (sorted), for comparing trees. */
export function readTree(root: string): Record<string, string> {
  const files: Record<string, string> = {};
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) walk(child);
      else files[child] = fs.readFileSync(path.join(root, child), 'utf8');
    }
  };
  if (fs.existsSync(root)) walk('');
  return Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1)));
}

/** The tree `synth` wrote below `out`, without the runs' state folder (lock, journal, render cache). */
export function readOutputTree(out: string): Record<string, string> {
  return Object.fromEntries(Object.entries(readTree(out)).filter(([file]) => !file.startsWith('.kalypso/')));
}

/** Copies a folder recursively. */
export function copyFolder(from: string, to: string): void {
  fs.cpSync(from, to, { recursive: true });
}
