import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { NAMESPACE_FILE, PLATFORM_CONFIG_FILE, RECONCILER_FILE } from '../../core/layout/names';
import { contentHash } from '../../core/plan/content-hash';
import { EmittedObject } from '../../core/plan/emitted-objects';
import { RenderedAssignment } from '../../core/plan/render-job';

/*
 * What each assignment rendered last time, so a run whose input did not change renders nothing. An entry is keyed by a
 * hash of everything the assignment's files depend on — the tool (its version and its code) and the job's identity:
 * construct path, renderer names and the text of the Templates among them, context, and the config sources its config
 * is composed from (so a run whose input did not change does not even compose configs) — and holds the files and the
 * objects in them.
 *
 * The cache lives outside the output folder (`cdk8s synth` deletes that folder before every run), in the cache folder
 * of the tool, one folder per output folder and one file per environment (and shard). A file that does not parse,
 * fails its checksum, comes from another build of the tool or holds an entry of the wrong shape is ignored: the cache
 * can only ever save work, never name a path or change what is written. Each run writes a new file holding exactly its
 * own assignments.
 */

const FORMAT = 'kalypso-render-cache/2';
/** The folder of render caches inside the tool's cache folder. */
export const RENDER_CACHE_DIR = 'render';

/** The files an assignment folder may hold: an entry naming another is not trusted. */
const ASSIGNMENT_FILES = new Set([
  NAMESPACE_FILE,
  RECONCILER_FILE,
  `${PLATFORM_CONFIG_FILE}.yaml`,
  `${PLATFORM_CONFIG_FILE}.sh`,
]);

/** The files an assignment rendered (name → content), and the objects in them. */
interface Entry {
  readonly files: Readonly<Record<string, string>>;
  readonly objects: readonly EmittedObject[];
}

/*
 * The file is JSON lines: a header `{"format", "fingerprint"}`, one `[key, entry]` line per entry, and a trailer
 * `{"entries", "checksum"}` with the count and the sha1 of the entry lines (each with its line break), so it is
 * written and read a line at a time.
 */
interface Header {
  readonly format: string;
  readonly fingerprint: string;
}

interface Trailer {
  readonly entries: number;
  readonly checksum: string;
}

/** Bytes gathered before each write while saving. */
const WRITE_CHUNK = 1 << 20;

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
    const { entries, complete } = readEntries(file, fingerprint);
    return new RenderCache(file, fingerprint, entries, complete);
  }

  /** The entries of this run: rendered now, or found (then kept as the bytes of their line, written back as they are). */
  private readonly kept = new Map<string, Entry | Buffer>();
  private stored = 0;
  /** Entries found this run. */
  public hits = 0;

  private constructor(
    private readonly file: string,
    private readonly fingerprint: string,
    private readonly entries: EntryLookup,
    /** Whether the file held exactly `entries` (a line that is not an entry makes it incomplete). */
    private readonly complete: boolean,
  ) {}

  /** What the job with this key rendered last time, if it is in the cache. */
  public lookup(key: string): RenderedAssignment | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.kept.set(key, this.entries.line?.(key) ?? entry);
    this.hits++;
    return { files: entry.files, objects: entry.objects, failures: [] };
  }

  /** Remembers what a job rendered (when it rendered without failures). */
  public store(key: string, rendered: RenderedAssignment): void {
    if (rendered.failures.length > 0) return;
    this.stored++;
    this.kept.set(key, { files: rendered.files, objects: rendered.objects });
  }

  /**
   * Writes the entries of this run (and only those), replacing the file in one rename; nothing when they are exactly
   * the entries read (a re-run without changes).
   */
  public save(): void {
    if (this.complete && this.stored === 0 && this.kept.size === this.entries.size) return;
    const file = this.file;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    const descriptor = fs.openSync(temporary, 'w');
    try {
      const header: Header = { format: FORMAT, fingerprint: this.fingerprint };
      const checksum = createHash('sha1');
      let chunk = `${JSON.stringify(header)}\n`;
      for (const [key, entry] of this.kept) {
        if (Buffer.isBuffer(entry)) {
          // A line read from the old file, with its line break: written back as it is.
          writeAll(descriptor, chunk);
          chunk = '';
          checksum.update(entry);
          writeBytes(descriptor, entry);
          continue;
        }
        const line = `${JSON.stringify([key, entry])}\n`;
        checksum.update(line);
        chunk += line;
        if (chunk.length >= WRITE_CHUNK) {
          writeAll(descriptor, chunk);
          chunk = '';
        }
      }
      const trailer: Trailer = { entries: this.kept.size, checksum: checksum.digest('base64') };
      writeAll(descriptor, `${chunk}${JSON.stringify(trailer)}\n`);
    } finally {
      fs.closeSync(descriptor);
    }
    fs.renameSync(temporary, file);
  }
}

function writeAll(descriptor: number, text: string): void {
  if (text !== '') writeBytes(descriptor, Buffer.from(text));
}

function writeBytes(descriptor: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(descriptor, bytes, offset);
}

/** The entries of a cache file, by key. */
interface EntryLookup {
  get(key: string): Entry | undefined;
  readonly size: number;
  /** The bytes of an entry's line, with its line break (entries read from a file). */
  line?(key: string): Buffer | undefined;
}

/**
 * The entries of a cache file; none when it is missing, corrupt, or from another build of the tool. The file is read
 * as bytes and checked as one piece; each entry is parsed only when it is looked up (a large cache is tens of
 * megabytes: decoding it as one string and hashing it line by line cost more than what the lookups use).
 */
function readEntries(file: string, fingerprint: string): { entries: EntryLookup; complete: boolean } {
  const none = { entries: new Map<string, Entry>(), complete: false };
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
    if (header?.format !== FORMAT || header.fingerprint !== fingerprint) return none;
    const body = bytes.subarray(headerEnd + 1, trailerStart);
    if (createHash('sha1').update(body).digest('base64') !== trailer?.checksum) return none;
    const entries = new LazyEntries(bytes);
    let lines = 0;
    for (let start = headerEnd + 1; start < trailerStart; lines++) {
      const end = bytes.indexOf(NEWLINE, start);
      entries.add(start, end);
      start = end + 1;
    }
    if (trailer.entries !== lines) return none;
    return { entries, complete: entries.size === lines };
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
    Object.entries(files).every(([file, content]) => ASSIGNMENT_FILES.has(file) && typeof content === 'string') &&
    Array.isArray(objects) &&
    objects.every((object) => typeof object === 'object' && object !== null && ASSIGNMENT_FILES.has(object.file))
  );
}
