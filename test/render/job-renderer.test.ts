import * as fs from 'fs';
import * as path from 'path';
import { loadControlPlane } from '../../src/io/source/load';
import { FolderSource } from '../../src/io/source/folder-source';
import { PipelineStep } from '../../src/core/model/progress';
import { EnvironmentPlan, planControlPlaneWith } from '../../src/core/plan/plan';
import { planControlPlane } from '../../src/app/synthesize/plan-model';
import { RendererRegistry } from '../../src/render/constructs/renderer-registry';
import { JobRenderer } from '../../src/render/job-renderer';
import { RenderedAssignment } from '../../src/core/plan/render-job';
import { contentHash } from '../../src/core/plan/content-hash';
import { contentBytes, knownContentHash } from '../../src/core/plan/lazy-files';
import { writeBenchControlPlane } from '../bench/generate-control-plane';
import { ROOT } from '../support/cli';
import { temporaryFolder } from '../support/temp';

/** The worker script as `npm test` compiles it (workers run JavaScript; this test runs the TypeScript sources). */
const COMPILED_WORKER = path.join(ROOT, 'lib/src/render/parallel/render-worker.js');
const TEMPLATES = path.join(__dirname, '../fixtures/templates/kalypso-bootstrap');

/** Everything a plan says, config provenance included, as comparable data. */
function planData(plans: readonly EnvironmentPlan[]) {
  return plans.map((plan) => ({
    ...plan,
    assignments: plan.assignments.map((assignment) => ({
      ...assignment,
      config: { data: assignment.config.data, provenance: assignment.config.provenance },
    })),
  }));
}

describe('JobRenderer', () => {
  test('renders in worker threads exactly what one thread renders, Templates and built-ins alike', async () => {
    // GIVEN 300 assignments, those of half the cluster types through the Templates "arc-flux" and "configmap"
    expect(fs.existsSync(COMPILED_WORKER)).toBe(true);
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 12, targets: 25 });
    for (const name of ['arc-flux.yaml', 'configmap.yaml'])
      fs.copyFileSync(path.join(TEMPLATES, name), path.join(controlPlane, 'main', name));
    const { model, problems } = await loadControlPlane(new FolderSource(controlPlane));
    expect(problems).toEqual([]);

    // WHEN it is planned in this thread, and with two worker threads taking batches of 50
    const inThread = planControlPlane(model);
    const stepTimes: Partial<Record<PipelineStep, number>>[] = [];
    const renderer = new JobRenderer({
      threads: 2,
      workerThreshold: 1,
      workerScript: COMPILED_WORKER,
      progress: { phase: () => undefined, workerStepTimes: (times) => stepTimes.push(times) },
    });
    let inWorkers: EnvironmentPlan[];
    try {
      inWorkers = await planControlPlaneWith(model, renderer.render, { renderers: RendererRegistry.withBuiltIns() });
    } finally {
      await renderer.close();
    }

    // THEN the workers rendered every batch, and the plans are the same
    expect(stepTimes.length).toBeGreaterThan(5);
    expect(Object.keys(inThread[0].files)).toHaveLength(12 * 25 * 3 + 12 + 1);
    expect(Object.values(inThread[0].files).some((text) => text.includes('source.toolkit.fluxcd.io/v1beta2'))).toBe(
      true,
    );
    expect(planData(inWorkers)).toEqual(planData(inThread));
  }, 60_000);

  test('worker threads send the hash of each file they render, for the render cache', async () => {
    // GIVEN a generated control plane rendered by two worker threads
    const controlPlane = temporaryFolder();
    writeBenchControlPlane(controlPlane, { clusterTypes: 4, targets: 10 });
    const { model } = await loadControlPlane(new FolderSource(controlPlane));
    const renderer = new JobRenderer({
      threads: 2,
      workerThreshold: 1,
      workerScript: COMPILED_WORKER,
      progress: { phase: () => undefined },
    });
    const results: RenderedAssignment[] = [];
    try {
      await planControlPlaneWith(
        model,
        async (jobs, environment) => {
          const rendered = await renderer.render(jobs, environment);
          results.push(...rendered);
          return rendered;
        },
        { renderers: RendererRegistry.withBuiltIns() },
      );
    } finally {
      await renderer.close();
    }
    // THEN each file's hash is known without reading it, and its bytes are those of its text
    expect(results).toHaveLength(4 * 10);
    const decode = jest.spyOn(Buffer.prototype, 'toString');
    for (const { files } of results) {
      expect(Object.keys(files)).toHaveLength(3);
      for (const file of Object.keys(files)) {
        expect(knownContentHash(files, file)).toBe(contentHash(contentBytes(files, file)));
      }
    }
    expect(decode.mock.calls.filter(([encoding]) => encoding === 'utf8')).toHaveLength(0);
    decode.mockRestore();
    for (const { files } of results) {
      for (const file of Object.keys(files)) {
        expect(contentHash(files[file])).toBe(knownContentHash(files, file));
        expect(contentBytes(files, file)).toEqual(Buffer.from(files[file]));
      }
    }
    expect(Object.values(results[0].files).join('')).toContain('kind: Namespace');
  }, 60_000);
});
