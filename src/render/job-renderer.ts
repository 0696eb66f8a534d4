import { ProgressReporter } from '../core/model/progress';
import { EnvironmentModel } from '../core/model/types';
import { PortableRenderJob, RenderJobs, RenderedAssignment } from '../core/plan/render-job';
import { RendererRegistry } from './constructs/renderer-registry';
import type * as RenderJobModule from './render-job';
import { RenderCache, renderCacheKey } from './cache/render-cache';
import { RenderPool, canRenderInWorkers } from './parallel/render-pool';
import { RenderStaging } from './parallel/stage-rendered';

/**
 * Rendering in this thread (with cdk8s), loaded when an assignment first renders here: a run whose assignments all
 * render in worker threads or come from the render cache does without it.
 */
function renderJobModule(): typeof RenderJobModule {
  return require('./render-job') as typeof RenderJobModule;
}

/**
 * Fewer assignments to render than this are rendered in this thread: starting worker threads (each loads cdk8s)
 * would cost more than it saves.
 */
export const WORKER_THRESHOLD = 1000;
/** Assignments sent to a worker at a time. */
const BATCH_SIZE = 50;

export interface JobRendererOptions {
  /** Threads that render: more than one renders in that many worker threads (given enough work). */
  readonly threads: number;
  /** The renderers registered in code, for the jobs that use them (rendered in this thread). */
  readonly registry?: RendererRegistry;
  readonly progress: ProgressReporter;
  /** @default WORKER_THRESHOLD */
  readonly workerThreshold?: number;
  /** @default RENDER_WORKER_SCRIPT, the compiled worker beside the pool */
  readonly workerScript?: string;
  /** The render cache of an environment, when there is one, and the fingerprint of this build its keys start with. */
  readonly cache?: {
    readonly fingerprint: string;
    readonly forEnvironment: (environment: EnvironmentModel) => Promise<RenderCache>;
  };
  /**
   * Where worker threads stage the files of an environment's assignments as they render them, for the writer
   * (src/render/parallel/stage-rendered.ts); undefined for none.
   */
  readonly staging?: (environment: EnvironmentModel) => RenderStaging | undefined;
}

/**
 * Renders each environment's assignments for the plan: from the render cache when their input did not change, else in
 * worker threads when there are enough of them and their renderers are plain data, else in this thread. Jobs are made
 * one at a time and sent off in batches, so only a few are in memory at once. The order of the results, and so the
 * plan, does not depend on where each was rendered.
 */
export class JobRenderer {
  private pool: RenderPool | undefined;
  /** Assignments rendered so far (not taken from the render cache). */
  public rendered = 0;

  public constructor(private readonly options: JobRendererOptions) {}

  public readonly render: RenderJobs = async (jobs, environment, rendered) => {
    const { progress, threads } = this.options;
    const cache = await this.options.cache?.forEnvironment(environment);
    const staging = this.options.staging?.(environment);
    const results = new Array<RenderedAssignment>(jobs.length);
    const keys = new Map<number, string>();
    const label = `rendering ${environment.name}`;
    let done = 0;
    const report = (count: number) => {
      done += count;
      progress.phase(label, done, jobs.length);
    };
    const inThread = (index: number) => {
      progress.step?.('compose');
      const job = jobs.job(index);
      progress.step?.('render');
      results[index] = renderJobModule().renderJob(job, jobs.templates, this.options.registry, progress);
      rendered?.(index, results[index]);
      this.rendered++;
      report(1);
    };

    // Jobs for workers wait here until there are enough to start them, then go in batches.
    const workersPossible = threads > 1 && canRenderInWorkers(this.options.workerScript);
    const threshold = this.options.workerThreshold ?? WORKER_THRESHOLD;
    let waiting: { index: number; job: PortableRenderJob }[] = [];
    const outstanding = new Set<Promise<void>>();
    let failure: unknown;
    const send = async (batch: { index: number; job: PortableRenderJob }[]) => {
      this.pool ??= new RenderPool({
        threads,
        script: this.options.workerScript,
        onStepTimes: (milliseconds) => progress.workerStepTimes?.(milliseconds),
      });
      const folders = staging && batch.map(({ index }) => jobs.folder(index));
      const rendering: Promise<void> = this.pool
        .render(
          batch.map(({ job }) => job),
          jobs.portableEnvironment(),
          staging && {
            dir: staging.dir,
            folders: folders!.map((folder) => (staging.stages(folder) ? folder : undefined)),
          },
        )
        .then(
          ({ results: batchResults, staged }) => {
            staged?.forEach((files, offset) => {
              if (files === undefined) staging!.abandon();
              else for (const [name, stat] of files) staging!.staged(`${folders![offset]}/${name}`, stat);
            });
            batch.forEach(({ index }, offset) => {
              results[index] = batchResults[offset];
              this.rendered++;
              const key = keys.get(index);
              if (key !== undefined) cache!.store(key, batchResults[offset]);
              keys.delete(index);
              rendered?.(index, results[index]);
            });
            report(batch.length);
          },
          (e) => {
            failure ??= e;
          },
        )
        .finally(() => outstanding.delete(rendering));
      outstanding.add(rendering);
      // Keep every worker busy, but make no more jobs than they can take soon.
      if (outstanding.size > 2 * threads) {
        progress.step?.('render');
        await Promise.race(outstanding);
      }
    };

    for (let index = 0; index < jobs.length; index++) {
      if (failure) throw failure;
      progress.step?.('compose');
      const identity = cache ? jobs.identity(index) : undefined;
      if (identity !== undefined) {
        const key = renderCacheKey(this.options.cache!.fingerprint, identity);
        const hit = cache!.lookup(key);
        if (hit) {
          results[index] = hit;
          rendered?.(index, hit);
          report(1);
          continue;
        }
        keys.set(index, key);
      }
      const portable = workersPossible ? jobs.portable(index) : undefined;
      if (!portable) {
        inThread(index);
        continue;
      }
      waiting.push({ index, job: portable });
      if (this.pool ? waiting.length >= BATCH_SIZE : waiting.length >= threshold) {
        const ready = waiting;
        waiting = [];
        for (let start = 0; start < ready.length; start += BATCH_SIZE)
          await send(ready.slice(start, start + BATCH_SIZE));
      }
    }
    if (this.pool && waiting.length > 0) await send(waiting);
    else for (const { index } of waiting) inThread(index);
    progress.step?.('render');
    await Promise.all(outstanding);
    if (failure) throw failure;
    if (cache) {
      for (const [index, key] of keys) cache.store(key, results[index]);
    }
    return results;
  };

  /** Ends the worker threads, if any were started. */
  public async close(): Promise<void> {
    await this.pool?.close();
    this.pool = undefined;
  }
}
