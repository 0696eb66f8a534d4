/*
 * Files whose content is read only when asked for, with the hash of that content known up front: what the render
 * cache gives back (docs/explanation/performance.md). A re-run compares those hashes with the tree record and reads
 * the content of only the files it must write. To everyone else such files are plain `path → content` records: the
 * content is read (once) when a property is read.
 */

/**
 * Content read when first asked for (then kept as text), and its hash (`contentHash`), known before. It is loaded as
 * its UTF-8 bytes, which a writer can write as they are, without making text of them.
 */
export class LazyContent {
  private text: string | undefined;

  public constructor(
    public readonly hash: string,
    /** Loads the content's bytes (valid UTF-8); throws when they cannot be loaded as they were recorded. */
    private load: () => Buffer,
  ) {}

  /** Loads the same bytes from elsewhere from now on (where they were kept, so that what held them can go). */
  public relocate(load: () => Buffer): void {
    this.load = load;
  }

  public read(): string {
    return (this.text ??= this.load().toString('utf8'));
  }

  /** The content's UTF-8 bytes. */
  public bytes(): Buffer {
    return this.text === undefined ? this.load() : Buffer.from(this.text);
  }
}

/** Per record made here: the lazy content of each of its files (read or not). */
const lazyParts = new WeakMap<object, Map<string, LazyContent>>();

/** A `path → content` record of `entries`, where lazy content is read when its property is first read. */
export function lazyFiles(entries: Iterable<readonly [string, string | LazyContent]>): Record<string, string> {
  const files: Record<string, string> = {};
  let lazy: Map<string, LazyContent> | undefined;
  for (const [file, content] of entries) {
    if (typeof content === 'string') {
      files[file] = content;
      continue;
    }
    (lazy ??= new Map()).set(file, content);
    Object.defineProperty(files, file, { enumerable: true, configurable: true, get: () => content.read() });
  }
  if (lazy) lazyParts.set(files, lazy);
  return files;
}

/**
 * The lazy content of the files of a record made by `lazyFiles` (copied on into another record, each is still read
 * once); undefined when it has none.
 */
export function lazyContents(files: object): ReadonlyMap<string, LazyContent> | undefined {
  return lazyParts.get(files);
}

/** The bytes of `file` in a record made by `lazyFiles`: its lazy content's as loaded, else its text encoded. */
export function contentBytes(files: Readonly<Record<string, string>>, file: string): Buffer {
  return lazyParts.get(files)?.get(file)?.bytes() ?? Buffer.from(files[file]);
}

/** The hash of the content of `file` in a record made by `lazyFiles`, when it is known without reading it. */
export function knownContentHash(files: object, file: string): string | undefined {
  return lazyParts.get(files)?.get(file)?.hash;
}
