import * as fs from 'fs';
import * as path from 'path';
import { RenderedAssignment } from '../../../src/core/plan/render-job';
import { stageRendered, stageRenderedIfPossible } from '../../../src/render/parallel/stage-rendered';
import { readTree, temporaryFolder } from '../../support/temp';

const rendered = (files: Record<string, string>, failed = false): RenderedAssignment => ({
  files,
  objects: [],
  failures: failed ? [{ message: 'bad' }] : [],
});

describe('stageRendered', () => {
  test("writes an assignment's files under its folder and tells what identifies each", () => {
    const dir = path.join(temporaryFolder(), 'staging', 'dev');
    const staged = stageRendered(dir, 'ct/t', rendered({ 'a.yaml': 'a', 'sub/b.yaml': 'bb' }));
    expect(readTree(dir)).toEqual({ 'ct/t/a.yaml': 'a', 'ct/t/sub/b.yaml': 'bb' });
    expect(staged.map(([name]) => name)).toEqual(['a.yaml', 'sub/b.yaml']);
    for (const [name, stat] of staged) {
      const onDisk = fs.statSync(path.join(dir, 'ct/t', name), { bigint: true });
      expect(stat).toEqual({ size: onDisk.size, ino: onDisk.ino, mtimeNs: onDisk.mtimeNs });
    }
  });

  test('stages nothing of a failed assignment, nor of one whose folder or a file name leaves its folder', () => {
    const root = temporaryFolder();
    const dir = path.join(root, 'staging', 'dev');
    expect(stageRendered(dir, 'ct/t', rendered({ 'a.yaml': 'a' }, true))).toEqual([]);
    expect(stageRendered(dir, 'ct/../../x', rendered({ 'a.yaml': 'a' }))).toEqual([]);
    expect(stageRendered(dir, 'ct/t', rendered({ 'a.yaml': 'a', '../../b.yaml': 'b' }))).toEqual([]);
    expect(stageRendered(dir, '/abs', rendered({ 'a.yaml': 'a' }))).toEqual([]);
    expect(readTree(root)).toEqual({});
  });

  test('tells when the file system refuses, instead of failing the render', () => {
    const dir = path.join(temporaryFolder(), 'staging');
    fs.mkdirSync(dir);
    fs.writeFileSync(path.join(dir, 'ct'), 'a file where the cluster-type folder goes');
    expect(() => stageRendered(dir, 'ct/t', rendered({ 'a.yaml': 'a' }))).toThrow();
    expect(stageRenderedIfPossible(dir, 'ct/t', rendered({ 'a.yaml': 'a' }))).toBeUndefined();
    expect(stageRenderedIfPossible(dir, 'other/t', rendered({ 'a.yaml': 'a' }))).toHaveLength(1);
  });
});
