import { parentPort } from 'worker_threads';
import { PipelineStep, ProgressReporter } from '../../core/model/progress';
import {
  EnvironmentForJobs,
  PortableEnvironment,
  PortableRenderJob,
  RenderedAssignment,
  environmentForJobs,
  extendEnvironmentForJobs,
} from '../../core/plan/render-job';
import { contentHash } from '../../core/plan/content-hash';
import { renderPortableJob } from '../render-job';
import { BatchStaging, StagedFiles, stageRenderedIfPossible } from './stage-rendered';

/*
 * A worker thread of the render pool (render-pool.ts): renders batches of plain-data jobs and sends back the results,
 * the hash of each file (for the render cache) and the time it spent per step; when asked, it also stages the files of
 * the jobs it rendered (stage-rendered.ts).
 */

/** The part of the environment a worker does not have yet: everything when `reset`, else what was added since. */
export interface EnvironmentUpdate extends PortableEnvironment {
  readonly reset: boolean;
}

/** A batch of jobs for one worker. */
export interface RenderBatch {
  readonly id: number;
  readonly environment?: EnvironmentUpdate;
  readonly jobs: readonly PortableRenderJob[];
  /** Where to stage the files of which jobs, when any. */
  readonly staging?: BatchStaging;
}

/** What a worker sends back for a batch: results in job order, or the error that stopped it. */
export type RenderBatchResult =
  | {
      readonly id: number;
      readonly results: readonly RenderedAssignment[];
      /** Per job, the files staged (with `staging`). */
      readonly staged?: readonly StagedFiles[];
      readonly milliseconds: Partial<Record<PipelineStep, number>>;
    }
  | { readonly id: number; readonly error: string };

/** Times the steps the renderer reports, with this thread's clock. */
class StepTimer implements ProgressReporter {
  public milliseconds: Partial<Record<PipelineStep, number>> = {};
  private current: PipelineStep | undefined;
  private since = 0;

  public phase(): void {}

  public step(step: PipelineStep): void {
    this.stop();
    this.current = step;
    this.since = performance.now();
  }

  public stop(): void {
    if (this.current)
      this.milliseconds[this.current] = (this.milliseconds[this.current] ?? 0) + performance.now() - this.since;
    this.current = undefined;
  }
}

let environment: EnvironmentForJobs | undefined;

function update(change: EnvironmentUpdate): void {
  if (change.reset || !environment) environment = environmentForJobs(change);
  else extendEnvironmentForJobs(environment, change);
}

function renderBatch(batch: RenderBatch): RenderBatchResult {
  try {
    if (batch.environment) update(batch.environment);
    const timer = new StepTimer();
    const results = batch.jobs.map((job) => renderPortableJob(job, environment!, timer));
    timer.stop();
    const staging = batch.staging;
    const staged = staging?.folders.map((folder, index) =>
      folder === undefined ? [] : stageRenderedIfPossible(staging.dir, folder, results[index]),
    );
    // Hashed here rather than in the main thread, which saves them in the render cache.
    const hashed = results.map((result) => {
      const hashes: Record<string, string> = {};
      for (const file of Object.keys(result.files)) hashes[file] = contentHash(result.files[file]);
      return { ...result, hashes };
    });
    return { id: batch.id, results: hashed, staged, milliseconds: timer.milliseconds };
  } catch (e) {
    return { id: batch.id, error: (e as Error)?.stack ?? String(e) };
  }
}

parentPort?.on('message', (batch: RenderBatch) => parentPort!.postMessage(renderBatch(batch)));
