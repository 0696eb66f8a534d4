import { ConfigSchemaCompiler, JsonSchemaDraft } from '../../../src/core/config-schema';

function compile(schema: object | string) {
  return new ConfigSchemaCompiler().compile(typeof schema === 'string' ? schema : JSON.stringify(schema));
}

function accepts(schema: object, data: unknown): boolean {
  const compiled = compile(schema);
  if ('invalid' in compiled) throw new Error(`test schema ${compiled.invalid}`);
  return compiled.validate(data) as boolean;
}

describe('the draft of a schema, chosen as gojsonschema 1.2.0 chooses it', () => {
  test.each([
    ['draft-04 by $schema', 'http://json-schema.org/draft-04/schema#', JsonSchemaDraft.DRAFT_04],
    ['draft-06 by $schema', 'http://json-schema.org/draft-06/schema#', JsonSchemaDraft.DRAFT_06],
    ['draft-07 by $schema', 'http://json-schema.org/draft-07/schema#', JsonSchemaDraft.DRAFT_07],
    ['draft-07 without the final #', 'http://json-schema.org/draft-07/schema', JsonSchemaDraft.DRAFT_07],
    [
      'hybrid for a $schema gojsonschema does not know',
      'https://json-schema.org/draft/2020-12/schema',
      JsonSchemaDraft.HYBRID,
    ],
    ['hybrid without $schema', undefined, JsonSchemaDraft.HYBRID],
  ])('%s', (_name, $schema, draft) => {
    expect(compile({ ...($schema ? { $schema } : {}), type: 'object' })).toEqual(expect.objectContaining({ draft }));
  });

  test('reads a draft-04 boolean exclusiveMinimum', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-04/schema#',
      properties: { n: { minimum: 0, exclusiveMinimum: true } },
    };
    expect(accepts(schema, { n: 0 })).toBe(false);
    expect(accepts(schema, { n: 1 })).toBe(true);
  });

  test('reads a draft-04 boolean exclusiveMinimum without $schema too (hybrid mode)', () => {
    expect(accepts({ properties: { n: { minimum: 0, exclusiveMinimum: true } } }, { n: 0 })).toBe(false);
  });

  test('reads draft-06 const and a numeric exclusiveMinimum', () => {
    const schema = {
      $schema: 'http://json-schema.org/draft-06/schema#',
      properties: { n: { exclusiveMinimum: 0 }, c: { const: 'x' } },
    };
    expect(accepts(schema, { n: 0 })).toBe(false);
    expect(accepts(schema, { c: 'y' })).toBe(false);
    expect(accepts(schema, { n: 1, c: 'x' })).toBe(true);
  });

  test('reads draft-07 if/then', () => {
    expect(accepts({ if: { required: ['a'] }, then: { required: ['b'] } }, { a: 1 })).toBe(false);
  });

  test('accepts the boolean schemas of draft-06 and later', () => {
    expect(accepts(true as unknown as object, { anything: 1 })).toBe(true);
    expect(accepts(false as unknown as object, {})).toBe(false);
  });

  test('ignores keywords it does not know, as gojsonschema does', () => {
    expect(
      accepts({ 'x-kalypso-owner': 'platform', properties: { a: { type: 'string', 'x-note': 1 } } }, { a: 'b' }),
    ).toBe(true);
  });

  test('lets two schemas use the same $id', () => {
    const compiler = new ConfigSchemaCompiler();
    expect(compiler.compile('{"$id": "http://example.com/s", "required": ["a"]}')).toHaveProperty('validate');
    expect(compiler.compile('{"$id": "http://example.com/s", "required": ["b"]}')).toHaveProperty('validate');
  });

  test('compiles each distinct text once', () => {
    const compiler = new ConfigSchemaCompiler();
    expect(compiler.compile('{"type": "object"}')).toBe(compiler.compile('{"type": "object"}'));
  });

  test('resolves local references', () => {
    const schema = {
      definitions: { port: { type: 'integer', maximum: 65535 } },
      properties: { PORT: { $ref: '#/definitions/port' } },
    };
    expect(accepts(schema, { PORT: 70000 })).toBe(false);
  });
});

describe('patterns, matched by RE2 as gojsonschema matches them with Go regexp', () => {
  test.each([
    ['pattern', { properties: { s: { pattern: '^(a+)+$' } } }, { s: `${'a'.repeat(50_000)}!` }],
    [
      'patternProperties',
      { patternProperties: { '^(a|aa)+$': { type: 'number' } } },
      { [`${'a'.repeat(5000)}b`]: 'x' },
    ],
    ['propertyNames', { propertyNames: { pattern: '^(\\w+\\s?)*$' } }, { [`${'word '.repeat(5000)}!`]: 1 }],
  ])('%s runs in linear time on a pattern that backtracks catastrophically in JavaScript', (_name, schema, data) => {
    const started = Date.now();
    accepts(schema, data);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test.each([
    ['\\d is ASCII only', { pattern: '^\\d$' }, '٣', false],
    ['(?P<name>…) groups', { pattern: '^(?P<x>a)b$' }, 'ab', true],
    ['inline flags', { pattern: '^(?i:ab)c$' }, 'ABc', true],
    ['a pattern matches anywhere unless anchored', { pattern: 'b' }, 'abc', true],
  ])('%s', (_name, schema, value, expected) => {
    expect(accepts({ properties: { s: schema } }, { s: value })).toBe(expected);
  });

  test.each([
    ['a lookahead, which RE2 lacks', '^(?=a)a$', /error parsing regexp: invalid or unsupported Perl syntax: `\(\?=`/],
    ['a backreference', '^(a)\\1$', /error parsing regexp: invalid escape sequence: `\\1`/],
    ['an unclosed group', '^(a$', /error parsing regexp: missing closing \): `\^\(a\$`/],
  ])("fails on %s with Go regexp's message", (_name, pattern, message) => {
    const compiled = compile({ properties: { s: { pattern } } });
    expect('invalid' in compiled && compiled.invalid).toMatch(message);
  });

  test('checks the regex format with Go regexp syntax', () => {
    const schema = { properties: { r: { format: 'regex' } } };
    expect(accepts(schema, { r: '^(?P<x>a)$' })).toBe(true);
    expect(accepts(schema, { r: '(?=a)' })).toBe(false);
  });
});
