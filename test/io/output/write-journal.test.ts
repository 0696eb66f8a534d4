import * as fs from 'fs';
import * as path from 'path';
import fc from 'fast-check';
import { OutputError } from '../../../src/io/output/output-lock';
import { STATE_DIR, TreeToWrite, writeOutput } from '../../../src/io/output/write';
import { isPlainRelativePath } from '../../../src/io/output/write-journal';
import { readOutputTree, readTree, temporaryFolder, writeFiles } from '../../support/temp';
import { CLUSTER_TYPE_README_TEXT } from '../../../src/core/layout/names';

// The module's own functions are replaced here (not spied on the test's import of it): the code under test holds its
// own copy of the module's properties, taken when it is imported.
jest.mock('fs', () => {
  const actual = jest.requireActual<typeof import('fs')>('fs');
  return { ...actual, renameSync: jest.fn(actual.renameSync), rmSync: jest.fn(actual.rmSync) };
});
const actualFs = jest.requireActual<typeof import('fs')>('fs');

const README = CLUSTER_TYPE_README_TEXT;
const tree = (files: Record<string, string>): TreeToWrite => ({
  environment: 'dev',
  files,
  clusterTypes: ['drone', 'large'],
});

const OLD = {
  'drone/README.md': README,
  'drone/a/r.yaml': 'old a',
  'drone/b/r.yaml': 'same b',
  'drone/gone/r.yaml': 'stale',
  'large/README.md': README,
  'large/c/r.yaml': 'old c',
};
const NEW = {
  'drone/README.md': README,
  'drone/a/r.yaml': 'new a',
  'drone/b/r.yaml': 'same b',
  'drone/d/r.yaml': 'added',
  'large/README.md': README,
  'large/c/r.yaml': 'new c',
};

/** Every file is its old or its new version, and none that both versions have is missing. */
function expectOldOrNewPerFile(out: string): void {
  const now = readOutputTree(out);
  for (const [file, content] of Object.entries(now)) {
    const name = file.slice('dev/'.length);
    expect([OLD[name as keyof typeof OLD], NEW[name as keyof typeof NEW]]).toContain(content);
  }
  for (const name of Object.keys(OLD).filter((file) => file in NEW)) expect(now).toHaveProperty([`dev/${name}`]);
}

describe('the environment swap, killed at every step', () => {
  const steps = Object.keys(NEW).length + Object.keys(OLD).length;
  test.each(Array.from({ length: steps }, (_, i) => i))(
    'killed after %i renames or removals: the environment folder is there, each file old or new; the next run completes it',
    async (after) => {
      const out = temporaryFolder();
      await writeOutput(out, [tree(OLD)]);
      const folder = fs.statSync(path.join(out, 'dev')).ino;
      // A run dies after `after` file-system steps of its swap (renames and removals).
      let count = 0;
      const kill = () => {
        if (count++ >= after) throw new Error('killed');
      };
      const rename = jest.mocked(fs.renameSync).mockImplementation((from, to) => {
        if (String(from).includes(`${STATE_DIR}${path.sep}staging-`)) kill();
        return actualFs.renameSync(from, to);
      });
      const remove = jest.mocked(fs.rmSync).mockImplementation((target, options) => {
        kill();
        return actualFs.rmSync(target, options);
      });
      try {
        await writeOutput(out, [tree(NEW)]).catch((e: Error) => {
          if (e.message !== 'killed') throw e;
        });
      } finally {
        rename.mockImplementation(actualFs.renameSync);
        remove.mockImplementation(actualFs.rmSync);
      }
      expect(fs.statSync(path.join(out, 'dev')).ino).toBe(folder);
      expectOldOrNewPerFile(out);
      // The journal says what is left to do; the next run finishes it before anything else.
      await writeOutput(out, []);
      expect(readOutputTree(out)).toEqual(Object.fromEntries(Object.entries(NEW).map(([f, c]) => [`dev/${f}`, c])));
    },
  );
});

describe('a folder renamed in whole, killed around its rename', () => {
  test.each([
    ['a new environment', [], { 'drone/README.md': README, 'drone/a/r.yaml': 'a' }, 'dev'],
    [
      'a new cluster type',
      ['drone'],
      { 'drone/README.md': README, 'large/README.md': README, 'large/c/r.yaml': 'c' },
      'dev/large',
    ],
  ])(
    '%s: absent until its one rename, complete after it; the next run completes it',
    async (_, before, after, folder) => {
      const out = temporaryFolder();
      if (before.length > 0) await writeOutput(out, [tree({ 'drone/README.md': README })]);
      jest.mocked(fs.renameSync).mockImplementation((from, to) => {
        if (String(from).includes(`${STATE_DIR}${path.sep}staging-`)) throw new Error('killed');
        return actualFs.renameSync(from, to);
      });
      try {
        await expect(writeOutput(out, [tree(after)])).rejects.toThrow('killed');
      } finally {
        jest.mocked(fs.renameSync).mockImplementation(actualFs.renameSync);
      }
      expect(fs.existsSync(path.join(out, folder))).toBe(false);
      await writeOutput(out, []);
      expect(readOutputTree(out)).toEqual(Object.fromEntries(Object.entries(after).map(([f, c]) => [`dev/${f}`, c])));
    },
  );
});

describe('a journal left in the state folder is validated before use', () => {
  const journal = (operations: unknown, trash: unknown = 'trash-0123456789ab') => JSON.stringify({ trash, operations });

  test.each<[string, string, RegExp]>([
    [
      'a target leaving the output folder',
      journal([{ target: '../victim', staged: null }]),
      /target "..\/victim" is not a path inside the output folder/,
    ],
    ['an absolute target', journal([{ target: '/tmp/victim', staged: null }]), /target "\/tmp\/victim"/],
    [
      'a target with a dot-dot segment',
      journal([{ target: 'dev/../../victim', staged: null }]),
      /target "dev\/..\/..\/victim"/,
    ],
    ['a target in the state folder', journal([{ target: '.kalypso/lock', staged: null }]), /target ".kalypso\/lock"/],
    [
      'a staged path leaving the state folder',
      journal([{ target: 'dev/x', staged: '../../victim' }]),
      /staged "..\/..\/victim" is not a path inside a staging folder/,
    ],
    ['a trash folder elsewhere', journal([], '../../victim'), /trash folder "..\/..\/victim" is not one/],
    ['a journal that is not an object', '"rm -rf /"', /it is not a JSON object/],
  ])('fails clearly on %s, naming the journal, and changes nothing', async (_name, text, message) => {
    const root = temporaryFolder();
    const out = path.join(root, 'out');
    writeFiles(root, { 'victim/keep.yaml': 'keep', 'out/dev/drone/README.md': README });
    writeFiles(out, { [`${STATE_DIR}/journal.json`]: text });
    const before = readTree(root);
    const error = await writeOutput(out, [tree({ 'drone/README.md': README })]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toMatch(
      new RegExp(`${path.join(out, STATE_DIR, 'journal.json')} is not a journal kalypso wrote`),
    );
    expect((error as Error).message).toMatch(message);
    expect(readTree(root)).toEqual(before);
  });

  test('never follows a symbolic link in the output folder to replace or remove a file outside it', async () => {
    const root = temporaryFolder();
    const out = path.join(root, 'out');
    writeFiles(root, { 'victim/drone/a/r.yaml': 'precious', 'victim/drone/gone.yaml': 'precious too' });
    writeFiles(out, {
      [`${STATE_DIR}/staging-0123456789ab/dev/drone/a/r.yaml`]: 'planted',
      [`${STATE_DIR}/journal.json`]: journal([
        { target: 'dev/drone/gone.yaml', staged: null },
        { target: 'dev/drone/a/r.yaml', staged: 'staging-0123456789ab/dev/drone/a/r.yaml' },
      ]),
    });
    fs.mkdirSync(path.join(out, 'dev'));
    fs.symlinkSync(path.join(root, 'victim/drone'), path.join(out, 'dev/drone'));
    await writeOutput(out, []);
    expect(readTree(path.join(root, 'victim'))).toEqual({
      'drone/a/r.yaml': 'precious',
      'drone/gone.yaml': 'precious too',
    });
    expect(fs.lstatSync(path.join(out, 'dev/drone')).isDirectory()).toBe(true);
  });

  test('property: whatever the journal says, nothing outside the output folder changes', async () => {
    const segment = fc.constantFrom(
      '..',
      '.',
      'dev',
      'drone',
      'x.yaml',
      '',
      '/',
      'victim',
      '.kalypso',
      'staging-0123456789ab',
    );
    const relative = fc.array(segment, { maxLength: 5 }).map((parts) => parts.join('/'));
    const operation = fc.record({ target: relative, staged: fc.option(relative, { nil: null }) });
    const root = temporaryFolder();
    await fc.assert(
      fc.asyncProperty(
        fc.array(operation, { maxLength: 5 }),
        fc.constantFrom('trash-0123456789ab', '../x'),
        async (operations, trash) => {
          const out = path.join(root, 'out');
          fs.rmSync(root, { recursive: true, force: true });
          writeFiles(root, { 'victim/x.yaml': 'keep', 'out/dev/drone/x.yaml': 'mine' });
          writeFiles(out, {
            [`${STATE_DIR}/staging-0123456789ab/dev/drone/x.yaml`]: 'staged',
            [`${STATE_DIR}/journal.json`]: journal(operations, trash),
          });
          await writeOutput(out, []).catch((e: unknown) => {
            if (!(e instanceof OutputError)) throw e;
          });
          expect(readTree(path.join(root, 'victim'))).toEqual({ 'x.yaml': 'keep' });
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('isPlainRelativePath', () => {
  /** The definition: `/`-separated segments, none of them empty, `.` or `..`. */
  const bySegments = (value: string) =>
    value !== '' &&
    value.length <= 4096 &&
    !value.includes('\\') &&
    !value.includes('\u0000') &&
    value.split('/').every((segment) => segment !== '' && segment !== '.' && segment !== '..');

  test.each([
    ['a/b.yaml', true],
    ['.hidden/..x/x..', true],
    ['...', true],
    ['a//b', false],
    ['/a', false],
    ['a/', false],
    ['./a', false],
    ['a/./b', false],
    ['a/..', false],
    ['..', false],
    ['.', false],
    ['a\\b', false],
  ])('%s: %s', (value, plain) => {
    expect(isPlainRelativePath(value)).toBe(plain);
  });

  test('property: agrees with splitting into segments', () => {
    const pathLike = fc
      .array(fc.constantFrom('a', '.', '/', '\\', 'b'), { maxLength: 12 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(pathLike, (value) => isPlainRelativePath(value) === bySegments(value)),
      { numRuns: 2000 },
    );
  });
});
