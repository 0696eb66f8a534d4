import { FUZZ_PROPERTIES } from './properties';

/*
 * `npm run fuzz -- --minutes N`: runs every fuzzed property in turn, in rounds of a fixed time each, until N minutes
 * have passed (default 1), with a new seed per round. Prints each round; exits 1 with the counterexample on the first
 * failure, 0 when time is up without one.
 */

const ROUND_MS = 20_000;

function minutesFromArguments(argv: readonly string[]): number {
  const index = argv.indexOf('--minutes');
  const value = index >= 0 ? Number(argv[index + 1]) : 1;
  if (!Number.isFinite(value) || value <= 0) {
    console.error('usage: npm run fuzz -- --minutes <positive number>');
    process.exit(2);
  }
  return value;
}

async function main(): Promise<void> {
  const minutes = minutesFromArguments(process.argv.slice(2));
  const deadline = Date.now() + minutes * 60_000;
  const runs = new Map<string, number>();
  let round = 0;
  while (Date.now() < deadline) {
    for (const property of FUZZ_PROPERTIES) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const seed = Math.floor(Math.random() * 2 ** 31);
      let count = 0;
      const started = Date.now();
      try {
        await property.check({
          seed,
          numRuns: Number.MAX_SAFE_INTEGER,
          interruptAfterTimeLimit: Math.min(ROUND_MS, left),
          markInterruptAsFailure: false,
          reporter: (details) => {
            count = details.numRuns;
            if (details.failed) {
              const error = 'errorInstance' in details ? String(details.errorInstance) : 'interrupted';
              throw new Error(`${JSON.stringify(details.counterexample)}\n${error}`);
            }
          },
        });
      } catch (e) {
        console.error(`FAILED ${property.name} (seed ${seed}, round ${round}):\n${(e as Error).message}`);
        process.exit(1);
      }
      runs.set(property.name, (runs.get(property.name) ?? 0) + count);
      console.log(`round ${round}: ${property.name}: ${count} inputs in ${Date.now() - started} ms (seed ${seed})`);
    }
    round++;
  }
  console.log(`\nno failure in ${minutes} minute(s):`);
  for (const [name, count] of runs) console.log(`  ${count} inputs  ${name}`);
}

void main();
