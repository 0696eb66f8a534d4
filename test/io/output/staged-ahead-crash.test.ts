import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN } from '../../support/cli';
import { writeSyntheticControlPlane } from '../../support/synthetic-control-plane';
import { readOutputTree, temporaryFolder, writeFiles } from '../../support/temp';

/*
 * Render workers stage the files of new cluster-type folders while other assignments render
 * (src/render/parallel/stage-rendered.ts): a run killed then, or one that finds an error after rendering, leaves the
 * output folder as it was. 12 × 100 assignments, enough to render in two worker threads.
 */

const KALYPSO = 'apiVersion: scheduler.kalypso.io/v1alpha1';

function synth(controlPlane: string, out: string): { status: number | null; stderr: string } {
  return spawnSync(process.execPath, [BIN, 'synth', '-j', '2', '-c', controlPlane, '-o', out], { encoding: 'utf8' });
}

/** Files the run staged so far. */
function stagedFiles(out: string): number {
  let count = 0;
  const walk = (folder: string) => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name));
      else count++;
    }
  };
  try {
    for (const entry of fs.readdirSync(path.join(out, '.kalypso'))) {
      if (entry.startsWith('staging-')) walk(path.join(out, '.kalypso', entry));
    }
  } catch {
    return 0;
  }
  return count;
}

/** An output folder with cluster types ct-0 and ct-1 only, and a control plane that adds ten more. */
function outputAndLargerControlPlane(): { root: string; out: string; larger: string } {
  const root = temporaryFolder();
  const small = path.join(root, 'small');
  const larger = path.join(root, 'larger');
  const out = path.join(root, 'out');
  writeSyntheticControlPlane(small, { clusterTypes: 2, targets: 100 });
  writeSyntheticControlPlane(larger, { clusterTypes: 12, targets: 100 });
  expect(synth(small, out).status).toBe(0);
  return { root, out, larger };
}

test('a synth killed while render workers stage new folders leaves the output as it was, and the next run completes', async () => {
  const { root, out, larger } = outputAndLargerControlPlane();
  const before = readOutputTree(out);

  const killedAt = await new Promise<number>((resolve) => {
    const child = spawn(process.execPath, [BIN, 'synth', '-j', '2', '-c', larger, '-o', out], { stdio: 'ignore' });
    let staged = 0;
    const poll = setInterval(() => {
      staged = stagedFiles(out);
      if (staged > 0) child.kill('SIGKILL');
    }, 2);
    child.on('exit', () => {
      clearInterval(poll);
      resolve(staged);
    });
  });

  expect(killedAt).toBeGreaterThan(0);
  expect(readOutputTree(out)).toEqual(before);
  expect(synth(larger, out).status).toBe(0);
  const fresh = path.join(root, 'fresh');
  expect(synth(larger, fresh).status).toBe(0);
  expect(readOutputTree(out)).toEqual(readOutputTree(fresh));
  expect(fs.existsSync(path.join(out, '.kalypso'))).toBe(false);
}, 180_000);

test('an error found after the workers staged files (a namespace made twice) writes nothing', () => {
  const { out, larger } = outputAndLargerControlPlane();
  const before = readOutputTree(out);
  // ClusterType "ct-0-app" with target "t1" makes the namespace of ("ct-0", "app-t1"): found once both rendered.
  writeFiles(larger, {
    'dev/collision.yaml': [
      `${KALYPSO}\nkind: ClusterType\nmetadata: {name: ct-0-app, labels: {region: r0}}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n`,
      `${KALYPSO}\nkind: DeploymentTarget\nmetadata: {name: t1, labels: {workload: app, workspace: team}}\nspec: {environment: dev, manifests: {repo: "https://example.com/app", branch: main, path: ./t1}}\n`,
    ].join('---\n'),
  });

  const result = synth(larger, out);

  expect(result.stderr).toMatch(/namespace "dev-ct-0-app-t1" is produced by both/);
  expect(result.status).toBe(1);
  expect(readOutputTree(out)).toEqual(before);
  expect(fs.existsSync(path.join(out, '.kalypso'))).toBe(false);

  // Nor is an output folder that did not exist left behind.
  const missing = path.join(path.dirname(out), 'never');
  expect(synth(larger, missing).status).toBe(1);
  expect(fs.existsSync(missing)).toBe(false);
}, 180_000);
