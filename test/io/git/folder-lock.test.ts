import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { withFolderLock } from '../../../src/io/git/folder-lock';
import { temporaryFolder } from '../../support/temp';

describe('withFolderLock', () => {
  test('lets one holder in at a time; the next waits for it', async () => {
    const lock = path.join(temporaryFolder(), 'mirror.git.lock');
    const events: string[] = [];
    let release!: () => void;
    const first = withFolderLock(
      lock,
      async () => {
        events.push('first in');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        events.push('first out');
      },
      { pollMs: 5 },
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    const second = withFolderLock(
      lock,
      async () => {
        events.push('second in');
      },
      { pollMs: 5 },
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(events).toEqual(['first in']);
    release();
    await Promise.all([first, second]);
    expect(events).toEqual(['first in', 'first out', 'second in']);
    expect(fs.existsSync(lock)).toBe(false);
  });

  test('takes over a lock left by a process that is gone', async () => {
    const lock = path.join(temporaryFolder(), 'mirror.git.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }));
    expect(await withFolderLock(lock, async () => 'done')).toBe('done');
  });

  test('fails after waiting too long for a live holder', async () => {
    const lock = path.join(temporaryFolder(), 'mirror.git.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: process.pid, host: os.hostname() }));
    await expect(withFolderLock(lock, async () => 'never', { timeoutMs: 30, pollMs: 5 })).rejects.toThrow(
      `is locked by another kalypso run (pid ${process.pid} on ${os.hostname()}); remove ${lock} if no run is going on`,
    );
  });
});
