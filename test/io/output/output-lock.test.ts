import * as fs from 'fs';
import * as path from 'path';
import { acquireOutputLock } from '../../../src/io/output/output-lock';
import { temporaryFolder } from '../../support/temp';

describe('acquireOutputLock', () => {
  afterEach(() => jest.restoreAllMocks());

  test('takes the lock when a run that just finished removed the empty state folder in between', async () => {
    // GIVEN a state folder that another run removes (as it does when it finishes) right after this one made it
    const stateDir = path.join(temporaryFolder(), 'out', '.kalypso');
    const writeFile = fs.promises.writeFile;
    let removed = 0;
    jest.spyOn(fs.promises, 'writeFile').mockImplementation(async (file, ...rest) => {
      if (String(file).endsWith('.new') && removed++ < 2) fs.rmSync(path.dirname(String(file)), { recursive: true });
      return writeFile(file, ...rest);
    });
    // WHEN the lock is taken
    const lock = await acquireOutputLock(stateDir);
    // THEN it is held, after making the folder again
    expect(removed).toBe(3);
    await expect(lock.assertHeld()).resolves.toBeUndefined();
    await lock.release();
  });
});
