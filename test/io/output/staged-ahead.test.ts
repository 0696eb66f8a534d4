import * as fs from 'fs';
import * as path from 'path';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';
import { RenderedAssignment } from '../../../src/core/plan/render-job';
import { OutputFolder, STATE_DIR, writeOutput } from '../../../src/io/output/write';
import { EnvironmentStagedAhead } from '../../../src/io/output/staged-ahead';
import { stageRendered } from '../../../src/render/parallel/stage-rendered';
import { readTree, temporaryFolder } from '../../support/temp';

const README = CLUSTER_TYPE_README_TEXT;
const OLD = { 'drone/README.md': README, 'drone/a/r.yaml': 'old a' };

const rendered = (files: Record<string, string>): RenderedAssignment => ({ files, objects: [], failures: [] });

/** Stages an assignment's files as a render worker does, telling `ahead` of each. */
function stage(ahead: EnvironmentStagedAhead, folder: string, files: Record<string, string>): void {
  for (const [name, stat] of stageRendered(ahead.dir, folder, rendered(files))) ahead.staged(`${folder}/${name}`, stat);
}

async function existingOutput(): Promise<string> {
  const out = temporaryFolder();
  await writeOutput(out, [{ environment: 'dev', files: OLD, clusterTypes: ['drone'] }]);
  return out;
}

describe('files staged ahead', () => {
  test('only the folders of cluster types and environments that do not exist yet are staged', async () => {
    const out = await existingOutput();
    const output = await OutputFolder.open(out);
    try {
      const dev = output.stageAhead('dev');
      expect(dev.stages('drone/b')).toBe(false);
      expect(dev.stages('large/a')).toBe(true);
      expect(output.stageAhead('stage').stages('drone/a')).toBe(true);
      // The writer refuses such a name: nothing may be staged for it, anywhere.
      expect(output.stageAhead('../elsewhere').stages('large/a')).toBe(false);
    } finally {
      await output.close();
    }
  });

  test('are moved in where the plan writes them; those of assignments that failed after rendering never appear', async () => {
    const out = await existingOutput();
    const output = await OutputFolder.open(out);
    let stagedInode: number;
    try {
      const dev = output.stageAhead('dev');
      stage(dev, 'large/a', { 'r.yaml': 'new a', 'sub/s.yaml': 'nested' });
      stage(dev, 'large/failed', { 'r.yaml': 'collides' });
      stagedInode = fs.statSync(path.join(dev.dir, 'large/a/r.yaml')).ino;
      const files = { ...OLD, 'large/README.md': README, 'large/a/r.yaml': 'new a', 'large/a/sub/s.yaml': 'nested' };
      const [report] = await output.write([{ environment: 'dev', files, clusterTypes: ['drone', 'large'] }]);
      expect(report.changes.added).toEqual(['large/README.md', 'large/a/r.yaml', 'large/a/sub/s.yaml']);
    } finally {
      await output.close();
    }
    expect(readTree(out)).toEqual({
      'dev/drone/README.md': README,
      'dev/drone/a/r.yaml': 'old a',
      'dev/large/README.md': README,
      'dev/large/a/r.yaml': 'new a',
      'dev/large/a/sub/s.yaml': 'nested',
    });
    // Not even an empty folder of the failed assignment came in with the new cluster type's folder.
    expect(fs.existsSync(path.join(out, 'dev/large/failed'))).toBe(false);
    // The file the worker wrote is the one in place (moved, not written again).
    expect(fs.statSync(path.join(out, 'dev/large/a/r.yaml')).ino).toBe(stagedInode);
    expect(fs.existsSync(path.join(out, STATE_DIR))).toBe(false);
  });

  test('an error found after files were staged (the run does not write) leaves the output as it was', async () => {
    const out = await existingOutput();
    const before = readTree(out);
    const output = await OutputFolder.open(out);
    try {
      const dev = output.stageAhead('dev');
      stage(dev, 'large/a', { 'r.yaml': 'new a' });
      expect(fs.existsSync(path.join(dev.dir, 'large/a/r.yaml'))).toBe(true);
    } finally {
      await output.close();
    }
    expect(readTree(out)).toEqual(before);
    expect(fs.existsSync(path.join(out, STATE_DIR))).toBe(false);
  });

  test('an output folder made for a run that then writes nothing is removed, with the folders made on the way', async () => {
    const root = temporaryFolder();
    const out = path.join(root, 'made', 'out');
    const output = await OutputFolder.open(out);
    stage(output.stageAhead('dev'), 'drone/a', { 'r.yaml': 'a' });
    await output.close();
    expect(fs.readdirSync(root)).toEqual([]);

    // A run that writes keeps the folder it made, even for an empty plan.
    const written = await OutputFolder.open(out);
    await written.write([{ environment: 'dev', files: {}, clusterTypes: [] }]);
    await written.close();
    expect(fs.existsSync(out)).toBe(true);
  });

  test('when a worker could not stage some files, none staged ahead is used, nor any file left in the folder', async () => {
    const out = await existingOutput();
    const output = await OutputFolder.open(out);
    let stagedInode: number;
    try {
      const dev = output.stageAhead('dev');
      stage(dev, 'large/a', { 'r.yaml': 'new a' });
      stagedInode = fs.statSync(path.join(dev.dir, 'large/a/r.yaml')).ino;
      // A worker failed halfway through an assignment: a file of it is there, and nobody was told of it.
      fs.mkdirSync(path.join(dev.dir, 'large/b'));
      fs.writeFileSync(path.join(dev.dir, 'large/b/r.yaml'), 'half');
      dev.abandon();
      const files = { ...OLD, 'large/README.md': README, 'large/a/r.yaml': 'new a' };
      await output.write([{ environment: 'dev', files, clusterTypes: ['drone', 'large'] }]);
    } finally {
      await output.close();
    }
    expect(readTree(out)).toEqual({
      'dev/drone/README.md': README,
      'dev/drone/a/r.yaml': 'old a',
      'dev/large/README.md': README,
      'dev/large/a/r.yaml': 'new a',
    });
    expect(fs.statSync(path.join(out, 'dev/large/a/r.yaml')).ino).not.toBe(stagedInode);
  });

  test('a plan that writes none of the files staged ahead leaves no staging behind', async () => {
    const out = await existingOutput();
    const output = await OutputFolder.open(out);
    try {
      stage(output.stageAhead('dev'), 'large/a', { 'r.yaml': 'new a' });
      stage(output.stageAhead('stage'), 'drone/a', { 'r.yaml': 'a' });
      await output.write([{ environment: 'dev', files: OLD, clusterTypes: ['drone'] }]);
    } finally {
      await output.close();
    }
    expect(readTree(out)).toEqual({ 'dev/drone/README.md': README, 'dev/drone/a/r.yaml': 'old a' });
    expect(fs.existsSync(path.join(out, STATE_DIR))).toBe(false);
  });
});
