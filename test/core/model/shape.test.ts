import { SourcedDocument } from '../../../src/core/model/documents';
import { Problem, formatProblem } from '../../../src/core/model/problems';
import { Shape, dropped, list, mapOf, object, optional, required, string } from '../../../src/core/model/shape';

/** Checks `value` with `shape` as the fields of `Kind/x`; returns the value and the problems as formatted lines. */
function check<T>(shape: Shape<T>, value: unknown): { value: T | undefined; problems: string[] } {
  const document: SourcedDocument = {
    file: 'x.yaml',
    branch: 'main',
    index: 0,
    value,
    location: { file: 'x.yaml' },
    fieldLocations: new Map(),
  };
  const problems: Problem[] = [];
  const checked = shape.check(value, [], { document, object: 'Kind/x', problems });
  return { value: checked, problems: problems.map(formatProblem) };
}

const strings = list(string);

const repository = object({
  repo: required(string),
  branch: required(string, { propDefault: 'main' }),
  commit: optional(string, { default: '' }),
  note: optional(string),
  tags: optional(strings, { default: [] }),
  entries: optional(mapOf(string), { default: {}, keepEmpty: true }),
  legacy: dropped(string),
});

const policy = object({
  workspace: optional(string, { at: ['targets', 'workspace'] }),
  targets: required(mapOf(string), { at: ['targets', 'selector'] }),
  clusters: required(mapOf(string), { at: ['clusters', 'selector'] }),
});

describe('object', () => {
  test.each<[string, unknown, unknown]>([
    [
      'fills defaults for fields left out, and leaves optional ones out of the value',
      { repo: 'r', branch: 'b' },
      { repo: 'r', branch: 'b', commit: '', tags: [], entries: {} },
    ],
    [
      'reads null and empty values of optional fields as left out, except where empty values are kept',
      { repo: 'r', branch: '', commit: null, note: '', tags: [], entries: {} },
      { repo: 'r', branch: '', commit: '', tags: [], entries: {} },
    ],
    [
      'keeps the values given, in the order of the fields, and drops dropped fields after checking them',
      { legacy: 'l', tags: ['t'], note: 'n', commit: 'c', branch: 'b', repo: 'r' },
      { repo: 'r', branch: 'b', commit: 'c', note: 'n', tags: ['t'], entries: {} },
    ],
  ])('%s', (_name, value, expected) => {
    const checked = check(repository, value);
    expect(checked.problems).toEqual([]);
    expect(checked.value).toStrictEqual(expected);
    expect(Object.keys(checked.value!)).toEqual(Object.keys(expected as object));
  });

  test.each<[string, unknown, string[]]>([
    [
      'fails on a required field left out or null',
      { branch: null },
      ['x.yaml  Kind/x  repo  is required', 'x.yaml  Kind/x  branch  is required'],
    ],
    [
      'fails on an unknown field, with a did-you-mean hint',
      { repo: 'r', branch: 'b', comit: 'c' },
      ['x.yaml  Kind/x  comit  is not a field of this kind  did you mean "commit"?'],
    ],
    [
      'fails on unknown fields named like methods of every object',
      { repo: 'r', branch: 'b', toString: 'x', constructor: 'y' },
      [
        'x.yaml  Kind/x  toString  is not a field of this kind',
        'x.yaml  Kind/x  constructor  is not a field of this kind',
      ],
    ],
    [
      'fails on a dropped field of the wrong type',
      { repo: 'r', branch: 'b', legacy: ['x'] },
      ['x.yaml  Kind/x  legacy  must be a string, not a list (got ["x"])'],
    ],
    [
      'fails on a value that is not a mapping',
      'text',
      ['x.yaml  Kind/x  must be a mapping, not a string (got "text")'],
    ],
  ])('%s', (_name, value, problems) => {
    expect(check(repository, value).problems).toEqual(problems);
  });

  test('an unknown field is reported but does not make the object invalid, as the API server drops it', () => {
    expect(check(repository, { repo: 'r', branch: 'b', extra: 1 }).value).toEqual({
      repo: 'r',
      branch: 'b',
      commit: '',
      tags: [],
      entries: {},
    });
  });

  test('ignores the keys it is told to ignore', () => {
    const withKind = object({ name: required(string) }, { ignored: ['kind'] });
    expect(check(withKind, { name: 'n', kind: 'K' })).toEqual({ value: { name: 'n' }, problems: [] });
  });

  test('fails on two fields written at the same place', () => {
    expect(() => object({ a: required(string), b: required(string, { at: ['a'] }) })).toThrow(
      'field "b" is written where another one is: "a"',
    );
  });
});

describe('object with fields written elsewhere', () => {
  const yaml = { targets: { workspace: 'w', selector: { a: 'b' } }, clusters: { selector: {} } };

  test('reads each field from where it is written, and holds the fields in their own order', () => {
    const checked = check(policy, yaml);
    expect(checked).toEqual({ value: { workspace: 'w', targets: { a: 'b' }, clusters: {} }, problems: [] });
    expect(Object.keys(checked.value!)).toEqual(['workspace', 'targets', 'clusters']);
  });

  test('writes each field back where it is written', () => {
    expect(policy.write({ workspace: 'w', targets: { a: 'b' }, clusters: {} })).toEqual(yaml);
    expect(policy.write({ targets: {}, clusters: {} })).toEqual({
      targets: { selector: {} },
      clusters: { selector: {} },
    });
  });

  test.each<[string, unknown, string[]]>([
    [
      'fails on a mapping on the way that holds a required field and is left out',
      { targets: { selector: {} } },
      ['x.yaml  Kind/x  clusters  is required'],
    ],
    [
      'fails on an unknown field in a mapping on the way, with a hint from its own fields',
      { targets: { workspac: 'w', selector: {} }, clusters: { selector: {} } },
      ['x.yaml  Kind/x  targets.workspac  is not a field of this kind  did you mean "workspace"?'],
    ],
    [
      'fails on a mapping on the way that is not a mapping',
      { targets: ['x'], clusters: { selector: {} } },
      ['x.yaml  Kind/x  targets  must be a mapping, not a list (got ["x"])'],
    ],
  ])('%s', (_name, value, problems) => {
    expect(check(policy, value).problems).toEqual(problems);
  });
});

describe('object values given in code', () => {
  test.each<[string, Parameters<typeof repository.fromProps>[0], unknown]>([
    [
      'prop defaults fill what code leaves out, then defaults',
      { repo: 'r' },
      { repo: 'r', branch: 'main', commit: '', tags: [], entries: {} },
    ],
    [
      'empty values are read as in YAML: kept for required fields, left out or defaulted for optional ones',
      { repo: '', branch: '', note: '', commit: '', tags: [], entries: {} },
      { repo: '', branch: '', commit: '', tags: [], entries: {} },
    ],
  ])('%s', (_name, props, expected) => {
    expect(repository.fromProps(props)).toStrictEqual(expected);
  });

  test('copies are deep: changing what was given or what was copied changes nothing else', () => {
    const tags = ['a'];
    const entries: Record<string, string> = { k: 'v' };
    const value = repository.fromProps({ repo: 'r', tags, entries });
    tags.push('b');
    entries.k = 'changed';
    const copy = repository.copy(value);
    (copy.tags as string[]).push('c');
    expect(value).toEqual({ repo: 'r', branch: 'main', commit: '', tags: ['a'], entries: { k: 'v' } });
  });

  test('a manifest leaves out optional fields that are left out or empty, unless empty values are kept', () => {
    expect(repository.write({ repo: 'r', branch: '', commit: '', tags: [], entries: {} })).toEqual({
      repo: 'r',
      branch: '',
      entries: {},
    });
    expect(repository.write({ repo: 'r', branch: 'b', commit: 'c', note: 'n', tags: ['t'], entries: {} })).toEqual({
      repo: 'r',
      branch: 'b',
      commit: 'c',
      note: 'n',
      tags: ['t'],
      entries: {},
    });
  });

  test('values of the wrong type given by JavaScript code are passed on, so that validation names them', () => {
    const given = { repo: 5, branch: 'b', tags: 'not a list' } as unknown as Parameters<typeof repository.fromProps>[0];
    expect(repository.write(repository.fromProps(given))).toEqual({
      repo: 5,
      branch: 'b',
      tags: 'not a list',
      entries: {},
    });
  });
});
