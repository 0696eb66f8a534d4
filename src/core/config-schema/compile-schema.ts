import Ajv, { Options, ValidateFunction } from 'ajv';
import Ajv04 from 'ajv-draft-04';
import addFormats, { FormatName } from 'ajv-formats';
import draft06MetaSchema from 'ajv/dist/refs/json-schema-draft-06.json';
import { isRe2Pattern, re2Pattern } from './re2-pattern';

/** The JSON-Schema drafts gojsonschema 1.2.0 knows; `hybrid` is its mode for a schema without a known `$schema`. */
export enum JsonSchemaDraft {
  DRAFT_04 = 'draft-04',
  DRAFT_06 = 'draft-06',
  DRAFT_07 = 'draft-07',
  HYBRID = 'hybrid',
}

/** A schema text ready to validate with, or why it cannot be used. */
export type CompiledSchema =
  { readonly validate: ValidateFunction; readonly draft: JsonSchemaDraft } | { readonly invalid: string };

const META_SCHEMAS: Readonly<Record<string, JsonSchemaDraft>> = {
  'http://json-schema.org/draft-04/schema': JsonSchemaDraft.DRAFT_04,
  'http://json-schema.org/draft-06/schema': JsonSchemaDraft.DRAFT_06,
  'http://json-schema.org/draft-07/schema': JsonSchemaDraft.DRAFT_07,
};

/** The formats gojsonschema checks that ajv-formats implements; other formats are not checked, as upstream. */
const FORMATS: FormatName[] = [
  'date',
  'time',
  'date-time',
  'email',
  'hostname',
  'ipv4',
  'ipv6',
  'uri',
  'uri-reference',
  'uri-template',
  'uuid',
  'regex',
  'json-pointer',
  'relative-json-pointer',
];

const OPTIONS: Options = {
  allErrors: true,
  strict: false,
  logger: false,
  validateFormats: true,
  code: { regExp: re2Pattern },
};

/**
 * Compiles ConfigSchema texts with ajv the way gojsonschema 1.2.0 reads them: JSON text; the draft chosen by
 * `$schema` (draft-04, -06 or -07); without one (or with another), gojsonschema's hybrid mode, approximated by
 * draft-07 and, when the schema only makes sense as draft-04 (`exclusiveMinimum: true`), draft-04. Each distinct
 * text is compiled once; each gets its own ajv instance so that two schemas may use the same `$id`.
 */
export class ConfigSchemaCompiler {
  private readonly compiled = new Map<string, CompiledSchema>();

  /** The validator of a schema text (compiled on first use), or why the text is not a usable schema. */
  public compile(text: string): CompiledSchema {
    let result = this.compiled.get(text);
    if (!result) {
      result = compileSchemaText(text);
      this.compiled.set(text, result);
    }
    return result;
  }
}

function compileSchemaText(text: string): CompiledSchema {
  if (text.trim() === '') return { invalid: 'is empty; it must hold a JSON Schema document' };
  let schema: unknown;
  try {
    schema = JSON.parse(text);
  } catch (e) {
    return { invalid: `is not valid JSON: ${describeJsonError(text, (e as Error).message)}` };
  }
  if (typeof schema === 'boolean') return compileWith(JsonSchemaDraft.DRAFT_07, schema);
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) {
    return { invalid: 'is not a JSON Schema: the document must be an object' };
  }
  const declared = (schema as Record<string, unknown>).$schema;
  const draft = typeof declared === 'string' ? META_SCHEMAS[declared.replace(/#$/, '')] : undefined;
  if (draft) return compileWith(draft, { ...schema, $schema: `${declared}`.replace(/#?$/, '#') });
  const hybrid: Record<string, unknown> = { ...schema };
  delete hybrid.$schema;
  const asDraft07 = compileWith(JsonSchemaDraft.DRAFT_07, hybrid);
  if ('validate' in asDraft07) return { ...asDraft07, draft: JsonSchemaDraft.HYBRID };
  const asDraft04 = compileWith(JsonSchemaDraft.DRAFT_04, hybrid);
  return 'validate' in asDraft04 ? { ...asDraft04, draft: JsonSchemaDraft.HYBRID } : asDraft07;
}

function compileWith(draft: JsonSchemaDraft, schema: object | boolean): CompiledSchema {
  const ajv = draft === JsonSchemaDraft.DRAFT_04 ? new Ajv04(OPTIONS) : new Ajv(OPTIONS);
  if (draft === JsonSchemaDraft.DRAFT_06) ajv.addMetaSchema(draft06MetaSchema);
  addFormats(ajv, FORMATS);
  ajv.addFormat('regex', isRe2Pattern);
  try {
    return { validate: ajv.compile(schema), draft };
  } catch (e) {
    return { invalid: `is not a valid JSON Schema: ${(e as Error).message.replace(/^schema is invalid: /, '')}` };
  }
}

/** V8's JSON.parse message with the position turned into a line and column of the schema text. */
function describeJsonError(text: string, message: string): string {
  const position = /(?: in JSON)? at position (\d+)(?: \(line \d+ column \d+\))?/.exec(message);
  if (!position) return message;
  const offset = Number(position[1]);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `${message.slice(0, position.index)}${message.slice(position.index + position[0].length)} (line ${line}, column ${column} of the schema)`;
}
