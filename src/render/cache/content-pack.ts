import { randomBytes } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { contentHash } from '../../core/plan/content-hash';

/*
 * The contents of the files the render cache holds, in pack files beside its index: each run that renders something
 * writes one pack of what it rendered (each content once), never changed after. The index names packs by name and
 * identity (size, inode, modification time): a pack that is missing or not the one written makes the entries using
 * it misses. Content is read when it must be written, and checked against its hash then.
 */

/** A pack's file name: a run's random id. Any other name in an index is not trusted. */
const PACK_NAME = /^[0-9a-f]{12}\.pack$/;
/** Packs and temporary files no index names are removed once this old (a run still writing one is younger). */
const ORPHAN_AGE_MS = 60 * 60 * 1000;

/** Where a file's content is: its hash, and the pack (index in the index's table), offset and length of its bytes. */
export type ContentLocation = readonly [hash: string, pack: number, offset: number, length: number];

/** Reads from one pack after which it is read a window of bytes at a time, rather than a file at a time. */
const WINDOW_AFTER = 64;
const WINDOW = 4 << 20;

/** A pack as the index names it: file name and identity `size:inode:mtimeNs`. */
export type PackName = readonly [name: string, identity: string];

/** The open packs of an index, by their place in its table; a place whose pack cannot be trusted is empty. */
export class PackSet {
  /** Opens the packs of `table` in `folder` that are there as recorded. */
  public static open(folder: string, table: readonly unknown[]): PackSet {
    const packs = table.map((named) => (isPackName(named) ? OpenPack.open(folder, named) : undefined));
    return new PackSet(folder, packs);
  }

  private constructor(
    public readonly folder: string,
    public readonly packs: readonly (OpenPack | undefined)[],
  ) {}

  /** Whether the content at `location` is within a pack that is there. */
  public holds(location: ContentLocation): boolean {
    const [, pack, offset, length] = location;
    const open = this.packs[pack];
    return open !== undefined && offset + length <= open.size;
  }

  /** The bytes at `location` (which `holds`), checked against their hash. */
  public bytes(location: ContentLocation): Buffer {
    const [hash, pack, offset, length] = location;
    const bytes = this.packs[pack]!.read(offset, length);
    if (contentHash(bytes) !== hash) {
      throw new Error(
        `the render cache in ${this.folder} is damaged (a stored file does not match its hash); delete that folder and run again`,
      );
    }
    return bytes;
  }
}

/** A pack file open for reading; closed when nothing refers to it any more. */
export class OpenPack {
  private static readonly closing = new FinalizationRegistry<number>((descriptor) => fs.close(descriptor, () => {}));

  public static open(folder: string, [name, identity]: PackName): OpenPack | undefined {
    let descriptor: number;
    try {
      descriptor = fs.openSync(path.join(folder, name), 'r');
    } catch {
      return undefined;
    }
    const stat = fs.fstatSync(descriptor, { bigint: true });
    if (!stat.isFile() || packIdentity(stat) !== identity) {
      fs.closeSync(descriptor);
      return undefined;
    }
    const pack = new OpenPack(name, identity, Number(stat.size), descriptor);
    OpenPack.closing.register(pack, descriptor);
    return pack;
  }

  private reads = 0;
  private window: { readonly start: number; readonly bytes: Buffer } | undefined;

  private constructor(
    public readonly name: string,
    public readonly identity: string,
    public readonly size: number,
    private readonly descriptor: number,
  ) {}

  public read(offset: number, length: number): Buffer {
    // Many reads (a tree written whole, after `cdk8s synth` deleted it) go in pack order: read a window at a time.
    if (++this.reads < WINDOW_AFTER || length > WINDOW) return this.readAt(offset, length);
    const { window } = this;
    if (window && offset >= window.start && offset + length <= window.start + window.bytes.length) {
      return window.bytes.subarray(offset - window.start, offset - window.start + length);
    }
    const bytes = this.readAt(offset, Math.min(WINDOW, this.size - offset));
    this.window = { start: offset, bytes };
    return bytes.subarray(0, length);
  }

  private readAt(offset: number, length: number): Buffer {
    return readPack(this.descriptor, this.name, offset, length);
  }
}

/** `length` bytes of the pack open as `descriptor` from `offset`. */
function readPack(descriptor: number, name: string, offset: number, length: number): Buffer {
  const bytes = Buffer.allocUnsafe(length);
  for (let done = 0; done < length;) {
    const read = fs.readSync(descriptor, bytes, done, length - done, offset + done);
    if (read === 0) throw new Error(`the render cache pack ${name} ended early`);
    done += read;
  }
  return bytes;
}

/** Bytes gathered before each write while a pack is written. */
const WRITE_CHUNK = 1 << 20;

/**
 * A pack being written: contents appended once each (by hash) to a temporary file a chunk at a time (a pack holds
 * every file a cold run rendered: hundreds of megabytes at 50,000 assignments), then put in place under a new name.
 * What it holds can be read back while it is written and after (the file stays open for that).
 */
export class PackWriter {
  private static readonly closing = new FinalizationRegistry<number>((descriptor) => fs.close(descriptor, () => {}));

  private pending: (string | Buffer)[] = [];
  private pendingBytes = 0;
  private readonly offsets = new Map<string, readonly [number, number]>();
  private size = 0;
  private file: { readonly name: string; readonly temporary: string; readonly descriptor: number } | undefined;

  public constructor(
    private readonly folder: string,
    /** Its place in the index's table. */
    public readonly place: number,
  ) {}

  public get empty(): boolean {
    return this.size === 0;
  }

  /**
   * Appends `content` (whose hash is `hash`: text, written as UTF-8, or bytes) unless it holds it already; where it
   * is. Text is encoded a chunk at a time, not a file at a time.
   */
  public add(hash: string, content: string | Buffer): ContentLocation {
    let at = this.offsets.get(hash);
    if (!at) {
      const length = typeof content === 'string' ? Buffer.byteLength(content) : content.length;
      at = [this.size, length];
      this.offsets.set(hash, at);
      this.pending.push(content);
      this.pendingBytes += length;
      this.size += length;
      if (this.pendingBytes >= WRITE_CHUNK) this.flush();
    }
    return [hash, this.place, at[0], at[1]];
  }

  /** Writes the pack under a new name (renamed into place whole); its name and identity for the index. */
  public write(): PackName {
    this.flush();
    const { name, temporary, descriptor } = this.open();
    const target = path.join(this.folder, name);
    fs.renameSync(temporary, target);
    return [name, packIdentity(fs.fstatSync(descriptor, { bigint: true }))];
  }

  /** The bytes at `offset` (as `add` gave it): what was added, written or not yet. */
  public read(offset: number, length: number): Buffer {
    this.flush();
    const { descriptor, name } = this.open();
    return readPack(descriptor, name, offset, length);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    // Bytes (most contents) are written as they are, text encoded a run of parts at a time.
    const parts: Buffer[] = [];
    let texts: string[] = [];
    const encodeTexts = () => {
      if (texts.length > 0) parts.push(Buffer.from(texts.join('')));
      texts = [];
    };
    for (const part of this.pending) {
      if (typeof part === 'string') texts.push(part);
      else {
        encodeTexts();
        parts.push(part);
      }
    }
    encodeTexts();
    const { descriptor } = this.open();
    writeParts(descriptor, parts);
    this.pending = [];
    this.pendingBytes = 0;
  }

  private open(): { readonly name: string; readonly temporary: string; readonly descriptor: number } {
    if (this.file) return this.file;
    fs.mkdirSync(this.folder, { recursive: true });
    const name = `${randomBytes(6).toString('hex')}.pack`;
    const temporary = path.join(this.folder, `${name}.${process.pid}.tmp`);
    this.file = { name, temporary, descriptor: fs.openSync(temporary, 'w+') };
    PackWriter.closing.register(this, this.file.descriptor);
    return this.file;
  }
}

/** Buffers given to one `writev` (the system takes at most 1,024). */
const WRITEV_PARTS = 1024;

/** Writes `parts` in order, as few `writev` calls as the system allows (any number of parts, partial writes resumed). */
export function writeParts(descriptor: number, parts: readonly Buffer[]): void {
  for (let first = 0; first < parts.length; first += WRITEV_PARTS) {
    let rest = parts.slice(first, first + WRITEV_PARTS);
    while (rest.length > 0) {
      let written = fs.writevSync(descriptor, rest);
      let index = 0;
      while (index < rest.length && written >= rest[index].length) written -= rest[index++].length;
      rest = rest.slice(index);
      if (written > 0) rest[0] = rest[0].subarray(written);
    }
  }
}

/**
 * Removes from `folder` the packs `dropped` (no longer in the index), and packs and temporary files that no index of
 * `kept` names and that are old enough not to be another run's, still being written or about to be named.
 */
export function removeUnusedPacks(folder: string, kept: ReadonlySet<string>, dropped: readonly string[]): void {
  for (const name of dropped) fs.rmSync(path.join(folder, name), { force: true });
  let names: string[];
  try {
    names = fs.readdirSync(folder);
  } catch {
    return;
  }
  const now = Date.now();
  for (const name of names) {
    if (kept.has(name) || !(PACK_NAME.test(name) || name.endsWith('.tmp'))) continue;
    const stat = fs.lstatSync(path.join(folder, name), { throwIfNoEntry: false });
    if (stat?.isFile() && now - stat.mtimeMs > ORPHAN_AGE_MS) fs.rmSync(path.join(folder, name), { force: true });
  }
}

export function isPackName(value: unknown): value is PackName {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'string' &&
    PACK_NAME.test(value[0]) &&
    typeof value[1] === 'string'
  );
}

export function isContentLocation(value: unknown): value is ContentLocation {
  return (
    Array.isArray(value) &&
    value.length === 4 &&
    typeof value[0] === 'string' &&
    value.slice(1).every((number) => Number.isSafeInteger(number) && number >= 0)
  );
}

function packIdentity(stat: fs.BigIntStats): string {
  return `${stat.size}:${stat.ino}:${stat.mtimeNs}`;
}
