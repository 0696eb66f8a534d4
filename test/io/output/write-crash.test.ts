import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { BIN } from '../../support/cli';
import { writeSyntheticControlPlane } from '../../support/synthetic-control-plane';
import { readOutputTree, temporaryFolder } from '../../support/temp';

function synth(controlPlane: string, out: string): void {
  const result = spawnSync(
    process.execPath,
    [BIN, 'synth', '-c', controlPlane, '-o', out, '--quiet'].filter((a) => a !== '--quiet'),
    { encoding: 'utf8' },
  );
  expect(result.status).toBe(0);
}

function isWriting(out: string): boolean {
  try {
    return fs.readdirSync(path.join(out, '.kalypso')).some((entry) => entry.startsWith('staging-'));
  } catch {
    return false;
  }
}

/**
 * Starts a synth and kills it with SIGKILL: `delay` ms after it starts writing (its staging folder appears), or,
 * for a negative delay, that long after it starts. Resolves when it is gone.
 */
function synthKilled(controlPlane: string, out: string, delay: number): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, 'synth', '-c', controlPlane, '-o', out], { stdio: 'ignore' });
    const timers: NodeJS.Timeout[] = [];
    const kill = () => child.kill('SIGKILL');
    if (delay < 0) timers.push(setTimeout(kill, -delay));
    else {
      const poll = setInterval(() => {
        if (!isWriting(out)) return;
        clearInterval(poll);
        timers.push(setTimeout(kill, delay));
      }, 1);
      timers.push(poll);
    }
    child.on('exit', () => {
      timers.forEach((timer) => clearTimeout(timer));
      resolve();
    });
  });
}

test('a synth killed at any moment leaves the environment folder, every file old or new, and the next run completes it', async () => {
  const root = temporaryFolder();
  const before = path.join(root, 'before');
  const after = path.join(root, 'after');
  writeSyntheticControlPlane(before, { clusterTypes: 12, targets: 25, salt: '-1' });
  writeSyntheticControlPlane(after, { clusterTypes: 12, targets: 25, salt: '-2' });
  const oldOut = path.join(root, 'old');
  const newOut = path.join(root, 'new');
  synth(before, oldOut);
  synth(after, newOut);
  const oldTree = readOutputTree(oldOut);
  const newTree = readOutputTree(newOut);
  expect(Object.keys(newTree)).toHaveLength(12 * 25 * 3 + 12);

  // Kill points: while loading/rendering, then at fixed delays after the writer starts staging the new tree.
  const delays = [-300, -800, 0, 2, 5, 10, 20, 35, 50, 80, 120, 200, 300, 450, 700, 1000];
  const outcomes: string[] = [];
  for (const delay of delays) {
    const out = path.join(root, `run-${delay}`);
    fs.cpSync(oldOut, out, { recursive: true });
    await synthKilled(after, out, delay);
    const tree = readOutputTree(out);
    expect(fs.statSync(path.join(out, 'dev')).isDirectory()).toBe(true);
    for (const [file, content] of Object.entries(tree)) expect([oldTree[file], newTree[file]]).toContain(content);
    for (const file of Object.keys(oldTree).filter((f) => f in newTree)) expect(tree).toHaveProperty([file]);
    outcomes.push(
      JSON.stringify(tree) === JSON.stringify(oldTree)
        ? 'old'
        : JSON.stringify(tree) === JSON.stringify(newTree)
          ? 'new'
          : 'mix',
    );
    synth(after, out);
    expect(readOutputTree(out)).toEqual(newTree);
    fs.rmSync(out, { recursive: true, force: true });
  }
  expect(outcomes).toContain('old');
}, 300_000);
