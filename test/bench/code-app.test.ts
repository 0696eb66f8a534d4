import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { writeCdk8sApp } from './cdk8s-app';
import { writeCodeApp } from './code-app';
import { writeBenchControlPlane } from './generate-control-plane';
import { readTree, temporaryFolder } from '../support/temp';

const ROOT = path.join(__dirname, '../..');

describe("the benchmark's code front door", () => {
  test('builds the generated control plane with constructs and writes the tree the YAML front door writes', () => {
    // GIVEN a generated control plane, and the two cdk8s apps the benchmark times: from its folder, and in code
    const controlPlane = temporaryFolder();
    expect(writeBenchControlPlane(controlPlane, { clusterTypes: 5, targets: 8 })).toBe(40);
    const [fromFolder, inCode] = [temporaryFolder(), temporaryFolder()];
    writeCdk8sApp(fromFolder, controlPlane);
    writeCodeApp(inCode, controlPlane);
    // WHEN cdk8s synth runs each
    for (const app of [fromFolder, inCode]) {
      const synth = spawnSync(path.join(ROOT, 'node_modules/.bin/cdk8s'), ['synth', '--no-check-upgrade'], {
        cwd: app,
        encoding: 'utf8',
        env: { ...process.env, XDG_CACHE_HOME: temporaryFolder() },
      });
      expect(synth.stderr).toBe('');
      expect(synth.status).toBe(0);
    }
    // THEN both wrote the same tree
    const tree = readTree(path.join(inCode, 'dist'));
    expect(Object.keys(tree).filter((file) => file.endsWith('/reconciler.yaml'))).toHaveLength(40);
    expect(tree).toEqual(readTree(path.join(fromFolder, 'dist')));
    expect(fs.readFileSync(path.join(inCode, 'objects.json'), 'utf8')).toContain('"kind":"Workload"');
  }, 120_000);
});
