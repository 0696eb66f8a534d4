import { createHash } from 'crypto';
import { compareStrings } from '../../core/model/order';

/** The digest of a planned tree: which change a rollout carries (`sha256:` of every path and content, in order). */
export function planDigest(files: Readonly<Record<string, string>>): string {
  const hash = createHash('sha256');
  for (const path of Object.keys(files).sort(compareStrings)) {
    hash.update(`${path}\0${files[path]}\0`);
  }
  return `sha256:${hash.digest('hex')}`;
}
