/*
 * Loaded with `node --require` into each measured process: when the process exits, it writes its peak resident set
 * size (MB) to the file named by KALYPSO_BENCH_RSS_FILE, so the benchmark can report the memory of a whole command.
 * Plain JavaScript, so that it runs without a build step (the benchmark's Jest tests use it too).
 */
const fs = require('fs');

const file = process.env.KALYPSO_BENCH_RSS_FILE;
if (file) process.on('exit', () => fs.writeFileSync(file, String(process.resourceUsage().maxRSS / 1024)));
