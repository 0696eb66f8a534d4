import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../../core/layout/names';
import { contentHash, isWellFormed } from '../../core/plan/content-hash';
import { EmittedObject } from '../../core/plan/emitted-objects';
import { LazyContent, lazyContents, lazyFiles } from '../../core/plan/lazy-files';
import { RenderedAssignment } from '../../core/plan/render-job';
import {
  ContentLocation,
  PackName,
  PackSet,
  PackWriter,
  isContentLocation,
  removeUnusedPacks,
  writeParts,
} from './content-pack';

/*
 * What each assignment rendered last time, so a run whose input did not change renders nothing. An entry is keyed by a
 * hash of everything the assignment's files depend on — the tool (its version and its code) and the job's identity:
 * construct path, renderer names and the text of the Templates among them, context, and the config sources its config
 * is composed from (so a run whose input did not change does not even compose configs) — and holds, for each file, the
 * hash of its content and where that content is, and the objects in the files.
 *
 * The cache lives outside the output folder (`cdk8s synth` deletes that folder before every run), in the cache folder
 * of the tool, one folder per output folder and one index file per environment (and shard), with a folder of packs
 * holding the contents (content-pack.ts). A hit reads only the index: the content of a file is read when it must be
 * written (see docs/explanation/performance.md), and checked against its hash. An index that does not parse, fails its
 * checksum, or comes from another build of the tool, an entry of the wrong shape, and a pack that is missing or not
 * the one written are ignored: the cache can only ever save work, never name a path or change what is written. Each
 * run writes a new index holding exactly its own assignments, and a pack of only what it rendered.
 */

const FORMAT = 'kalypso-render-cache/3';
/** The folder of render caches inside the tool's cache folder. */
export const RENDER_CACHE_DIR = 'render';
/** Packs kept at most: more are merged into the next one written. */
const MAX_PACKS = 8;

/** The files an assignment folder may hold: an entry naming another is not trusted. */
const ASSIGNMENT_FILES = new Set([
  NAMESPACE_FILE,
  RECONCILER_FILE,
  `${PLATFORM_CONFIG_FILE}.yaml`,
  `${PLATFORM_CONFIG_FILE}.sh`,
]);

/** Where the content of each file an assignment rendered is (name → location), and the objects in the files. */
interface Entry {
  readonly files: Readonly<Record<string, ContentLocation>>;
  readonly objects: readonly EmittedObject[];
}

/*
 * The index is JSON lines: a header `{"format", "fingerprint", "packs"}` (the table of packs entries refer to by
 * place: name and identity, or null), one `[key, entry]` line per entry, and a trailer `{"entries", "checksum"}` with
 * the count and the sha1 of the entry lines (each with its line break), so it is written and read a line at a time.
 */
interface Header {
  readonly format: string;
  readonly fingerprint: string;
  readonly packs: readonly (PackName | null)[];
}

interface Trailer {
  readonly entries: number;
  readonly checksum: string;
}

/** The cache key of a job: a hash of the tool and of the job's identity (`RenderJobList.identity`). */
export function renderCacheKey(fingerprint: string, identity: string): string {
  return contentHash(`${fingerprint}\u0000${identity}`);
}

/**
 * The render cache file of the output folder `outDir`'s environment `name` (`<environment>` or
 * `<environment>.shard-<i>-of-<n>`) inside the tool's cache folder `cacheRoot`.
 */
export function renderCacheFile(cacheRoot: string, outDir: string, name: string): string {
  return path.join(renderCacheFolder(cacheRoot, outDir), `${name}.json`);
}

/** The folder of the render caches (and tree records) of the output folder `outDir`. */
export function renderCacheFolder(cacheRoot: string, outDir: string): string {
  const folder = createHash('sha256').update(path.resolve(outDir)).digest('hex').slice(0, 16);
  return path.join(cacheRoot, RENDER_CACHE_DIR, folder);
}

/** The record of what a run wrote to an environment's tree (see src/io/output/tree-record.ts), beside its cache. */
export function treeRecordFile(cacheRoot: string, outDir: string, name: string): string {
  return path.join(renderCacheFolder(cacheRoot, outDir), `${name}.tree.json`);
}

/** The render cache of one environment's tree. */
export class RenderCache {
  /** Opens the cache kept in `file` (an empty one when there is none or it cannot be trusted). */
  public static open(file: string, fingerprint: string): RenderCache {
    const read = readEntries(file, fingerprint);
    return new RenderCache(file, fingerprint, read);
  }

  /** The entries of this run: rendered now, or found (then kept as the bytes of their line, written back as they are). */
  private readonly kept = new Map<string, Kept>();
  private stored = 0;
  /** This run's pack, when contents went into it as they were stored. */
  private streaming: PackWriter | undefined;
  /** Entries found this run. */
  public hits = 0;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly read: ReadEntries,
  ) {}

  /** What the job with this key rendered last time, if it is in the cache (its files read when first asked for). */
  public lookup(key: string): RenderedAssignment | undefined {
    const { entries, packs } = this.read;
    const entry = entries.get(key);
    if (!entry) return undefined;
    const contents: [string, LazyContent][] = [];
    for (const name in entry.files) {
      const location = entry.files[name];
      if (!packs.holds(location)) return undefined;
      contents.push([name, new LazyContent(location[0], () => this.readContent(location))]);
    }
    this.kept.set(key, { entry, line: entries.line?.(key) });
    this.hits++;
    return { files: lazyFiles(contents), objects: entry.objects, failures: [] };
  }

  /**
   * Remembers what a job rendered (when it rendered without failures). Contents a worker thread sent as bytes go into
   * this run's pack at once, and are read from there from now on: the run does not hold them until it saves.
   */
  public store(key: string, rendered: RenderedAssignment): void {
    if (rendered.failures.length > 0) return;
    const names = Object.keys(rendered.files);
    const contents = lazyContents(rendered.files);
    if (contents && names.every((name) => contents.has(name))) {
      const writer = this.streamingWriter();
      const files: Record<string, ContentLocation> = {};
      for (const name of names) {
        const content = contents.get(name)!;
        const location = writer.add(content.hash, content.bytes());
        files[name] = location;
        content.relocate(() => writer.read(location[2], location[3]));
      }
      this.stored++;
      // Its index line is made now, while worker threads render, rather than when saving at the end of the run.
      this.kept.set(key, { written: Buffer.from(`${JSON.stringify([key, { files, objects: rendered.objects }])}\n`) });
      return;
    }
    // Text that is not valid Unicode would not come back as it was from its bytes.
    if (!names.every((name) => isWellFormed(rendered.files[name]))) return;
    this.stored++;
    this.kept.set(key, { rendered });
  }

  /**
   * Writes the entries of this run (and only those): a pack of the contents rendered now, and the index, replacing
   * its file in one rename; nothing when they are exactly the entries read (a re-run without changes). Packs little
   * of which is still used are copied into the new one and removed, so the cache stays within twice what it holds.
   */
  public save(): void {
    const { entries, packs, complete } = this.read;
    if (complete && this.stored === 0 && this.kept.size === entries.size) return;
    const folder = packFolder(this.file);
    const { moved, dropped, place } = this.packsToMove();
    const writer = this.streaming ?? new PackWriter(folder, place);
    const lines: (string | Buffer)[] = [];
    for (const [key, kept] of this.kept) {
      if ('rendered' in kept) {
        const files: Record<string, ContentLocation> = {};
        for (const [name, content] of Object.entries(kept.rendered.files)) {
          files[name] = writer.add(contentHash(content), content);
        }
        lines.push(`${JSON.stringify([key, { files, objects: kept.rendered.objects }])}\n`);
      } else if ('written' in kept) {
        lines.push(kept.written);
      } else if (kept.line && !Object.values(kept.entry.files).some(([, pack]) => moved.has(pack))) {
        lines.push(kept.line);
      } else {
        const files: Record<string, ContentLocation> = {};
        for (const [name, location] of Object.entries(kept.entry.files)) {
          files[name] = moved.has(location[1]) ? writer.add(location[0], packs.bytes(location)) : location;
        }
        lines.push(`${JSON.stringify([key, { files, objects: kept.entry.objects }])}\n`);
      }
    }
    const table: (PackName | null)[] = packs.packs.map((pack, index) =>
      pack && !moved.has(index) && !dropped.has(index) ? [pack.name, pack.identity] : null,
    );
    if (!writer.empty) table[writer.place] = writer.write();
    while (table.length > 0 && table.at(-1) === null) table.pop();
    writeIndex(this.file, { format: FORMAT, fingerprint: this.fingerprint, packs: table }, lines);
    const names = new Set(table.flatMap((named) => (named ? [named[0]] : [])));
    const gone = packs.packs.flatMap((pack) => (pack && !names.has(pack.name) ? [pack.name] : []));
    removeUnusedPacks(folder, names, gone);
  }

  /**
   * The packs whose used contents move to the new pack (used less than half, or the oldest beyond `MAX_PACKS`), those
   * no longer used at all, and the place of the new pack in the table.
   */
  private packsToMove(): { moved: Set<number>; dropped: Set<number>; place: number } {
    const { packs } = this.read.packs;
    const used = packs.map(() => new Set<number>());
    const usedBytes = packs.map(() => 0);
    for (const kept of this.kept.values()) {
      if (!('entry' in kept)) continue;
      for (const [, pack, offset, length] of Object.values(kept.entry.files)) {
        if (used[pack].has(offset)) continue;
        used[pack].add(offset);
        usedBytes[pack] += length;
      }
    }
    const moved = new Set<number>();
    const dropped = new Set<number>();
    const staying: number[] = [];
    packs.forEach((pack, index) => {
      if (!pack) return;
      if (used[index].size === 0) dropped.add(index);
      else if (usedBytes[index] * 2 < pack.size) moved.add(index);
      else staying.push(index);
    });
    // The smallest move first when there are too many packs (a pack every run that renders something).
    staying.sort((a, b) => usedBytes[a] - usedBytes[b]);
    while (staying.length >= MAX_PACKS) moved.add(staying.shift()!);
    let place = packs.findIndex((pack, index) => !pack || moved.has(index) || dropped.has(index));
    if (place < 0) place = packs.length;
    return { moved, dropped, place };
  }

  /**
   * The pack this run writes as it stores: in the table's first free place (one no pack holds), which the packs that
   * `save` moves or drops never are.
   */
  private streamingWriter(): PackWriter {
    if (!this.streaming) {
      const { packs } = this.read.packs;
      const free = packs.findIndex((pack) => !pack);
      this.streaming = new PackWriter(packFolder(this.file), free < 0 ? packs.length : free);
    }
    return this.streaming;
  }

  private readContent(location: ContentLocation): Buffer {
    try {
      return this.read.packs.bytes(location);
    } catch (e) {
      // Never trusted again: the next run renders what this one cannot take from the cache.
      fs.rmSync(this.file, { force: true });
      throw e;
    }
  }
}

/**
 * An entry of this run: rendered now (its contents held, or already in this run's pack), or found (with the bytes of its
 * line when read from the file).
 */
type Kept =
  | { readonly rendered: RenderedAssignment }
  | { readonly written: Buffer }
  | { readonly entry: Entry; readonly line?: Buffer };

/** The folder of the packs of the index `file`. */
function packFolder(file: string): string {
  return file.replace(/\.json$/, '.packs');
}

/** Writes an index: header, lines (each with its line break), trailer; replacing `file` in one rename. */
function writeIndex(file: string, header: Header, lines: readonly (string | Buffer)[]): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  const descriptor = fs.openSync(temporary, 'w');
  try {
    const checksum = createHash('sha1');
    const parts: Buffer[] = [Buffer.from(`${JSON.stringify(header)}\n`)];
    for (const line of lines) {
      const bytes = Buffer.isBuffer(line) ? line : Buffer.from(line);
      checksum.update(bytes);
      parts.push(bytes);
    }
    const trailer: Trailer = { entries: lines.length, checksum: checksum.digest('base64') };
    parts.push(Buffer.from(`${JSON.stringify(trailer)}\n`));
    writeParts(descriptor, parts);
  } finally {
    fs.closeSync(descriptor);
  }
  fs.renameSync(temporary, file);
}

/** An index as read: its entries, whether it held nothing else, and its packs. */
interface ReadEntries {
  readonly entries: EntryLookup;
  readonly complete: boolean;
  readonly packs: PackSet;
}

/** The entries of a cache file, by key. */
interface EntryLookup {
  get(key: string): Entry | undefined;
  readonly size: number;
  /** The bytes of an entry's line, with its line break (entries read from a file). */
  line?(key: string): Buffer | undefined;
}

/**
 * The entries of an index; none when it is missing, corrupt, or from another build of the tool. The file is read as
 * bytes and checked as one piece; each entry is parsed only when it is looked up.
 */
function readEntries(file: string, fingerprint: string): ReadEntries {
  const none = { entries: new Map<string, Entry>(), complete: false, packs: PackSet.open(packFolder(file), []) };
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch {
    return none;
  }
  // The text ends with a line break; the first line is the header, the last the trailer.
  const NEWLINE = 10;
  if (bytes.length === 0 || bytes[bytes.length - 1] !== NEWLINE) return none;
  const headerEnd = bytes.indexOf(NEWLINE);
  const trailerStart = bytes.lastIndexOf(NEWLINE, bytes.length - 2) + 1;
  if (trailerStart <= headerEnd + 1) return none;
  try {
    const header = JSON.parse(bytes.toString('utf8', 0, headerEnd)) as Header;
    const trailer = JSON.parse(bytes.toString('utf8', trailerStart, bytes.length - 1)) as Trailer;
    if (header?.format !== FORMAT || header.fingerprint !== fingerprint || !Array.isArray(header.packs)) return none;
    const body = bytes.subarray(headerEnd + 1, trailerStart);
    if (createHash('sha1').update(body).digest('base64') !== trailer?.checksum) return none;
    const packs = PackSet.open(packFolder(file), header.packs);
    const entries = new LazyEntries(bytes);
    let lines = 0;
    for (let start = headerEnd + 1; start < trailerStart; lines++) {
      const end = bytes.indexOf(NEWLINE, start);
      entries.add(start, end);
      start = end + 1;
    }
    if (trailer.entries !== lines) return none;
    return { entries, complete: entries.size === lines, packs };
  } catch {
    return none;
  }
}

/**
 * Entries by key, each kept as the bytes of its line until it is first asked for: `["<key>",<entry>]`. A line whose
 * key cannot be read is left out (the cache is then incomplete); one whose entry turns out not to parse, or to be of
 * the wrong shape, is a miss.
 */
class LazyEntries implements EntryLookup {
  private readonly lines = new Map<string, readonly [number, number]>();

  public constructor(private readonly bytes: Buffer) {}

  public add(start: number, end: number): void {
    // The key is a JSON string without escapes (a base64 hash): `["` key `",`.
    const keyEnd = this.bytes.indexOf('",', start + 2);
    if (this.bytes.toString('latin1', start, start + 2) !== '["' || keyEnd < 0 || keyEnd > end) return;
    const key = this.bytes.toString('latin1', start + 2, keyEnd);
    if (!/^[A-Za-z0-9+/=]+$/.test(key)) return;
    this.lines.set(key, [start, end]);
  }

  public get size(): number {
    return this.lines.size;
  }

  public get(key: string): Entry | undefined {
    const line = this.lines.get(key);
    if (!line) return undefined;
    try {
      const [parsedKey, entry] = JSON.parse(this.bytes.toString('utf8', line[0], line[1])) as [unknown, unknown];
      return parsedKey === key && isEntry(entry) ? entry : undefined;
    } catch {
      return undefined;
    }
  }

  public line(key: string): Buffer | undefined {
    const line = this.lines.get(key);
    return line && this.bytes.subarray(line[0], line[1] + 1);
  }
}

function isEntry(value: unknown): value is Entry {
  if (typeof value !== 'object' || value === null) return false;
  const { files, objects } = value as Partial<Entry>;
  return (
    typeof files === 'object' &&
    files !== null &&
    !Array.isArray(files) &&
    Object.entries(files).every(([file, location]) => ASSIGNMENT_FILES.has(file) && isContentLocation(location)) &&
    Array.isArray(objects) &&
    objects.every((object) => typeof object === 'object' && object !== null && ASSIGNMENT_FILES.has(object.file))
  );
}
