import { spawn } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { tryLock } from '../../../src/io/lock/lock-file';
import { currentHolder, processStartTime } from '../../../src/io/lock/lock-holder';
import { temporaryFolder } from '../../support/temp';

const DEAD_PID = 2 ** 22 + 12345;

function plant(lockFile: string, record: object | string, ageMs = 0): void {
  fs.writeFileSync(lockFile, typeof record === 'string' ? record : JSON.stringify(record));
  const when = new Date(Date.now() - ageMs);
  fs.utimesSync(lockFile, when, when);
}

describe('tryLock', () => {
  test('takes a free lock, writing a record that names this process, and releases it', async () => {
    const lockFile = path.join(temporaryFolder(), 'lock');
    const attempt = await tryLock(lockFile);
    if (!('held' in attempt)) throw new Error('not held');
    const record = JSON.parse(fs.readFileSync(lockFile, 'utf8'));
    expect(record).toEqual(expect.objectContaining({ pid: process.pid, host: os.hostname() }));
    if (process.platform === 'linux') expect(record.start).toBe(processStartTime(process.pid));
    expect(await attempt.held.isHeld()).toBe(true);
    await attempt.held.release();
    expect(fs.existsSync(lockFile)).toBe(false);
    expect(fs.readdirSync(path.dirname(lockFile))).toEqual([]);
  });

  test.each<[string, (token: string) => object | string, number]>([
    ['a dead process', () => ({ pid: DEAD_PID, host: os.hostname() }), 0],
    [
      'a live pid that belongs to a process started at another time (the pid was reused)',
      () => ({ ...currentHolder('x'), start: '1' }),
      0,
    ],
    ['a holder from before the last boot', () => ({ ...currentHolder('x'), boot: 'another-boot' }), 0],
    ['a record that is not a lock record, left long ago', () => '{"pid": "../../etc"}', 60_000],
    ['an empty file left long ago', () => '', 60_000],
  ])('takes over the lock of %s', async (_name, record, ageMs) => {
    const lockFile = path.join(temporaryFolder(), 'lock');
    plant(lockFile, record('x'), ageMs);
    const attempt = await tryLock(lockFile);
    expect('held' in attempt).toBe(true);
    expect(JSON.parse(fs.readFileSync(lockFile, 'utf8')).pid).toBe(process.pid);
  });

  test.each<[string, object | string, number]>([
    ['a live process on this host', { ...currentHolder('other') }, 0],
    ['a process on another host', { pid: DEAD_PID, host: 'elsewhere.example' }, 0],
    ['a record being written (unreadable, just created)', '', 0],
  ])('is busy while the lock belongs to %s', async (_name, record, ageMs) => {
    const lockFile = path.join(temporaryFolder(), 'lock');
    plant(lockFile, record, ageMs);
    const attempt = await tryLock(lockFile);
    expect('busy' in attempt).toBe(true);
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(typeof record === 'string' ? record : JSON.stringify(record));
  });

  test('release leaves alone a lock that another process took meanwhile', async () => {
    const lockFile = path.join(temporaryFolder(), 'lock');
    const attempt = await tryLock(lockFile);
    if (!('held' in attempt)) throw new Error('not held');
    const other = JSON.stringify(currentHolder('other'));
    fs.writeFileSync(lockFile, other);
    expect(await attempt.held.isHeld()).toBe(false);
    await attempt.held.release();
    expect(fs.readFileSync(lockFile, 'utf8')).toBe(other);
  });
});

/**
 * A process that says it is ready, waits for the `go` file, tries the lock once and, holding it, logs enter/exit
 * around a second of work.
 */
function contender(folder: string): Promise<string> {
  const file = (name: string) => JSON.stringify(path.join(folder, name));
  const script = `
    require('ts-node').register({ transpileOnly: true });
    const fs = require('fs');
    const { tryLock } = require(${JSON.stringify(path.join(__dirname, '../../../src/io/lock/lock-file.ts'))});
    fs.writeFileSync(${file('ready-')} + process.pid, '');
    while (!fs.existsSync(${file('go')})) {}
    tryLock(${file('lock')}).then(async (attempt) => {
      if (!('held' in attempt)) return console.log('busy');
      fs.appendFileSync(${file('log')}, 'enter ' + process.pid + '\\n');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      fs.appendFileSync(${file('log')}, 'exit ' + process.pid + '\\n');
      await attempt.held.release();
      console.log('held');
    });`;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', () => resolve(out.trim()));
  });
}

test('processes racing to take over one stale lock: never two hold it at once', async () => {
  for (let round = 0; round < 3; round++) {
    const folder = temporaryFolder();
    plant(path.join(folder, 'lock'), { pid: DEAD_PID, host: os.hostname() });
    fs.writeFileSync(path.join(folder, 'log'), '');
    const racing = Array.from({ length: 6 }, () => contender(folder));
    while (fs.readdirSync(folder).filter((name) => name.startsWith('ready-')).length < 6) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    fs.writeFileSync(path.join(folder, 'go'), '');
    const outcomes = await Promise.all(racing);
    expect(outcomes.filter((o) => o === 'held').length).toBeGreaterThanOrEqual(1);
    expect(outcomes.filter((o) => o !== 'held' && o !== 'busy')).toEqual([]);
    // Whoever held it held it alone: each enter is followed by its own exit before the next enter.
    const lines = fs.readFileSync(path.join(folder, 'log'), 'utf8').trim().split('\n');
    expect(lines).toHaveLength(2 * outcomes.filter((o) => o === 'held').length);
    for (let i = 0; i < lines.length; i += 2) expect(lines[i].replace('enter', 'exit')).toBe(lines[i + 1]);
    expect(fs.readdirSync(folder).filter((name) => name.startsWith('lock'))).toEqual([]);
  }
}, 120_000);
