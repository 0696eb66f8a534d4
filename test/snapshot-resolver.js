// Jest writes snapshots beside each test by default; this project keeps them all in the top-level __snapshots__/
// folder, named after the test file's path below test/ (test/core/plan/plan.test.ts -> __snapshots__/output/plan.test.ts.snap).
const path = require('path');

const root = path.resolve(__dirname, '..');
const testRoot = path.join(root, 'test');
const snapshotRoot = path.join(root, '__snapshots__');

module.exports = {
  resolveSnapshotPath: (testPath, extension) => path.join(snapshotRoot, path.relative(testRoot, testPath) + extension),
  resolveTestPath: (snapshotPath, extension) =>
    path.join(testRoot, path.relative(snapshotRoot, snapshotPath).slice(0, -extension.length)),
  testPathForConsistencyCheck: path.join(testRoot, 'core', 'plan', 'plan.test.ts'),
};
