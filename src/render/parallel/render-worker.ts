import { parentPort } from 'worker_threads';
import { PipelineStep, ProgressReporter } from '../../core/model/progress';
import {
  EnvironmentForJobs,
  PortableEnvironment,
  PortableRenderJob,
  environmentForJobs,
  extendEnvironmentForJobs,
} from '../../core/plan/render-job';
import { renderPortableJob } from '../render-job';
import { EncodedBatch, encodeResults } from './encoded-results';
import { BatchStaging, StagedFiles, stageRenderedIfPossible } from './stage-rendered';

/*
 * A worker thread of the render pool (render-pool.ts): renders batches of plain-data jobs and sends back the results
 * (their files as bytes with their hashes, encoded-results.ts) and the time it spent per step; when asked, it also
 * stages the files of the jobs it rendered (stage-rendered.ts).
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
      /** The results in job order, their files in one buffer (moved, not copied). */
      readonly encoded: EncodedBatch;
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

function renderBatch(batch: RenderBatch): { result: RenderBatchResult; transfer: ArrayBuffer[] } {
  try {
    if (batch.environment) update(batch.environment);
    const timer = new StepTimer();
    const results = batch.jobs.map((job) => renderPortableJob(job, environment!, timer));
    timer.stop();
    const { batch: encoded, bytesOf } = encodeResults(results);
    const staging = batch.staging;
    const staged = staging?.folders.map((folder, index) =>
      folder === undefined ? [] : stageRenderedIfPossible(staging.dir, folder, results[index], bytesOf(index)),
    );
    return {
      result: { id: batch.id, encoded, staged, milliseconds: timer.milliseconds },
      transfer: [encoded.bytes],
    };
  } catch (e) {
    return { result: { id: batch.id, error: (e as Error)?.stack ?? String(e) }, transfer: [] };
  }
}

parentPort?.on('message', (batch: RenderBatch) => {
  const { result, transfer } = renderBatch(batch);
  parentPort!.postMessage(result, transfer);
});
