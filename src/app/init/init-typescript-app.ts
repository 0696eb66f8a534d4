import * as path from 'path';
import { ownPackage } from '../own-package';
import { writeStarter } from './init-control-plane';
import { typescriptStarterFiles } from './typescript-starter';

/** How `kalypso init --typescript` writes the app. */
export interface InitTypeScriptOptions {
  /**
   * How the app's package.json names kalypso-cdk8s, e.g. `file:../kalypso-cdk8s-0.1.0.tgz`.
   * @default "^<this version>"
   */
  readonly kalypsoCdk8s?: string;
}

/**
 * Writes a ready cdk8s TypeScript app into `root` (new or empty): a small control plane defined in code, main.ts with a
 * KalypsoApp, cdk8s.yaml and a Jest snapshot test; the versions of cdk8s, Jest and TypeScript are the ones this
 * package is built and tested with. Returns the files written, relative to `root`, sorted.
 */
export async function initTypeScriptApp(root: string, options: InitTypeScriptOptions = {}): Promise<string[]> {
  const { manifest } = ownPackage();
  const files = typescriptStarterFiles({
    name:
      path
        .basename(root)
        .toLowerCase()
        .replace(/[^a-z0-9-]+/g, '-') || 'platform',
    kalypsoCdk8s: options.kalypsoCdk8s ?? `^${manifest.version}`,
    versions: { ...manifest.devDependencies, ...manifest.dependencies },
  });
  return writeStarter(root, files);
}
