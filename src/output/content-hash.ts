import { hash } from 'crypto';

/** The hash the render cache records of a file's content (sha1, base64). */
export function contentHash(text: string): string {
  return hash('sha1', text, 'base64');
}
