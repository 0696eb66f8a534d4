import { createHash } from 'crypto';
import type { ObjectFormat } from './git-repository';

/** The id git gives a file's content (`git hash-object`): the hash of `blob <size>\0<content>`. */
export function gitBlobId(content: string | Buffer, format: ObjectFormat = 'sha1'): string {
  const data = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  return createHash(format).update(`blob ${data.length}\0`).update(data).digest('hex');
}
