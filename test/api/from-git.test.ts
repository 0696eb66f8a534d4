import { App } from 'cdk8s';
import * as path from 'path';
import { ControlPlane } from '../../src';
import { ISOLATED_GIT_ENV, tutorialRepository } from '../support/git';
import { temporaryFolder } from '../support/temp';
import { planTree } from '../support/plans';
import { TUTORIAL, plannedTree } from '../support/tutorial';

describe('ControlPlane.fromGit', () => {
  test('reads a control plane from a git repository, branches straight from git objects', async () => {
    // GIVEN the tutorial committed to a bare repository (its BaseRepos pin the repository's own main commit)
    const repository = tutorialRepository();
    // WHEN
    const controlPlane = await ControlPlane.fromGit(new App(), 'Tutorial', repository.path, {
      cache: temporaryFolder(),
      env: { ...process.env, ...ISOLATED_GIT_ENV },
      sources: new Map([['./kalypso-app-src', path.join(TUTORIAL, 'kalypso-app-src')]]),
    });
    // THEN the same tree as the folder of branches, but for the promoted commit
    const fromGit = planTree(controlPlane.plan());
    const fromFolder = await plannedTree(TUTORIAL);
    expect(fromGit['dev/.github/tracking/Promoted_Commit_Id']).toBe(repository.main);
    const withoutPromoted = (tree: Record<string, string>) =>
      Object.fromEntries(Object.entries(tree).filter(([file]) => !file.endsWith('Promoted_Commit_Id')));
    expect(withoutPromoted(fromGit)).toEqual(withoutPromoted(fromFolder));
  });
});
