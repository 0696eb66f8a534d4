/**
 * Types and loader of the committed OpenAPI contract fixture (`test/fixtures/github-openapi/routes.json`), the
 * subset of GitHub's published REST description that the fake server answers. `extract-openapi.ts` writes it.
 */
import * as fs from 'fs';
import * as path from 'path';

/** A JSON Schema (OpenAPI 3.0 dialect: `nullable`, no `$ref` — the fixture is fully dereferenced). */
export type JsonSchema = { readonly [keyword: string]: unknown };

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface FixtureParameter {
  readonly name: string;
  readonly in: 'path' | 'query';
  readonly required: boolean;
  readonly schema: JsonSchema;
  /** The parameter may contain `/` (OpenAPI extension `x-multi-segment`), as `ref` in `git/ref/{ref}`. */
  readonly multiSegment?: true;
}

export interface FixtureRequestBody {
  readonly required: boolean;
  readonly contentType: string;
  readonly schema: JsonSchema;
}

export interface FixtureResponse {
  /** Media type of the documented body; absent when the status has no body (204, 304, 302). */
  readonly contentType?: string;
  readonly schema?: JsonSchema;
  /** Documented response headers, e.g. `Link`, `Location`. */
  readonly headers?: readonly string[];
}

export interface FixtureOperation {
  /** GitHub's operation id, e.g. `git/create-tree`. */
  readonly operationId: string;
  readonly method: HttpMethod;
  /** Path template, e.g. `/repos/{owner}/{repo}/git/trees`. */
  readonly path: string;
  /** The documentation page GitHub names in `documentation_url`. */
  readonly documentationUrl: string;
  readonly parameters: readonly FixtureParameter[];
  readonly requestBody?: FixtureRequestBody;
  /** Keyed by status code (`"200"`, `"422"`, …). */
  readonly responses: Readonly<Record<string, FixtureResponse>>;
}

export interface RoutesFixture {
  readonly source: {
    readonly package: string;
    readonly version: string;
    readonly file: string;
    readonly openapi: string;
    readonly apiVersion: string;
  };
  readonly operations: readonly FixtureOperation[];
}

/** Where the committed fixture lives. */
export const ROUTES_FIXTURE_PATH = path.resolve(__dirname, '..', '..', 'fixtures', 'github-openapi', 'routes.json');

let cached: RoutesFixture | undefined;

/** Reads the committed fixture once per process. */
export function loadRoutesFixture(): RoutesFixture {
  if (!cached) {
    cached = JSON.parse(fs.readFileSync(ROUTES_FIXTURE_PATH, 'utf-8')) as RoutesFixture;
  }
  return cached;
}
