import { FieldChange, diffManifests, diffValues, parseManifests } from '../../../src/app/diff/yaml-diff';

const configMap = (data: string, name = 'platform-config') => `apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  namespace: dev-drone-app
data:
${data}`;

describe('diffValues', () => {
  test.each<[string, unknown, unknown, FieldChange[]]>([
    ['equal values have no changes', { a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, []],
    [
      'a changed scalar',
      { data: { X: 'a' } },
      { data: { X: 'b' } },
      [{ path: ['data', 'X'], change: 'changed', before: 'a', after: 'b' }],
    ],
    ['an added key', { data: {} }, { data: { X: 'b' } }, [{ path: ['data', 'X'], change: 'added', after: 'b' }]],
    ['a removed key', { data: { X: 'a' } }, { data: {} }, [{ path: ['data', 'X'], change: 'removed', before: 'a' }]],
    [
      'new keys in their order, then removed keys',
      { b: 1, z: 1 },
      { y: 2, b: 2 },
      [
        { path: ['y'], change: 'added', after: 2 },
        { path: ['b'], change: 'changed', before: 1, after: 2 },
        { path: ['z'], change: 'removed', before: 1 },
      ],
    ],
    [
      'list elements by index',
      { l: ['a', 'b'] },
      { l: ['a', 'c', 'd'] },
      [
        { path: ['l', 1], change: 'changed', before: 'b', after: 'c' },
        { path: ['l', 2], change: 'added', after: 'd' },
      ],
    ],
    ['a shortened list', { l: ['a', 'b'] }, { l: ['a'] }, [{ path: ['l', 1], change: 'removed', before: 'b' }]],
    [
      'a type change as a whole',
      { x: { a: 1 } },
      { x: 'flat' },
      [{ path: ['x'], change: 'changed', before: { a: 1 }, after: 'flat' }],
    ],
    [
      'a string that looks like a number is not the number',
      { x: '1' },
      { x: 1 },
      [{ path: ['x'], change: 'changed', before: '1', after: 1 }],
    ],
  ])('%s', (_name, before, after, expected) => {
    expect(diffValues(before, after)).toEqual(expected);
  });
});

describe('diffManifests', () => {
  test('reports each changed field of a paired object', () => {
    expect(
      diffManifests(configMap('  DATABASE_URL: a\n  X: "1"\n'), configMap('  DATABASE_URL: b\n  X: "1"\n')),
    ).toEqual([
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        namespace: 'dev-drone-app',
        name: 'platform-config',
        change: 'changed',
        fields: [{ path: ['data', 'DATABASE_URL'], change: 'changed', before: 'a', after: 'b' }],
      },
    ]);
  });

  test('pairs objects by identity, so reordering documents is no change', () => {
    const a = configMap('  X: "1"\n', 'a');
    const b = configMap('  X: "1"\n', 'b');
    expect(diffManifests(`${a}---\n${b}`, `${b}---\n${a}`)).toEqual([]);
  });

  test('reports added and removed objects', () => {
    const changes = diffManifests(configMap('  X: "1"\n', 'old'), configMap('  X: "1"\n', 'new'));
    expect(changes?.map((c) => [c.change, c.name])).toEqual([
      ['added', 'new'],
      ['removed', 'old'],
    ]);
  });

  test('tells two objects of one kind and name apart by namespace', () => {
    const before = configMap('  X: "1"\n');
    const after = configMap('  X: "1"\n').replace('dev-drone-app', 'other');
    expect(diffManifests(before, after)?.map((c) => [c.change, c.namespace])).toEqual([
      ['added', 'other'],
      ['removed', 'dev-drone-app'],
    ]);
  });

  test.each([
    ['text that is not YAML', 'export X="1"\n', 'export X="2"\n'],
    ['YAML that is not objects', '- a\n', '- b\n'],
    ['invalid YAML', 'a: [', 'a: b'],
  ])('gives up on %s (the caller counts lines instead)', (_name, before, after) => {
    expect(diffManifests(before, after)).toBeUndefined();
  });
});

describe('parseManifests', () => {
  test('skips empty documents', () => {
    expect(parseManifests('---\na: 1\n---\n---\nb: 2\n')).toEqual([{ a: 1 }, { b: 2 }]);
  });
});
