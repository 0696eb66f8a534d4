/*
 * How long the change report takes for a fleet-wide change (not a test: it prints times, CI asks nothing of it).
 * `npm run bench` runs it at 50,000 assignments; alone, run it with
 * `npx ts-node --transpile-only test/bench/review-bench.ts [assignments] [repeat]` (default 50,000 and 5):
 * generates the benchmark control plane, plans it, changes a key of the ConfigMap every assignment reads and a key of
 * one region's ConfigMap, plans again, then times building the report (the first build, its CPU time, and the fastest
 * of `repeat`) and rendering the pull-request body, the plain text and the full report. The target is under a second
 * for the report and the body.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as v8 from 'v8';
import * as vm from 'vm';
import { ReviewState } from '../../src/app/review/report';
import { buildChangeReport } from '../../src/app/review/build-report';
import { renderReviewMarkdown, renderReviewText } from '../../src/app/review/render-report';
import { renderFullReport } from '../../src/app/review/full-report';
import { planEnvironment } from '../../src/app/synthesize/plan-model';
import { FolderSource } from '../../src/io/source/folder-source';
import { loadControlPlane } from '../../src/io/source/load';
import { benchShape } from './bench';
import { BENCH_ENVIRONMENT, writeBenchControlPlane } from './generate-control-plane';

export interface ReviewMeasurement {
  readonly assignments: number;
  readonly groups: number;
  readonly changedAssignments: number;
  /** Seconds to build the report from the two states, the first time in the process (after a full collection). */
  readonly buildSeconds: number;
  /** CPU seconds (user and system) of that first build: less sensitive than wall time to other work on the machine. */
  readonly buildCpuSeconds: number;
  /** The fastest of `repeat` builds (the code compiled and warm). */
  readonly bestBuildSeconds: number;
  /** Seconds to render the Markdown body (under GitHub's limit). */
  readonly markdownSeconds: number;
  readonly markdownBytes: number;
  readonly textSeconds: number;
  readonly fullReportSeconds: number;
  readonly fullReportBytes: number;
}

async function planFolder(root: string): Promise<ReviewState> {
  const { model, problems } = await loadControlPlane(new FolderSource(root));
  if (problems.some((problem) => problem.severity === 'error'))
    throw new Error('the benchmark control plane has errors');
  const environment = model.environments.find((env) => env.name === BENCH_ENVIRONMENT)!;
  return { model: environment, plan: planEnvironment(environment) };
}

/** Replaces the value of the first `key:` line of the file. */
function changeFirst(file: string, key: string, value: string): void {
  const text = fs.readFileSync(file, 'utf8');
  const changed = text.replace(new RegExp(`^(  ${key}): .*$`, 'm'), `$1: ${JSON.stringify(value)}`);
  if (changed === text) throw new Error(`no ${key} in ${file}`);
  fs.writeFileSync(file, changed);
}

/** A full garbage collection, when the runtime allows one to be asked for. */
function collectGarbage(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (() => void) | undefined;
  gc?.();
}

function seconds(since: number): number {
  return (performance.now() - since) / 1000;
}

export async function measureReview(assignments: number, workDir: string, repeat = 5): Promise<ReviewMeasurement> {
  const root = path.join(workDir, 'control-plane');
  writeBenchControlPlane(root, benchShape(assignments));
  const previous = await planFolder(root);
  const shared = path.join(root, BENCH_ENVIRONMENT, 'configs', 'shared.yaml');
  changeFirst(shared, 'GLOBAL_SETTING_00', 'changed for the review benchmark');
  changeFirst(shared, 'REGION_SETTING_00', 'changed in one region');
  const next = await planFolder(root);
  const input = { previous, next };

  // Planning leaves garbage behind; collected now, it is not charged to the report.
  collectGarbage();
  let start = performance.now();
  const cpu = process.cpuUsage();
  const report = buildChangeReport(input);
  const buildSeconds = seconds(start);
  const used = process.cpuUsage(cpu);
  const buildCpuSeconds = (used.user + used.system) / 1e6;
  let bestBuildSeconds = buildSeconds;
  for (let run = 1; run < repeat; run++) {
    start = performance.now();
    buildChangeReport(input);
    bestBuildSeconds = Math.min(bestBuildSeconds, seconds(start));
  }
  start = performance.now();
  const markdown = renderReviewMarkdown(report);
  const markdownSeconds = seconds(start);
  start = performance.now();
  renderReviewText(report);
  const textSeconds = seconds(start);
  start = performance.now();
  const full = renderFullReport(report, input);
  const fullReportSeconds = seconds(start);
  return {
    assignments: next.plan.assignments.length,
    groups: report.groups.length,
    changedAssignments: report.assignments.changed,
    buildSeconds,
    buildCpuSeconds,
    bestBuildSeconds,
    markdownSeconds,
    markdownBytes: Buffer.byteLength(markdown.text),
    textSeconds,
    fullReportSeconds,
    fullReportBytes: Buffer.byteLength(full),
  };
}

if (require.main === module) {
  const assignments = Number(process.argv[2] ?? 50_000);
  const repeat = Number(process.argv[3] ?? 5);
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kalypso-review-bench-'));
  measureReview(assignments, workDir, repeat)
    .then((result) => {
      const f = (n: number) => n.toFixed(3);
      process.stdout.write(
        `assignments=${result.assignments} changed=${result.changedAssignments} groups=${result.groups} ` +
          `build_seconds=${f(result.buildSeconds)} build_cpu_seconds=${f(result.buildCpuSeconds)} best_build_seconds=${f(result.bestBuildSeconds)} markdown_seconds=${f(result.markdownSeconds)} markdown_bytes=${result.markdownBytes} ` +
          `report_and_body_seconds=${f(result.buildSeconds + result.markdownSeconds)} text_seconds=${f(result.textSeconds)} ` +
          `full_report_seconds=${f(result.fullReportSeconds)} full_report_bytes=${result.fullReportBytes}\n`,
      );
    })
    .catch((e) => {
      process.stderr.write(`review bench: ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 1;
    })
    .finally(() => fs.rmSync(workDir, { recursive: true, force: true }));
}
