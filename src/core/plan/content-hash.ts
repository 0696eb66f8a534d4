import { BinaryLike, hash } from 'crypto';

/**
 * The hash the render cache records of a file's content (sha1, base64): of its text, or of its bytes, which is the
 * same for valid UTF-8.
 */
export function contentHash(text: BinaryLike): string {
  return hash('sha1', text, 'base64');
}
