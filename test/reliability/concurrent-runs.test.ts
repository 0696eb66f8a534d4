import { spawn } from 'child_process';
import * as path from 'path';
import { BIN } from '../support/cli';
import { writeSyntheticControlPlane } from '../support/synthetic-control-plane';
import { readOutputTree, temporaryFolder } from '../support/temp';
import { synthesize } from '../../src/app/synthesize/synthesize';

function run(controlPlane: string, out: string): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'synth', '-c', controlPlane, '-o', out], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

test('two runs on one output folder never interleave: one fails clearly or they take turns', async () => {
  const root = temporaryFolder();
  const first = path.join(root, 'first');
  const second = path.join(root, 'second');
  writeSyntheticControlPlane(first, { clusterTypes: 10, targets: 20, salt: '-first' });
  writeSyntheticControlPlane(second, { clusterTypes: 10, targets: 20, salt: '-second' });
  const expected = await Promise.all(
    [first, second].map(async (controlPlane) => {
      const out = path.join(root, `expected-${path.basename(controlPlane)}`);
      await synthesize({ controlPlane, out });
      return JSON.stringify(readOutputTree(out));
    }),
  );

  for (let round = 0; round < 4; round++) {
    const out = path.join(root, `out-${round}`);
    const results = await Promise.all([run(first, out), run(second, out)]);
    expect(results.map((r) => r.code).filter((code) => code === 0).length).toBeGreaterThanOrEqual(1);
    for (const { code, stderr } of results) {
      if (code !== 0) {
        expect(code).toBe(2);
        expect(stderr).toMatch(/another kalypso run \(pid \d+ on .+\) is writing to .*; wait for it to finish/);
      }
    }
    expect(expected).toContain(JSON.stringify(readOutputTree(out)));
  }
}, 120_000);
