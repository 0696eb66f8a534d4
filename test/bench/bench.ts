import { execFileSync, fork } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import { dump, loadAll } from 'js-yaml';
import * as os from 'os';
import * as path from 'path';
import { PipelineStep } from '../../src/core/model/progress';
import { BENCH_ENVIRONMENT, writeBenchControlPlane } from './generate-control-plane';
import { StepClock } from './step-clock';

/*
 * The benchmark of issue 7. Per size, each measurement runs in a fresh Node process (so peak RSS and JIT state belong
 * to that run alone): a cold `synth` into an empty folder, a re-run with no change, a re-run after one ConfigMap
 * changed, and the baseline — the same objects as plain JavaScript objects, dumped with js-yaml and written file by
 * file with writeFileSync.
 */

/** Cluster types × deployment targets for each benchmark size. */
export function benchShape(assignments: number): { clusterTypes: number; targets: number } {
  const known: Record<number, { clusterTypes: number; targets: number }> = {
    1000: { clusterTypes: 20, targets: 50 },
    10000: { clusterTypes: 100, targets: 100 },
    50000: { clusterTypes: 250, targets: 200 },
  };
  if (known[assignments]) return known[assignments];
  const clusterTypes = Math.max(1, Math.round(Math.sqrt(assignments)));
  return { clusterTypes, targets: Math.max(1, Math.ceil(assignments / clusterTypes)) };
}

export interface SynthMeasurement {
  readonly seconds: number;
  readonly phases: Record<PipelineStep, number>;
  /** Whether worker threads rendered (the default threads are the cores found free). */
  readonly workerThreads: boolean;
  readonly peakRssMb: number;
  readonly files: number;
  readonly assignments: number;
  readonly errors: number;
}

export interface SizeResult {
  readonly assignments: number;
  readonly clusterTypes: number;
  readonly targets: number;
  readonly files: number;
  /** Cold synth, load → write, into an empty folder (the fastest of `runs`). */
  readonly seconds: number;
  /** The cold synths and baselines measured, in turn, and the re-runs without changes. */
  readonly runs: {
    readonly seconds: readonly number[];
    readonly baselineSeconds: readonly number[];
    readonly rerunSeconds: readonly number[];
  };
  readonly baselineSeconds: number;
  readonly ratio: number;
  readonly peakRssMb: number;
  readonly phases: Record<PipelineStep, number>;
  /** Whether the cold synth rendered in worker threads. */
  readonly workerThreads: boolean;
  /** A re-run with no input change. */
  readonly rerun: { readonly seconds: number; readonly fractionOfCold: number; readonly rewrittenFiles: number };
  /** A re-run after one cluster type's ConfigMap changed one value. */
  readonly oneConfigMapChanged: {
    readonly seconds: number;
    readonly changedFiles: number;
    readonly rewrittenFiles: number;
    /** Whether exactly the files whose content changed were rewritten. */
    readonly onlyChangedRewritten: boolean;
  };
}

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Scratch folder for control planes and output. */
  readonly workDir: string;
  /** Run each measurement in its own Node process. @default true */
  readonly fork?: boolean;
  /**
   * Cold synths, baselines and re-runs without changes per size (the fastest of each counts).
   * @default 3 up to 10,000 assignments, 1 above
   */
  readonly repeat?: number;
  /** Extra arguments of the measured synth (e.g. `jobs`). */
  readonly synth?: Readonly<Record<string, unknown>>;
  /** Progress messages. */
  readonly log?: (line: string) => void;
}

/** The line `npm run bench` prints per size. */
export function formatResultLine(result: SizeResult): string {
  return (
    `assignments=${result.assignments} files=${result.files} seconds=${result.seconds.toFixed(2)} ` +
    `baseline_seconds=${result.baselineSeconds.toFixed(2)} ratio=${result.ratio.toFixed(2)} peak_rss_mb=${Math.round(result.peakRssMb)}`
  );
}

export function machine() {
  let cpu = os.cpus()[0]?.model ?? 'unknown';
  try {
    const model = /^model name\s*:\s*(.+)$/m.exec(fs.readFileSync('/proc/cpuinfo', 'utf8'));
    if (model) cpu = model[1].trim();
  } catch {
    // not Linux
  }
  return {
    cpu,
    cores: os.availableParallelism(),
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    /** Other work on the machine while the benchmark ran (1, 5 and 15 minute load averages at the end). */
    loadAverage: os.loadavg().map((load) => Math.round(load * 100) / 100),
  };
}

/** One measured `synth` (in this process). */
export async function measureSynth(
  controlPlane: string,
  out: string,
  extra: Readonly<Record<string, unknown>> = {},
): Promise<SynthMeasurement> {
  const start = performance.now();
  const clock = new StepClock();
  clock.step('load');
  const { synthesize } =
    require('../../src/app/synthesize/synthesize') as typeof import('../../src/app/synthesize/synthesize');
  const result = await synthesize({ ...extra, controlPlane, out, progress: clock });
  clock.stop();
  const seconds = (performance.now() - start) / 1000;
  return {
    seconds,
    phases: clock.seconds(),
    workerThreads: clock.workersRendered,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    files: result.plans.reduce((sum, plan) => sum + Object.keys(plan.files).length, 0),
    assignments: result.plans.reduce((sum, plan) => sum + plan.assignments.length, 0),
    errors: result.problems.filter((problem) => problem.severity === 'error').length,
  };
}

/** Every file below `root` (relative path → absolute path), leaving out the runs' state folder. */
function listFiles(root: string): string[] {
  const files: string[] = [];
  const walk = (relative: string) => {
    for (const entry of fs.readdirSync(path.join(root, relative), { withFileTypes: true })) {
      const child = relative ? `${relative}/${entry.name}` : entry.name;
      if (entry.isDirectory()) {
        if (child !== '.kalypso') walk(child);
      } else files.push(child);
    }
  };
  walk('');
  return files.sort();
}

/**
 * The baseline: the objects of every output file loaded as plain JavaScript objects (not timed), then — timed — each
 * file's documents dumped with js-yaml (default options) joined by `---\n` and written with writeFileSync into a fresh
 * folder. Text files (README, env files) are written as they are.
 */
export function measureBaseline(tree: string, out: string): { seconds: number } {
  const files = listFiles(tree).map((file) => {
    const text = fs.readFileSync(path.join(tree, file), 'utf8');
    return { file, text, objects: file.endsWith('.yaml') ? loadAll(text) : undefined };
  });
  fs.rmSync(out, { recursive: true, force: true });
  const start = performance.now();
  const folders = new Set<string>();
  for (const { file, text, objects } of files) {
    const target = path.join(out, file);
    const folder = path.dirname(target);
    if (!folders.has(folder)) {
      fs.mkdirSync(folder, { recursive: true });
      folders.add(folder);
    }
    fs.writeFileSync(target, objects ? objects.map((object) => dump(object)).join('---\n') : text);
  }
  return { seconds: (performance.now() - start) / 1000 };
}

type ChildTask =
  | {
      readonly kind: 'synth';
      readonly controlPlane: string;
      readonly out: string;
      readonly extra: Readonly<Record<string, unknown>>;
    }
  | { readonly kind: 'baseline'; readonly tree: string; readonly out: string };

async function runTask(task: ChildTask): Promise<unknown> {
  return task.kind === 'synth'
    ? measureSynth(task.controlPlane, task.out, task.extra)
    : measureBaseline(task.tree, task.out);
}

/** Writes dirty pages to disk, so a measurement does not pay for the writes of the step before it. */
function settle(): void {
  try {
    execFileSync('sync');
  } catch {
    // no sync command: measure as it is
  }
}

/** Runs a task in a fresh Node process (this file is its entry), or here. */
function inChild<T>(task: ChildTask, useFork: boolean): Promise<T> {
  if (!useFork) return runTask(task) as Promise<T>;
  settle();
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'run-bench.js'), ['--child', JSON.stringify(task)], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let result: T | undefined;
    child.on('message', (message) => {
      result = message as T;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && result !== undefined
        ? resolve(result)
        : reject(new Error(`benchmark ${task.kind} failed (exit ${code})`)),
    );
  });
}

/** Entry of a child process: runs the task and sends the result back. */
export async function runChildTask(json: string): Promise<void> {
  const result = await runTask(JSON.parse(json) as ChildTask);
  await new Promise<void>((resolve) => process.send!(result, () => resolve()));
}

/** Path → `inode:mtime` of every file below `root`, to see which files a run rewrote. */
function fileIdentities(root: string): Map<string, string> {
  return new Map(
    listFiles(root).map((file) => {
      const stat = fs.statSync(path.join(root, file), { bigint: true });
      return [file, `${stat.ino}:${stat.mtimeNs}`];
    }),
  );
}

/** Path → hash of the content of every file below `root`. */
function contentHashes(root: string): Map<string, string> {
  return new Map(
    listFiles(root).map((file) => [
      file,
      createHash('sha1')
        .update(fs.readFileSync(path.join(root, file)))
        .digest('hex'),
    ]),
  );
}

function changedKeys<T>(before: Map<string, T>, after: Map<string, T>): string[] {
  const keys = new Set([...before.keys(), ...after.keys()]);
  return [...keys].filter((key) => before.get(key) !== after.get(key)).sort();
}

/** Changes one value of the first cluster type's ConfigMap, so only its assignments' platform config changes. */
function changeOneConfigMap(controlPlane: string): void {
  const folder = path.join(controlPlane, BENCH_ENVIRONMENT, 'cluster-types');
  const first = fs.readdirSync(folder).sort()[0];
  const file = path.join(folder, first, 'config.yaml');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/CLUSTER_SETTING_00: ".*"/, 'CLUSTER_SETTING_00: "changed by the benchmark"'));
}

export async function benchSize(assignments: number, options: BenchOptions): Promise<SizeResult> {
  const useFork = options.fork ?? true;
  const log = options.log ?? (() => undefined);
  const shape = benchShape(assignments);
  // Folders are removed at the end of the whole run: removing tens of thousands of files would slow the next step.
  const root = path.join(options.workDir, `n${assignments}`);
  fs.rmSync(root, { recursive: true, force: true });
  const controlPlane = path.join(root, 'control-plane');
  const scheduled = writeBenchControlPlane(controlPlane, shape);
  const extra = options.synth ?? {};

  // Creating files on a busy disk varies from run to run by a factor of several: the synth and the baseline run in
  // turn, `repeat` times each, and the fastest of each counts.
  const repeat = options.repeat ?? (assignments <= 10000 ? 3 : 1);
  const colds: SynthMeasurement[] = [];
  const baselines: number[] = [];
  for (let run = 1; run <= repeat; run++) {
    log(`n=${scheduled}: cold synth (${run} of ${repeat})`);
    const cold = await inChild<SynthMeasurement>(
      { kind: 'synth', controlPlane, out: path.join(root, `out-${run}`), extra },
      useFork,
    );
    if (cold.errors > 0 || cold.assignments !== scheduled)
      throw new Error(
        `synth of ${scheduled} assignments failed: ${cold.errors} errors, ${cold.assignments} assignments`,
      );
    colds.push(cold);
    log(`n=${scheduled}: baseline (${run} of ${repeat})`);
    const tree = path.join(root, 'out-1', BENCH_ENVIRONMENT);
    baselines.push(
      (await inChild<{ seconds: number }>({ kind: 'baseline', tree, out: path.join(root, `baseline-${run}`) }, useFork))
        .seconds,
    );
  }
  const cold = colds.reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest));
  const baselineSeconds = Math.min(...baselines);
  const out = path.join(root, 'out-1');
  const tree = path.join(out, BENCH_ENVIRONMENT);

  // Re-runs without changes, as many as cold runs and measured the same way (the fastest counts); none may rewrite a file.
  const beforeRerun = fileIdentities(tree);
  const reruns: SynthMeasurement[] = [];
  for (let run = 1; run <= repeat; run++) {
    log(`n=${scheduled}: re-run without changes (${run} of ${repeat})`);
    reruns.push(await inChild<SynthMeasurement>({ kind: 'synth', controlPlane, out, extra }, useFork));
  }
  const rerun = reruns.reduce((fastest, run) => (run.seconds < fastest.seconds ? run : fastest));
  const rerunRewritten = changedKeys(beforeRerun, fileIdentities(tree));

  log(`n=${scheduled}: re-run after one ConfigMap changed`);
  const contentsBefore = contentHashes(tree);
  const identitiesBefore = fileIdentities(tree);
  changeOneConfigMap(controlPlane);
  const changedRun = await inChild<SynthMeasurement>({ kind: 'synth', controlPlane, out, extra }, useFork);
  const changed = changedKeys(contentsBefore, contentHashes(tree));
  const rewritten = changedKeys(identitiesBefore, fileIdentities(tree));

  return {
    assignments: scheduled,
    clusterTypes: shape.clusterTypes,
    targets: shape.targets,
    files: cold.files,
    seconds: cold.seconds,
    baselineSeconds,
    ratio: cold.seconds / baselineSeconds,
    peakRssMb: Math.max(...colds.map((run) => run.peakRssMb)),
    runs: {
      seconds: colds.map((run) => run.seconds),
      baselineSeconds: baselines,
      rerunSeconds: reruns.map((run) => run.seconds),
    },
    phases: cold.phases,
    workerThreads: cold.workerThreads,
    rerun: {
      seconds: rerun.seconds,
      fractionOfCold: rerun.seconds / cold.seconds,
      rewrittenFiles: rerunRewritten.length,
    },
    oneConfigMapChanged: {
      seconds: changedRun.seconds,
      changedFiles: changed.length,
      rewrittenFiles: rewritten.length,
      onlyChangedRewritten: JSON.stringify(changed) === JSON.stringify(rewritten),
    },
  };
}

export async function runBench(
  options: BenchOptions,
): Promise<{ machine: ReturnType<typeof machine>; results: SizeResult[] }> {
  const results: SizeResult[] = [];
  for (const size of options.sizes) results.push(await benchSize(size, options));
  return { machine: machine(), results };
}
