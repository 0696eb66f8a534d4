import * as fs from 'fs';
import * as path from 'path';
import { RENDER_CACHE_DIR, RenderCache, renderCacheKey, toolFingerprint } from '../../../src/render/cache/render-cache';
import { STATE_DIR } from '../../../src/io/output/write';
import { synthesize } from '../../../src/app/synthesize/synthesize';
import { writeBenchControlPlane } from '../../bench/generate-control-plane';
import { readOutputTree, temporaryFolder } from '../../support/temp';

const rendered = { files: { 'namespace.yaml': 'kind: Namespace\n' }, objects: [], failures: [] };

/** Counts assignments rendered (not taken from the cache) per run, from the progress of the pipeline's steps. */
async function synthCounting(controlPlane: string, out: string, renderCache = true) {
  let rendered = 0;
  const result = await synthesize({
    controlPlane,
    out,
    renderCache,
    threads: 1,
    progress: {
      phase: () => undefined,
      step: (step) => {
        if (step === 'serialize') rendered++;
      },
    },
  });
  expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
  return { result, rendered };
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
  test('gives back what was stored, while the files in the tree still have the recorded content', () => {
    // GIVEN a cache saved with one entry
    const state = temporaryFolder();
    const cache = RenderCache.open(state, 'dev', 'build-1', new Map());
    cache.store('key', rendered);
    cache.save(state);
    // WHEN it is opened over a tree holding that file, then over one where the file was edited
    const unchanged = RenderCache.open(
      state,
      'dev',
      'build-1',
      new Map([['drone/t/namespace.yaml', 'kind: Namespace\n']]),
    );
    const edited = RenderCache.open(state, 'dev', 'build-1', new Map([['drone/t/namespace.yaml', 'kind: Edited\n']]));
    // THEN only the unchanged file is trusted
    expect(unchanged.lookup('key', 'drone/t')).toEqual(rendered);
    expect(edited.lookup('key', 'drone/t')).toBeUndefined();
    expect(unchanged.lookup('other', 'drone/t')).toBeUndefined();
  });

  test.each([
    ['fails to parse', (text: string) => text.slice(0, text.length / 2)],
    ['has a wrong checksum', (text: string) => text.replace('kind: Namespace', 'kind: Changed')],
    ['is not JSON at all', () => '\u0000\u0001garbage'],
  ])('ignores a cache file that %s', (_name, corrupt) => {
    const state = temporaryFolder();
    const cache = RenderCache.open(state, 'dev', 'build-1', new Map());
    cache.store('key', {
      ...rendered,
      objects: [
        { file: 'namespace.yaml', apiVersion: 'v1', kind: 'Namespace', name: 'kind: Namespace', namespace: undefined },
      ],
    });
    cache.save(state);
    const file = path.join(state, RENDER_CACHE_DIR, 'dev.json');
    fs.writeFileSync(file, corrupt(fs.readFileSync(file, 'utf8')));
    const reopened = RenderCache.open(
      state,
      'dev',
      'build-1',
      new Map([['drone/t/namespace.yaml', 'kind: Namespace\n']]),
    );
    expect(reopened.lookup('key', 'drone/t')).toBeUndefined();
  });

  test('never trusts entries of another build of the tool', () => {
    const state = temporaryFolder();
    const cache = RenderCache.open(state, 'dev', 'build-1', new Map());
    cache.store('key', rendered);
    cache.save(state);
    const other = RenderCache.open(state, 'dev', 'build-2', new Map([['drone/t/namespace.yaml', 'kind: Namespace\n']]));
    expect(other.lookup('key', 'drone/t')).toBeUndefined();
  });

  test('saves nothing when the run used exactly the entries it read, and only the entries used otherwise', () => {
    const state = temporaryFolder();
    const tree = new Map([
      ['a/t/namespace.yaml', 'kind: Namespace\n'],
      ['b/t/namespace.yaml', 'kind: Namespace\n'],
    ]);
    const first = RenderCache.open(state, 'dev', 'build-1', new Map());
    first.store('a', rendered);
    first.store('b', rendered);
    first.save(state);
    const file = path.join(state, RENDER_CACHE_DIR, 'dev.json');
    const text = fs.readFileSync(file, 'utf8');
    fs.utimesSync(file, 1, 1);

    const same = RenderCache.open(state, 'dev', 'build-1', tree);
    expect(same.lookup('a', 'a/t')).toEqual(rendered);
    expect(same.lookup('b', 'b/t')).toEqual(rendered);
    same.save(state);
    expect(fs.statSync(file).mtimeMs).toBe(1000);

    const fewer = RenderCache.open(state, 'dev', 'build-1', tree);
    expect(fewer.lookup('a', 'a/t')).toEqual(rendered);
    fewer.save(state);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(text);
    const reopened = RenderCache.open(state, 'dev', 'build-1', tree);
    expect(reopened.lookup('a', 'a/t')).toEqual(rendered);
    expect(reopened.lookup('b', 'b/t')).toBeUndefined();
  });

  test('keys differ with the build of the tool and with the job', () => {
    expect(renderCacheKey('a', 'job')).not.toBe(renderCacheKey('b', 'job'));
    expect(renderCacheKey('a', 'job')).not.toBe(renderCacheKey('a', 'job2'));
    expect(toolFingerprint()).toBe(toolFingerprint());
  });
});

describe('synth with the render cache', () => {
  test('a re-run without changes renders nothing and rewrites no file; one changed ConfigMap re-renders its assignments', async () => {
    // GIVEN a control plane of 4 × 6 assignments, synthesized once
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 4, targets: 6 });
    const out = temporaryFolder();
    const cold = await synthCounting(controlPlane, out);
    const tree = readOutputTree(out);
    const times = fileTimes(out);
    expect(cold.rendered).toBe(24);
    expect(fs.readdirSync(path.join(out, STATE_DIR, RENDER_CACHE_DIR))).toEqual(['prod.json']);
    const cacheFile = path.join(out, STATE_DIR, RENDER_CACHE_DIR, 'prod.json');
    const cacheIdentity = () => {
      const stat = fs.statSync(cacheFile, { bigint: true });
      return `${stat.ino}:${stat.mtimeNs}`;
    };
    const savedCold = cacheIdentity();

    // WHEN it runs again unchanged
    const warm = await synthCounting(controlPlane, out);
    // THEN nothing is rendered or rewritten, not even the cache, and the tree is the same
    expect(warm.rendered).toBe(0);
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
    const changed = await synthCounting(controlPlane, out);
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
    await synthCounting(controlPlane, fresh, false);
    expect(readOutputTree(out)).toEqual(readOutputTree(fresh));
  });

  test('a file edited in the output is rendered again and restored', async () => {
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 2, targets: 3 });
    const out = temporaryFolder();
    await synthCounting(controlPlane, out);
    const tree = readOutputTree(out);
    const edited = path.join(out, 'prod/ct-0001/app-0000-t2/reconciler.yaml');
    fs.writeFileSync(edited, 'edited by hand\n');
    const again = await synthCounting(controlPlane, out);
    expect(again.rendered).toBe(1);
    expect(readOutputTree(out)).toEqual(tree);
  });
});
