import * as fs from 'fs';
import * as path from 'path';
import { contentHash } from '../../../src/core/plan/content-hash';
import { RECORDED, readManagedFilesSync, readManagedFilesWithRecord } from '../../../src/io/output/current-tree';
import { identityOf, readTreeRecord, writeTreeRecord } from '../../../src/io/output/tree-record';
import { ManagedScope, WHOLE_TREE } from '../../../src/core/layout/managed-tree';
import { TreePrefetch } from '../../../src/io/output/tree-prefetch';
import { ROOT, runBin } from '../../support/cli';
import { readOutputTree, temporaryFolder } from '../../support/temp';
import { TUTORIAL } from '../../support/tutorial';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

/** The compiled worker (npm test builds lib/ before running Jest). */
const SCRIPT = path.join(ROOT, 'lib/src/io/output/tree-prefetch-worker.js');
const DEV_CLUSTER_TYPES = ['drone', 'large', 'small'];

let tutorialOut: string;
beforeAll(() => {
  tutorialOut = temporaryFolder();
  expect(runBin(['synth', '-c', TUTORIAL, '-o', tutorialOut])).toMatchObject({ code: 0 });
});

/** A copy of the synthesized tutorial that a test may change. */
function outCopy(): string {
  const copy = temporaryFolder();
  fs.cpSync(tutorialOut, copy, { recursive: true });
  fs.rmSync(path.join(copy, '.kalypso'), { recursive: true, force: true });
  return copy;
}

/** What reading ahead gives for an environment, and what reading it in this thread gives. */
async function readBothWays(
  out: string,
  environment: string,
  clusterTypes: string[],
  scope: ManagedScope = WHOLE_TREE,
  delay = 0,
) {
  const prefetch = TreePrefetch.start(out, SCRIPT)!;
  try {
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    const ahead = await prefetch.tree(environment, clusterTypes, scope);
    return { ahead, here: readManagedFilesSync(path.join(out, environment), clusterTypes, scope) };
  } finally {
    await prefetch.close();
  }
}

describe('TreePrefetch', () => {
  test('is not available from the TypeScript sources (no compiled worker beside them)', () => {
    expect(TreePrefetch.start(tutorialOut)).toBeUndefined();
  });

  test.each([
    ['at once (this thread reads what the worker has not claimed)', 0],
    ['after the worker has read everything', 500],
  ])('reads the same managed files as reading in this thread, %s, with their content hashes', async (_name, delay) => {
    for (const [environment, clusterTypes] of [
      ['dev', DEV_CLUSTER_TYPES],
      ['stage', ['large', 'small']],
    ] as const) {
      const { ahead, here } = await readBothWays(tutorialOut, environment, [...clusterTypes], WHOLE_TREE, delay);
      expect(ahead).toBeDefined();
      expect([...ahead!.files].sort()).toEqual([...here.files].sort());
      expect(ahead!.files.size).toBeGreaterThan(5);
      expect(ahead!.unmanaged).toEqual(here.unmanaged);
      for (const [file, hash] of ahead!.hashes) expect(hash).toBe(contentHash(ahead!.files.get(file)!));
    }
  });

  test('leaves unmanaged content alone and agrees on everything else in a folder that is also a checkout', async () => {
    const out = outCopy();
    const dev = path.join(out, 'dev');
    fs.writeFileSync(path.join(dev, 'README.md'), 'the platform repository\n');
    fs.mkdirSync(path.join(dev, 'docs'));
    fs.writeFileSync(path.join(dev, 'docs/x.yaml'), 'a: 1\n');
    fs.mkdirSync(path.join(dev, 'other'));
    fs.writeFileSync(path.join(dev, 'other/README.md'), 'Not Kalypso\n');
    fs.mkdirSync(path.join(dev, '.github/workflows'), { recursive: true });
    fs.writeFileSync(path.join(dev, '.github/workflows/ci.yaml'), 'on: push\n');
    fs.symlinkSync('/etc/hostname', path.join(dev, 'drone/link.yaml'));
    fs.writeFileSync(path.join(dev, 'small/not-utf8.yaml'), Buffer.from([0x61, 0xff, 0xfe, 0x0a]));
    // A stale cluster-type folder: Kalypso's README, no longer in the plan.
    fs.mkdirSync(path.join(dev, 'retired/app'), { recursive: true });
    fs.writeFileSync(path.join(dev, 'retired/README.md'), CLUSTER_TYPE_README_TEXT);
    fs.writeFileSync(path.join(dev, 'retired/app/namespace.yaml'), 'kind: Namespace\n');

    const { ahead, here } = await readBothWays(out, 'dev', DEV_CLUSTER_TYPES);

    expect(ahead).toBeDefined();
    expect([...ahead!.files].sort()).toEqual([...here.files].sort());
    expect(ahead!.unmanaged.sort()).toEqual(here.unmanaged.sort());
    expect(here.unmanaged.sort()).toEqual(['.github', 'README.md', 'docs', 'other']);
    expect(here.files.get('drone/link.yaml')).toBe('\u0000not a regular file');
    expect(here.files.has('retired/app/namespace.yaml')).toBe(true);
    expect(here.files.has('docs/x.yaml')).toBe(false);
  });

  test.each([
    ['at once', 0],
    ['after the worker has read everything', 500],
  ])(
    'with a record, reads only the files whose identity is not the recorded one, as this thread does (%s)',
    async (_name, delay) => {
      const out = outCopy();
      const dev = path.join(out, 'dev');
      const here0 = readManagedFilesSync(dev, DEV_CLUSTER_TYPES);
      // A record of every file but one, whose content changes afterwards, and one file not recorded at all.
      const record = new Map<string, readonly [string, string]>();
      for (const [file, content] of here0.files) {
        const stat = fs.lstatSync(path.join(dev, file), { bigint: true });
        if (stat.isFile()) record.set(file, [identityOf(stat), contentHash(content)]);
      }
      const [edited, unrecorded] = [...record.keys()].filter((file) => file.endsWith('.yaml'));
      record.delete(unrecorded);
      const recordFile = path.join(temporaryFolder(), 'dev.tree.json');
      writeTreeRecord(recordFile, record);
      fs.writeFileSync(path.join(dev, edited), 'edited\n');

      const prefetch = TreePrefetch.start(out, SCRIPT, {
        before: recordFile.slice(0, -'dev.tree.json'.length),
        after: '.tree.json',
      })!;
      try {
        if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
        const ahead = await prefetch.tree('dev', DEV_CLUSTER_TYPES);
        const here = readManagedFilesWithRecord(dev, DEV_CLUSTER_TYPES, WHOLE_TREE, readTreeRecord(recordFile)!);
        expect(ahead).toBeDefined();
        expect([...ahead!.files].sort()).toEqual([...here.files].sort());
        expect([...ahead!.identities!].sort()).toEqual([...here.identities].sort());
        expect(ahead!.files.get(edited)).toBe('edited\n');
        expect(ahead!.files.get(unrecorded)).toBe(here0.files.get(unrecorded));
        expect(ahead!.files.get('drone/README.md')).toBe(`${RECORDED}${contentHash(CLUSTER_TYPE_README_TEXT)}`);
      } finally {
        await prefetch.close();
      }
    },
  );

  test('agrees within a shard scope', async () => {
    const scope: ManagedScope = { ownsFolder: (folder) => folder === 'drone', ownsPromotedCommit: false };
    const { ahead, here } = await readBothWays(tutorialOut, 'dev', ['drone'], scope);
    expect([...ahead!.files.keys()].sort()).toEqual([...here.files.keys()].sort());
    expect([...here.files.keys()].every((file) => file.startsWith('drone/'))).toBe(true);
  });

  test('leaves to this thread a plan folder it could not know about (no Kalypso README), and a missing environment', async () => {
    const out = outCopy();
    fs.writeFileSync(path.join(out, 'dev/newtype'), 'a file where the plan wants a folder\n');
    const { ahead, here } = await readBothWays(out, 'dev', [...DEV_CLUSTER_TYPES, 'newtype']);
    expect(ahead).toBeUndefined();
    expect(here.files.get('newtype/')).toBe('\u0000not a folder');
    expect((await readBothWays(out, 'prod', ['drone'])).ahead).toBeUndefined();
  });
});

describe('bin/kalypso synth re-run (reading ahead in a worker thread)', () => {
  function identities(root: string): Record<string, string> {
    return Object.fromEntries(
      Object.keys(readOutputTree(root)).map((file) => {
        const stat = fs.statSync(path.join(root, file), { bigint: true });
        return [file, `${stat.ino}:${stat.mtimeNs}`];
      }),
    );
  }

  test('rewrites no file when nothing changed, and restores a file edited by hand', () => {
    const out = temporaryFolder();
    expect(runBin(['synth', '-c', TUTORIAL, '-o', out])).toMatchObject({ code: 0 });
    const tree = readOutputTree(out);
    const before = identities(out);

    expect(runBin(['synth', '-c', TUTORIAL, '-o', out])).toMatchObject({ code: 0 });
    expect(identities(out)).toEqual(before);

    const edited = path.join(out, 'dev/drone/hello-world-app-functional-test/platform-config.yaml');
    fs.writeFileSync(edited, 'edited by hand\n');
    expect(runBin(['synth', '-c', TUTORIAL, '-o', out])).toMatchObject({ code: 0 });
    expect(readOutputTree(out)).toEqual(tree);
  });
});
