import { BinaryLike, hash } from 'crypto';

/**
 * The hash the render cache records of a file's content (sha1, base64): of its text, or of its bytes, which is the
 * same for valid UTF-8.
 */
export function contentHash(text: BinaryLike): string {
  return hash('sha1', text, 'base64');
}

/** Whether `text` is valid Unicode (no lone surrogate), so that its UTF-8 bytes give it back as it is. */
export function isWellFormed(text: string): boolean {
  return (text as unknown as { isWellFormed(): boolean }).isWellFormed();
}
