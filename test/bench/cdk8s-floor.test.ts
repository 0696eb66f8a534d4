import * as fs from 'fs';
import * as path from 'path';
import { measureCdk8sCliFloor, writeCdk8sFloorApp } from './cdk8s-app';
import { readTree, temporaryFolder } from '../support/temp';

describe("the benchmark's measure of the cdk8s CLI alone", () => {
  test('runs cdk8s synth over a copy of the tree, with an app that puts the same tree back in one rename', () => {
    // GIVEN a tree as a re-run of cdk8s synth finds it
    const tree = temporaryFolder();
    for (const file of ['ct/a/namespace.yaml', 'ct/b/reconciler.yaml', 'README.md']) {
      fs.mkdirSync(path.dirname(path.join(tree, file)), { recursive: true });
      fs.writeFileSync(path.join(tree, file), `# ${file}\n`);
    }
    const floorDir = temporaryFolder();
    writeCdk8sFloorApp(floorDir);
    // WHEN the CLI alone is measured
    const measured = measureCdk8sCliFloor(floorDir, tree, path.join(temporaryFolder(), 'rss'));
    // THEN cdk8s deleted the old tree and the app moved the ready one in: the output is the tree, and nothing is left
    expect(measured.seconds).toBeGreaterThan(0);
    expect(readTree(path.join(floorDir, 'dist'))).toEqual(readTree(tree));
    expect(fs.existsSync(path.join(floorDir, 'ready'))).toBe(false);
  }, 60_000);
});
