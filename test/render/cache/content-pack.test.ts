import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { LazyContent, contentBytes, knownContentHash, lazyFiles } from '../../../src/core/plan/lazy-files';
import { contentHash } from '../../../src/core/plan/content-hash';
import { RenderCache } from '../../../src/render/cache/render-cache';
import { temporaryFolder } from '../../support/temp';

const build = 'build-1';
const assignment = (text: string) => ({
  files: { 'namespace.yaml': `kind: Namespace\n# ${text}\n`, 'reconciler.yaml': `kind: Reconciler\n# ${text}\n` },
  objects: [],
  failures: [],
});

function packsOf(file: string): string[] {
  const folder = file.replace(/\.json$/, '.packs');
  return fs.existsSync(folder) ? fs.readdirSync(folder).map((name) => path.join(folder, name)) : [];
}

/** Rewrites the index (with a valid checksum) so that each file's hash is not the hash of its content. */
function mismatchHashes(file: string): void {
  const [header, ...rest] = fs.readFileSync(file, 'utf8').split('\n');
  const trailer = JSON.parse(rest.at(-2)!);
  const lines = rest.slice(0, -2).map((line) => {
    const [key, entry] = JSON.parse(line);
    for (const location of Object.values(entry.files) as [string][]) location[0] = contentHash('something else');
    return `${JSON.stringify([key, entry])}\n`;
  });
  const checksum = createHash('sha1').update(lines.join('')).digest('base64');
  fs.writeFileSync(file, `${header}\n${lines.join('')}${JSON.stringify({ ...trailer, checksum })}\n`);
}

describe('the render cache keeps contents apart from its index', () => {
  test('a hit knows each file by its hash and reads its content only when asked for', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = RenderCache.open(file, build);
    cache.store('a', assignment('a'));
    cache.save();
    // The index holds no content.
    expect(fs.readFileSync(file, 'utf8')).not.toContain('kind: Namespace');
    const hit = RenderCache.open(file, build).lookup('a')!;
    expect(knownContentHash(hit.files, 'namespace.yaml')).toBe(contentHash(assignment('a').files['namespace.yaml']));
    expect(hit.files['namespace.yaml']).toBe(assignment('a').files['namespace.yaml']);

    mismatchHashes(file);
    const damaged = RenderCache.open(file, build).lookup('a')!;
    // Content that does not match its hash is never given out, and the index is not trusted again.
    expect(() => damaged.files['namespace.yaml']).toThrow(/render cache .* is damaged/);
    expect(fs.existsSync(file)).toBe(false);
  });

  test('an entry whose pack is missing or not the one written is a miss', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = RenderCache.open(file, build);
    cache.store('a', assignment('a'));
    cache.save();
    const [pack] = packsOf(file);
    fs.appendFileSync(pack, 'more');
    expect(RenderCache.open(file, build).lookup('a')).toBeUndefined();
    fs.rmSync(pack);
    expect(RenderCache.open(file, build).lookup('a')).toBeUndefined();
  });

  test('a save writes a pack of only what was rendered, and the packs stay few and within twice what is used', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const first = RenderCache.open(file, build);
    for (let i = 0; i < 50; i++) first.store(`k${i}`, assignment(`${i}`.repeat(100)));
    first.save();
    const [firstPack] = packsOf(file);
    const firstSize = fs.statSync(firstPack).size;

    // One entry changes: the new pack holds its files only, the first is left as it is.
    const second = RenderCache.open(file, build);
    for (let i = 1; i < 50; i++) expect(second.lookup(`k${i}`)).toBeDefined();
    second.store('k0', assignment('changed'));
    second.save();
    const newPacks = packsOf(file).filter((pack) => pack !== firstPack);
    expect(newPacks).toHaveLength(1);
    const changed = assignment('changed').files;
    expect(fs.statSync(newPacks[0]).size).toBe(
      Buffer.byteLength(changed['namespace.yaml']) + Buffer.byteLength(changed['reconciler.yaml']),
    );
    expect(fs.statSync(firstPack).size).toBe(firstSize);

    // Many runs, each changing a few entries: every entry stays readable, packs stay few and small.
    for (let run = 0; run < 30; run++) {
      const cache = RenderCache.open(file, build);
      for (let i = 0; i < 50; i++) {
        const key = `k${i}`;
        if (i % 10 === run % 10) cache.store(key, assignment(`${run}-${i}`));
        else expect(cache.lookup(key)).toBeDefined();
      }
      cache.save();
    }
    const cache = RenderCache.open(file, build);
    let used = 0;
    for (let i = 0; i < 50; i++) {
      const hit = cache.lookup(`k${i}`)!;
      expect(hit.files['namespace.yaml']).toMatch(/^kind: Namespace\n# \d+-\d+\n$/);
      used += Object.values(hit.files).reduce((sum, text) => sum + Buffer.byteLength(text), 0);
    }
    const packs = packsOf(file);
    expect(packs.length).toBeLessThanOrEqual(8);
    const stored = packs.reduce((sum, pack) => sum + fs.statSync(pack).size, 0);
    expect(stored).toBeLessThanOrEqual(2 * used + 2 * firstSize);
  });

  test('entries no longer used go away with their packs', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const first = RenderCache.open(file, build);
    first.store('old', assignment('old'));
    first.save();
    const second = RenderCache.open(file, build);
    second.store('new', assignment('new'));
    second.save();
    expect(packsOf(file)).toHaveLength(1);
    const reopened = RenderCache.open(file, build);
    expect(reopened.lookup('old')).toBeUndefined();
    expect(reopened.lookup('new')!.files['namespace.yaml']).toBe(assignment('new').files['namespace.yaml']);
  });

  test('content that is not valid Unicode is not kept', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = RenderCache.open(file, build);
    cache.store('a', { files: { 'namespace.yaml': 'lone \ud800 surrogate' }, objects: [], failures: [] });
    cache.save();
    expect(RenderCache.open(file, build).lookup('a')).toBeUndefined();
  });

  test('contents given as bytes are kept as they are, thousands of them written in one go', () => {
    // GIVEN 3,000 assignments rendered by workers: their files are bytes (more than one writev takes, in one flush)
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = RenderCache.open(file, build);
    const texts = Array.from({ length: 3000 }, (_, i) => `kind: ConfigMap\n# caf\u00e9 ${i} ${'x'.repeat(i % 700)}\n`);
    texts.forEach((text, i) => {
      const bytes = Buffer.from(text);
      const files = lazyFiles([['platform-config.yaml', new LazyContent(contentHash(bytes), () => bytes)]]);
      cache.store(`k${i}`, { files, objects: [], failures: [] });
    });
    // WHEN they are saved
    const read = jest.spyOn(LazyContent.prototype, 'read');
    cache.save();
    // THEN no content was made text to be saved, and each comes back as it was
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
    const reopened = RenderCache.open(file, build);
    texts.forEach((text, i) => expect(reopened.lookup(`k${i}`)!.files['platform-config.yaml']).toBe(text));
    expect(fs.statSync(packsOf(file)[0]).size).toBe(texts.reduce((sum, text) => sum + Buffer.byteLength(text), 0));
  });

  test('contents sent as bytes go into the pack when stored, and are read from it from then on', () => {
    // GIVEN a cache holding a pack from an earlier run, and contents a worker sent as bytes
    const file = path.join(temporaryFolder(), 'dev.json');
    const earlier = RenderCache.open(file, build);
    earlier.store('old', assignment('old'));
    earlier.save();
    const cache = RenderCache.open(file, build);
    cache.lookup('old');
    const text = 'kind: ConfigMap\n# caf\u00e9\n';
    const batch = Buffer.from(`xx${text}`);
    const load = jest.fn(() => batch.subarray(2));
    const files = lazyFiles([['platform-config.yaml', new LazyContent(contentHash(text), load)]]);
    // WHEN it is stored
    cache.store('new', { files, objects: [], failures: [] });
    // THEN its bytes were taken once, into this run's pack (written a megabyte at a time), and are read from there
    expect(load).toHaveBeenCalledTimes(1);
    expect(files['platform-config.yaml']).toBe(text);
    expect(load).toHaveBeenCalledTimes(1);
    const folder = file.replace(/\.json$/, '.packs');
    const writing = fs.readdirSync(folder).filter((name) => name.endsWith('.tmp'));
    expect(writing).toHaveLength(1);
    expect(fs.readFileSync(path.join(folder, writing[0]), 'utf8')).toBe(text);
    // AND once saved, the index names that pack beside the earlier one, and both entries come back
    cache.save();
    expect(packsOf(file)).toHaveLength(2);
    expect(contentBytes(files, 'platform-config.yaml').toString()).toBe(text);
    const reopened = RenderCache.open(file, build);
    expect(reopened.lookup('new')!.files['platform-config.yaml']).toBe(text);
    expect(reopened.lookup('old')!.files['namespace.yaml']).toBe(assignment('old').files['namespace.yaml']);
  });
});
