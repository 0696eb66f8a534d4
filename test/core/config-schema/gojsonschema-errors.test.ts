import { ConfigSchemaCompiler, toSchemaViolations, violationText } from '../../../src/core/config-schema';

/** The lines upstream's report would hold for `data` (already coerced) against `schema`, in order. */
function lines(schema: object | string, data: unknown): string[] {
  const compiled = new ConfigSchemaCompiler().compile(typeof schema === 'string' ? schema : JSON.stringify(schema));
  if ('invalid' in compiled) throw new Error(`test schema ${compiled.invalid}`);
  if (compiled.validate(data)) return [];
  return toSchemaViolations(compiled.validate.errors ?? [], data).map(violationText);
}

describe("ajv errors in gojsonschema 1.2.0's words (locales.go), with its field names", () => {
  test.each<[string, object | string, unknown, string[]]>([
    ['required', { required: ['a', 'b'] }, { b: 1 }, ['a is required']],
    ['required inside an object', { properties: { m: { required: ['k'] } } }, { m: {} }, ['m: k is required']],
    [
      'type',
      { properties: { s: { type: 'string' } } },
      { s: 5 },
      ['s: Invalid type. Expected: string, given: integer'],
    ],
    [
      'type of a fraction',
      { properties: { i: { type: 'integer' } } },
      { i: 1.5 },
      ['i: Invalid type. Expected: integer, given: number'],
    ],
    [
      'type with several names',
      { properties: { s: { type: ['string', 'null'] } } },
      { s: true },
      ['s: Invalid type. Expected: [string,null], given: boolean'],
    ],
    [
      'type of an array',
      { properties: { s: { type: 'string' } } },
      { s: ['a'] },
      ['s: Invalid type. Expected: string, given: array'],
    ],
    [
      'type of a map',
      { properties: { s: { type: 'string' } } },
      { s: { k: 'v' } },
      ['s: Invalid type. Expected: string, given: object'],
    ],
    [
      'type of null',
      { properties: { s: { type: 'string' } } },
      { s: null },
      ['s: Invalid type. Expected: string, given: null'],
    ],
    ['type of the root', { type: 'array' }, {}, ['Invalid type. Expected: array, given: object']],
    ['maximum', { properties: { n: { maximum: 90 } } }, { n: 91 }, ['n: Must be less than or equal to 90']],
    ['exclusiveMaximum', { properties: { n: { exclusiveMaximum: 90 } } }, { n: 90 }, ['n: Must be less than 90']],
    ['minimum', { properties: { n: { minimum: -90 } } }, { n: -91 }, ['n: Must be greater than or equal to -90']],
    ['exclusiveMinimum', { properties: { n: { exclusiveMinimum: 0 } } }, { n: 0 }, ['n: Must be greater than 0']],
    [
      'a fractional limit',
      { properties: { n: { minimum: 0.5 } } },
      { n: 0.25 },
      ['n: Must be greater than or equal to 0.5'],
    ],
    [
      'a limit printed with 10 digits, like big.Float',
      { properties: { n: { maximum: 12345678901 } } },
      { n: 2e10 },
      ['n: Must be less than or equal to 1.23456789e+10'],
    ],
    ['multipleOf', { properties: { n: { multipleOf: 5 } } }, { n: 7 }, ['n: Must be a multiple of 5']],
    [
      'minLength',
      { properties: { s: { minLength: 3 } } },
      { s: 'ab' },
      ['s: String length must be greater than or equal to 3'],
    ],
    [
      'maxLength',
      { properties: { s: { maxLength: 2 } } },
      { s: 'abc' },
      ['s: String length must be less than or equal to 2'],
    ],
    [
      'pattern',
      { properties: { p: { pattern: '^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$' } } },
      { p: '555' },
      ["p: Does not match pattern '^(\\([0-9]{3}\\))?[0-9]{3}-[0-9]{4}$'"],
    ],
    ['format', { properties: { e: { format: 'email' } } }, { e: 'not-an-email' }, ["e: Does not match format 'email'"]],
    ['a format gojsonschema does not know is not checked', { properties: { e: { format: 'color' } } }, { e: 'x' }, []],
    [
      'enum of strings',
      { properties: { c: { enum: ['red', 'blue'] } } },
      { c: 'green' },
      ['c: c must be one of the following: "red", "blue"'],
    ],
    [
      'enum of numbers and objects, as Go writes JSON',
      { properties: { c: { enum: [1, { b: 1, a: '<' }] } } },
      { c: 2 },
      ['c: c must be one of the following: 1, {"a":"\\u003c","b":1}'],
    ],
    ['enum at the root keeps its own "(root)"', { enum: [1] }, 2, ['(root) must be one of the following: 1']],
    ['const', { properties: { c: { const: 'x' } } }, { c: 'y' }, ['c: c does not match: "x"']],
    [
      'additionalProperties',
      { properties: { a: {} }, additionalProperties: false },
      { a: 1, b: 2 },
      ['Additional property b is not allowed'],
    ],
    ['minProperties', { minProperties: 2 }, { a: 1 }, ['Must have at least 2 properties']],
    ['maxProperties', { maxProperties: 1 }, { a: 1, b: 2 }, ['Must have at most 1 properties']],
    [
      'propertyNames',
      { propertyNames: { pattern: '^[A-Z_]+$' } },
      { lower: 1 },
      ['Property name of "lower" does not match', "Does not match pattern '^[A-Z_]+$'"],
    ],
    ['dependencies', { dependencies: { TLS_CERT: ['TLS_KEY'] } }, { TLS_CERT: 'c' }, ['Has a dependency on TLS_KEY']],
    ['minItems', { properties: { l: { minItems: 2 } } }, { l: ['a'] }, ['l: Array must have at least 2 items']],
    ['maxItems', { properties: { l: { maxItems: 1 } } }, { l: ['a', 'b'] }, ['l: Array must have at most 1 items']],
    [
      'uniqueItems',
      { properties: { l: { uniqueItems: true } } },
      { l: ['a', 'b', 'a'] },
      ['l: array items[0,2] must be unique'],
    ],
    [
      'items, with the index in the field',
      { properties: { l: { items: { type: 'string' } } } },
      { l: ['a', 1] },
      ['l.1: Invalid type. Expected: string, given: integer'],
    ],
    [
      'additionalItems',
      { properties: { l: { items: [{}], additionalItems: false } } },
      { l: ['a', 'b'] },
      ['l: No additional items allowed on array'],
    ],
    [
      'contains',
      { properties: { l: { contains: { const: 'x' } } } },
      { l: ['a'] },
      ['l: At least one of the items must match'],
    ],
    ['not', { properties: { s: { not: { const: 'x' } } } }, { s: 'x' }, ['s: Must not validate the schema (not)']],
    ['a false schema', { properties: { s: false } }, { s: 1 }, ['s: False always fails validation']],
    [
      'anyOf, with the closest branch only',
      { properties: { v: { anyOf: [{ type: 'string' }, { type: 'integer', minimum: 5 }] } } },
      { v: 1 },
      ['v: Must validate at least one schema (anyOf)', 'v: Must be greater than or equal to 5'],
    ],
    [
      'oneOf matching none',
      { properties: { v: { oneOf: [{ type: 'string' }, { type: 'boolean' }] } } },
      { v: 1 },
      ['v: Must validate one and only one schema (oneOf)', 'v: Invalid type. Expected: string, given: integer'],
    ],
    [
      'oneOf matching two',
      { properties: { v: { oneOf: [{ type: 'integer' }, { minimum: 0 }] } } },
      { v: 1 },
      ['v: Must validate one and only one schema (oneOf)'],
    ],
    [
      'allOf, summed up after its branches',
      { properties: { v: { allOf: [{ minimum: 5 }, { maximum: 0 }] } } },
      { v: 3 },
      [
        'v: Must be greater than or equal to 5',
        'v: Must be less than or equal to 0',
        'v: Must validate all the schemas (allOf)',
      ],
    ],
    [
      'if/then',
      { if: { required: ['TLS'] }, then: { required: ['CERT'] } },
      { TLS: 'on' },
      ['Must validate "then" as "if" was valid', 'CERT is required'],
    ],
    [
      'if/else',
      { if: { required: ['TLS'] }, else: { required: ['PLAIN'] } },
      {},
      ['Must validate "else" as "if" was not valid', 'PLAIN is required'],
    ],
  ])('%s', (_name, schema, data, expected) => {
    expect(lines(schema, data)).toEqual(expected);
  });
});

describe('the order of the lines', () => {
  test("follows gojsonschema: the object's own errors, then its properties (alphabetically, where Go's map order varies)", () => {
    const schema = {
      required: ['z', 'a'],
      properties: { b: { type: 'string' }, a: { minimum: 1 }, m: { properties: { y: { const: 1 }, x: { const: 1 } } } },
      additionalProperties: false,
    };
    expect(lines(schema, { b: 1, m: { y: 2, x: 2 }, extra: true })).toEqual([
      'z is required',
      'a is required',
      'Additional property extra is not allowed',
      'b: Invalid type. Expected: string, given: integer',
      'm.x: m.x does not match: 1',
      'm.y: m.y does not match: 1',
    ]);
  });

  test("puts a number's limits in gojsonschema's order: multipleOf, maximum, minimum", () => {
    expect(lines({ properties: { n: { minimum: 10, multipleOf: 3, maximum: 0 } } }, { n: 5 })).toEqual([
      'n: Must be a multiple of 3',
      'n: Must be less than or equal to 0',
      'n: Must be greater than or equal to 10',
    ]);
  });

  test("puts an array's own errors after its items', and items by index", () => {
    expect(
      lines(
        { properties: { l: { minItems: 12, items: { type: 'string' } } } },
        { l: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 'k'] },
      ),
    ).toEqual([
      ...[0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => `l.${i}: Invalid type. Expected: string, given: integer`),
      'l: Array must have at least 12 items',
    ]);
  });

  test("puts a string's enum before its length and pattern", () => {
    expect(lines({ properties: { s: { pattern: '^a', minLength: 5, enum: ['abcdef'] } } }, { s: 'b' })).toEqual([
      's: s must be one of the following: "abcdef"',
      's: String length must be greater than or equal to 5',
      "s: Does not match pattern '^a'",
    ]);
  });

  test('names a field with a slash or a tilde as it is written', () => {
    expect(lines({ properties: { 'a/b~c': { type: 'string' } } }, { 'a/b~c': 1 })).toEqual([
      'a/b~c: Invalid type. Expected: string, given: integer',
    ]);
  });
});
