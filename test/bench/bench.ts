import { fork } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { measureCdk8sCliFloor, measureCdk8sSynth, writeCdk8sApp, writeCdk8sFloorApp } from './cdk8s-app';
import { writeCodeApp } from './code-app';
import { BENCH_ENVIRONMENT, writeBenchControlPlane } from './generate-control-plane';
import { ProfileShare, profileColdSynth } from './profile';
import {
  ProcessMeasurement,
  changedKeys,
  contentHashes,
  fileIdentities,
  listFiles,
  measureBaseline,
  measureKalypsoSynth,
  median,
  settle,
} from './whole-process';

/*
 * The benchmark (docs/explanation/performance.md). Per size and per medium (a folder in memory, a folder on disk), it
 * measures what a user runs, each a whole process: cold `kalypso synth` runs into empty folders and the baseline, in
 * turn (synth, baseline, synth, …) so that both see the same minutes of a shared disk, the medians counting; re-runs
 * without change; re-runs after one cluster type's ConfigMap changed (1 % of the assignments at 10,000); and, at the
 * sizes asked, `cdk8s synth` of a generated app, cold and re-run without change, in turn.
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

/** Times of repeated runs and their median. */
export interface Runs {
  readonly seconds: readonly number[];
  readonly median: number;
}

export interface MediumResult {
  /** `memory` (a tmpfs folder) or `disk`. */
  readonly medium: string;
  readonly folder: string;
  /** Cold `kalypso synth` into an empty folder, with an empty cache. */
  readonly synth: Runs;
  readonly baseline: Runs;
  /** Median synth over median baseline. */
  readonly ratio: number;
  /** The largest peak RSS of the cold synths. */
  readonly peakRssMb: number;
  /** Re-runs with no input change; `rewrittenFiles` counts files whose inode or modification time changed. */
  readonly rerun: Runs & { readonly fractionOfCold: number; readonly rewrittenFiles: number };
  /** Re-runs after one cluster type's ConfigMap changed one value (another value each time). */
  readonly oneChange: Runs & {
    readonly fractionOfCold: number;
    readonly changedFiles: number;
    readonly rewrittenFiles: number;
    /** Whether exactly the files whose content changed were rewritten (checked on the first run). */
    readonly onlyChangedRewritten: boolean;
  };
  /**
   * `cdk8s synth` of the generated app: cold (empty cache) and re-run with no change, in turn; and cold of the app
   * building the same control plane with constructs (the code front door), with its ratio to the folder app's cold.
   */
  readonly cdk8s?: {
    readonly cold: Runs;
    readonly rerun: Runs;
    readonly fractionOfCold: number;
    readonly codeCold: Runs;
    readonly codeRatio: number;
    /**
     * `cdk8s synth` of an app that only moves the ready tree into place, over the same tree: the CLI's own cost
     * (start-up, deleting the old tree, listing and printing every manifest), which no app can take below; and its
     * share of the cold run.
     */
    readonly cliFloor: Runs;
    readonly cliFloorFraction: number;
  };
}

export interface SizeResult {
  readonly assignments: number;
  readonly clusterTypes: number;
  readonly targets: number;
  readonly files: number;
  /** Assignments whose files the one-change re-run changed. */
  readonly changedAssignments: number;
  readonly media: readonly MediumResult[];
  /** Self time of a profiled cold synth by part of the program (in the first medium), at the sizes asked. */
  readonly profile?: readonly ProfileShare[];
}

export interface BenchOptions {
  readonly sizes: readonly number[];
  /** Scratch folders, per medium (e.g. `{ memory: '/dev/shm/x', disk: '/tmp/x' }`). */
  readonly media: Readonly<Record<string, string>>;
  /** Measure the baseline in a fresh Node process (it needs the compiled benchmark). @default true */
  readonly fork?: boolean;
  /**
   * Runs of each kind per size and medium (the median counts).
   * @default 5 up to 10,000 assignments, 3 above
   */
  readonly repeat?: number;
  /** Sizes at which `cdk8s synth` of a generated app is measured. @default [] */
  readonly cdk8sSizes?: readonly number[];
  /** Sizes at which one more cold synth runs under the CPU profiler. @default [] */
  readonly profileSizes?: readonly number[];
  /** Extra arguments of the measured `kalypso synth` (e.g. `--jobs 2`). */
  readonly synthArgs?: readonly string[];
  /** Progress messages. */
  readonly log?: (line: string) => void;
}

const runs = (seconds: readonly number[]): Runs => ({ seconds, median: median(seconds) });

/** Changes one value of the first cluster type's ConfigMap, so only its assignments' platform config changes. */
function changeOneConfigMap(controlPlane: string, value: string): void {
  const folder = path.join(controlPlane, BENCH_ENVIRONMENT, 'cluster-types');
  const first = fs.readdirSync(folder).sort()[0];
  const file = path.join(folder, first, 'config.yaml');
  const text = fs.readFileSync(file, 'utf8');
  fs.writeFileSync(file, text.replace(/CLUSTER_SETTING_00: ".*"/, `CLUSTER_SETTING_00: "${value}"`));
}

function inChild(tree: string, out: string, useFork: boolean): Promise<number> {
  if (!useFork) return Promise.resolve(measureBaseline(tree, out).seconds);
  settle();
  return new Promise((resolve, reject) => {
    const child = fork(path.join(__dirname, 'run-bench.js'), ['--baseline', JSON.stringify({ tree, out })], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    let seconds: number | undefined;
    child.on('message', (message) => {
      seconds = (message as { seconds: number }).seconds;
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 && seconds !== undefined ? resolve(seconds) : reject(new Error(`baseline failed (exit ${code})`)),
    );
  });
}

async function benchMedium(
  medium: string,
  workDir: string,
  assignments: number,
  options: BenchOptions,
  profiled: boolean,
): Promise<{ result: MediumResult; files: number; changedAssignments: number; profile?: ProfileShare[] }> {
  const log = (line: string) => options.log?.(`n=${assignments} ${medium}: ${line}`);
  const root = path.join(workDir, `n${assignments}`);
  fs.rmSync(root, { recursive: true, force: true });
  const controlPlane = path.join(root, 'control-plane');
  const scheduled = writeBenchControlPlane(controlPlane, benchShape(assignments));
  if (scheduled !== assignments) throw new Error(`the control plane of ${assignments} schedules ${scheduled}`);
  const rssFile = path.join(root, 'rss');
  const repeat = options.repeat ?? (assignments <= 10000 ? 5 : 3);
  const extra = options.synthArgs ?? [];
  const synth = (out: string, cache: string) => measureKalypsoSynth(controlPlane, out, cache, rssFile, extra);

  const colds: ProcessMeasurement[] = [];
  const baselines: number[] = [];
  for (let run = 1; run <= repeat; run++) {
    log(`cold synth and baseline (${run} of ${repeat})`);
    colds.push(synth(path.join(root, `out-${run}`), path.join(root, `cache-${run}`)));
    baselines.push(
      await inChild(
        path.join(root, 'out-1', BENCH_ENVIRONMENT),
        path.join(root, `baseline-${run}`),
        options.fork ?? true,
      ),
    );
    // Keep the disk's own work (and the page cache) the same for every run: the next run starts from clean folders.
    if (run > 1) fs.rmSync(path.join(root, `out-${run}`), { recursive: true, force: true });
    fs.rmSync(path.join(root, `baseline-${run}`), { recursive: true, force: true });
  }
  const out = path.join(root, 'out-1');
  const cache = path.join(root, 'cache-1');
  const tree = path.join(out, BENCH_ENVIRONMENT);
  const files = listFiles(tree).length;
  const coldMedian = median(colds.map((run) => run.seconds));

  const beforeRerun = fileIdentities(tree);
  const reruns: number[] = [];
  for (let run = 1; run <= repeat; run++) {
    log(`re-run without changes (${run} of ${repeat})`);
    reruns.push(synth(out, cache).seconds);
  }
  const rerunRewritten = changedKeys(beforeRerun, fileIdentities(tree)).length;

  const changes: number[] = [];
  let changedFiles = 0;
  let rewrittenFiles = 0;
  let onlyChangedRewritten = true;
  let changedAssignments = 0;
  for (let run = 1; run <= repeat; run++) {
    log(`re-run after one ConfigMap changed (${run} of ${repeat})`);
    // What the run rewrote is checked the first time (reading the whole tree twice takes long at large sizes).
    if (run > 1) {
      changeOneConfigMap(controlPlane, `changed by the benchmark, run ${run}`);
      changes.push(synth(out, cache).seconds);
      continue;
    }
    const contentsBefore = contentHashes(tree);
    const identitiesBefore = fileIdentities(tree);
    changeOneConfigMap(controlPlane, `changed by the benchmark, run ${run}`);
    changes.push(synth(out, cache).seconds);
    const changed = changedKeys(contentsBefore, contentHashes(tree));
    const rewritten = changedKeys(identitiesBefore, fileIdentities(tree));
    changedFiles = Math.max(changedFiles, changed.length);
    // An assignment's files are the files of its folder, `<cluster type>/<assignment>/<file>`.
    changedAssignments = Math.max(changedAssignments, new Set(changed.map((file) => path.dirname(file))).size);
    rewrittenFiles = Math.max(rewrittenFiles, rewritten.length);
    onlyChangedRewritten &&= changed.length > 0 && JSON.stringify(changed) === JSON.stringify(rewritten);
  }

  let cdk8s: MediumResult['cdk8s'];
  if (options.cdk8sSizes?.includes(assignments)) {
    const appDir = path.join(root, 'app');
    const codeAppDir = path.join(root, 'code-app');
    log('compiling the cdk8s apps (control plane from its folder, and in code)');
    writeCdk8sApp(appDir, controlPlane);
    writeCodeApp(codeAppDir, controlPlane);
    const floorDir = path.join(root, 'floor-app');
    writeCdk8sFloorApp(floorDir);
    const cold: number[] = [];
    const rerun: number[] = [];
    const codeCold: number[] = [];
    const cliFloor: number[] = [];
    for (let run = 1; run <= repeat; run++) {
      log(`cdk8s synth, cold and re-run, then cold in code, then the CLI alone (${run} of ${repeat})`);
      const cacheHome = path.join(root, `cdk8s-cache-${run}`);
      cold.push(measureCdk8sSynth(appDir, cacheHome, rssFile).seconds);
      rerun.push(measureCdk8sSynth(appDir, cacheHome, rssFile).seconds);
      fs.rmSync(cacheHome, { recursive: true, force: true });
      codeCold.push(measureCdk8sSynth(codeAppDir, cacheHome, rssFile).seconds);
      fs.rmSync(cacheHome, { recursive: true, force: true });
      cliFloor.push(measureCdk8sCliFloor(floorDir, path.join(appDir, 'dist'), rssFile).seconds);
    }
    fs.rmSync(floorDir, { recursive: true, force: true });
    cdk8s = {
      cold: runs(cold),
      rerun: runs(rerun),
      fractionOfCold: median(rerun) / median(cold),
      codeCold: runs(codeCold),
      codeRatio: median(codeCold) / median(cold),
      cliFloor: runs(cliFloor),
      cliFloorFraction: median(cliFloor) / median(cold),
    };
  }

  let profile: ProfileShare[] | undefined;
  if (profiled) {
    log('cold synth under the CPU profiler');
    profile = profileColdSynth(controlPlane, root);
  }

  const baselineMedian = median(baselines);
  return {
    profile,
    files,
    changedAssignments,
    result: {
      medium,
      folder: workDir,
      synth: runs(colds.map((run) => run.seconds)),
      baseline: runs(baselines),
      ratio: coldMedian / baselineMedian,
      peakRssMb: Math.max(...colds.map((run) => run.peakRssMb)),
      rerun: { ...runs(reruns), fractionOfCold: median(reruns) / coldMedian, rewrittenFiles: rerunRewritten },
      oneChange: {
        ...runs(changes),
        fractionOfCold: median(changes) / coldMedian,
        changedFiles,
        rewrittenFiles,
        onlyChangedRewritten,
      },
      cdk8s,
    },
  };
}

export async function benchSize(assignments: number, options: BenchOptions): Promise<SizeResult> {
  const media: MediumResult[] = [];
  let files = 0;
  let changedAssignments = 0;
  let profile: ProfileShare[] | undefined;
  for (const [medium, workDir] of Object.entries(options.media)) {
    const profiled = profile === undefined && (options.profileSizes?.includes(assignments) ?? false);
    const measured = await benchMedium(medium, workDir, assignments, options, profiled);
    profile ??= measured.profile;
    media.push(measured.result);
    files = measured.files;
    changedAssignments = measured.changedAssignments;
    // Tens of thousands of files left behind would slow the next medium's runs.
    fs.rmSync(path.join(workDir, `n${assignments}`), { recursive: true, force: true });
  }
  const shape = benchShape(assignments);
  return { assignments, ...shape, files, changedAssignments, media, profile };
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

export type Machine = ReturnType<typeof machine>;
