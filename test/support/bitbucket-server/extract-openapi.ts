/**
 * Writes `test/fixtures/bitbucket-openapi/routes.json`, the part of Bitbucket Cloud's Swagger 2.0 description
 * (`https://api.bitbucket.org/swagger.json`) the fake Bitbucket answers. The description has no operation ids, so
 * the fixture names each operation. Run with the folder of a copy split as MunifTanjim/node-bitbucket keeps it
 * (`specification/{others,paths,definitions}.json`) and where it came from:
 *
 *     ts-node --transpile-only test/support/bitbucket-server/extract-openapi.ts <folder> <repository> <path> <commit>
 */
import * as path from 'path';
import { OperationPick, extractSwagger2, readJson, writeFixture } from '../host-server/swagger2';

export const BITBUCKET_FIXTURE = path.resolve(__dirname, '..', '..', 'fixtures', 'bitbucket-openapi', 'routes.json');

const REPO = '/repositories/{workspace}/{repo_slug}';

export const OPERATIONS: readonly OperationPick[] = [
  ['GET', `${REPO}/refs/branches/{name}`, { id: 'getBranch', multiSegment: ['name'] }],
  ['DELETE', `${REPO}/refs/branches/{name}`, { id: 'deleteBranch', multiSegment: ['name'] }],
  ['GET', `${REPO}/commit/{commit}`, { id: 'getCommit' }],
  ['GET', `${REPO}/src/{commit}/{path}`, { id: 'getSource', multiSegment: ['path'] }],
  ['POST', `${REPO}/src`, { id: 'createCommitWithFiles' }],
  ['GET', `${REPO}/pullrequests`, { id: 'listPullRequests' }],
  ['POST', `${REPO}/pullrequests`, { id: 'createPullRequest' }],
  ['PUT', `${REPO}/pullrequests/{pull_request_id}`, { id: 'updatePullRequest' }],
  ['POST', `${REPO}/pullrequests/{pull_request_id}/decline`, { id: 'declinePullRequest' }],
  ['GET', `${REPO}/commit/{commit}/statuses`, { id: 'listCommitStatuses' }],
  ['POST', `${REPO}/commit/{commit}/statuses/build`, { id: 'createBuildStatus' }],
];

if (require.main === module) {
  const [folder, repository, where, commit] = process.argv.slice(2);
  if (!folder || !repository || !where || !commit)
    throw new Error('usage: extract-openapi.ts <folder> <repository> <path> <commit>');
  const spec = {
    ...readJson(path.join(folder, 'others.json')),
    paths: readJson(path.join(folder, 'paths.json')),
    definitions: readJson(path.join(folder, 'definitions.json')),
  };
  writeFixture(BITBUCKET_FIXTURE, extractSwagger2(spec, OPERATIONS, { repository, path: where, commit }));
}
