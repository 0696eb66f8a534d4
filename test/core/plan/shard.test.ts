import * as fs from 'fs';
import * as path from 'path';
import { Shard, parseShard, shardFilter, shardScope } from '../../../src/core/plan/shard';
import { synthesize } from '../../../src/app/synthesize/synthesize';
import { writeBenchControlPlane } from '../../bench/generate-control-plane';
import { runCli } from '../../support/cli';
import { readOutputTree, temporaryFolder, writeFiles } from '../../support/temp';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

describe('parseShard', () => {
  test.each<[string, Shard | undefined]>([
    ['1/1', { index: 1, count: 1 }],
    ['2/3', { index: 2, count: 3 }],
    ['12/40', { index: 12, count: 40 }],
    ['0/3', undefined],
    ['4/3', undefined],
    ['1/0', undefined],
    ['01/3', undefined],
    ['1', undefined],
    ['a/b', undefined],
    [' 1/2', undefined],
  ])('%s', (text, expected) => {
    expect(parseShard(text)).toEqual(expected);
  });
});

describe('shardFilter', () => {
  test('deals the cluster types out in name order, one to each shard in turn', () => {
    const names = ['e', 'a', 'd', 'b', 'c'];
    const of = (index: number) => names.filter(shardFilter(names, { index, count: 2 })).sort();
    expect([of(1), of(2)]).toEqual([
      ['a', 'c', 'e'],
      ['b', 'd'],
    ]);
  });

  test('gives every cluster type to exactly one shard', () => {
    const names = Array.from({ length: 23 }, (_, i) => `ct-${i}`);
    for (const count of [1, 2, 3, 7, 30]) {
      const owners = names.map((name) =>
        Array.from({ length: count }, (_, i) => i + 1).filter((index) => shardFilter(names, { index, count })(name)),
      );
      expect(owners.every((shards) => shards.length === 1)).toBe(true);
    }
  });

  test('gives folders of cluster types that no longer exist, and the promoted commit, to shard 1', () => {
    const scope = (index: number) => shardScope(['a', 'b'], { index, count: 2 });
    expect([scope(1).ownsFolder('gone'), scope(2).ownsFolder('gone')]).toEqual([true, false]);
    expect([scope(1).ownsFolder('a'), scope(2).ownsFolder('a'), scope(2).ownsFolder('b')]).toEqual([true, false, true]);
    expect([scope(1).ownsPromotedCommit, scope(2).ownsPromotedCommit]).toEqual([true, false]);
  });
});

describe('synth --shard', () => {
  const controlPlane = temporaryFolder();
  writeBenchControlPlane(controlPlane, { clusterTypes: 5, targets: 3 });
  // A cluster type that no longer exists, and a file that is not Kalypso's: shard 1 removes the first, nobody the second.
  const previous = {
    'prod/gone/README.md': CLUSTER_TYPE_README_TEXT,
    'prod/gone/x/r.yaml': 'r',
    'prod/notes.md': 'notes',
  };

  async function synth(out: string, shard?: Shard) {
    const result = await synthesize({ controlPlane, out, shard, threads: 1 });
    expect(result.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    return result;
  }

  test.each([1, 2, 3])(
    'with --shard i/%i for every i, the shards together write the unsharded tree, each only its part',
    async (count) => {
      const whole = temporaryFolder();
      writeFiles(whole, previous);
      await synth(whole);
      const expected = readOutputTree(whole);
      expect(Object.keys(expected)).toContain('prod/notes.md');
      expect(Object.keys(expected).some((file) => file.startsWith('prod/gone/'))).toBe(false);

      // WHEN each shard writes into its own folder
      const parts: Record<string, string>[] = [];
      for (let index = 1; index <= count; index++) {
        const out = temporaryFolder();
        await synth(out, { index, count });
        parts.push(readOutputTree(out));
      }
      // THEN the parts are disjoint and their union is the tree
      const union: Record<string, string> = {};
      for (const part of parts) {
        for (const [file, content] of Object.entries(part)) {
          expect(union[file]).toBeUndefined();
          union[file] = content;
        }
      }
      expect(union).toEqual(Object.fromEntries(Object.entries(expected).filter(([file]) => file !== 'prod/notes.md')));

      // WHEN every shard writes into one folder holding the previous tree, one after the other
      const shared = temporaryFolder();
      writeFiles(shared, previous);
      for (let index = count; index >= 1; index--) await synth(shared, { index, count });
      // THEN no shard removed another's folders, and the result is the unsharded tree
      expect(readOutputTree(shared)).toEqual(expected);
    },
  );

  test('a shard plans and writes only its cluster types', async () => {
    const out = temporaryFolder();
    const { plans } = await synth(out, { index: 2, count: 2 });
    expect(plans[0].clusterTypes).toEqual(['ct-0001', 'ct-0003']);
    expect(new Set(plans[0].assignments.map((assignment) => assignment.clusterType))).toEqual(
      new Set(['ct-0001', 'ct-0003']),
    );
    expect(fs.readdirSync(path.join(out, 'prod')).sort()).toEqual(['ct-0001', 'ct-0003']);
  });

  test.each([
    ['--shard 3/2', ['--shard', '3/2'], /--shard takes I\/N with 1 ≤ I ≤ N, e.g. 2\/4, got "3\/2"/],
    ['--shard 1', ['--shard', '1'], /--shard takes I\/N/],
    ['--jobs 0', ['--jobs', '0'], /--jobs takes a whole number of at least 1, got "0"/],
  ])('fails with a usage error on %s', async (_name, flags, message) => {
    const { code, stderr } = await runCli(['synth', '-c', controlPlane, '-o', temporaryFolder(), ...flags]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test("validate --shard 2/2 checks only that shard's assignments", async () => {
    const { code, stdout } = await runCli(['validate', '-c', controlPlane, '--shard', '2/2', '--json']);
    expect(code).toBe(0);
    expect(JSON.parse(stdout).environments[0].clusterTypes).toEqual(['ct-0001', 'ct-0003']);
  });
});

describe('synth --shard with a namespace collision between cluster types of different shards', () => {
  test('the shards together report what the unsharded run reports', async () => {
    // GIVEN cluster types "drone" and "drone-a" (shards 1 and 2 of 2) and targets "a-b" and "b": (drone, a-b) and
    // (drone-a, b) both make the namespace "dev-drone-a-b"
    const controlPlane = temporaryFolder();
    const kalypso = 'apiVersion: scheduler.kalypso.io/v1alpha1';
    writeFiles(controlPlane, {
      'main/env.yaml': `${kalypso}\nkind: Environment\nmetadata: {name: dev}\nspec: {controlPlane: {repo: "https://example.com/cp", branch: dev, path: .}}\n`,
      'dev/objects.yaml':
        ['drone', 'drone-a']
          .map(
            (name) =>
              `---\n${kalypso}\nkind: ClusterType\nmetadata: {name: ${name}}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n`,
          )
          .join('') +
        ['a-b', 'b']
          .map(
            (name) =>
              `---\n${kalypso}\nkind: DeploymentTarget\nmetadata: {name: ${name}, labels: {workload: w}}\nspec: {environment: dev, manifests: {repo: "https://example.com/r", branch: main, path: ./${name}}}\n`,
          )
          .join('') +
        `---\n${kalypso}\nkind: SchedulingPolicy\nmetadata: {name: p}\nspec:\n  deploymentTargetSelector: {labelSelector: {}}\n  clusterTypeSelector: {labelSelector: {}}\n`,
    });
    const errors = async (shard?: Shard) =>
      (await synthesize({ controlPlane, shard, threads: 1 })).problems
        .filter((problem) => problem.severity === 'error')
        .map((problem) => problem.message);
    // WHEN it is planned whole and in two shards
    const whole = await errors();
    const sharded = [...(await errors({ index: 1, count: 2 })), ...(await errors({ index: 2, count: 2 }))];
    // THEN the same collision is reported, once
    expect(whole).toEqual([
      'namespace "dev-drone-a-b" is produced by both (clusterType "drone", deploymentTarget "a-b") and (clusterType "drone-a", deploymentTarget "b")',
    ]);
    expect(sharded).toEqual(whole);
  });
});
