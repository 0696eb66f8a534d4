/**
 * Writes `test/fixtures/azure-devops-openapi/routes.json`, the part of Azure DevOps' Git REST API description
 * (`specification/git/7.1/git.json` in MicrosoftDocs/vsts-rest-api-specs, Swagger 2.0) the fake Azure DevOps answers.
 * Two amendments, each named in the fixture's README:
 *
 * - `Change.item` is documented as `{ type: string, format: T }`, the unresolved parameter of the generic `Change<T>`;
 *   a Git change carries a `GitItem` (`item: { path }` in every push example), so the fixture refers to `GitItem`.
 * - An operation's examples (`x-ms-examples`, files under `httpExamples/` beside the description) answer creations
 *   with 201 where the operation documents 200 only; those statuses are added with the documented answer's schema.
 *
 * Run with the path of a copy of `git.json` (its `httpExamples/` folder beside it) and where it came from:
 *
 *     ts-node --transpile-only test/support/azure-devops-server/extract-openapi.ts <git.json> <repository> <path> <commit>
 */
import * as fs from 'fs';
import * as path from 'path';
import { HostFixture, OperationPick, extractSwagger2, readJson, writeFixture } from '../host-server/swagger2';

export const AZURE_DEVOPS_FIXTURE = path.resolve(
  __dirname,
  '..',
  '..',
  'fixtures',
  'azure-devops-openapi',
  'routes.json',
);

const REPO = '/{organization}/{project}/_apis/git/repositories/{repositoryId}';

export const OPERATIONS: readonly OperationPick[] = [
  ['GET', `${REPO}/refs`],
  ['POST', `${REPO}/refs`],
  ['GET', `${REPO}/commits/{commitId}`],
  ['GET', `${REPO}/trees/{sha1}`],
  ['GET', `${REPO}/blobs/{sha1}`],
  ['POST', `${REPO}/pushes`],
  ['GET', `${REPO}/pullrequests`],
  ['POST', `${REPO}/pullrequests`],
  ['PATCH', `${REPO}/pullrequests/{pullRequestId}`],
  ['POST', `${REPO}/pullRequests/{pullRequestId}/labels`],
  ['DELETE', `${REPO}/pullRequests/{pullRequestId}/labels/{labelIdOrName}`],
  ['POST', `${REPO}/commits/{commitId}/statuses`],
  ['GET', `${REPO}/commits/{commitId}/statuses`],
];

type Json = Parameters<typeof extractSwagger2>[0];

/** The statuses an operation's examples answer with. */
function exampleStatuses(spec: Json, folder: string, method: string, template: string): string[] {
  const op = ((spec.paths as Json)[template] as Json)[method.toLowerCase()] as Json;
  const examples = Object.values((op['x-ms-examples'] ?? {}) as Record<string, { $ref?: string }>);
  const statuses = new Set<string>();
  for (const example of examples) {
    if (!example.$ref) continue;
    const file = findIgnoringCase(folder, example.$ref);
    if (!file) throw new Error(`example ${example.$ref} is missing beside the description`);
    for (const status of Object.keys((readJson(file).responses ?? {}) as Json)) statuses.add(status);
  }
  return [...statuses].sort();
}

/** A file below `folder`, its path matched whatever the letter case (the description was written on Windows). */
function findIgnoringCase(folder: string, relative: string): string | undefined {
  let at = folder;
  for (const part of relative.split('/').filter((p) => p !== '.' && p !== '')) {
    const found = fs.existsSync(at)
      ? fs.readdirSync(at).find((name) => name.toLowerCase() === part.toLowerCase())
      : undefined;
    if (!found) return undefined;
    at = path.join(at, found);
  }
  return at;
}

/** The description with `Change.item` referring to `GitItem`. */
export function amendDescription(spec: Json): Json {
  const definitions = spec.definitions as Record<string, { properties?: Record<string, unknown> }>;
  const change = definitions.Change;
  if (!change?.properties?.item) throw new Error('the description no longer defines Change.item');
  if (!definitions.GitItem) throw new Error('the description does not define GitItem');
  const item = { $ref: '#/definitions/GitItem' };
  return {
    ...spec,
    definitions: { ...definitions, Change: { ...change, properties: { ...change.properties, item } } },
  } as Json;
}

/** The fixture with the statuses each operation's examples answer, documented as its 2xx answer is. */
export function addExampleStatuses(spec: Json, folder: string, fixture: HostFixture): HostFixture {
  const operations = fixture.operations.map((op) => {
    const documented = Object.entries(op.responses).find(([status]) => /^2\d\d$/.test(status));
    const added = exampleStatuses(spec, folder, op.method, op.path).filter((status) => !(status in op.responses));
    if (!documented || added.length === 0) return op;
    return { ...op, responses: { ...op.responses, ...Object.fromEntries(added.map((s) => [s, documented[1]])) } };
  });
  return { ...fixture, operations };
}

if (require.main === module) {
  const [file, repository, where, commit] = process.argv.slice(2);
  if (!file || !repository || !where || !commit)
    throw new Error('usage: extract-openapi.ts <git.json> <repository> <path> <commit>');
  const spec = readJson(file);
  const picked = extractSwagger2(amendDescription(spec), OPERATIONS, { repository, path: where, commit });
  writeFixture(AZURE_DEVOPS_FIXTURE, addExampleStatuses(spec, path.dirname(file), picked));
}
