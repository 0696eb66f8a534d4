import * as fs from 'fs';
import * as path from 'path';
import { createHash } from 'crypto';
import { RENDER_CACHE_DIR, RenderCache, renderCacheFile, renderCacheKey } from '../../../src/render/cache/render-cache';
import { PackSet } from '../../../src/render/cache/content-pack';
import { LazyContent, lazyFiles } from '../../../src/core/plan/lazy-files';
import { contentHash } from '../../../src/core/plan/content-hash';
import { toolFingerprint } from '../../../src/app/synthesize/tool-fingerprint';
import { synthesize } from '../../../src/app/synthesize/synthesize';
import { writeBenchControlPlane } from '../../bench/generate-control-plane';
import { readOutputTree, temporaryFolder } from '../../support/temp';

const rendered = { files: { 'namespace.yaml': 'kind: Namespace\n' }, objects: [], failures: [] };

/** Synthesizes in one thread with the render cache in `cacheDir`; counts the assignments rendered (not cached). */
async function synthCounting(controlPlane: string, out: string, cacheDir: string, renderCache = true) {
  const result = await synthesize({ controlPlane, out, renderCache, cacheDir, threads: 1 });
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return { result, rendered: result.rendered };
}

function fileTimes(root: string): Record<string, string> {
  return Object.fromEntries(
    Object.keys(readOutputTree(root)).map((file) => {
      const stat = fs.statSync(path.join(root, file), { bigint: true });
      return [file, `${stat.ino}:${stat.mtimeNs}`];
    }),
  );
}

describe('RenderCache', () => {
  const open = (file: string, build = 'build-1') => RenderCache.open(file, build);

  test('gives back what was stored, after a save', () => {
    // GIVEN a cache saved with one entry
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = open(file);
    cache.store('key', rendered);
    cache.save();
    // WHEN it is opened again
    const reopened = open(file);
    // THEN the entry is there, and only that one
    expect(reopened.lookup('key')).toEqual(rendered);
    expect(reopened.lookup('other')).toBeUndefined();
    expect(reopened.hits).toBe(1);
  });

  test('never keeps what failed to render', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = open(file);
    cache.store('key', { ...rendered, failures: [{ message: 'broken' }] });
    cache.save();
    expect(open(file).lookup('key')).toBeUndefined();
  });

  test.each([
    ['fails to parse', (text: string) => text.slice(0, text.length / 2)],
    ['has a wrong checksum', (text: string) => text.replace('kind: Namespace', 'kind: Changed')],
    ['is not JSON at all', () => '\u0000\u0001garbage'],
  ])('ignores a cache file that %s', (_name, corrupt) => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = open(file);
    cache.store('key', {
      ...rendered,
      objects: [
        { file: 'namespace.yaml', apiVersion: 'v1', kind: 'Namespace', name: 'kind: Namespace', namespace: undefined },
      ],
    });
    cache.save();
    fs.writeFileSync(file, corrupt(fs.readFileSync(file, 'utf8')));
    expect(open(file).lookup('key')).toBeUndefined();
  });

  test.each([
    ['a path outside the assignment folder', { '../../../etc/passwd': 'root' }],
    ['a file the tool never writes', { 'kustomization.yaml': 'kind: Kustomization' }],
    ['content that is not text', { 'namespace.yaml': 42 }],
  ])('ignores an entry naming %s, even with a valid checksum', (_name, files) => {
    // GIVEN a cache file written by hand, with a correct checksum, whose entry names a file it may not
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = open(file);
    cache.store('key', rendered);
    cache.save();
    const [header, , trailer] = fs.readFileSync(file, 'utf8').split('\n');
    const line = `${JSON.stringify(['key', { files, objects: [] }])}\n`;
    const checksum = createHash('sha1').update(line).digest('base64');
    fs.writeFileSync(file, `${header}\n${line}${JSON.stringify({ ...JSON.parse(trailer), checksum })}\n`);
    // THEN the entry is not used
    expect(open(file).lookup('key')).toBeUndefined();
  });

  test('never trusts entries of another build of the tool', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const cache = open(file);
    cache.store('key', rendered);
    cache.save();
    expect(open(file, 'build-2').lookup('key')).toBeUndefined();
  });

  test('saves nothing when the run used exactly the entries it read, and only the entries used otherwise', () => {
    const file = path.join(temporaryFolder(), 'dev.json');
    const first = open(file);
    first.store('a', rendered);
    first.store('b', rendered);
    first.save();
    const text = fs.readFileSync(file, 'utf8');
    fs.utimesSync(file, 1, 1);

    const same = open(file);
    expect(same.lookup('a')).toEqual(rendered);
    expect(same.lookup('b')).toEqual(rendered);
    same.save();
    expect(fs.statSync(file).mtimeMs).toBe(1000);

    const fewer = open(file);
    expect(fewer.lookup('a')).toEqual(rendered);
    fewer.save();
    expect(fs.readFileSync(file, 'utf8')).not.toBe(text);
    const reopened = open(file);
    expect(reopened.lookup('a')).toEqual(rendered);
    expect(reopened.lookup('b')).toBeUndefined();
  });

  test('an index of thousands of entries, stored as text, as bytes and kept from the last run, reads back whole', () => {
    // GIVEN 1,500 entries stored as text and 1,500 whose contents came as bytes (as from worker threads)
    const file = path.join(temporaryFolder(), 'dev.json');
    const textOf = (index: number) => `kind: ConfigMap\nmetadata: {name: c-${index}}\n`;
    const asBytes = (index: number) => {
      const bytes = Buffer.from(textOf(index));
      return {
        ...rendered,
        files: lazyFiles([['platform-config.yaml', new LazyContent(contentHash(bytes), () => bytes)]]),
      };
    };
    const asText = (index: number) => ({ ...rendered, files: { 'platform-config.yaml': textOf(index) } });
    const first = open(file);
    for (let index = 0; index < 3000; index++) first.store(`k${index}`, index % 2 ? asBytes(index) : asText(index));
    first.save();
    // WHEN the next run keeps every other entry and stores 1,000 new ones
    const second = open(file);
    for (let index = 0; index < 3000; index += 2) expect(second.lookup(`k${index}`)).toBeDefined();
    for (let index = 3000; index < 4000; index++) second.store(`k${index}`, asBytes(index));
    second.save();
    // THEN a third run finds exactly those, with their contents
    const third = open(file);
    for (let index = 0; index < 4000; index++) {
      const found = third.lookup(`k${index}`);
      if (index < 3000 && index % 2 === 1) expect(found).toBeUndefined();
      else expect(found?.files['platform-config.yaml']).toBe(textOf(index));
    }
  });

  test('keys differ with the build of the tool and with the job', () => {
    expect(renderCacheKey('a', 'job')).not.toBe(renderCacheKey('b', 'job'));
    expect(renderCacheKey('a', 'job')).not.toBe(renderCacheKey('a', 'job2'));
    expect(toolFingerprint()).toBe(toolFingerprint());
  });

  test('keeps one folder per output folder, outside it', () => {
    const cacheRoot = temporaryFolder();
    const a = renderCacheFile(cacheRoot, '/work/a/dist', 'dev');
    const b = renderCacheFile(cacheRoot, '/work/b/dist', 'dev');
    expect(a).not.toBe(b);
    expect(path.dirname(path.dirname(path.dirname(a)))).toBe(cacheRoot);
    expect(renderCacheFile(cacheRoot, '/work/a/dist/../dist', 'dev')).toBe(a);
  });
});

describe('synth with the render cache', () => {
  test('a re-run without changes renders nothing and rewrites no file; one changed ConfigMap re-renders its assignments', async () => {
    // GIVEN a control plane of 4 × 6 assignments, synthesized once
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 4, targets: 6 });
    const out = temporaryFolder();
    const cacheDir = temporaryFolder();
    const cold = await synthCounting(controlPlane, out, cacheDir);
    const tree = readOutputTree(out);
    const times = fileTimes(out);
    expect(cold.rendered).toBe(24);
    const cacheFile = renderCacheFile(cacheDir, out, 'prod');
    // (the index, the packs of contents beside it, and the record of the tree written: src/io/output/tree-record.ts)
    expect(fs.readdirSync(path.join(cacheDir, RENDER_CACHE_DIR, path.basename(path.dirname(cacheFile))))).toEqual([
      'prod.json',
      'prod.packs',
      'prod.tree.json',
    ]);
    const cacheIdentity = () => {
      const stat = fs.statSync(cacheFile, { bigint: true });
      return `${stat.ino}:${stat.mtimeNs}`;
    };
    const savedCold = cacheIdentity();

    // WHEN it runs again unchanged
    const contentReads = jest.spyOn(PackSet.prototype, 'bytes');
    const warm = await synthCounting(controlPlane, out, cacheDir);
    // THEN nothing is rendered or rewritten, not even the cache, no cached content is read, and the tree is the same
    expect(warm.rendered).toBe(0);
    expect(contentReads).not.toHaveBeenCalled();
    contentReads.mockRestore();
    expect(cacheIdentity()).toBe(savedCold);
    expect(warm.result.written[0].changes.unchanged).toHaveLength(Object.keys(tree).length);
    expect(fileTimes(out)).toEqual(times);
    expect(readOutputTree(out)).toEqual(tree);

    // WHEN the ConfigMap of one cluster type (6 targets) changes
    const configFile = path.join(controlPlane, 'prod/cluster-types/ct-0000/config.yaml');
    fs.writeFileSync(
      configFile,
      fs.readFileSync(configFile, 'utf8').replace(/CLUSTER_SETTING_00: ".*"/, 'CLUSTER_SETTING_00: "changed"'),
    );
    const changed = await synthCounting(controlPlane, out, cacheDir);
    // THEN only its assignments are rendered, and only their platform config is rewritten
    expect(changed.rendered).toBe(6);
    expect(cacheIdentity()).not.toBe(savedCold);
    expect(changed.result.written[0].changes.changed).toEqual(
      Array.from(
        { length: 6 },
        (_, t) => `ct-0000/app-${String(Math.floor(t / 4)).padStart(4, '0')}-t${t % 4}/platform-config.yaml`,
      ),
    );
    const fresh = temporaryFolder();
    await synthCounting(controlPlane, fresh, temporaryFolder(), false);
    expect(readOutputTree(out)).toEqual(readOutputTree(fresh));
  });

  test('survives the output folder being deleted, as cdk8s synth deletes it before every run', async () => {
    // GIVEN a synthesized tree whose output folder is then deleted
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 3, targets: 4 });
    const out = path.join(temporaryFolder(), 'dist');
    const cacheDir = temporaryFolder();
    await synthCounting(controlPlane, out, cacheDir);
    const tree = readOutputTree(out);
    fs.rmSync(out, { recursive: true });
    // WHEN it runs again
    const contentReads = jest.spyOn(PackSet.prototype, 'bytes');
    const madeText = jest.spyOn(LazyContent.prototype, 'read');
    const again = await synthCounting(controlPlane, out, cacheDir);
    // THEN nothing is rendered, and the same tree is written from the cached contents, as bytes, never made text
    expect(again.rendered).toBe(0);
    expect(madeText).not.toHaveBeenCalled();
    madeText.mockRestore();
    // (each file of the 3 × 4 assignments once; the READMEs and the promoted commit are not cached)
    expect(contentReads).toHaveBeenCalledTimes(3 * 4 * 3);
    contentReads.mockRestore();
    expect(readOutputTree(out)).toEqual(tree);
  });

  test('a file edited in the output is restored, without rendering anything', async () => {
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 2, targets: 3 });
    const out = temporaryFolder();
    const cacheDir = temporaryFolder();
    await synthCounting(controlPlane, out, cacheDir);
    const tree = readOutputTree(out);
    const edited = path.join(out, 'prod/ct-0001/app-0000-t2/reconciler.yaml');
    fs.writeFileSync(edited, 'edited by hand\n');
    const again = await synthCounting(controlPlane, out, cacheDir);
    expect(again.rendered).toBe(0);
    expect(again.result.written[0].changes.changed).toEqual(['ct-0001/app-0000-t2/reconciler.yaml']);
    expect(readOutputTree(out)).toEqual(tree);
  });

  test('renders everything without the render cache, and keeps none', async () => {
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 2, targets: 3 });
    const out = temporaryFolder();
    const cacheDir = temporaryFolder();
    expect((await synthCounting(controlPlane, out, cacheDir, false)).rendered).toBe(6);
    expect((await synthCounting(controlPlane, out, cacheDir, false)).rendered).toBe(6);
    expect(fs.readdirSync(cacheDir)).toEqual([]);
  });
});
