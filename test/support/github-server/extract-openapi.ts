/**
 * Extracts the GitHub REST operations that the fake GitHub server answers from GitHub's published OpenAPI
 * description into the committed contract fixture `test/fixtures/github-openapi/routes.json`.
 *
 * Regenerate (the package is ~385 MB, so it is never a dependency — `--no-save` keeps package.json and the lockfile
 * untouched, and the next `npm ci` removes it again):
 *
 *     npm run github-openapi
 *
 * which runs
 *
 *     npm install --no-save @octokit/openapi@23.0.2
 *     ts-node --transpile-only test/support/github-server/extract-openapi.ts
 *
 * To move to a newer description, change `OPENAPI_VERSION` below and the version in the `github-openapi` script in
 * package.json, rerun, and review the fixture diff.
 *
 * The source is `generated/api.github.com.deref.json` (already fully dereferenced, no `$ref`). Only the operations
 * in `OPERATIONS` are kept, and only what validation needs: method, path template, parameters, request body
 * schema and response schemas per status. Prose (`description`, `summary`, `example`, `examples`) and vendor
 * extensions (`x-*`) are dropped, except `x-multi-segment` on parameters (kept as `multiSegment`).
 */
import * as fs from 'fs';
import * as path from 'path';
import {
  FixtureOperation,
  FixtureParameter,
  FixtureRequestBody,
  FixtureResponse,
  HttpMethod,
  JsonSchema,
  ROUTES_FIXTURE_PATH,
  RoutesFixture,
} from './fixture';

export const OPENAPI_PACKAGE = '@octokit/openapi';
export const OPENAPI_VERSION = '23.0.2';
export const OPENAPI_FILE = 'generated/api.github.com.deref.json';

/** The operations the fake server implements, grouped by area as in `routes/`. */
export const OPERATIONS: ReadonlyArray<readonly [HttpMethod, string]> = [
  // repos
  ['GET', '/repos/{owner}/{repo}'],
  ['GET', '/repos/{owner}/{repo}/branches/{branch}'],
  // git refs
  ['GET', '/repos/{owner}/{repo}/git/ref/{ref}'],
  ['GET', '/repos/{owner}/{repo}/git/matching-refs/{ref}'],
  ['POST', '/repos/{owner}/{repo}/git/refs'],
  ['PATCH', '/repos/{owner}/{repo}/git/refs/{ref}'],
  ['DELETE', '/repos/{owner}/{repo}/git/refs/{ref}'],
  // git objects
  ['GET', '/repos/{owner}/{repo}/git/trees/{tree_sha}'],
  ['POST', '/repos/{owner}/{repo}/git/trees'],
  ['GET', '/repos/{owner}/{repo}/git/blobs/{file_sha}'],
  ['POST', '/repos/{owner}/{repo}/git/blobs'],
  ['GET', '/repos/{owner}/{repo}/git/commits/{commit_sha}'],
  ['POST', '/repos/{owner}/{repo}/git/commits'],
  // commits
  ['GET', '/repos/{owner}/{repo}/commits/{ref}'],
  ['GET', '/repos/{owner}/{repo}/compare/{basehead}'],
  // contents
  ['GET', '/repos/{owner}/{repo}/contents/{path}'],
  ['PUT', '/repos/{owner}/{repo}/contents/{path}'],
  // pulls
  ['GET', '/repos/{owner}/{repo}/pulls'],
  ['POST', '/repos/{owner}/{repo}/pulls'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['PATCH', '/repos/{owner}/{repo}/pulls/{pull_number}'],
  ['PUT', '/repos/{owner}/{repo}/pulls/{pull_number}/merge'],
  ['GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews'],
  // labels
  ['GET', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['PUT', '/repos/{owner}/{repo}/issues/{issue_number}/labels'],
  ['DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}'],
  ['GET', '/repos/{owner}/{repo}/labels'],
  ['POST', '/repos/{owner}/{repo}/labels'],
  // statuses
  ['POST', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['GET', '/repos/{owner}/{repo}/commits/{ref}/statuses'],
  ['GET', '/repos/{owner}/{repo}/commits/{ref}/status'],
];

/** Schema keywords that carry prose or samples only. */
const PROSE_KEYWORDS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs', 'xml']);
/** Keywords whose value maps names (not keywords) to schemas. */
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
/** Keywords whose value is one schema. */
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);
/** Keywords whose value is a list of schemas. */
const SCHEMA_LISTS = new Set(['allOf', 'anyOf', 'oneOf']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

/**
 * Drops prose and vendor keywords from a schema, recursing only through schema positions, so that a property
 * *named* `description` (labels, statuses, repositories have one) survives.
 */
export function stripSchema(schema: JsonObject): JsonSchema {
  const out: Record<string, unknown> = {};
  for (const [keyword, value] of Object.entries(schema)) {
    if (PROSE_KEYWORDS.has(keyword) || keyword.startsWith('x-')) {
      continue;
    }
    if (SCHEMA_MAPS.has(keyword) && isObject(value)) {
      out[keyword] = Object.fromEntries(
        Object.entries(value).map(([name, sub]) => [name, isObject(sub) ? stripSchema(sub) : sub]),
      );
    } else if (SCHEMA_VALUES.has(keyword) && isObject(value)) {
      out[keyword] = stripSchema(value);
    } else if (SCHEMA_LISTS.has(keyword) && Array.isArray(value)) {
      out[keyword] = value.map((sub) => (isObject(sub) ? stripSchema(sub) : sub));
    } else {
      out[keyword] = value;
    }
  }
  return out;
}

/** Picks `application/json` when offered, else the first JSON-ish media type. */
function pickContent(content: Json | undefined): { contentType: string; schema: JsonObject } | undefined {
  if (!isObject(content)) {
    return undefined;
  }
  const types = Object.keys(content);
  const chosen = types.includes('application/json') ? 'application/json' : types.find((t) => /json/.test(t));
  const media = chosen === undefined ? undefined : content[chosen];
  if (chosen === undefined || !isObject(media) || !isObject(media.schema)) {
    return undefined;
  }
  return { contentType: chosen, schema: media.schema };
}

/** Pure: the fixture for `operations` out of a parsed, dereferenced OpenAPI description. */
export function extractOperations(spec: JsonObject, operations = OPERATIONS): RoutesFixture {
  const paths = spec.paths;
  const info = spec.info;
  if (!isObject(paths) || !isObject(info)) {
    throw new Error(`${OPENAPI_FILE}: not an OpenAPI description (no "paths" or "info")`);
  }
  const extracted = operations.map(([method, template]): FixtureOperation => {
    const pathItem = paths[template];
    const op = isObject(pathItem) ? pathItem[method.toLowerCase()] : undefined;
    if (!isObject(op)) {
      throw new Error(`${OPENAPI_FILE}: no operation ${method} ${template}`);
    }
    const parameters = (Array.isArray(op.parameters) ? op.parameters : [])
      .filter(isObject)
      .map((p): FixtureParameter => {
        if (p.in !== 'path' && p.in !== 'query') {
          throw new Error(`${method} ${template}: parameter "${String(p.name)}" in ${String(p.in)} is not supported`);
        }
        return {
          name: String(p.name),
          in: p.in,
          required: p.required === true,
          schema: stripSchema(isObject(p.schema) ? p.schema : {}),
          ...(p['x-multi-segment'] === true ? { multiSegment: true as const } : {}),
        };
      });
    let requestBody: FixtureRequestBody | undefined;
    if (isObject(op.requestBody)) {
      const content = pickContent(op.requestBody.content);
      if (!content) {
        throw new Error(`${method} ${template}: request body has no JSON schema`);
      }
      requestBody = {
        required: op.requestBody.required === true,
        contentType: content.contentType,
        schema: stripSchema(content.schema),
      };
    }
    const responses: Record<string, FixtureResponse> = {};
    for (const [status, response] of Object.entries(isObject(op.responses) ? op.responses : {})) {
      if (!isObject(response)) {
        continue;
      }
      const content = pickContent(response.content);
      const headers = isObject(response.headers) ? Object.keys(response.headers) : [];
      responses[status] = {
        ...(content ? { contentType: content.contentType, schema: stripSchema(content.schema) } : {}),
        ...(headers.length > 0 ? { headers } : {}),
      };
    }
    const docs = op.externalDocs;
    return {
      operationId: String(op.operationId),
      method,
      path: template,
      documentationUrl: isObject(docs) && typeof docs.url === 'string' ? docs.url : 'https://docs.github.com/rest',
      parameters,
      ...(requestBody ? { requestBody } : {}),
      responses,
    };
  });
  return {
    source: {
      package: OPENAPI_PACKAGE,
      version: OPENAPI_VERSION,
      file: OPENAPI_FILE,
      openapi: String(spec.openapi),
      apiVersion: String(info.version),
    },
    operations: extracted,
  };
}

/** One operation per line keeps the fixture compact yet reviewable with `git diff --word-diff`. */
export function formatFixture(fixture: RoutesFixture): string {
  const ops = fixture.operations.map((op) => `    ${JSON.stringify(op)}`).join(',\n');
  return `{\n  "source": ${JSON.stringify(fixture.source)},\n  "operations": [\n${ops}\n  ]\n}\n`;
}

function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function main(): void {
  let packageDir: string;
  try {
    packageDir = path.dirname(require.resolve(`${OPENAPI_PACKAGE}/package.json`));
  } catch {
    throw new Error(
      `${OPENAPI_PACKAGE} is not installed; run: npm install --no-save ${OPENAPI_PACKAGE}@${OPENAPI_VERSION}`,
    );
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(packageDir, 'package.json'), 'utf-8')) as {
    version: string;
  };
  if (version !== OPENAPI_VERSION) {
    throw new Error(
      `${OPENAPI_PACKAGE} ${version} is installed, expected ${OPENAPI_VERSION}; run: npm install --no-save ${OPENAPI_PACKAGE}@${OPENAPI_VERSION}`,
    );
  }
  const spec = JSON.parse(fs.readFileSync(path.join(packageDir, OPENAPI_FILE), 'utf-8')) as JsonObject;
  const text = formatFixture(extractOperations(spec));
  fs.mkdirSync(path.dirname(ROUTES_FIXTURE_PATH), { recursive: true });
  fs.writeFileSync(ROUTES_FIXTURE_PATH, text);
  process.stdout.write(
    `wrote ${OPERATIONS.length} operations (${text.length} bytes) to ${path.relative(process.cwd(), ROUTES_FIXTURE_PATH)}\n`,
  );
}

if (require.main === module) {
  main();
}
