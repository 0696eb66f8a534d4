import * as path from 'path';
import { formatFixture, loadFixture } from '../host-server/swagger2';
import { GITLAB_FIXTURE, extractGitLabFixture } from './extract-openapi';

const EXCERPT = path.resolve(__dirname, '..', '..', 'fixtures', 'gitlab-openapi', 'openapi_v2.excerpt.yaml');

describe("the fake GitLab's fixture", () => {
  test('is what the extraction makes of the committed excerpt of GitLab’s description', () => {
    const committed = loadFixture(GITLAB_FIXTURE);
    expect(formatFixture(extractGitLabFixture(EXCERPT, committed.source))).toBe(formatFixture(committed));
  });

  test('checks answers: every successful answer but the raw blob has a schema', () => {
    const unchecked = loadFixture(GITLAB_FIXTURE)
      .operations.filter((op) => op.method !== 'DELETE')
      .filter((op) => !Object.entries(op.responses).some(([status, r]) => /^2/.test(status) && r.schema))
      .map((op) => op.operationId);
    expect(unchecked).toEqual(['getApiV4ProjectsIdRepositoryBlobsShaRaw']);
  });
});
