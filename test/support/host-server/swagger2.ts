/**
 * Extracts the operations a fake answers from a Swagger 2.0 description (Gitea, Bitbucket Cloud, Azure DevOps, GitLab
 * publish Swagger 2.0) into the committed fixture format of `test/fixtures/*-openapi/routes.json`: per operation its
 * method, path template, parameters, request body schema and response schemas, with only the definitions they use
 * (kept as `#/definitions/…` references, since some descriptions are recursive). Prose and vendor keywords go.
 */
import * as fs from 'fs';
import * as path from 'path';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface SwaggerSource {
  /** Repository the description was read from, its path and commit. */
  readonly repository: string;
  readonly path: string;
  readonly commit: string;
  /** The description's own `info.version`. */
  readonly version?: string;
  readonly note?: string;
}

export interface HostOperation {
  readonly operationId: string;
  readonly method: HttpMethod;
  readonly path: string;
  readonly parameters: readonly {
    readonly name: string;
    readonly in: 'path' | 'query' | 'formData' | 'header';
    readonly required: boolean;
    readonly schema: JsonObject;
    readonly multiSegment?: true;
  }[];
  readonly requestBody?: { readonly required: boolean; readonly contentType: string; readonly schema: JsonObject };
  readonly responses: Readonly<Record<string, { readonly schema?: JsonObject }>>;
}

export interface HostFixture {
  readonly source: SwaggerSource;
  readonly operations: readonly HostOperation[];
  readonly definitions: Readonly<Record<string, JsonObject>>;
}

const PROSE = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'xml', 'title']);

/** Which operations to keep: method, path template, and the path parameters that may contain `/`. */
export type OperationPick = readonly [
  HttpMethod,
  string,
  { readonly multiSegment?: readonly string[]; readonly id?: string }?,
];

export function extractSwagger2(spec: JsonObject, picks: readonly OperationPick[], source: SwaggerSource): HostFixture {
  const paths = spec.paths as JsonObject;
  const used = new Set<string>();
  const clean = (value: Json): Json => strip(resolveShared(spec, value), used);
  const operations = picks.map(([method, template, options]): HostOperation => {
    const item = paths[template] as JsonObject | undefined;
    const op = item?.[method.toLowerCase()] as JsonObject | undefined;
    if (!item || !op) throw new Error(`no operation ${method} ${template} in the description`);
    const shared = (Array.isArray(item.parameters) ? item.parameters : []).map(
      (p) => resolveShared(spec, p) as JsonObject,
    );
    const own = (Array.isArray(op.parameters) ? op.parameters : []).map((p) => resolveShared(spec, p) as JsonObject);
    const all = [...shared.filter((p) => !own.some((o) => o.name === p.name && o.in === p.in)), ...own];
    let requestBody: HostOperation['requestBody'];
    const parameters: HostOperation['parameters'][number][] = [];
    for (const p of all) {
      if (p.in === 'body') {
        requestBody = {
          required: p.required === true,
          contentType: 'application/json',
          schema: clean(p.schema) as JsonObject,
        };
        continue;
      }
      const { name, in: where, required, schema, ...rest } = p;
      const own =
        schema ?? Object.fromEntries(Object.entries(rest).filter(([k]) => !PROSE.has(k) && !k.startsWith('x-')));
      parameters.push({
        name: String(name),
        in: where as 'path' | 'query' | 'formData' | 'header',
        required: required === true,
        schema: clean(own as Json) as JsonObject,
        ...(options?.multiSegment?.includes(String(name)) ? { multiSegment: true as const } : {}),
      });
    }
    const responses: Record<string, { schema?: JsonObject }> = {};
    for (const [status, response] of Object.entries((op.responses ?? {}) as JsonObject)) {
      const resolved = resolveShared(spec, response) as JsonObject;
      responses[status] = resolved.schema ? { schema: clean(resolved.schema) as JsonObject } : {};
    }
    return {
      operationId: options?.id ?? (typeof op.operationId === 'string' ? op.operationId : `${method} ${template}`),
      method,
      path: template,
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  });
  const all = (spec.definitions ?? {}) as JsonObject;
  const definitions: Record<string, JsonObject> = {};
  const queue = [...used];
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (definitions[name]) continue;
    const before = new Set(used);
    definitions[name] = strip(all[name] ?? {}, used) as JsonObject;
    for (const added of used) if (!before.has(added)) queue.push(added);
  }
  const sorted = Object.fromEntries(
    Object.keys(definitions)
      .sort()
      .map((name) => [name, definitions[name]]),
  );
  return {
    source: { ...source, version: String((spec.info as JsonObject | undefined)?.version ?? '') },
    operations,
    definitions: sorted,
  };
}

/** Follows `#/parameters/…` and `#/responses/…` references (definitions stay references). */
function resolveShared(spec: JsonObject, value: Json): Json {
  if (value && typeof value === 'object' && !Array.isArray(value) && typeof value.$ref === 'string') {
    const match = /^#\/(parameters|responses)\/(.+)$/.exec(value.$ref);
    if (match) return resolveShared(spec, (spec[match[1]] as JsonObject)[decodeURIComponent(match[2])]);
  }
  return value;
}

/** Drops prose and vendor keywords (keeping `x-nullable`), recording the definitions referenced. */
function strip(value: Json, used: Set<string>): Json {
  if (Array.isArray(value)) return value.map((item) => strip(item, used));
  if (!value || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [key, sub] of Object.entries(value)) {
    if (key === '$ref' && typeof sub === 'string') {
      const name = /^#\/definitions\/(.+)$/.exec(sub)?.[1];
      if (name) used.add(decodeURIComponent(name));
      out[key] = sub;
    } else if (key === 'properties' && sub && typeof sub === 'object' && !Array.isArray(sub)) {
      out[key] = Object.fromEntries(Object.entries(sub).map(([name, schema]) => [name, strip(schema, used)]));
    } else if (!PROSE.has(key) && (!key.startsWith('x-') || key === 'x-nullable')) {
      out[key] = strip(sub, used);
    }
  }
  return out;
}

/** One operation per line, definitions one per line: small diffs when the description moves. */
export function formatFixture(fixture: HostFixture): string {
  const ops = fixture.operations.map((op) => `    ${JSON.stringify(op)}`).join(',\n');
  const defs = Object.entries(fixture.definitions)
    .map(([name, schema]) => `    ${JSON.stringify(name)}: ${JSON.stringify(schema)}`)
    .join(',\n');
  return `{\n  "source": ${JSON.stringify(fixture.source)},\n  "operations": [\n${ops}\n  ],\n  "definitions": {\n${defs}\n  }\n}\n`;
}

export function writeFixture(file: string, fixture: HostFixture): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatFixture(fixture));
}

export function loadFixture(file: string): HostFixture {
  return JSON.parse(fs.readFileSync(file, 'utf-8')) as HostFixture;
}

/** Reads a JSON description, tolerating a byte-order mark (Azure DevOps' files have one). */
export function readJson(file: string): JsonObject {
  return JSON.parse(fs.readFileSync(file, 'utf-8').replace(/^\uFEFF/, '')) as JsonObject;
}
