import { locateField } from '../../../src/core/model/documents';
import { loadYamlWithLimits, parseYamlDocuments } from '../../../src/core/model/yaml-documents';

describe('parseYamlDocuments', () => {
  const text =
    'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  labels: {"x.io/y": "1"}\ndata:\n  list:\n  - one\n---\n---\nkind: B\n';

  test('returns every non-empty document with its position', () => {
    const { documents, problems } = parseYamlDocuments(text, 'dev/a.yaml', 'dev');
    expect(problems).toEqual([]);
    expect(documents.map((d) => [d.index, d.location.line, d.branch])).toEqual([
      [0, 1, 'dev'],
      [2, 11, 'dev'],
    ]);
  });

  test.each<[string, (string | number)[], string]>([
    ['a top-level key', ['kind'], '2:1'],
    ['a nested key', ['metadata', 'name'], '4:3'],
    ['a quoted key in a flow mapping, at its quote', ['metadata', 'labels', 'x.io/y'], '5:12'],
    ['a list item', ['data', 'list', 0], '8:5'],
    ['the nearest written parent of a missing field', ['metadata', 'annotations', 'x'], '3:1'],
    ['the document for a missing top-level field', ['spec'], '1:1'],
  ])('locates %s', (_name, path, expected) => {
    const [document] = parseYamlDocuments(text, 'dev/a.yaml', 'dev').documents;
    const { line, column } = locateField(document, path);
    expect(`${line}:${column}`).toBe(expected);
  });

  test('fails on a syntax error with its line and column', () => {
    expect(parseYamlDocuments('a: b\nc: [d\n', 'f.yaml', 'main').problems).toEqual([
      expect.objectContaining({ severity: 'error', location: { file: 'f.yaml', line: 3, column: 1 } }),
    ]);
  });

  test('keeps the good documents of a file when one cannot be built', () => {
    const { documents, problems } = parseYamlDocuments('a: 1\na: 2\n---\nb: 1\n', 'f.yaml', 'main');
    expect(documents.map((d) => d.value)).toEqual([{ b: 1 }]);
    expect(problems).toEqual([expect.objectContaining({ message: 'invalid YAML: duplicated mapping key' })]);
  });

  test('fails on an alias bomb instead of expanding it', () => {
    let bomb = 'a: &a ["x","x","x","x","x","x","x","x","x","x"]\n';
    for (let level = 0; level < 8; level++) {
      const name = String.fromCharCode(98 + level);
      const previous = String.fromCharCode(97 + level);
      bomb += `${name}: &${name} [${Array(10).fill(`*${previous}`).join(',')}]\n`;
    }
    const { documents, problems } = parseYamlDocuments(bomb, 'bomb.yaml', 'main');
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({ message: 'aliases expand this document beyond 1000000 nodes (an alias bomb?)' }),
    ]);
  });

  test('fails on a long string aliased many times (bytes once expanded), at the alias', () => {
    const text = `s: &s "${'x'.repeat(1_000_000)}"\nt: [${Array(20).fill('*s').join(', ')}]\n`;
    const { documents, problems } = parseYamlDocuments(text, 'long.yaml', 'main');
    expect(documents).toEqual([]);
    expect(problems).toEqual([
      expect.objectContaining({
        message: 'aliases expand this document beyond 16777216 bytes of text (an alias bomb?)',
        location: { file: 'long.yaml', line: 2, column: expect.any(Number) },
      }),
    ]);
  });

  test('accepts ordinary aliases and merge keys', () => {
    const { documents, problems } = parseYamlDocuments('base: &b {x: 1}\nother:\n  <<: *b\n  y: 2\n', 'f.yaml', 'main');
    expect(problems).toEqual([]);
    expect(documents[0].value).toEqual({ base: { x: 1 }, other: { x: 1, y: 2 } });
  });

  test('fails on nesting deeper than the limit', () => {
    const deep = `${'['.repeat(100)}${']'.repeat(100)}`;
    expect(parseYamlDocuments(deep, 'deep.yaml', 'main').problems).toEqual([
      expect.objectContaining({ severity: 'error', location: expect.objectContaining({ file: 'deep.yaml', line: 1 }) }),
    ]);
  });

  test('fails on an enormous key', () => {
    const { problems } = parseYamlDocuments(`${'k'.repeat(5000)}: v\n`, 'keys.yaml', 'main');
    expect(problems).toEqual([
      expect.objectContaining({ message: 'mapping key is 5000 characters long; the limit is 4096' }),
    ]);
  });
});

describe('block scalars at the end of a file', () => {
  test.each([
    [
      'a literal block ending the file without a line break has none, as in Go',
      'a:\n  - |\n    x: 1\n    y',
      { a: ['x: 1\ny'] },
    ],
    ['a kept literal block likewise', 'a: |+\n  x', { a: 'x' }],
    ['a literal block followed by a line break keeps it', 'a: |\n  x\n', { a: 'x\n' }],
    ['a block that is not last is untouched', 'a: |\n  x\nb: 1', { a: 'x\n', b: 1 }],
  ])('%s', (_name, text, expected) => {
    expect(parseYamlDocuments(text, 'f.yaml', 'main').documents[0].value).toEqual(expected);
  });
});

describe("loadYamlWithLimits (text that was produced, such as a Template's output)", () => {
  test('returns every document, an empty one as null, as js-yaml would', () => {
    expect(loadYamlWithLimits('a: 1\n---\n', 'output')).toEqual({ values: [{ a: 1 }, null] });
  });

  test('tells text that is not YAML from text over a limit', () => {
    expect(loadYamlWithLimits('a: [1\n', 'output')).toEqual({
      invalid: expect.objectContaining({ message: expect.stringMatching(/^invalid YAML/) }),
    });
    expect(loadYamlWithLimits(`a: ${'['.repeat(100)}${']'.repeat(100)}\n`, 'output')).toEqual({
      overLimit: expect.objectContaining({ message: 'invalid YAML: nesting exceeded maxDepth (64)' }),
    });
    expect(loadYamlWithLimits('a: 1\n---\nb: 2\n---\nc: 3\n', 'output', undefined, 2)).toEqual({
      overLimit: expect.objectContaining({ message: 'text holds 3 documents; the limit is 2' }),
    });
  });

  test('refuses an alias bomb before building anything, quickly', () => {
    let bomb = 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let level = 1; level < 10; level++)
      bomb += `a${level}: &a${level} [${Array(9)
        .fill(`*a${level - 1}`)
        .join(',')}]\n`;
    const started = Date.now();
    expect(loadYamlWithLimits(bomb, 'output')).toEqual({
      overLimit: expect.objectContaining({
        message: 'aliases expand this document beyond 1000000 nodes (an alias bomb?)',
      }),
    });
    expect(Date.now() - started).toBeLessThan(1000);
  });
});
