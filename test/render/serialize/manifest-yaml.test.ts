import { Yaml } from 'cdk8s';
import * as fc from 'fast-check';
import * as path from 'path';
import { YAML_11_SCALAR_TESTS, stringifyManifest } from '../../../src/render/serialize/manifest-yaml';

/** Strings YAML writers get wrong: other YAML 1.1 types, indicators, quotes, blanks, line breaks, unicode. */
const TRICKY_STRINGS = [
  '',
  ' ',
  '  ',
  '\t',
  'a',
  'y',
  'Y',
  'n',
  'N',
  'yes',
  'Yes',
  'YES',
  'no',
  'No',
  'NO',
  'on',
  'On',
  'ON',
  'off',
  'Off',
  'OFF',
  'true',
  'True',
  'TRUE',
  'false',
  'False',
  'FALSE',
  'null',
  'Null',
  'NULL',
  '~',
  'nil',
  'yEs',
  '0',
  '1',
  '-1',
  '+1',
  '012',
  '08',
  '0o17',
  '0b101',
  '0x1F',
  '0xG',
  '1_000',
  '1:20',
  '-1:20:30',
  '190:20:30.15',
  '1.5',
  '.5',
  '5.',
  '1e3',
  '1.5e-3',
  '-1E+10',
  '.inf',
  '-.Inf',
  '+.INF',
  '.nan',
  '.NaN',
  '2001-12-14',
  '2001-12-14t21:59:43.10-05:00',
  '2001-12-14 21:59:43.10 -5',
  '<<',
  '=',
  '-',
  '?',
  '- a',
  '? a',
  '-a',
  '?a',
  ':',
  'a:',
  'a: b',
  'a:b',
  'http://x:80/y',
  'a :b',
  '#',
  '#a',
  'a #b',
  'a#b',
  '&a',
  '*a',
  '!a',
  '!!str',
  '|',
  '>',
  '%',
  '%YAML',
  '@a',
  '`a',
  ',',
  'a,b',
  '[a]',
  '{a}',
  '[',
  '}',
  '"',
  "'",
  '"a"',
  "'a'",
  'a"b',
  "a'b",
  'a"b\'c',
  "it's",
  '"quoted" and \'single\'',
  ' a',
  'a ',
  ' a ',
  '\ta',
  'a\t',
  'a\nb',
  'a\n',
  'a\n\n',
  '\na',
  '\n',
  '\n\n',
  ' \n',
  'a \nb',
  'a\n b',
  'a\n\tb',
  'a\n\n\nb\n',
  'a\n ',
  'a\n\t',
  ' a\nb',
  '  a\n  b\n',
  'line one\nline two\nline three',
  '---',
  '...',
  '--- a',
  '...a',
  'a\n---\nb',
  'a\n...\n',
  '%a\nb',
  'a\r\nb',
  '\r',
  'ü',
  'ä ö',
  '日本語',
  '😀',
  'a😀b',
  '\uD800',
  'a\uDC00',
  '\u0000',
  '\u0007',
  '\u0008',
  '\u000b',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u00a0',
  '\u2028',
  '\u2029',
  '\ufeff',
  'a\u0000b\nc',
  `${'x'.repeat(120)}`,
  `${'word '.repeat(40)}end`,
  `${'a'.repeat(1100)}`,
  `${'long line with spaces and: colons, '.repeat(10)}\nsecond`,
  '  indented\n    more\nback',
];

const trickyString = fc.constantFrom(...TRICKY_STRINGS);
const anyString = fc.oneof(
  { weight: 4, arbitrary: trickyString },
  { weight: 2, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  {
    weight: 2,
    arbitrary: fc
      .array(fc.oneof(trickyString, fc.string({ maxLength: 5 })), { maxLength: 5 })
      .map((parts) => parts.join('')),
  },
);

const { value: anyValue } = fc.letrec<{ value: unknown; leaf: unknown }>((tie) => ({
  leaf: fc.oneof(
    { weight: 6, arbitrary: anyString },
    { weight: 1, arbitrary: fc.integer() },
    { weight: 1, arbitrary: fc.double() },
    { weight: 1, arbitrary: fc.boolean() },
    { weight: 1, arbitrary: fc.constantFrom(null, undefined) },
  ),
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(anyString, tie('value'), { maxKeys: 5 }),
  ),
}));
const manifest = fc.dictionary(anyString, anyValue, { maxKeys: 8 });

/** The options cdk8s gives the yaml package, for the copy of yaml that cdk8s itself loads. */
function cdk8sYaml(value: unknown): string {
  return Yaml.stringify(value);
}

describe('stringifyManifest', () => {
  test('writes what cdk8s Yaml.stringify writes, for generated objects with tricky strings', () => {
    fc.assert(
      fc.property(manifest, (object) => {
        expect(stringifyManifest(object)).toBe(cdk8sYaml(object));
      }),
      { numRuns: 3000 },
    );
  });

  test.each(TRICKY_STRINGS.map((text) => [JSON.stringify(text), text]))(
    'writes the string %s as cdk8s does, as key and value, nested',
    (_name, text) => {
      const object = { [text]: text, list: [text, { [text]: [text] }], map: { inner: { [text]: text } } };
      expect(stringifyManifest(object)).toBe(cdk8sYaml(object));
    },
  );

  test('writes numbers, booleans, null, undefined and empty collections as cdk8s does', () => {
    const object = {
      numbers: [
        0,
        -0,
        1,
        -1,
        1.5,
        -2.25,
        1e21,
        1e-7,
        123456789012345680000,
        Number.MAX_SAFE_INTEGER,
        NaN,
        Infinity,
        -Infinity,
      ],
      booleans: [true, false],
      nothing: null,
      missing: undefined,
      list: [null, undefined],
      empty: {},
      none: [],
      nested: [[], {}, [[]]],
      big: BigInt('12345678901234567890'),
    };
    expect(stringifyManifest(object)).toBe(cdk8sYaml(object));
  });

  test('hands values it does not write itself to Yaml.stringify: shared objects, dates, maps, top-level scalars', () => {
    const shared = { a: 1 };
    const samples: unknown[] = [
      { one: shared, two: shared },
      { when: new Date(0) },
      { map: new Map([['a', 1]]) },
      'text',
      '---',
      42,
      undefined,
      [1, 'a'],
      {
        nested: new (class Point {
          public x = 1;
        })(),
      },
    ];
    for (const sample of samples) expect(stringifyManifest(sample)).toBe(cdk8sYaml(sample));
  });

  test('uses the scalar tests of the YAML 1.1 schema of the yaml package cdk8s loads', () => {
    // GIVEN the yaml package cdk8s resolves (it bundles its own copy)
    const yamlPath = require.resolve('yaml', { paths: [path.dirname(require.resolve('cdk8s'))] });
    const YAML = require(yamlPath);
    // WHEN its YAML 1.1 schema's default scalar tags are listed
    const tags = new YAML.Document(null, { version: '1.1' }).schema.tags
      .filter((tag: any) => tag.default === true && tag.tag !== 'tag:yaml.org,2002:str' && tag.test)
      .map((tag: any) => String(tag.test));
    // THEN they are the tests this module quotes strings by, and the merge tag is the only other one
    expect(tags).toEqual(YAML_11_SCALAR_TESTS.map(String));
    expect(
      new YAML.Document(null, { version: '1.1' }).schema.tags
        .filter((tag: any) => tag.default && tag.default !== true)
        .map((tag: any) => tag.tag),
    ).toEqual(['tag:yaml.org,2002:merge']);
  });
});
