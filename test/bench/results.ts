import type { ReviewMeasurement } from './review-bench';
import { Machine, MediumResult, SizeResult } from './bench';

/*
 * What `npm run bench` prints and writes: one line per measurement on stdout, the results file
 * (docs/explanation/performance-results.md, every figure of the last run) and the table of the README's performance
 * section (between its two markers).
 */

/** The targets of docs/explanation/performance.md, for the sizes that have one. */
const RATIO_TARGETS: Record<number, Record<string, number>> = {
  10000: { memory: 1.3, disk: 1.5 },
  50000: { memory: 1.2, disk: 1.4 },
};
const ONE_CHANGE_TARGET = 0.1;
const ONE_CHANGE_SIZES = [10000, 50000];
const CDK8S_RERUN_TARGET = 0.3;
/** The app building the control plane in code, cold, against the app reading it from its folder. */
const CODE_FRONT_DOOR_TARGET = 1.2;
const PEAK_RSS_TARGET_MB = 1024;
const GROWTH_TARGET = 1.3;

const s = (seconds: number) => seconds.toFixed(2);
const pct = (fraction: number) => `${Math.round(fraction * 100)} %`;
const n = (value: number) => value.toLocaleString('en-US');
const verdict = (met: boolean) => (met ? 'met' : '**missed**');

export function ratioTarget(assignments: number, medium: string): number | undefined {
  return RATIO_TARGETS[assignments]?.[medium];
}

/** The lines `npm run bench` prints for one size. */
export function formatResultLines(result: SizeResult): string[] {
  const lines: string[] = [];
  for (const medium of result.media) {
    const target = ratioTarget(result.assignments, medium.medium);
    lines.push(
      `whole-process assignments=${result.assignments} medium=${medium.medium} files=${result.files} ` +
        `seconds=${s(medium.synth.median)} baseline_seconds=${s(medium.baseline.median)} ratio=${medium.ratio.toFixed(2)} ` +
        `peak_rss_mb=${Math.round(medium.peakRssMb)}` +
        (target === undefined ? '' : ` target_ratio=${target} ${medium.ratio <= target ? 'met' : 'MISSED'}`),
    );
  }
  for (const medium of result.media) {
    lines.push(
      `re-run assignments=${result.assignments} medium=${medium.medium} cold_seconds=${s(medium.synth.median)} ` +
        `no_change_seconds=${s(medium.rerun.median)} one_change_seconds=${s(medium.oneChange.median)} ` +
        `one_change_fraction=${medium.oneChange.fractionOfCold.toFixed(3)} changed_assignments=${result.changedAssignments} ` +
        `changed_files=${medium.oneChange.changedFiles} rewritten_files=${medium.oneChange.rewrittenFiles}` +
        (ONE_CHANGE_SIZES.includes(result.assignments)
          ? ` target_fraction=${ONE_CHANGE_TARGET} ${medium.oneChange.fractionOfCold <= ONE_CHANGE_TARGET ? 'met' : 'MISSED'}`
          : ''),
    );
  }
  for (const medium of result.media) {
    if (!medium.cdk8s) continue;
    lines.push(
      `cdk8s-synth assignments=${result.assignments} medium=${medium.medium} cold_seconds=${s(medium.cdk8s.cold.median)} ` +
        `rerun_seconds=${s(medium.cdk8s.rerun.median)} rerun_fraction=${medium.cdk8s.fractionOfCold.toFixed(3)} ` +
        `target_fraction=${CDK8S_RERUN_TARGET} ${medium.cdk8s.fractionOfCold <= CDK8S_RERUN_TARGET ? 'met' : 'MISSED'} ` +
        `cli_alone_seconds=${s(medium.cdk8s.cliFloor.median)} cli_alone_fraction=${medium.cdk8s.cliFloorFraction.toFixed(3)}`,
    );
    lines.push(
      `code-front-door assignments=${result.assignments} medium=${medium.medium} cold_seconds=${s(medium.cdk8s.codeCold.median)} ` +
        `yaml_cold_seconds=${s(medium.cdk8s.cold.median)} ratio=${medium.cdk8s.codeRatio.toFixed(2)} ` +
        `target_ratio=${CODE_FRONT_DOOR_TARGET} ${medium.cdk8s.codeRatio <= CODE_FRONT_DOOR_TARGET ? 'met' : 'MISSED'}`,
    );
  }
  return lines;
}

/** The compact table of the README's performance section. */
export function readmeTable(results: readonly SizeResult[]): string {
  const rows = results.flatMap((result) =>
    result.media.map(
      (medium) =>
        `| ${n(result.assignments)} | ${medium.medium} | ${s(medium.synth.median)} | ${s(medium.baseline.median)} | ` +
        `${medium.ratio.toFixed(2)} | ${pct(medium.oneChange.fractionOfCold)} | ${Math.round(medium.peakRssMb)} |`,
    ),
  );
  return [
    '| assignments | folder | `kalypso synth` (s) | baseline (s) | ratio | re-run after one ConfigMap changed | peak RSS (MB) |',
    '|---|---|---|---|---|---|---|',
    ...rows,
  ].join('\n');
}

/** Seconds (or MB) per added assignment, from one size to the next, over the memory runs. */
function growth(results: readonly SizeResult[], figure: (medium: MediumResult) => number): string[] {
  const memory = (result: SizeResult) => result.media[0];
  const slopes: { from: number; to: number; perAssignment: number }[] = [];
  for (let i = 1; i < results.length; i++) {
    const [a, b] = [results[i - 1], results[i]];
    slopes.push({
      from: a.assignments,
      to: b.assignments,
      perAssignment: (figure(memory(b)) - figure(memory(a))) / (b.assignments - a.assignments),
    });
  }
  return slopes.map(
    (slope) => `${n(slope.from)} → ${n(slope.to)}: ${(slope.perAssignment * 1000).toFixed(3)} per 1,000 assignments`,
  );
}

function growthRatio(results: readonly SizeResult[], figure: (medium: MediumResult) => number): number | undefined {
  if (results.length < 3) return undefined;
  const perAssignment = (a: SizeResult, b: SizeResult) =>
    (figure(b.media[0]) - figure(a.media[0])) / (b.assignments - a.assignments);
  const slopes = results.slice(1).map((result, i) => perAssignment(results[i], result));
  return Math.max(...slopes) / Math.min(...slopes);
}

export interface RunInfo {
  readonly date: string;
  readonly minutes: number;
  readonly machine: Machine;
  readonly command: string;
  /** The change report of a fleet-wide change, at the sizes asked. */
  readonly reviews?: readonly ReviewMeasurement[];
}

/** The change report and its request body: built and rendered within this many seconds at 50,000 assignments. */
const REVIEW_TARGET_SECONDS = 1;

/** The line `npm run bench` prints for the change report of a fleet-wide change. */
export function formatReviewLine(review: ReviewMeasurement): string {
  const f = (value: number) => value.toFixed(3);
  const total = review.bestBuildSeconds + review.markdownSeconds;
  return (
    `change-report assignments=${review.assignments} changed_assignments=${review.changedAssignments} ` +
    `groups=${review.groups} build_seconds=${f(review.buildSeconds)} build_cpu_seconds=${f(review.buildCpuSeconds)} ` +
    `best_build_seconds=${f(review.bestBuildSeconds)} body_seconds=${f(review.markdownSeconds)} ` +
    `body_bytes=${review.markdownBytes} report_and_body_seconds=${f(total)} target_seconds=${REVIEW_TARGET_SECONDS} ` +
    `${total <= REVIEW_TARGET_SECONDS ? 'met' : 'MISSED'}`
  );
}

/** The results file: every figure of the last run. */
export function resultsMarkdown(results: readonly SizeResult[], info: RunInfo): string {
  const out: string[] = [];
  const { machine } = info;
  out.push('# Performance results', '');
  out.push(
    'Every figure of the last run of `npm run bench` ([how it measures, and the targets](performance.md)). The',
    'benchmark writes this file (and the table of the README); do not edit it by hand.',
    '',
    `Run: ${info.date}, \`${info.command}\`, ${info.minutes.toFixed(1)} minutes. Machine: ${machine.cpu}, ` +
      `${machine.cores} cores, ${machine.memoryGb} GB, Node ${machine.node}, ${machine.platform}; load average at the ` +
      `end ${machine.loadAverage.join(', ')}.`,
    '',
  );

  out.push('## Whole process, cold', '');
  out.push(
    'Median of interleaved runs (synth, baseline, synth, …), each `kalypso synth` a process of its own (start-up,',
    'module load, control-plane load, render, write) into an empty folder with an empty cache.',
    '',
  );
  out.push(
    '| assignments | files | folder | `kalypso synth` (s) | baseline (s) | ratio | target | peak RSS (MB) |',
    '|---|---|---|---|---|---|---|---|',
  );
  for (const result of results) {
    for (const medium of result.media) {
      const target = ratioTarget(result.assignments, medium.medium);
      out.push(
        `| ${n(result.assignments)} | ${n(result.files)} | ${medium.medium} | ${s(medium.synth.median)} | ` +
          `${s(medium.baseline.median)} | ${medium.ratio.toFixed(2)} | ` +
          `${target === undefined ? '–' : `≤ ${target}: ${verdict(medium.ratio <= target)}`} | ${Math.round(medium.peakRssMb)} |`,
      );
    }
  }
  out.push('');

  out.push('## Re-runs', '');
  out.push(
    'Into the folder of the first cold run, with its cache: without any change, then after one cluster type’s',
    'ConfigMap changed one value (another value each run); medians, as a share of the cold median.',
    '',
  );
  out.push(
    '| assignments | folder | no change (s) | share | one ConfigMap changed (s) | share | target | assignments changed | files changed / rewritten |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const result of results) {
    for (const medium of result.media) {
      const met = medium.oneChange.fractionOfCold <= ONE_CHANGE_TARGET;
      out.push(
        `| ${n(result.assignments)} | ${medium.medium} | ${s(medium.rerun.median)} | ${pct(medium.rerun.fractionOfCold)} | ` +
          `${s(medium.oneChange.median)} | ${pct(medium.oneChange.fractionOfCold)} | ` +
          `${ONE_CHANGE_SIZES.includes(result.assignments) ? `≤ 10 %: ${verdict(met)}` : '–'} | ` +
          `${n(result.changedAssignments)} | ${n(medium.oneChange.changedFiles)} / ${n(medium.oneChange.rewrittenFiles)}` +
          `${medium.oneChange.onlyChangedRewritten && medium.rerun.rewrittenFiles === 0 ? '' : ' (**other files rewritten**)'} |`,
      );
    }
  }
  out.push('');

  const cdk8s = results.flatMap((result) =>
    result.media.filter((medium) => medium.cdk8s).map((medium) => ({ result, medium, cdk8s: medium.cdk8s! })),
  );
  if (cdk8s.length > 0) {
    out.push('## `cdk8s synth`', '');
    out.push(
      'A generated TypeScript app (a `KalypsoApp` holding the control plane loaded from its folder), run by',
      '`cdk8s synth`, which deletes its output folder first: cold (empty cache) and re-run with no change, in turn.',
      'Then, cold, the same control plane built in code with constructs (the code front door: `test/bench/code-app.ts`).',
      'And the cdk8s CLI alone: `cdk8s synth` of an app that only moves the same tree into place, over that tree',
      '(`measureCdk8sCliFloor` in `test/bench/cdk8s-app.ts`): its start-up, deleting the old tree and listing and',
      'printing every manifest, which no app can take a re-run below.',
      '',
    );
    out.push(
      '| assignments | folder | cold (s) | re-run (s) | share | target | CLI alone (s) | its share | in code, cold (s) | ratio to folder | target |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const { result, medium, cdk8s: c } of cdk8s) {
      out.push(
        `| ${n(result.assignments)} | ${medium.medium} | ${s(c.cold.median)} | ${s(c.rerun.median)} | ` +
          `${pct(c.fractionOfCold)} | ≤ 30 %: ${verdict(c.fractionOfCold <= CDK8S_RERUN_TARGET)} | ` +
          `${s(c.cliFloor.median)} | ${pct(c.cliFloorFraction)} | ` +
          `${s(c.codeCold.median)} | ${c.codeRatio.toFixed(2)} | ≤ ${CODE_FRONT_DOOR_TARGET}: ${verdict(c.codeRatio <= CODE_FRONT_DOOR_TARGET)} |`,
      );
    }
    out.push('');
  }

  out.push('## Growth', '');
  const largest = results.at(-1);
  if (largest) {
    out.push(
      `Peak RSS at ${n(largest.assignments)}: ${Math.round(Math.max(...largest.media.map((m) => m.peakRssMb)))} MB ` +
        `(target ≤ ${PEAK_RSS_TARGET_MB} MB at 50,000).`,
    );
  }
  const timeRatio = growthRatio(results, (medium) => medium.synth.median);
  const rssRatio = growthRatio(results, (medium) => medium.peakRssMb);
  out.push(
    '',
    `Seconds added per assignment (cold, in memory): ${growth(results, (m) => m.synth.median).join('; ')}` +
      (timeRatio === undefined ? '.' : `; largest over smallest ${timeRatio.toFixed(2)} (target ≤ ${GROWTH_TARGET}).`),
    '',
    `MB added per assignment (peak RSS): ${growth(results, (m) => m.peakRssMb).join('; ')}` +
      (rssRatio === undefined ? '.' : `; largest over smallest ${rssRatio.toFixed(2)} (target ≤ ${GROWTH_TARGET}).`),
    '',
  );

  const profiled = results.filter((result) => result.profile);
  for (const result of profiled) {
    const total = result.profile!.reduce((sum, share) => sum + share.seconds, 0);
    out.push(`## Where the time goes (${n(result.assignments)} assignments, ${result.media[0].medium})`, '');
    out.push(
      'One more cold `kalypso synth` under `node --cpu-prof` (every thread), self time by part of the program; the',
      `profiler slows the run. CPU seconds in all threads: ${s(total)}.`,
      '',
      '| part | CPU (s) | share |',
      '|---|---|---|',
    );
    for (const share of result.profile!.slice(0, 15)) {
      out.push(`| ${share.part} | ${s(share.seconds)} | ${pct(share.seconds / total)} |`);
    }
    out.push('');
  }

  if (info.reviews && info.reviews.length > 0) {
    out.push('## Change report', '');
    out.push(
      'The report of a fleet-wide change (a key of the ConfigMap every assignment reads, and one of a region’s), built',
      'in one process from the two plans (`test/bench/review-bench.ts`): the first build, its CPU time, the fastest of',
      'five, and rendering the request body under GitHub’s limit.',
      '',
      '| assignments | changed | groups | first build (s) | its CPU (s) | fastest build (s) | body (s) | body (bytes) | target |',
      '|---|---|---|---|---|---|---|---|---|',
    );
    for (const review of info.reviews) {
      const total = review.bestBuildSeconds + review.markdownSeconds;
      out.push(
        `| ${n(review.assignments)} | ${n(review.changedAssignments)} | ${review.groups} | ${review.buildSeconds.toFixed(2)} | ` +
          `${review.buildCpuSeconds.toFixed(2)} | ${review.bestBuildSeconds.toFixed(2)} | ${review.markdownSeconds.toFixed(3)} | ` +
          `${n(review.markdownBytes)} | ≤ ${REVIEW_TARGET_SECONDS} s: ${verdict(total <= REVIEW_TARGET_SECONDS)} |`,
      );
    }
    out.push('');
  }

  out.push('## Every run', '');
  out.push('Seconds, in the order they ran.', '');
  for (const result of results) {
    for (const medium of result.media) {
      const list = (values: readonly number[]) => values.map(s).join(', ');
      out.push(
        `- ${n(result.assignments)}, ${medium.medium} (${medium.folder}): synth ${list(medium.synth.seconds)}; ` +
          `baseline ${list(medium.baseline.seconds)}; re-run ${list(medium.rerun.seconds)}; one change ` +
          `${list(medium.oneChange.seconds)}` +
          (medium.cdk8s
            ? `; cdk8s synth cold ${list(medium.cdk8s.cold.seconds)}, re-run ${list(medium.cdk8s.rerun.seconds)}, ` +
              `in code cold ${list(medium.cdk8s.codeCold.seconds)}, CLI alone ${list(medium.cdk8s.cliFloor.seconds)}`
            : ''),
      );
    }
  }
  return `${out.join('\n')}\n`;
}

export const README_START = '<!-- bench-results:start -->';
export const README_END = '<!-- bench-results:end -->';

/** The README with its results table replaced; unchanged when it has no markers. */
export function withReadmeTable(readme: string, results: readonly SizeResult[], info: RunInfo): string {
  const start = readme.indexOf(README_START);
  const end = readme.indexOf(README_END);
  if (start < 0 || end < start) return readme;
  const table = `${readmeTable(results)}\n\n${info.date}, ${info.machine.cores} cores (all figures: [results](docs/explanation/performance-results.md)).`;
  return `${readme.slice(0, start + README_START.length)}\n${table}\n${readme.slice(end)}`;
}
