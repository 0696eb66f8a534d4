/*
 * `npm run bench` (docs/explanation/performance.md): measures whole `kalypso synth` processes on generated control
 * planes of 1,000, 10,000 and 50,000 assignments, in a folder in memory and on disk, against the baseline; re-runs
 * without change and after one ConfigMap changed; `cdk8s synth` of a generated app at 10,000 (the control plane read
 * from its folder, and built in code); a profiled run at 10,000; the change report of a fleet-wide change at 50,000.
 * Prints one line per measurement, writes every figure to docs/explanation/performance-results.md and the table of the
 * README's performance section.
 *
 * Options: --sizes 1000,10000 (default 1000,10000,50000), --memory DIR (default /dev/shm/kalypso-bench, when /dev/shm
 * exists), --disk DIR (default a temporary folder on the disk), --repeat N (runs of each kind, the median counts;
 * default 5 up to 10,000 assignments, 3 above), --cdk8s-sizes (default 10000), --profile-sizes (default 10000),
 * --review-sizes (default 50000; "" for none),
 * --jobs N (the synth's --jobs), --results PATH and --readme PATH (where the figures go; "-" for nowhere).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { SizeResult, benchSize, machine } from './bench';
import { RunInfo, formatResultLines, formatReviewLine, resultsMarkdown, withReadmeTable } from './results';
import { ReviewMeasurement, measureReview } from './review-bench';
import { REPO_ROOT, measureBaseline } from './whole-process';

const numbers = (text: string) =>
  text
    .split(',')
    .filter((part) => part.trim() !== '')
    .map((part) => {
      const value = Number(part.trim());
      if (!Number.isInteger(value) || value < 1) throw new Error(`expected positive whole numbers, got ${text}`);
      return value;
    });

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      baseline: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,50000' },
      memory: { type: 'string' },
      disk: { type: 'string' },
      repeat: { type: 'string' },
      jobs: { type: 'string' },
      'cdk8s-sizes': { type: 'string', default: '10000' },
      'profile-sizes': { type: 'string', default: '10000' },
      'review-sizes': { type: 'string', default: '50000' },
      results: { type: 'string', default: path.join(REPO_ROOT, 'docs', 'explanation', 'performance-results.md') },
      readme: { type: 'string', default: path.join(REPO_ROOT, 'README.md') },
    },
  });
  if (values.baseline !== undefined) {
    const { tree, out } = JSON.parse(values.baseline) as { tree: string; out: string };
    const result = measureBaseline(tree, out);
    return new Promise((resolve) => process.send!(result, () => resolve()));
  }
  const started = performance.now();
  const temporary: string[] = [];
  const scratch = (prefix: string, parent: string) => {
    const folder = fs.mkdtempSync(path.join(parent, prefix));
    temporary.push(folder);
    return folder;
  };
  const media: Record<string, string> = {};
  if (values.memory !== undefined || fs.existsSync('/dev/shm'))
    media.memory = values.memory ?? scratch('kalypso-bench-', '/dev/shm');
  media.disk = values.disk ?? scratch('kalypso-bench-', os.tmpdir());
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const results: SizeResult[] = [];
  const reviews: ReviewMeasurement[] = [];
  try {
    for (const size of numbers(values.sizes!)) {
      const result = await benchSize(size, {
        sizes: [size],
        media,
        repeat: values.repeat === undefined ? undefined : Number(values.repeat),
        cdk8sSizes: numbers(values['cdk8s-sizes']!),
        profileSizes: numbers(values['profile-sizes']!),
        synthArgs: values.jobs === undefined ? [] : ['--jobs', values.jobs],
        log,
      });
      for (const line of formatResultLines(result)) process.stdout.write(`${line}\n`);
      results.push(result);
      // Written after each size, so a run stopped early leaves the figures it has.
      writeFigures(results, [], started, values.results!, values.readme!);
    }
    for (const size of numbers(values['review-sizes']!)) {
      log(`change report of a fleet-wide change at ${size}`);
      const review = await measureReview(size, scratch('kalypso-review-', os.tmpdir()));
      process.stdout.write(`${formatReviewLine(review)}\n`);
      reviews.push(review);
      writeFigures(results, reviews, started, values.results!, values.readme!);
    }
  } finally {
    for (const folder of temporary) fs.rmSync(folder, { recursive: true, force: true });
  }
  log(`done in ${((performance.now() - started) / 60000).toFixed(1)} minutes`);
}

function writeFigures(
  results: readonly SizeResult[],
  reviews: readonly ReviewMeasurement[],
  started: number,
  resultsFile: string,
  readme: string,
): void {
  const info: RunInfo = {
    reviews,
    date: new Date().toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    minutes: (performance.now() - started) / 60000,
    machine: machine(),
    command: ['npm run bench', ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : [])].join(' '),
  };
  if (resultsFile !== '-') fs.writeFileSync(resultsFile, resultsMarkdown(results, info));
  if (readme !== '-' && fs.existsSync(readme)) {
    fs.writeFileSync(readme, withReadmeTable(fs.readFileSync(readme, 'utf8'), results, info));
  }
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
