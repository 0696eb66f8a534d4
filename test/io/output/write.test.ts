import * as os from 'os';
import * as fs from 'fs';
import * as path from 'path';
import { OutputError } from '../../../src/io/output/output-lock';
import { STATE_DIR, TreeToWrite, writeOutput } from '../../../src/io/output/write';
import { readTree, temporaryFolder, writeFiles } from '../../support/temp';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

// The module's own functions are replaced here (not spied on the test's import of it): the code under test holds its
// own copy of the module's properties, taken when it is imported.
jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, renameSync: jest.fn(actual.renameSync), rmSync: jest.fn(actual.rmSync) };
});
const actualFs = jest.requireActual<typeof import('fs')>('fs');

const README = CLUSTER_TYPE_README_TEXT;

const tree = (files: Record<string, string>, extra: Partial<TreeToWrite> = {}): TreeToWrite => ({
  environment: 'dev',
  files,
  clusterTypes: ['drone'],
  ...extra,
});

describe('writeOutput', () => {
  test('writes the tree of each environment and leaves no state behind', async () => {
    const out = temporaryFolder();
    const reports = await writeOutput(out, [
      tree({ 'drone/README.md': README, 'drone/t/r.yaml': 'r' }),
      { environment: 'stage', files: {}, clusterTypes: [] },
    ]);
    expect(readTree(out)).toEqual({ 'dev/drone/README.md': README, 'dev/drone/t/r.yaml': 'r' });
    expect(reports[0].changes.added).toEqual(['drone/README.md', 'drone/t/r.yaml']);
    expect(fs.existsSync(path.join(out, STATE_DIR))).toBe(false);
  });

  test('a folder that does not exist yet is renamed in whole, once: a new environment, then a new cluster type', async () => {
    const out = temporaryFolder();
    const renames: string[] = [];
    const rename = jest.mocked(fs.renameSync).mockImplementation((from, to) => {
      if (String(from).includes(`${STATE_DIR}${path.sep}staging-`)) renames.push(path.relative(out, String(to)));
      return actualFs.renameSync(from, to);
    });
    try {
      const first = { 'drone/README.md': README, 'drone/a/r.yaml': 'a', 'drone/b/r.yaml': 'b' };
      await writeOutput(out, [tree(first)]);
      expect(renames).toEqual(['dev']);
      renames.length = 0;
      await writeOutput(out, [
        tree(
          { ...first, 'drone/c/r.yaml': 'c', 'large/README.md': README, 'large/a/r.yaml': 'a' },
          { clusterTypes: ['drone', 'large'] },
        ),
      ]);
      // The existing cluster type gets its new file by one rename; the new one comes in whole.
      expect(renames.sort()).toEqual([path.join('dev', 'drone', 'c', 'r.yaml'), path.join('dev', 'large')]);
    } finally {
      rename.mockImplementation(actualFs.renameSync);
    }
    expect(readTree(path.join(out, 'dev'))).toEqual({
      'drone/README.md': README,
      'drone/a/r.yaml': 'a',
      'drone/b/r.yaml': 'b',
      'drone/c/r.yaml': 'c',
      'large/README.md': README,
      'large/a/r.yaml': 'a',
    });
    expect(fs.existsSync(path.join(out, STATE_DIR))).toBe(false);
  });

  test('rewrites no file when nothing changed: modification times stay', async () => {
    const out = temporaryFolder();
    const files = { 'drone/README.md': README, 'drone/t/r.yaml': 'r', '.github/tracking/Promoted_Commit_Id': 'abc' };
    await writeOutput(out, [tree(files)]);
    const before = fs.statSync(path.join(out, 'dev/drone/t/r.yaml'));
    const report = await writeOutput(out, [tree(files)]);
    const after = fs.statSync(path.join(out, 'dev/drone/t/r.yaml'));
    expect(report[0].changes.unchanged).toHaveLength(3);
    expect([after.ino, after.mtimeMs]).toEqual([before.ino, before.mtimeMs]);
  });

  test('replaces only what changed; unchanged files keep their inode and time', async () => {
    const out = temporaryFolder();
    await writeOutput(out, [tree({ 'drone/README.md': README, 'drone/a/r.yaml': 'a', 'drone/b/r.yaml': 'b' })]);
    const unchanged = fs.statSync(path.join(out, 'dev/drone/a/r.yaml'));
    await writeOutput(out, [tree({ 'drone/README.md': README, 'drone/a/r.yaml': 'a', 'drone/b/r.yaml': 'B' })]);
    expect(fs.readFileSync(path.join(out, 'dev/drone/b/r.yaml'), 'utf8')).toBe('B');
    const after = fs.statSync(path.join(out, 'dev/drone/a/r.yaml'));
    expect([after.ino, after.mtimeMs]).toEqual([unchanged.ino, unchanged.mtimeMs]);
  });

  test('removes stale target folders, stale files and whole stale cluster-type folders', async () => {
    const out = temporaryFolder();
    writeFiles(out, {
      'dev/drone/README.md': README,
      'dev/drone/t/old.yaml': 'old',
      'dev/drone/gone/r.yaml': 'r',
      'dev/oldct/README.md': README,
      'dev/oldct/x/r.yaml': 'r',
    });
    await writeOutput(out, [tree({ 'drone/README.md': README, 'drone/t/r.yaml': 'r' })]);
    expect(readTree(path.join(out, 'dev'))).toEqual({ 'drone/README.md': README, 'drone/t/r.yaml': 'r' });
  });

  test('never touches unmanaged files: root files, other folders, .git', async () => {
    const out = temporaryFolder();
    const unmanaged = {
      'dev/README.md': 'root',
      'dev/docs/guide.md': 'guide',
      'dev/.git/HEAD': 'ref: refs/heads/dev',
      'dev/.github/workflows/x.yaml': 'w',
      'notes.txt': 'n',
    };
    writeFiles(out, unmanaged);
    const gitHead = fs.statSync(path.join(out, 'dev/.git/HEAD'));
    await writeOutput(out, [tree({ 'drone/README.md': README, '.github/tracking/Promoted_Commit_Id': 'abc' })]);
    const after = readTree(out);
    for (const [file, content] of Object.entries(unmanaged)) expect(after[file]).toBe(content);
    expect(after['dev/.github/tracking/Promoted_Commit_Id']).toBe('abc');
    expect(fs.statSync(path.join(out, 'dev/.git/HEAD')).mtimeMs).toBe(gitHead.mtimeMs);
  });

  test('keeps the files of kept folders and deletes nothing when told so', async () => {
    const out = temporaryFolder();
    writeFiles(out, {
      'dev/drone/README.md': README,
      'dev/drone/failed/r.yaml': 'previous',
      'dev/drone/gone/r.yaml': 'r',
    });
    await writeOutput(out, [
      tree({ 'drone/README.md': README, 'drone/new/r.yaml': 'n' }, { keep: ['drone/failed'], deleteStale: false }),
    ]);
    expect(readTree(path.join(out, 'dev'))).toEqual({
      'drone/README.md': README,
      'drone/failed/r.yaml': 'previous',
      'drone/gone/r.yaml': 'r',
      'drone/new/r.yaml': 'n',
    });
  });

  test('fails when another live run holds the output folder', async () => {
    const out = temporaryFolder();
    writeFiles(out, { [`${STATE_DIR}/lock`]: JSON.stringify({ pid: process.pid, host: os.hostname() }) });
    await expect(writeOutput(out, [tree({ 'drone/README.md': README })])).rejects.toThrow(OutputError);
    expect(fs.existsSync(path.join(out, 'dev'))).toBe(false);
  });

  test('takes over the lock of a process that no longer exists', async () => {
    const out = temporaryFolder();
    writeFiles(out, {
      [`${STATE_DIR}/lock`]: JSON.stringify({ pid: 2 ** 22 + 12345, host: os.hostname() }),
    });
    await writeOutput(out, [tree({ 'drone/README.md': README })]);
    expect(readTree(out)).toEqual({ 'dev/drone/README.md': README });
  });

  test('finishes the swaps of a run that died after writing its journal, and cleans its temporary folders', async () => {
    const out = temporaryFolder();
    writeFiles(out, {
      'dev/drone/README.md': README,
      'dev/drone/t/r.yaml': 'old',
      [`${STATE_DIR}/staging-0123456789ab/dev/drone/README.md`]: README,
      [`${STATE_DIR}/staging-0123456789ab/dev/drone/t/r.yaml`]: 'new',
      [`${STATE_DIR}/staging-other/leftover`]: 'x',
      [`${STATE_DIR}/journal.json`]: JSON.stringify({
        trash: 'trash-0123456789ab',
        operations: [{ target: 'dev/drone', staged: 'staging-0123456789ab/dev/drone' }],
      }),
    });
    await writeOutput(out, []);
    expect(readTree(out)).toEqual({ 'dev/drone/README.md': README, 'dev/drone/t/r.yaml': 'new' });
  });

  test('refuses an environment path that is a file', async () => {
    const out = temporaryFolder();
    writeFiles(out, { dev: 'a file' });
    await expect(writeOutput(out, [tree({ 'drone/README.md': README })])).rejects.toThrow(/is not a folder/);
    expect(fs.readFileSync(path.join(out, 'dev'), 'utf8')).toBe('a file');
  });

  test('replaces a symbolic link in a managed folder without following it', async () => {
    const out = temporaryFolder();
    const outside = temporaryFolder();
    writeFiles(outside, { 'precious.yaml': 'keep me' });
    writeFiles(out, { 'dev/drone/README.md': README });
    fs.symlinkSync(outside, path.join(out, 'dev/drone/t'));
    await writeOutput(out, [tree({ 'drone/README.md': README, 'drone/t/r.yaml': 'r' })]);
    expect(fs.lstatSync(path.join(out, 'dev/drone/t')).isDirectory()).toBe(true);
    expect(readTree(outside)).toEqual({ 'precious.yaml': 'keep me' });
  });
});

describe('writeOutput swaps', () => {
  test('an environment folder is never moved: it keeps its identity, and only changed files are replaced', async () => {
    const out = temporaryFolder();
    await writeOutput(out, [
      tree({ 'drone/README.md': README, 'drone/a/r.yaml': 'a', '.github/tracking/Promoted_Commit_Id': 'x' }),
    ]);
    const folder = fs.statSync(path.join(out, 'dev'));
    const unchanged = fs.statSync(path.join(out, 'dev/drone/a/r.yaml'));
    const promoted = fs.statSync(path.join(out, 'dev/.github/tracking/Promoted_Commit_Id'));
    await writeOutput(out, [
      tree({ 'drone/README.md': README, 'drone/a/r.yaml': 'a', '.github/tracking/Promoted_Commit_Id': 'y' }),
    ]);
    expect(fs.statSync(path.join(out, 'dev')).ino).toBe(folder.ino);
    expect(fs.statSync(path.join(out, 'dev/drone/a/r.yaml')).ino).toBe(unchanged.ino);
    expect(fs.statSync(path.join(out, 'dev/.github/tracking/Promoted_Commit_Id')).ino).not.toBe(promoted.ino);
    expect(readTree(out)['dev/.github/tracking/Promoted_Commit_Id']).toBe('y');
  });

  test('an environment folder that also holds other files keeps its identity; changed cluster-type folders are swapped', async () => {
    const out = temporaryFolder();
    writeFiles(out, { 'dev/README.md': 'root' });
    await writeOutput(out, [
      tree({ 'drone/README.md': README, 'drone/a/r.yaml': 'a' }, { clusterTypes: ['drone', 'large'] }),
    ]);
    await writeOutput(out, [
      tree(
        { 'drone/README.md': README, 'drone/a/r.yaml': 'a', 'large/README.md': README },
        { clusterTypes: ['drone', 'large'] },
      ),
    ]);
    const folder = fs.statSync(path.join(out, 'dev'));
    const drone = fs.statSync(path.join(out, 'dev/drone'));
    await writeOutput(out, [
      tree(
        { 'drone/README.md': README, 'drone/a/r.yaml': 'a', 'large/README.md': README, 'large/b/r.yaml': 'b' },
        { clusterTypes: ['drone', 'large'] },
      ),
    ]);
    expect(fs.statSync(path.join(out, 'dev')).ino).toBe(folder.ino);
    expect(fs.statSync(path.join(out, 'dev/drone')).ino).toBe(drone.ino);
    expect(readTree(out)).toEqual({
      'dev/README.md': 'root',
      'dev/drone/README.md': README,
      'dev/drone/a/r.yaml': 'a',
      'dev/large/README.md': README,
      'dev/large/b/r.yaml': 'b',
    });
  });

  test('an emptied environment folder stays, empty', async () => {
    const out = temporaryFolder();
    await writeOutput(out, [tree({ 'drone/README.md': README })]);
    await writeOutput(out, [tree({}, { clusterTypes: [] })]);
    expect(fs.readdirSync(path.join(out, 'dev'))).toEqual([]);
  });
});
