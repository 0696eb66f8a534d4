import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { contentHash } from '../../core/plan/content-hash';
import { EmittedObject } from '../../core/plan/emitted-objects';
import { RenderedAssignment } from '../render-assignment';

/*
 * What each assignment rendered last time, so a run whose input did not change renders nothing (issue 7). An entry is
 * keyed by a hash of everything the assignment's files depend on — the tool (its version and its code), and the job's
 * identity: construct path, renderer names and the text of the Templates among them, context, and the config
 * sources its config is composed from (so a run whose input did not change does not even compose configs) — and holds the hash of each file and the objects in them. The files' content is not stored twice:
 * it is the output tree itself, read before planning, and an entry is used only when every file there still has the
 * recorded hash. The index lives in the output folder's state folder (`.kalypso/render-cache/`), one file per
 * environment (and shard); one that does not parse, fails its checksum or comes from another build of the tool is
 * ignored, and each run writes a new one holding exactly its own assignments.
 */

const FORMAT = 'kalypso-render-cache/1';
export const RENDER_CACHE_DIR = 'render-cache';

/** `[file, sha1 of the content]` for each file, and the objects in them. */
interface Entry {
  readonly files: readonly (readonly [string, string])[];
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

let fingerprintOfThisBuild: string | undefined;

/**
 * The identity of this build of the tool: its name and version, the versions of cdk8s, cdk8s-plus and constructs, and
 * the content of its own code (so a rebuilt tool never trusts another's entries, whatever its version says).
 */
export function toolFingerprint(): string {
  if (fingerprintOfThisBuild) return fingerprintOfThisBuild;
  const code = createHash('sha1');
  const packageRoot = findPackageRoot(__dirname);
  for (const name of ['.', 'cdk8s', 'cdk8s-plus-28', 'constructs']) {
    const file = name === '.' ? path.join(packageRoot, 'package.json') : require.resolve(`${name}/package.json`);
    const { name: packageName, version } = JSON.parse(fs.readFileSync(file, 'utf8'));
    code.update(`${packageName}@${version}\n`);
  }
  // This file's folder is src/render/cache (or lib/src/render/cache): hash the code of src and imports beside it.
  const codeRoot = path.dirname(path.dirname(path.dirname(__dirname)));
  for (const folder of ['src', 'imports']) hashCode(path.join(codeRoot, folder), code);
  fingerprintOfThisBuild = code.digest('base64');
  return fingerprintOfThisBuild;
}

function findPackageRoot(start: string): string {
  for (let dir = start; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json'))) return dir;
    if (path.dirname(dir) === dir) return start;
  }
}

function hashCode(folder: string, code: ReturnType<typeof createHash>): void {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory()) hashCode(file, code);
    else if (/\.(js|ts)$/.test(entry.name) && !entry.name.endsWith('.d.ts'))
      code.update(`${entry.name}\n`).update(fs.readFileSync(file));
  }
}

/** The cache key of a job: a hash of the tool and of the job's identity (`RenderJobList.identity`). */
export function renderCacheKey(fingerprint: string, identity: string): string {
  return contentHash(`${fingerprint}\u0000${identity}`);
}

/** The render cache of one environment's tree. */
export class RenderCache {
  /**
   * Opens the cache `name` in `stateDir` (none yet when the output folder does not exist); `current` is the
   * environment's current tree (relative path → content), where the content of cached files is found, and
   * `hashes` the content hashes of its files where already known.
   */
  public static open(
    stateDir: string | undefined,
    name: string,
    fingerprint: string,
    current: ReadonlyMap<string, string>,
    hashes: ReadonlyMap<string, string> = new Map(),
  ): RenderCache {
    const { entries, complete } =
      stateDir === undefined
        ? { entries: new Map<string, Entry>(), complete: true }
        : readEntries(cacheFile(stateDir, name), fingerprint);
    return new RenderCache(name, fingerprint, entries, complete, current, hashes);
  }

  private readonly kept = new Map<string, Entry>();
  private stored = 0;
  /** Entries found (and verified) this run. */
  public hits = 0;

  private constructor(
    private readonly name: string,
    private readonly fingerprint: string,
    private readonly entries: ReadonlyMap<string, Entry>,
    /** Whether the file held exactly `entries` (a line that is not an entry makes it incomplete). */
    private readonly complete: boolean,
    private readonly current: ReadonlyMap<string, string>,
    private readonly hashes: ReadonlyMap<string, string>,
  ) {}

  /** What the job rendered last time into `folder`, if its files are still there unchanged. */
  public lookup(key: string, folder: string): RenderedAssignment | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const files: Record<string, string> = {};
    for (const [file, hash] of entry.files) {
      const treePath = `${folder}/${file}`;
      const content = this.current.get(treePath);
      if (content === undefined || (this.hashes.get(treePath) ?? contentHash(content)) !== hash) return undefined;
      files[file] = content;
    }
    this.kept.set(key, entry);
    this.hits++;
    return { files, objects: entry.objects, failures: [] };
  }

  /** Remembers what a job rendered (when it rendered without failures); `hashes` of its files when known already. */
  public store(key: string, rendered: RenderedAssignment, hashes?: Readonly<Record<string, string>>): void {
    if (rendered.failures.length > 0) return;
    this.stored++;
    this.kept.set(key, {
      files: Object.keys(rendered.files).map(
        (file) => [file, hashes?.[file] ?? contentHash(rendered.files[file])] as const,
      ),
      objects: rendered.objects,
    });
  }

  /**
   * Writes the entries of this run (and only those) into `stateDir`, replacing the file in one rename; nothing when
   * they are exactly the entries read (a re-run without changes).
   */
  public save(stateDir: string): void {
    if (this.complete && this.stored === 0 && this.kept.size === this.entries.size) return;
    const file = cacheFile(stateDir, this.name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.tmp`;
    const descriptor = fs.openSync(temporary, 'w');
    try {
      const header: Header = { format: FORMAT, fingerprint: this.fingerprint };
      const checksum = createHash('sha1');
      let chunk = `${JSON.stringify(header)}\n`;
      for (const [key, entry] of this.kept) {
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
  const bytes = Buffer.from(text);
  for (let offset = 0; offset < bytes.length;) offset += fs.writeSync(descriptor, bytes, offset);
}

function cacheFile(stateDir: string, name: string): string {
  return path.join(stateDir, RENDER_CACHE_DIR, `${name}.json`);
}

/** The entries of a cache file; none when it is missing, corrupt, or from another build of the tool. */
function readEntries(file: string, fingerprint: string): { entries: ReadonlyMap<string, Entry>; complete: boolean } {
  const none = { entries: new Map<string, Entry>(), complete: false };
  let lines: string[];
  try {
    lines = fs.readFileSync(file, 'utf8').split('\n');
  } catch {
    return none;
  }
  // The text ends with a line break, so the last piece is empty.
  if (lines.length < 3 || lines[lines.length - 1] !== '') return none;
  try {
    const header = JSON.parse(lines[0]) as Header;
    const trailer = JSON.parse(lines[lines.length - 2]) as Trailer;
    const entryLines = lines.slice(1, -2);
    if (header?.format !== FORMAT || header.fingerprint !== fingerprint || trailer?.entries !== entryLines.length)
      return none;
    const checksum = createHash('sha1');
    for (const line of entryLines) checksum.update(`${line}\n`);
    if (checksum.digest('base64') !== trailer.checksum) return none;
    const entries = new Map<string, Entry>();
    for (const line of entryLines) {
      const [key, entry] = JSON.parse(line) as [unknown, unknown];
      if (typeof key === 'string' && isEntry(entry)) entries.set(key, entry);
    }
    return { entries, complete: entries.size === entryLines.length };
  } catch {
    return none;
  }
}

function isEntry(value: unknown): value is Entry {
  const entry = value as Entry;
  return (
    typeof entry === 'object' &&
    entry !== null &&
    Array.isArray(entry.files) &&
    Array.isArray(entry.objects) &&
    entry.files.every((file) => Array.isArray(file) && typeof file[0] === 'string' && typeof file[1] === 'string')
  );
}
