import { contentHash, isWellFormed } from '../../core/plan/content-hash';
import { LazyContent, lazyFiles } from '../../core/plan/lazy-files';
import { RenderedAssignment } from '../../core/plan/render-job';

/*
 * A worker sends the files it rendered as UTF-8 bytes, all of a batch in one buffer that is moved to the main thread,
 * not copied (docs/explanation/performance.md): the worker encodes each file once, for its hash, for the file it
 * stages and for the render cache's pack; the main thread makes text of a file only when something reads it.
 */

/** A file as a worker sends it: where its bytes are in the batch's buffer, and their hash. */
export type EncodedFile = readonly [offset: number, length: number, hash: string];

/** A rendered assignment whose files are in the batch's buffer. */
export interface EncodedAssignment {
  readonly encoded: Readonly<Record<string, EncodedFile>>;
  readonly objects: RenderedAssignment['objects'];
  readonly failures: RenderedAssignment['failures'];
}

/** A batch's results: encoded, or (text that is not valid Unicode, which bytes would not give back) as they are. */
export interface EncodedBatch {
  readonly bytes: ArrayBuffer;
  readonly results: readonly (EncodedAssignment | RenderedAssignment)[];
}

/** The results of a batch with their files in one buffer; and each file's bytes, for staging. */
export function encodeResults(results: readonly RenderedAssignment[]): {
  batch: EncodedBatch;
  bytesOf: (index: number) => Readonly<Record<string, Buffer>> | undefined;
} {
  const encodable = results.map((result) => Object.values(result.files).every(isWellFormed));
  let size = 0;
  results.forEach((result, index) => {
    if (encodable[index]) for (const text of Object.values(result.files)) size += Buffer.byteLength(text);
  });
  const buffer = Buffer.allocUnsafeSlow(size);
  const fileBytes: (Record<string, Buffer> | undefined)[] = [];
  let offset = 0;
  const encoded = results.map((result, index): EncodedAssignment | RenderedAssignment => {
    if (!encodable[index]) {
      fileBytes.push(undefined);
      return result;
    }
    const files: Record<string, EncodedFile> = {};
    const bytes: Record<string, Buffer> = {};
    for (const [name, text] of Object.entries(result.files)) {
      const length = buffer.write(text, offset);
      bytes[name] = buffer.subarray(offset, offset + length);
      files[name] = [offset, length, contentHash(bytes[name])];
      offset += length;
    }
    fileBytes.push(bytes);
    return { encoded: files, objects: result.objects, failures: result.failures };
  });
  // (a buffer of its own, not from the pool: its whole ArrayBuffer is the batch's, to be moved)
  return { batch: { bytes: buffer.buffer as ArrayBuffer, results: encoded }, bytesOf: (index) => fileBytes[index] };
}

/** The results of a batch as the main thread uses them: each file's text made when it is first read. */
export function decodeResults(batch: EncodedBatch): RenderedAssignment[] {
  const buffer = Buffer.from(batch.bytes);
  return batch.results.map((result) => {
    if (!('encoded' in result)) return result;
    const files = Object.entries(result.encoded).map(
      ([name, [offset, length, hash]]) =>
        [name, new LazyContent(hash, () => buffer.subarray(offset, offset + length))] as const,
    );
    return { files: lazyFiles(files), objects: result.objects, failures: result.failures };
  });
}
