import * as fs from 'fs';
import * as path from 'path';
import { OutputFolder, TreeToWrite } from '../../../src/io/output/write';
import { readTreeRecord } from '../../../src/io/output/tree-record';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';
import { readTree, temporaryFolder } from '../../support/temp';

// The module's own function is replaced (the code under test holds its own copy of the module's properties).
jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, readFileSync: jest.fn(actual.readFileSync) };
});

const FILES = {
  'drone/README.md': CLUSTER_TYPE_README_TEXT,
  'drone/a/r.yaml': 'a: 1\n',
  'drone/b/r.yaml': 'b: 1\n',
  '.github/tracking/Promoted_Commit_Id': 'abc',
};
const tree = (files: Record<string, string>): TreeToWrite => ({ environment: 'dev', files, clusterTypes: ['drone'] });

/** Writes `files` with a record in `record`; returns the files of the tree that were read as content. */
async function write(out: string, record: string, files: Record<string, string>): Promise<string[]> {
  const read = jest.mocked(fs.readFileSync);
  read.mockClear();
  const output = await OutputFolder.open(out);
  try {
    output.recordTrees(() => record);
    await output.write([tree(files)]);
  } finally {
    await output.close();
  }
  const envDir = path.join(out, 'dev') + path.sep;
  return read.mock.calls
    .map(([file]) => String(file))
    .filter((file) => file.startsWith(envDir))
    .map((file) => file.slice(envDir.length).split(path.sep).join('/'))
    .sort();
}

describe('the tree record', () => {
  test('a re-run reads only what changed since the record: files another program rewrote, and restores them', async () => {
    const out = temporaryFolder();
    const record = path.join(temporaryFolder(), 'dev.tree.json');
    // GIVEN a tree written with a record
    expect(await write(out, record, FILES)).toEqual([]);
    expect([...readTreeRecord(record)!.keys()].sort()).toEqual(Object.keys(FILES).sort());
    // WHEN nothing changed, no file of the tree is read as content (the READMEs and promoted commit aside, which
    // tell the managed folders)
    expect(await write(out, record, FILES)).toEqual(['.github/tracking/Promoted_Commit_Id', 'drone/README.md']);
    // WHEN another program rewrote a file (same size, even), it is read, found changed and restored
    const rewritten = path.join(out, 'dev/drone/a/r.yaml');
    fs.writeFileSync(rewritten, 'a: 2\n');
    // (its modification time set apart from the recorded one, which a file system with a coarse clock might repeat)
    fs.utimesSync(rewritten, new Date('2001-01-01'), new Date('2001-01-01'));
    expect(await write(out, record, FILES)).toContain('drone/a/r.yaml');
    expect(readTree(path.join(out, 'dev'))).toEqual(FILES);
  });

  test('a planned change is written although the file on disk is the recorded one', async () => {
    const out = temporaryFolder();
    const record = path.join(temporaryFolder(), 'dev.tree.json');
    await write(out, record, FILES);
    const changed = { ...FILES, 'drone/b/r.yaml': 'b: 2\n' };
    await write(out, record, changed);
    expect(readTree(path.join(out, 'dev'))).toEqual(changed);
    // AND the next run trusts the new file
    expect(await write(out, record, changed)).not.toContain('drone/b/r.yaml');
  });

  test('a record that fails its checksum or does not parse is ignored: every file is read', async () => {
    const out = temporaryFolder();
    const record = path.join(temporaryFolder(), 'dev.tree.json');
    await write(out, record, FILES);
    for (const text of [fs.readFileSync(record, 'utf8').replace('drone/a', 'drone/b'), '{not json\n', '']) {
      fs.writeFileSync(record, text);
      expect(readTreeRecord(record)).toBeUndefined();
      expect(await write(out, record, FILES)).toEqual(expect.arrayContaining(['drone/a/r.yaml', 'drone/b/r.yaml']));
    }
  });
});
