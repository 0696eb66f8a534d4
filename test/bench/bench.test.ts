import * as fs from 'fs';
import * as path from 'path';
import { benchShape, benchSize, machine } from './bench';
import { partOf } from './profile';
import { README_END, README_START, formatResultLines, resultsMarkdown, withReadmeTable } from './results';
import { BENCH_ENVIRONMENT, writeBenchControlPlane } from './generate-control-plane';
import { temporaryFolder } from '../support/temp';
import { loadControlPlane } from '../../src/io/source/load';
import { FolderSource } from '../../src/io/source/folder-source';
import { planControlPlane } from '../../src/app/synthesize/plan-model';
import { measureReview } from './review-bench';

describe('the benchmark', () => {
  test('generates the same control plane for the same seed, with ten ConfigMaps and twenty policies per assignment', async () => {
    const [a, b] = [temporaryFolder(), temporaryFolder()];
    expect(writeBenchControlPlane(a, { clusterTypes: 4, targets: 8 })).toBe(32);
    writeBenchControlPlane(b, { clusterTypes: 4, targets: 8 });
    const files = (root: string) =>
      fs
        .readdirSync(root, { recursive: true, encoding: 'utf8' })
        .sort()
        .map((file) => [
          file,
          fs.statSync(path.join(root, file)).isFile() ? fs.readFileSync(path.join(root, file), 'utf8') : '',
        ]);
    expect(files(a)).toEqual(files(b));

    const { model, problems } = await loadControlPlane(new FolderSource(a));
    expect(problems).toEqual([]);
    const [plan] = planControlPlane(model);
    expect(plan.environment).toBe(BENCH_ENVIRONMENT);
    expect(plan.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(plan.assignments).toHaveLength(32);
    expect(model.environments[0].schedulingPolicies).toHaveLength(20);
    expect(plan.assignments.every((assignment) => assignment.policies.length === 1)).toBe(true);
    const configMaps = new Set(
      plan.assignments.flatMap((assignment) =>
        Object.values(assignment.config.provenance)
          .flat()
          .map((c) => c.configMap),
      ),
    );
    expect(
      Object.values(plan.assignments[0].config.provenance)
        .flat()
        .map((c) => c.configMap)
        .filter((m, i, all) => all.indexOf(m) === i),
    ).toHaveLength(10);
    expect(configMaps.size).toBeGreaterThan(10);
  });

  test.each([
    [1000, 20, 50],
    [10000, 100, 100],
    [50000, 250, 200],
  ])('shapes %i assignments as %i cluster types × %i targets', (size, clusterTypes, targets) => {
    expect(benchShape(size)).toEqual({ clusterTypes, targets });
  });

  test('runs whole kalypso synth processes at a tiny size, in two folders, and reports every measurement', async () => {
    // GIVEN the built command line (lib/, as for the CLI tests) and two scratch folders standing for memory and disk
    const result = await benchSize(12, {
      sizes: [12],
      media: { memory: temporaryFolder(), disk: temporaryFolder() },
      fork: false,
      repeat: 1,
    });
    // THEN each folder has its cold runs, re-runs and one-change re-run, which rewrote exactly the changed files
    expect(result).toMatchObject({ assignments: 12, files: 12 * 3 + 3 + 1, changedAssignments: 4 });
    expect(result.media.map((medium) => medium.medium)).toEqual(['memory', 'disk']);
    for (const medium of result.media) {
      expect(medium).toMatchObject({
        rerun: { rewrittenFiles: 0 },
        oneChange: { changedFiles: 4, rewrittenFiles: 4, onlyChangedRewritten: true },
      });
      expect(medium.peakRssMb).toBeGreaterThan(10);
      expect(medium.synth.seconds).toHaveLength(1);
    }
    const lines = formatResultLines(result);
    expect(lines[0]).toMatch(
      /^whole-process assignments=12 medium=memory files=40 seconds=\d+\.\d\d baseline_seconds=\d+\.\d\d ratio=\d+\.\d\d peak_rss_mb=\d+$/,
    );
    expect(lines[2]).toMatch(
      /^re-run assignments=12 medium=memory .* changed_assignments=4 changed_files=4 rewritten_files=4$/,
    );

    // AND the results file and the README table hold the figures
    const info = { date: '2026-12-07 00:00 UTC', minutes: 1, machine: machine(), command: 'npm run bench' };
    const markdown = resultsMarkdown([result], info);
    expect(markdown).toContain(`| 12 | 40 | memory | ${result.media[0].synth.median.toFixed(2)} |`);
    const readme = withReadmeTable(`before\n${README_START}\nold\n${README_END}\nafter\n`, [result], info);
    expect(readme).toMatch(
      /^before\n<!-- bench-results:start -->\n\| assignments \|[^]*\n<!-- bench-results:end -->\nafter\n$/,
    );
    expect(readme).not.toContain('\nold\n');
  }, 120_000);

  test('sums a CPU profile by part of the program', () => {
    expect(partOf('(garbage collector)', '')).toBe('garbage collection');
    expect(partOf('lstat', '')).toBe('native calls (file system, hashing, …)');
    expect(partOf('toJson', 'file:///x/node_modules/cdk8s/lib/api-object.js')).toBe('package cdk8s');
    expect(partOf('f', 'file:///x/node_modules/@octokit/rest/index.js')).toBe('package @octokit/rest');
    expect(partOf('stringifyMap', 'file:///x/lib/src/render/serialize/manifest-yaml.js')).toBe('src/render/serialize');
  });

  test('measures the change report of a fleet-wide change (its time is printed by the script, not asserted)', async () => {
    const result = await measureReview(12, temporaryFolder(), 2);
    expect(result).toMatchObject({ assignments: 12, changedAssignments: 12, groups: 2 });
    expect(result.markdownBytes).toBeLessThan(65_536);
    expect(result.fullReportBytes).toBeGreaterThan(result.markdownBytes);
  }, 60_000);
});
