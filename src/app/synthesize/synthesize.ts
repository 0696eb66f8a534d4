import * as os from 'os';
import * as path from 'path';
import { Problem, isError, sortProblems } from '../../core/model/problems';
import { SILENT_PROGRESS } from '../../core/model/progress';
import { ControlPlaneModel } from '../../core/model/types';
import { EnvironmentPlan, PlanOptions, planControlPlaneWith } from '../../core/plan/plan';
import { Shard, shardScope } from '../../core/plan/shard';
import { defaultCacheFolder } from '../../io/git/git-cache';
import { OutputError } from '../../io/output/output-lock';
import { OutputFolder, WriteReport } from '../../io/output/write';

export type { WriteReport } from '../../io/output/write';
import { ControlPlaneSource } from '../../io/source/control-plane-source';
import { FolderSource } from '../../io/source/folder-source';
import { LoadOptions, loadControlPlane } from '../../io/source/load';
import { RenderCache, renderCacheFile, treeRecordFile } from '../../render/cache/render-cache';
import { toolFingerprint } from './tool-fingerprint';
import { RendererRegistry } from '../../render/constructs/renderer-registry';
import { JobRenderer } from '../../render/job-renderer';

/** A control plane as every front door hands it to the pipeline: YAML loaded from a folder or git, or constructs. */
export interface ControlPlaneInput {
  /** The control plane as the pipeline sees it (objects with errors left out). */
  readonly model: ControlPlaneModel;
  /** Problems found before planning: loading YAML, or the constructs' own checks. */
  readonly problems: readonly Problem[];
  /**
   * The renderers ClusterTypes may name besides Templates.
   * @default RendererRegistry.withBuiltIns()
   */
  readonly registry?: RendererRegistry;
}

/** How the pipeline renders and where it writes. */
export interface SynthesizeOptions extends Omit<PlanOptions, 'renderers' | 'incompleteInput'> {
  /** Output folder; each environment's tree goes to `<out>/<environment>/`. Nothing is written without it. */
  readonly out?: string;
  /**
   * Write the assignments that succeeded even when others failed; failed ones keep their previous files and nothing
   * is deleted.
   * @default false - nothing is written when there is any error
   */
  readonly keepGoing?: boolean;
  /**
   * Threads that render assignments: more than one renders large environments in that many worker threads; more than
   * the machine's cores are not used.
   * @default - the cores that are free: those idle while the control plane loaded, plus this thread's
   */
  readonly threads?: number;
  /**
   * Keep a render cache, so a run renders only assignments whose input changed (also when the output folder was
   * deleted in between, as `cdk8s synth` does).
   * @default true
   */
  readonly renderCache?: boolean;
  /**
   * The tool's cache folder: the render cache goes to its `render/` folder, one folder per output folder.
   * @default "$XDG_CACHE_HOME/kalypso-cdk8s", else "~/.cache/kalypso-cdk8s"
   */
  readonly cacheDir?: string;
  /**
   * Count warnings as errors: with any problem at all, nothing is written (for CI gates).
   * @default false
   */
  readonly strict?: boolean;
}

/** What `synthesize` reads, how it renders, and where it writes. */
export interface SynthOptions extends LoadOptions, SynthesizeOptions {
  /** The control plane: a folder of branches, or any `ControlPlaneSource`. */
  readonly controlPlane: string | ControlPlaneSource;
  /**
   * The renderers ClusterTypes may name besides Templates.
   * @default RendererRegistry.withBuiltIns()
   */
  readonly registry?: RendererRegistry;
}

/** What the pipeline planned, found and wrote. */
export interface SynthResult {
  /** The control plane as loaded (objects with errors left out), for explaining the plans. */
  readonly model: ControlPlaneModel;
  /** Per environment: the files, the assignments and why they were made. */
  readonly plans: readonly EnvironmentPlan[];
  /** Every problem, loading and planning, sorted and de-duplicated. */
  readonly problems: readonly Problem[];
  /** What was written, per environment; empty when nothing was written. */
  readonly written: readonly WriteReport[];
  /** Assignments rendered this run; the others came from the render cache. */
  readonly rendered: number;
}

/**
 * Loads a control plane (a folder of branches or any source) and runs the pipeline on it (see `synthesizeInput`). The
 * output folder is locked, and its current trees read ahead in a worker thread, while the control plane loads.
 */
export async function synthesize(options: SynthOptions): Promise<SynthResult> {
  const source =
    typeof options.controlPlane === 'string' ? new FolderSource(options.controlPlane) : options.controlPlane;
  const progress = options.progress ?? SILENT_PROGRESS;
  if (options.out !== undefined) refuseOverlap(options.out, source.resolveLocalPath('.'));
  const cpuAtStart = options.threads === undefined ? cpuTimes() : undefined;
  const output = await openOutput(options);
  progress.phase('loading control plane');
  progress.step?.('load');
  let loaded;
  try {
    loaded = await loadControlPlane(source, options);
  } catch (e) {
    await output?.close();
    throw e;
  }
  const threads = options.threads ?? freeCores(cpuAtStart!);
  return runPipeline(
    { model: loaded.model, problems: loaded.problems, registry: options.registry },
    { ...options, threads },
    output,
  );
}

/**
 * The one pipeline, whatever the front door (docs/explanation/architecture.md): rules →
 * schedule → compose config → validate config → render (from the render cache, in worker threads, or in this thread)
 * → collision checks → files; then write them to `out` when there are no errors (or with `keepGoing`). The CLI,
 * `ControlPlane.synth()` and `KalypsoApp.synth()` all come here.
 */
export async function synthesizeInput(input: ControlPlaneInput, options: SynthesizeOptions = {}): Promise<SynthResult> {
  return runPipeline(input, options, await openOutput(options));
}

/** Opens (locks) an existing output folder and starts reading it ahead; undefined when there is none to open. */
async function openOutput(options: SynthesizeOptions): Promise<OutputFolder | undefined> {
  if (options.out === undefined) return undefined;
  const output = await OutputFolder.openExisting(options.out);
  if (!output) return undefined;
  recordTrees(output, options);
  // With a record of the trees, the worker reads only the files changed since, and looks at the others' identities.
  if (options.threads !== 1) output.readAhead();
  return output;
}

/** Keeps a record of the written trees beside the render cache (see src/io/output/tree-record.ts). */
function recordTrees(output: OutputFolder, options: SynthesizeOptions): void {
  if (options.renderCache === false || options.out === undefined) return;
  const cacheRoot = options.cacheDir ?? defaultCacheFolder(process.env);
  const out = options.out;
  output.recordTrees((environment) => treeRecordFile(cacheRoot, out, renderCacheName(environment, options.shard)));
}

async function runPipeline(
  input: ControlPlaneInput,
  options: SynthesizeOptions,
  opened: OutputFolder | undefined,
): Promise<SynthResult> {
  let output = opened;
  const { model } = input;
  const progress = options.progress ?? SILENT_PROGRESS;
  const registry = input.registry ?? RendererRegistry.withBuiltIns();
  const fails = (problems: readonly Problem[]) => (options.strict ? problems.length > 0 : problems.some(isError));
  const inputFailed = fails(input.problems);
  const planOptions: PlanOptions = { ...options, renderers: registry, incompleteInput: inputFailed };
  const threads = Math.min(options.threads ?? os.availableParallelism(), os.availableParallelism());
  const writes = options.out !== undefined && (options.keepGoing || !inputFailed);
  if (!writes) {
    await output?.close();
    output = undefined;
  }
  try {
    // Opened before rendering, so that render workers can stage a new tree's files while others render.
    if (writes && !output && threads > 1) {
      output = await OutputFolder.open(options.out!);
      recordTrees(output, options);
    }
    const stagingOutput = writes ? output : undefined;
    const scopes = new Map(
      model.environments.map((environment) => [
        environment.name,
        shardScope(
          environment.clusterTypes.map((clusterType) => clusterType.name),
          options.shard,
        ),
      ]),
    );
    const caches: RenderCache[] = [];
    const fingerprint = options.renderCache !== false ? toolFingerprint() : undefined;
    const renderer = new JobRenderer({
      threads,
      progress,
      registry,
      cache:
        fingerprint !== undefined && options.out !== undefined
          ? {
              fingerprint,
              forEnvironment: async (environment) => {
                const file = renderCacheFile(
                  options.cacheDir ?? defaultCacheFolder(process.env),
                  options.out!,
                  renderCacheName(environment.name, options.shard),
                );
                const cache = RenderCache.open(file, fingerprint);
                caches.push(cache);
                return cache;
              },
            }
          : undefined,
      staging: stagingOutput && ((environment) => stagingOutput.stageAhead(environment.name)),
    });
    let plans: EnvironmentPlan[];
    try {
      plans = await planControlPlaneWith(model, renderer.render, planOptions);
    } finally {
      await renderer.close();
    }
    const problems = sortProblems([...input.problems, ...plans.flatMap((plan) => plan.problems)]);
    const failed = fails(problems);
    const rendered = renderer.rendered;
    if (!writes || (failed && !options.keepGoing)) return { model, plans, problems, written: [], rendered };
    progress.phase('writing');
    progress.step?.('write');
    if (!output) {
      output = await OutputFolder.open(options.out!);
      recordTrees(output, options);
    }
    const written = await output.write(
      plans.map((plan) => ({
        environment: plan.environment,
        files: plan.files,
        clusterTypes: plan.clusterTypes,
        keep: plan.failedFolders,
        // With errors, objects that failed to load are missing from the plan: their files must not look stale.
        deleteStale: !failed,
        scope: scopes.get(plan.environment),
      })),
    );
    for (const cache of caches) cache.save();
    return { model, plans, problems, written, rendered };
  } finally {
    await output?.close();
  }
}

/**
 * Refuses an output folder inside the control plane's folder, or a control plane inside the output folder: the run
 * would write its trees into its own input.
 */
function refuseOverlap(out: string, controlPlane: string | undefined): void {
  if (controlPlane === undefined) return;
  const inside = (child: string, parent: string) => {
    const relative = path.relative(path.resolve(parent), path.resolve(child));
    return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
  };
  if (inside(out, controlPlane)) {
    throw new OutputError(
      `the output folder ${out} is inside the control plane ${controlPlane}; write the trees somewhere else (e.g. --out dist outside it)`,
    );
  }
  if (inside(controlPlane, out)) {
    throw new OutputError(
      `the control plane ${controlPlane} is inside the output folder ${out}; write the trees somewhere else`,
    );
  }
}

interface CpuTimes {
  readonly cores: os.CpuInfo['times'][];
  readonly process: NodeJS.CpuUsage;
}

function cpuTimes(): CpuTimes {
  return { cores: os.cpus().map((cpu) => cpu.times), process: process.cpuUsage() };
}

/**
 * How many cores are free for rendering, from how busy the machine was since `before` (while this thread loaded the
 * control plane): the cores not busy with other processes' work (this process's threads, reading ahead among them,
 * count as free). On a machine busy with other work (a shared CI runner) more threads would only add the cost of
 * starting them.
 */
function freeCores(before: CpuTimes): number {
  const cores = os.availableParallelism();
  const after = cpuTimes();
  if (before.cores.length === 0 || before.cores.length !== after.cores.length) return cores;
  const sum = (times: os.CpuInfo['times']) => times.user + times.nice + times.sys + times.irq + times.idle;
  let idle = 0;
  let total = 0;
  after.cores.forEach((times, index) => {
    idle += times.idle - before.cores[index].idle;
    total += sum(times) - sum(before.cores[index]);
  });
  if (total <= 0) return cores;
  const own = process.cpuUsage(before.process);
  const busyWithOthers = Math.max(0, total - idle - (own.user + own.system) / 1000);
  return Math.max(1, Math.min(cores, Math.round(cores * (1 - busyWithOthers / total))));
}

/** The render cache file of an environment (and shard). */
function renderCacheName(environment: string, shard: Shard | undefined): string {
  return shard && shard.count > 1 ? `${environment}.shard-${shard.index}-of-${shard.count}` : environment;
}
