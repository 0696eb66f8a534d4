import * as fs from 'fs';
import * as path from 'path';
import { Worker } from 'worker_threads';
import { PipelineStep } from '../../core/model/progress';
import { PortableEnvironment, PortableRenderJob, RenderedAssignment } from '../../core/plan/render-job';
import { EnvironmentUpdate, RenderBatch, RenderBatchResult } from './render-worker';
import { decodeResults } from './encoded-results';
import { BatchStaging, StagedFiles } from './stage-rendered';

/*
 * Renders plain-data jobs in worker threads. Rendering is CPU-bound and each assignment is independent, so the jobs
 * are cut into batches that idle workers take in turn; results come back in job order, so the plan is the same as
 * when rendering in one thread (test/output/render-pool.test.ts).
 */

/**
 * The worker script: the compiled `render-worker.js` next to this file (absent when running from TypeScript sources).
 */
export const RENDER_WORKER_SCRIPT = path.join(__dirname, 'render-worker.js');

/** Whether worker threads can be started: the compiled worker script exists. */
export function canRenderInWorkers(script = RENDER_WORKER_SCRIPT): boolean {
  return fs.existsSync(script);
}

/*
 * A worker's young generation: it keeps little, so the default (~70 MB for two workers) is memory spent for nothing,
 * but at 8 MB garbage collection took 18 % of a worker's time at 10,000 assignments. 32 MB renders a cold 10,000
 * about 5 % faster than 16 MB (interleaved runs), with the same peak memory at 50,000: the peak is the main thread's
 * plan, once the workers are done (and since workers' contents go straight into the render cache's pack, 768 MB).
 */
const WORKER_YOUNG_GENERATION_MB = 32;

export interface RenderPoolOptions {
  /** Number of worker threads. */
  readonly threads: number;
  /** @default RENDER_WORKER_SCRIPT */
  readonly script?: string;
  /** Told the time workers spent per step, after each batch. */
  readonly onStepTimes?: (milliseconds: Readonly<Partial<Record<PipelineStep, number>>>) => void;
}

interface QueuedBatch {
  readonly id: number;
  readonly environment: PortableEnvironment;
  readonly jobs: readonly PortableRenderJob[];
  readonly staging: BatchStaging | undefined;
  readonly resolve: (results: RenderedBatch) => void;
  readonly reject: (e: Error) => void;
}

/** The results of a batch in job order, and per job the files the worker staged (with staging). */
export interface RenderedBatch {
  readonly results: RenderedAssignment[];
  readonly staged?: readonly StagedFiles[];
}

/** What a worker has of an environment: the environment, and how much of each of its lists. */
interface WorkerEnvironment {
  readonly environment: PortableEnvironment;
  clusterTypes: number;
  deploymentTargets: number;
  configSources: number;
}

/**
 * A set of worker threads that render batches of jobs: each batch goes to the next idle worker, with the part of the
 * jobs' environment that worker does not have yet, and its promise resolves with the results in job order. `close()`
 * ends the workers.
 */
export class RenderPool {
  private readonly idle: Worker[] = [];
  private readonly queue: QueuedBatch[] = [];
  private readonly running = new Map<Worker, QueuedBatch>();
  private readonly environments = new Map<Worker, WorkerEnvironment>();
  private nextBatch = 0;
  private failure: Error | undefined;

  public constructor(private readonly options: RenderPoolOptions) {
    for (let i = 0; i < Math.max(1, options.threads); i++) {
      const worker = new Worker(options.script ?? RENDER_WORKER_SCRIPT, {
        resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
      });
      worker.on('message', (message: RenderBatchResult) => this.finished(worker, message));
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (this.running.has(worker)) this.fail(new Error(`a render worker thread stopped (exit code ${code})`));
      });
      this.idle.push(worker);
    }
  }

  /** Batches queued or being rendered. */
  public get pending(): number {
    return this.queue.length + this.running.size;
  }

  /**
   * Renders one batch of jobs of `environment` (which may have grown since an earlier batch: a worker is sent what it
   * lacks when it takes the batch); with `staging`, the worker also stages the files of the jobs given a folder.
   */
  public render(
    jobs: readonly PortableRenderJob[],
    environment: PortableEnvironment,
    staging?: BatchStaging,
  ): Promise<RenderedBatch> {
    if (this.failure) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextBatch++, environment, jobs, staging, resolve, reject });
      this.dispatch();
    });
  }

  public async close(): Promise<void> {
    const workers = [...this.idle, ...this.running.keys()];
    this.running.clear();
    this.idle.length = 0;
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.idle.length > 0 && this.queue.length > 0) {
      const worker = this.idle.pop()!;
      const queued = this.queue.shift()!;
      this.running.set(worker, queued);
      const batch: RenderBatch = {
        id: queued.id,
        environment: this.update(worker, queued.environment),
        jobs: queued.jobs,
        staging: queued.staging,
      };
      worker.postMessage(batch);
    }
  }

  /** What `worker` lacks of `environment`, recording that it has it now. */
  private update(worker: Worker, environment: PortableEnvironment): EnvironmentUpdate | undefined {
    const known = this.environments.get(worker);
    const reset = known?.environment.clusterTypes !== environment.clusterTypes;
    const from = reset ? { clusterTypes: 0, deploymentTargets: 0, configSources: 0 } : known!;
    const update: EnvironmentUpdate = {
      reset,
      templates: reset ? environment.templates : [],
      clusterTypes: environment.clusterTypes.slice(from.clusterTypes),
      deploymentTargets: environment.deploymentTargets.slice(from.deploymentTargets),
      configSources: environment.configSources.slice(from.configSources),
    };
    this.environments.set(worker, {
      environment,
      clusterTypes: environment.clusterTypes.length,
      deploymentTargets: environment.deploymentTargets.length,
      configSources: environment.configSources.length,
    });
    const nothingNew =
      !reset && update.clusterTypes.length + update.deploymentTargets.length + update.configSources.length === 0;
    return nothingNew ? undefined : update;
  }

  private finished(worker: Worker, message: RenderBatchResult): void {
    const queued = this.running.get(worker);
    if (!queued || queued.id !== message.id) return;
    this.running.delete(worker);
    this.idle.push(worker);
    if ('error' in message) {
      this.fail(new Error(`rendering in a worker thread failed: ${message.error}`));
      return;
    }
    this.options.onStepTimes?.(message.milliseconds);
    queued.resolve({ results: decodeResults(message.encoded), staged: message.staged });
    this.dispatch();
  }

  private fail(e: Error): void {
    this.failure ??= e;
    for (const queued of [...this.running.values(), ...this.queue]) queued.reject(this.failure);
    this.running.clear();
    this.queue.length = 0;
  }
}
