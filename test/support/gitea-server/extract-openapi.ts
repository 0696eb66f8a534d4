/**
 * Writes `test/fixtures/gitea-openapi/routes.json`, the part of Gitea's Swagger 2.0 description the fake Gitea
 * answers. Gitea serves the description at `/swagger.v1.json` (source: `templates/swagger/v1_json.tmpl` in
 * go-gitea/gitea). Run with the path of a copy and where it came from:
 *
 *     ts-node --transpile-only test/support/gitea-server/extract-openapi.ts <swagger.v1.json> <repository> <path> <commit>
 */
import * as path from 'path';
import { OperationPick, extractSwagger2, readJson, writeFixture } from '../host-server/swagger2';

export const GITEA_FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'gitea-openapi', 'routes.json');

const BRANCH = { multiSegment: ['branch'] };

export const OPERATIONS: readonly OperationPick[] = [
  ['GET', '/repos/{owner}/{repo}/branches/{branch}', BRANCH],
  ['DELETE', '/repos/{owner}/{repo}/branches/{branch}', BRANCH],
  ['GET', '/repos/{owner}/{repo}/git/commits/{sha}'],
  ['GET', '/repos/{owner}/{repo}/git/trees/{sha}'],
  ['GET', '/repos/{owner}/{repo}/git/blobs/{sha}'],
  ['POST', '/repos/{owner}/{repo}/contents'],
  ['GET', '/repos/{owner}/{repo}/pulls'],
  ['POST', '/repos/{owner}/{repo}/pulls'],
  ['PATCH', '/repos/{owner}/{repo}/pulls/{index}'],
  ['GET', '/repos/{owner}/{repo}/labels'],
  ['POST', '/repos/{owner}/{repo}/labels'],
  ['POST', '/repos/{owner}/{repo}/issues/{index}/labels'],
  ['DELETE', '/repos/{owner}/{repo}/issues/{index}/labels/{id}'],
  ['POST', '/repos/{owner}/{repo}/statuses/{sha}'],
  ['GET', '/repos/{owner}/{repo}/commits/{ref}/status', { multiSegment: ['ref'] }],
];

if (require.main === module) {
  const [file, repository, where, commit] = process.argv.slice(2);
  if (!file || !repository || !where || !commit)
    throw new Error('usage: extract-openapi.ts <file> <repository> <path> <commit>');
  writeFixture(GITEA_FIXTURE, extractSwagger2(readJson(file), OPERATIONS, { repository, path: where, commit }));
}
