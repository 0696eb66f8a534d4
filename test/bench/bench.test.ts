import * as fs from 'fs';
import * as path from 'path';
import { benchShape, formatResultLine, runBench } from './bench';
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

  test('runs at a tiny size and reports every measurement', async () => {
    const { machine, results } = await runBench({ sizes: [12], workDir: temporaryFolder(), fork: false });
    expect(machine.cores).toBeGreaterThan(0);
    const [result] = results;
    expect(result).toMatchObject({
      assignments: 12,
      files: 12 * 3 + 3 + 1,
      rerun: { rewrittenFiles: 0 },
      oneConfigMapChanged: { changedFiles: 4, rewrittenFiles: 4, onlyChangedRewritten: true },
    });
    expect(Object.keys(result.phases)).toEqual(['load', 'schedule', 'compose', 'render', 'serialize', 'plan', 'write']);
    expect(formatResultLine(result)).toMatch(
      /^assignments=12 files=40 seconds=\d+\.\d\d baseline_seconds=\d+\.\d\d ratio=\d+\.\d\d peak_rss_mb=\d+$/,
    );
  }, 60_000);

  test('measures the change report of a fleet-wide change (its time is printed by the script, not asserted)', async () => {
    const result = await measureReview(12, temporaryFolder(), 2);
    expect(result).toMatchObject({ assignments: 12, changedAssignments: 12, groups: 2 });
    expect(result.markdownBytes).toBeLessThan(65_536);
    expect(result.fullReportBytes).toBeGreaterThan(result.markdownBytes);
  }, 60_000);
});
