import { loadFixture } from '../host-server/swagger2';
import { AZURE_DEVOPS_FIXTURE } from './extract-openapi';
import { LOCATIONS } from './locations';
import { AzureDevOpsServer } from './server';

const fixture = loadFixture(AZURE_DEVOPS_FIXTURE);

/** A route template's paths, as the library expands it: `{area}` and `{resource}` filled, a trailing `{…}` optional. */
function expansions(template: string, area: string, resource: string): string[] {
  const filled = `/{organization}/${template.replace('{area}', area).replace('{resource}', resource)}`.replace(
    /\{\*(\w+)\}/,
    '{$1}',
  );
  const shorter = filled.replace(/\/\{\w+\}$/, '');
  return shorter === filled ? [filled] : [filled, shorter];
}

describe('the fake Azure DevOps handshake', () => {
  test('routes every operation of the description through one advertised location', () => {
    const paths = LOCATIONS.git.flatMap((location) =>
      expansions(location.routeTemplate, location.area, location.resourceName).map((p) => p.toLowerCase()),
    );
    const unrouted = fixture.operations.filter((op) => !paths.includes(op.path.toLowerCase()));
    expect(unrouted.map((op) => `${op.method} ${op.path}`)).toEqual([]);
  });

  test('advertises the version of the description it is checked against', () => {
    expect(fixture.source.version).toBe('7.1');
    expect(new Set(LOCATIONS.git.map((location) => location.maxVersion))).toEqual(new Set(['7.1']));
  });
});

describe('the fake Azure DevOps', () => {
  let fake: AzureDevOpsServer;
  beforeEach(async () => {
    fake = await AzureDevOpsServer.start();
    fake.seed('main', { 'README.md': '# gitops\n' });
  });
  afterEach(() => fake.close());

  const call = (path: string, init: RequestInit = {}, accept = 'application/json') =>
    fetch(`${fake.collectionUrl}/project/_apis/git/repositories/gitops${path}`, {
      ...init,
      headers: { authorization: `Bearer ${fake.server.token}`, accept, ...(init.headers ?? {}) },
    });

  test('sends collections as { count, value }, taking api-version from the query', async () => {
    const answer = await call('/refs?api-version=7.1&filter=heads/main');
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({
      count: 1,
      value: [{ name: 'refs/heads/main', objectId: fake.branchSha('main') }],
    });
  });

  test('refuses a version above its own, as the service words it', async () => {
    const answer = await call('/refs', {}, 'application/json;api-version=7.2-preview.2');
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { message: string }).message).toBe(
      'The requested REST API version of 7.2 is out of range for this server. The latest REST API version for this server is 7.1.',
    );
  });

  test('refuses, and records, a request without api-version', async () => {
    expect((await call('/refs')).status).toBe(422);
    expect(fake.server.contractViolations()).toEqual([
      expect.objectContaining({
        kind: 'request',
        operationId: 'Refs_List',
        errors: [expect.stringMatching(/api-version/)],
      }),
    ]);
  });

  test('refuses, and records, a push whose change type is not one the description names', async () => {
    const push = {
      refUpdates: [{ name: 'refs/heads/main', oldObjectId: fake.branchSha('main') }],
      commits: [{ comment: 'c', changes: [{ changeType: 1, item: { path: '/a' }, newContent: { content: 'a' } }] }],
    };
    const answer = await call(
      '/pushes',
      {
        method: 'POST',
        body: JSON.stringify(push),
        headers: { 'content-type': 'application/json' },
      },
      'application/json;api-version=7.1',
    );
    expect(answer.status).toBe(422);
    expect(fake.server.contractViolations()[0]).toMatchObject({ kind: 'request', operationId: 'Pushes_Create' });
    expect(fake.read('main')).toEqual({ 'README.md': '# gitops\n' });
  });
});
