/*
 * `npm run bench` (issue 7): synthesizes generated control planes of 1,000, 10,000 and 50,000 assignments and prints
 * one line per size:
 *
 *   assignments=N files=F seconds=S baseline_seconds=B ratio=R peak_rss_mb=M
 *
 * and writes every measurement (phases, re-runs, machine) as JSON to bench-results.json or the path of --json.
 * Options: --sizes 1000,10000 (default 1000,10000,50000), --json PATH, --work DIR (scratch folder, default a
 * temporary one, removed at the end), --jobs N (the synth's threads), --repeat N (cold synths, baselines and re-runs per
 * size, the fastest counts; default 3 up to 10,000 assignments, 1 above).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { parseArgs } from 'util';
import { formatResultLine, runBench, runChildTask } from './bench';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      child: { type: 'string' },
      sizes: { type: 'string', default: '1000,10000,50000' },
      json: { type: 'string', default: 'bench-results.json' },
      work: { type: 'string' },
      jobs: { type: 'string' },
      repeat: { type: 'string' },
    },
  });
  if (values.child !== undefined) return runChildTask(values.child);
  const sizes = values.sizes!.split(',').map((size) => Number(size.trim()));
  if (sizes.some((size) => !Number.isInteger(size) || size < 1))
    throw new Error(`--sizes takes positive whole numbers, got ${values.sizes}`);
  const workDir = values.work ?? fs.mkdtempSync(path.join(os.tmpdir(), 'kalypso-bench-'));
  const synth = values.jobs === undefined ? {} : { threads: Number(values.jobs) };
  const repeat = values.repeat === undefined ? undefined : Number(values.repeat);
  const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
  const results = [];
  for (const size of sizes) {
    const {
      results: [result],
      machine,
    } = await runBench({ sizes: [size], workDir, synth, repeat, log });
    process.stdout.write(`${formatResultLine(result)}\n`);
    results.push(result);
    fs.writeFileSync(
      values.json!,
      `${JSON.stringify({ machine, date: new Date().toISOString(), results }, null, 2)}\n`,
    );
  }
  if (values.work === undefined) fs.rmSync(workDir, { recursive: true, force: true });
}

main().catch((e) => {
  process.stderr.write(`bench: ${(e as Error).stack ?? String(e)}\n`);
  process.exitCode = 1;
});
