import * as os from 'os';
import { ControlPlaneSource } from '../../io/source/control-plane-source';
import { FolderSource } from '../../io/source/folder-source';
import { LoadOptions, loadControlPlane } from '../../io/source/load';
import { Problem, isError, sortProblems } from '../../core/model/problems';
import { ControlPlaneModel } from '../../core/model/types';
import { EnvironmentPlan, PlanOptions, planControlPlaneWith } from '../../core/plan/plan';
import { SILENT_PROGRESS } from '../../core/model/progress';
import { RenderCache, toolFingerprint } from '../../render/cache/render-cache';
import { Shard, shardFilter, shardScope } from '../../core/plan/shard';
import { OutputFolder, WriteReport } from '../../io/output/write';
import { JobRenderer } from '../../render/job-renderer';

/** What `synthesize` reads, how it renders, and where it writes. */
export interface SynthOptions extends LoadOptions, PlanOptions {
  /** The control plane: a folder of branches, or any `ControlPlaneSource`. */
  readonly controlPlane: string | ControlPlaneSource;
  /** Output folder; each environment's tree goes to `<out>/<environment>/`. Nothing is written without it. */
  readonly out?: string;
  /**
   * Write the assignments that succeeded even when others failed; failed ones keep their previous files and nothing
   * is deleted.
   * @default false - nothing is written when there is any error
   */
  readonly keepGoing?: boolean;
  /**
   * Threads that render assignments: more than one renders large environments in that many worker threads.
   * @default - the cores that are free: those idle while the control plane loaded, plus this thread's
   */
  readonly threads?: number;
  /**
   * Keep a render cache in `<out>/.kalypso/render-cache/`, so a run renders only assignments whose input changed.
   * @default true
   */
  readonly renderCache?: boolean;
}

/** What `synthesize` planned, found and wrote. */
export interface SynthResult {
  /** The control plane as loaded (objects with errors left out), for explaining the plans. */
  readonly model: ControlPlaneModel;
  /** Per environment: the files, the assignments and why they were made. */
  readonly plans: readonly EnvironmentPlan[];
  /** Every problem, loading and planning, sorted and de-duplicated. */
  readonly problems: readonly Problem[];
  /** What was written, per environment; empty when nothing was written. */
  readonly written: readonly WriteReport[];
}

/**
 * The whole pipeline (SPEC §3): load → validate → schedule → compose config → render → plan, then write when an
 * output folder is given and there are no errors (or `keepGoing`). Used by the CLI and by `main.ts` under
 * `cdk8s synth`.
 *
 * With an output folder, the folder is locked from the start, and its current trees serve the render cache: an
 * assignment whose input did not change since the run that wrote it is not rendered again.
 */
export async function synthesize(options: SynthOptions): Promise<SynthResult> {
  const source =
    typeof options.controlPlane === 'string' ? new FolderSource(options.controlPlane) : options.controlPlane;
  const progress = options.progress ?? SILENT_PROGRESS;
  const cpuAtStart = options.threads === undefined ? cpuTimes() : undefined;
  // An existing output folder is locked from the start, so that the trees the render cache reads are the ones
  // replaced, and read ahead in a worker thread while the control plane loads; a new one is only created to write
  // into (a failing run leaves nothing behind).
  let output = options.out !== undefined ? await OutputFolder.openExisting(options.out) : undefined;
  if (options.threads !== 1) output?.readAhead();
  progress.phase('loading control plane');
  progress.step?.('load');
  let loaded;
  try {
    loaded = await loadControlPlane(source, options);
  } catch (e) {
    await output?.close();
    throw e;
  }
  const model = loaded.model;
  const planOptions = { ...options, incompleteInput: options.incompleteInput || loaded.problems.some(isError) };
  const threads = options.threads ?? freeCores(cpuAtStart!);
  const writes = options.out !== undefined && (options.keepGoing || !loaded.problems.some(isError));
  if (!writes) {
    await output?.close();
    output = undefined;
  }
  try {
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
    const renderer = new JobRenderer({
      threads,
      progress,
      cache:
        writes && options.renderCache !== false
          ? {
              fingerprint: toolFingerprint(),
              forEnvironment: async (environment) => {
                const names = environment.clusterTypes.map((clusterType) => clusterType.name);
                const inShard = shardFilter(names, options.shard);
                const current = await output?.read(
                  environment.name,
                  names.filter(inShard),
                  scopes.get(environment.name),
                );
                const name = renderCacheName(environment.name, options.shard);
                const cache = RenderCache.open(
                  output?.stateDir,
                  name,
                  toolFingerprint(),
                  current?.files ?? new Map(),
                  current?.hashes,
                );
                caches.push(cache);
                return cache;
              },
            }
          : undefined,
    });
    let plans: EnvironmentPlan[];
    try {
      plans = await planControlPlaneWith(model, renderer.render, planOptions);
    } finally {
      await renderer.close();
    }
    const problems = sortProblems([...loaded.problems, ...plans.flatMap((plan) => plan.problems)]);
    const failed = problems.some(isError);
    if (!writes || (failed && !options.keepGoing)) return { model, plans, problems, written: [] };
    progress.phase('writing');
    progress.step?.('write');
    output ??= await OutputFolder.open(options.out!);
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
    for (const cache of caches) cache.save(output.stateDir);
    return { model, plans, problems, written };
  } finally {
    await output?.close();
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
