import * as fs from 'fs';
import * as path from 'path';
import { ExistingBaseRepo, planBaseRepoChange } from '../../../src/app/promotion/base-repo-change';
import { baseRepoDocument } from '../../../src/app/promotion/base-repo-file';

const COMMIT = '5523a85f37d12c0c7c10ab6616644db089fcd6f7';
const OLD = '42f2c201b96055faead8da72a126ec3e8fe30296';
const REPO = 'https://github.com/microsoft/kalypso-control-plane';
const UPSTREAM = path.join(__dirname, '../../fixtures/upstream/kalypso-control-plane');

describe('the BaseRepo document', () => {
  test("is byte for byte the sample's base-repo.yaml and upstream's template filled in as its cd workflow does", () => {
    const upstream = `apiVersion: scheduler.kalypso.io/v1alpha1
kind: BaseRepo
metadata:
  name: main
spec:
  repo: https://github.com/microsoft/kalypso-control-plane
  branch: main
  path: .
  commit: 5523a85f37d12c0c7c10ab6616644db089fcd6f7
`;
    expect(baseRepoDocument({ repo: REPO, commit: COMMIT })).toBe(upstream);
    expect(fs.readFileSync(path.join(UPSTREAM, 'dev/base-repo.yaml'), 'utf8')).toBe(upstream);
    const template = fs.readFileSync(
      path.join(UPSTREAM, 'main/.github/workflows/utils/baserepo-template.yaml'),
      'utf8',
    );
    // envsubst with branch=main, repo=<owner>/<name>, promoted_commit=<sha>
    expect(
      template
        .replace(/\$branch/g, 'main')
        .replace('$repo', 'microsoft/kalypso-control-plane')
        .replace('$promoted_commit', COMMIT),
    ).toBe(upstream);
  });

  test.each([
    ['a URL stays plain', 'https://github.com/org/cp', 'https://github.com/org/cp'],
    ['a local path stays plain', '/tmp/control-plane.git', '/tmp/control-plane.git'],
    ['a value YAML would misread is quoted', 'a: b #c', '"a: b #c"'],
    ['a boolean-looking value is quoted', 'yes', '"yes"'],
  ])('%s', (_name, repo, written) => {
    expect(baseRepoDocument({ repo, commit: COMMIT })).toContain(`\n  repo: ${written}\n`);
  });
});

describe('planBaseRepoChange', () => {
  const pin = (file: string, commit: string, documentsInFile = 1): ExistingBaseRepo => ({
    file,
    commit,
    documentsInFile,
  });
  const content = baseRepoDocument({ repo: REPO, commit: COMMIT });
  test.each([
    [
      'rewrites the file holding the BaseRepo "main"',
      [pin('config/base.yaml', OLD)],
      [],
      { kind: 'write', file: 'config/base.yaml', content, previousCommit: OLD },
    ],
    [
      'creates base-repo.yaml when the branch has none',
      [],
      ['cluster-types/drone.yaml'],
      { kind: 'write', file: 'base-repo.yaml', content },
    ],
    [
      'fills a BaseRepo that pins nothing',
      [pin('base-repo.yaml', '')],
      [],
      { kind: 'write', file: 'base-repo.yaml', content },
    ],
    [
      'changes nothing when the commit is already pinned (any spelling of it)',
      [pin('base-repo.yaml', COMMIT.toUpperCase())],
      [],
      { kind: 'unchanged', file: 'base-repo.yaml' },
    ],
    [
      'refuses to rewrite a file shared with other objects',
      [pin('all.yaml', OLD, 3)],
      [],
      {
        kind: 'refused',
        file: 'all.yaml',
        reason:
          'BaseRepo "main" shares all.yaml with other objects; move it to a file of its own so that promotion can rewrite it',
      },
    ],
    [
      'refuses two BaseRepos "main"',
      [pin('a.yaml', OLD), pin('b.yaml', OLD)],
      [],
      { kind: 'refused', file: 'b.yaml', reason: 'BaseRepo "main" is declared 2 times (a.yaml, b.yaml); keep one' },
    ],
    [
      'refuses to overwrite a base-repo.yaml holding something else',
      [],
      ['base-repo.yaml'],
      {
        kind: 'refused',
        file: 'base-repo.yaml',
        reason: 'base-repo.yaml exists and holds no BaseRepo "main"; it is not overwritten',
      },
    ],
  ])('%s', (_name, existing, files, expected) => {
    expect(planBaseRepoChange({ commit: COMMIT, repo: REPO, existing, files: new Set(files) })).toEqual(expected);
  });
});
