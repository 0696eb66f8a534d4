/*
 * Files whose content is read only when asked for, with the hash of that content known up front: what the render
 * cache gives back (docs/explanation/performance.md). A re-run compares those hashes with the tree record and reads
 * the content of only the files it must write. To everyone else such files are plain `path → content` records: the
 * content is read (once) when a property is read.
 */

/** Content not read yet, and its hash (`contentHash`). */
export interface LazyContent {
  readonly hash: string;
  /** The content; throws when it cannot be read as it was recorded. */
  readonly read: () => string;
}

/** Per record made here: the lazy content of each of its files (read or not). */
const lazyParts = new WeakMap<object, Map<string, LazyContent>>();

/** A `path → content` record of `entries`, where lazy content is read when its property is first read. */
export function lazyFiles(entries: Iterable<readonly [string, string | LazyContent]>): Record<string, string> {
  const files: Record<string, string> = {};
  const lazy = new Map<string, LazyContent>();
  for (const [file, content] of entries) {
    if (typeof content === 'string') {
      files[file] = content;
      continue;
    }
    const once = readOnce(content);
    lazy.set(file, once);
    Object.defineProperty(files, file, { enumerable: true, configurable: true, get: once.read });
  }
  if (lazy.size > 0) lazyParts.set(files, lazy);
  return files;
}

/** The lazy content of `file` in a record made by `lazyFiles` (copied on as it is, it is still read once). */
export function lazyContentOf(files: object, file: string): LazyContent | undefined {
  return lazyParts.get(files)?.get(file);
}

/** The hash of the content of `file` in a record made by `lazyFiles`, when it is known without reading it. */
export function knownContentHash(files: object, file: string): string | undefined {
  return lazyContentOf(files, file)?.hash;
}

const memoized = new WeakSet<LazyContent>();

function readOnce(content: LazyContent): LazyContent {
  if (memoized.has(content)) return content;
  let text: string | undefined;
  const once: LazyContent = {
    hash: content.hash,
    read: () => (text ??= content.read()),
  };
  memoized.add(once);
  return once;
}
