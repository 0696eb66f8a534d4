/**
 * Writes `test/fixtures/gitlab-openapi/routes.json`, the part of GitLab's Swagger 2.0 description
 * (`doc/api/openapi/openapi_v2.yaml` in gitlab-org/gitlab) the fake GitLab answers, from that file or from the excerpt
 * of it kept beside the fixture (`openapi_v2.excerpt.yaml`). Paths lose their `/api/v4` prefix (the fake's base path).
 * Where the description is wrong about what GitLab takes or answers, the fixture is amended here, and only here;
 * each amendment is listed in the fixture's README. Run with the description's path and where it came from:
 *
 *     ts-node --transpile-only test/support/gitlab-server/extract-openapi.ts <yaml> <repository> <path> <commit>
 */
import * as fs from 'fs';
import { load } from 'js-yaml';
import * as path from 'path';
import {
  HostFixture,
  HostOperation,
  OperationPick,
  SwaggerSource,
  extractSwagger2,
  writeFixture,
} from '../host-server/swagger2';

export const GITLAB_FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'gitlab-openapi', 'routes.json');

const PROJECT = '/api/v4/projects/{id}';

export const OPERATIONS: readonly OperationPick[] = [
  ['GET', `${PROJECT}/repository/branches/{branch}`],
  ['DELETE', `${PROJECT}/repository/branches/{branch}`],
  ['GET', `${PROJECT}/repository/tree`],
  ['GET', `${PROJECT}/repository/blobs/{sha}/raw`],
  ['GET', `${PROJECT}/repository/commits/{sha}`],
  ['POST', `${PROJECT}/repository/commits`],
  ['GET', `${PROJECT}/merge_requests`],
  ['POST', `${PROJECT}/merge_requests`],
  ['PUT', `${PROJECT}/merge_requests/{merge_request_iid}`],
  ['GET', `${PROJECT}/repository/commits/{sha}/statuses`],
  ['POST', `${PROJECT}/statuses/{sha}`],
];

/** Definitions referenced only by fields the fake never sends (pipelines); their schemas are left open. */
export const NOT_COPIED = ['API_Entities_Ci_PipelineBasic', 'API_Entities_Ci_Pipeline'];

type Json = Parameters<typeof extractSwagger2>[0];
type Schema = Record<string, unknown>;

/**
 * The body of `POST /projects/:id/repository/commits` as GitLab's REST documentation gives it (`doc/api/commits.md`,
 * "Create a commit with multiple files and actions"); the description documents only the multipart `file` its
 * middleware generates.
 */
const CREATE_COMMIT_BODY: Schema = {
  type: 'object',
  required: ['branch', 'commit_message', 'actions'],
  properties: {
    branch: { type: 'string' },
    commit_message: { type: 'string' },
    start_branch: { type: 'string' },
    start_sha: { type: 'string' },
    start_project: { type: 'string' },
    force: { type: 'boolean' },
    author_email: { type: 'string' },
    author_name: { type: 'string' },
    stats: { type: 'boolean' },
    actions: {
      type: 'array',
      items: {
        type: 'object',
        required: ['action', 'file_path'],
        properties: {
          action: { type: 'string', enum: ['create', 'delete', 'move', 'update', 'chmod'] },
          file_path: { type: 'string' },
          previous_path: { type: 'string' },
          content: { type: 'string' },
          encoding: { type: 'string', enum: ['text', 'base64'] },
          last_commit_id: { type: 'string' },
          execute_filemode: { type: 'boolean' },
        },
      },
    },
  },
};

const LABEL_LIST = { type: 'array', items: { type: 'string' } };
const LABEL_LIST_OR_TEXT = { anyOf: [LABEL_LIST, { type: 'string' }] };

function definition(spec: Json, name: string): Schema & { properties: Record<string, unknown> } {
  const found = (spec.definitions as Record<string, Schema> | undefined)?.[name];
  if (!found?.properties) throw new Error(`the description does not define ${name}`);
  return found as Schema & { properties: Record<string, unknown> };
}

/** The description with its definitions amended (see the README) and the definitions not copied left open. */
export function amendDescription(spec: Json): Json {
  const definitions = { ...(spec.definitions as Record<string, Schema>) };
  const amend = (name: string, properties: Record<string, unknown>) => {
    const found = definition(spec, name);
    definitions[name] = { ...found, properties: { ...found.properties, ...properties } };
  };
  // Answers carry labels as a list of names (as `API_Entities_Issue` documents them); the entities say `string`.
  amend('API_Entities_MergeRequestBasic', { labels: LABEL_LIST });
  amend('API_Entities_MergeRequest', { labels: LABEL_LIST });
  // Label parameters are "comma-separated label names" by their own descriptions; the schema says array only.
  for (const name of ['postApiV4ProjectsIdMergeRequests', 'putApiV4ProjectsIdMergeRequestsMergeRequestIid']) {
    const labels = Object.keys(definition(spec, name).properties).filter((key) => /(^|_)labels$/.test(key));
    amend(name, Object.fromEntries(labels.map((key) => [key, LABEL_LIST_OR_TEXT])));
  }
  definitions.postApiV4ProjectsIdRepositoryCommits = CREATE_COMMIT_BODY;
  for (const name of NOT_COPIED) definitions[name] ??= {};
  return { ...spec, definitions } as Json;
}

/** The fixture with paths below `/api/v4` and the operation-level amendments (see the README). */
export function amendOperations(fixture: HostFixture): HostFixture {
  const operations = fixture.operations.map((op): HostOperation => {
    let out: HostOperation = { ...op, path: op.path.replace(/^\/api\/v4/, '') };
    if (op.operationId === 'getApiV4ProjectsIdRepositoryBranchesBranch') {
      // Its DELETE and HEAD siblings document `branch` as a string, as branch names are.
      out = {
        ...out,
        parameters: out.parameters.map((p) => (p.name === 'branch' ? { ...p, schema: { type: 'string' } } : p)),
      };
    }
    if (op.operationId === 'getApiV4ProjectsIdRepositoryTree') {
      // GitLab answers a list of tree entries; the description gives one entry's schema as the whole answer.
      const entry = op.responses['200']?.schema;
      if (!entry) throw new Error('the tree listing documents no answer');
      out = { ...out, responses: { ...out.responses, '200': { schema: { type: 'array', items: entry } } } };
    }
    return out;
  });
  return { ...fixture, operations };
}

/** Fails when a definition the operations reach is missing from the description (it would come out empty). */
function checkComplete(fixture: HostFixture): void {
  const missing = Object.entries(fixture.definitions)
    .filter(([name, schema]) => Object.keys(schema).length === 0 && !NOT_COPIED.includes(name))
    .map(([name]) => name);
  if (missing.length > 0) throw new Error(`the description lacks definitions: ${missing.join(', ')}`);
}

/** The fixture of a copy of the description (the whole file or the excerpt), read from `file`. */
export function extractGitLabFixture(file: string, source: SwaggerSource): HostFixture {
  const spec = load(fs.readFileSync(file, 'utf-8')) as Json;
  const picked = extractSwagger2(amendDescription(spec), OPERATIONS, source);
  checkComplete(picked);
  return amendOperations(picked);
}

if (require.main === module) {
  const [file, repository, where, commit] = process.argv.slice(2);
  if (!file || !repository || !where || !commit)
    throw new Error('usage: extract-openapi.ts <yaml> <repository> <path> <commit>');
  writeFixture(GITLAB_FIXTURE, extractGitLabFixture(file, { repository, path: where, commit }));
}
