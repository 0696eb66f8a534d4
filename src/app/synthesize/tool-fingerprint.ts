import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { ownPackage } from '../own-package';
import { compareStrings } from '../../core/model/order';

let fingerprintOfThisBuild: string | undefined;

/**
 * The identity of this build of the tool, which every render cache key starts with: its name and version, the
 * versions of cdk8s, cdk8s-plus and constructs, and the content of its own code (so a rebuilt tool never trusts
 * another's entries, whatever its version says).
 */
export function toolFingerprint(): string {
  if (fingerprintOfThisBuild) return fingerprintOfThisBuild;
  const code = createHash('sha1');
  const { manifest } = ownPackage();
  code.update(`${manifest.name}@${manifest.version}\n`);
  for (const name of ['cdk8s', 'cdk8s-plus-28', 'constructs']) {
    const { version } = JSON.parse(fs.readFileSync(require.resolve(`${name}/package.json`), 'utf8'));
    code.update(`${name}@${version}\n`);
  }
  // This file's folder is src/app/synthesize (or lib/src/app/synthesize): hash the code of src and imports beside it.
  const codeRoot = path.dirname(path.dirname(path.dirname(__dirname)));
  for (const folder of ['src', 'imports']) hashCode(path.join(codeRoot, folder), code);
  fingerprintOfThisBuild = code.digest('base64');
  return fingerprintOfThisBuild;
}

function hashCode(folder: string, code: ReturnType<typeof createHash>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => compareStrings(a.name, b.name))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) hashCode(file, code);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      code.update(`${entry.name}\n`).update(fs.readFileSync(file));
  }
}
