import * as fs from 'fs';
import * as path from 'path';

/** What this package's package.json says, as far as the tool reads it. */
export interface OwnManifest {
  readonly name: string;
  readonly version: string;
  readonly dependencies?: Readonly<Record<string, string>>;
  readonly devDependencies?: Readonly<Record<string, string>>;
  readonly peerDependencies?: Readonly<Record<string, string>>;
}

let found: { readonly root: string; readonly manifest: OwnManifest } | undefined;

/** kalypso-cdk8s's own folder (the one holding its package.json) and manifest, wherever it is installed. */
export function ownPackage(): { readonly root: string; readonly manifest: OwnManifest } {
  if (found) return found;
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const manifest = JSON.parse(fs.readFileSync(candidate, 'utf8')) as OwnManifest;
      if (manifest.name === 'kalypso-cdk8s') return (found = { root: dir, manifest });
    }
    if (path.dirname(dir) === dir) throw new Error(`no package.json of kalypso-cdk8s above ${__dirname}`);
  }
}
