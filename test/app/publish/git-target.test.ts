import { GitCache } from '../../../src/io/git/git-cache';
import { GitTarget } from '../../../src/app/publish/git-target';
import { publishPlan } from '../../../src/app/publish/publish';
import {
  BareRepository,
  branchCommit,
  commitFiles,
  createBareRepository,
  git,
  readBranchFiles,
  testGitRunner,
} from '../../support/git';
import { planWithFiles } from '../../support/plans';
import { temporaryFolder } from '../../support/temp';
import { CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE } from '../../../src/core/layout/names';

const README = CLUSTER_TYPE_README_TEXT;
const BRANCH = {
  'README.md': '# platform gitops\n',
  '.github/workflows/check-promote.yaml': 'on: push\n',
  'docs/guide.md': 'unmanaged\n',
  'drone/README.md': README,
  'drone/old-target/reconciler.yaml': 'old\n',
  'drone/kept-target/reconciler.yaml': 'same\n',
  'drone/kept-target/stale.yaml': 'stale\n',
};
const PLAN = planWithFiles({
  'drone/README.md': README,
  'drone/kept-target/reconciler.yaml': 'same\n',
  'drone/new-target/reconciler.yaml': 'new\n',
  [PROMOTED_COMMIT_FILE]: 'abc123',
});
const EXPECTED = {
  'README.md': '# platform gitops\n',
  '.github/workflows/check-promote.yaml': 'on: push\n',
  'docs/guide.md': 'unmanaged\n',
  'drone/README.md': README,
  'drone/kept-target/reconciler.yaml': 'same\n',
  'drone/new-target/reconciler.yaml': 'new\n',
  [PROMOTED_COMMIT_FILE]: 'abc123',
};

let gitops: BareRepository;
let cache: GitCache;
beforeEach(() => {
  gitops = createBareRepository('gitops.git');
  commitFiles(gitops, 'dev', BRANCH);
  cache = new GitCache(temporaryFolder(), testGitRunner());
});

const target = (pushTo = 'kalypso/dev') => new GitTarget(cache, { url: gitops.url, branch: 'dev', pushTo });

describe('GitTarget', () => {
  test('pushes one commit on top of the branch to kalypso/<env>: managed folders equal the plan, the rest is kept', async () => {
    const dev = branchCommit(gitops, 'dev');
    const { outcome, proposal } = await publishPlan(PLAN, target());
    expect(outcome).toEqual({
      kind: 'push',
      action: 'pushed',
      branch: 'kalypso/dev',
      commit: branchCommit(gitops, 'kalypso/dev'),
    });
    expect(readBranchFiles(gitops, 'kalypso/dev')).toEqual(EXPECTED);
    expect(git(['--git-dir', gitops.path, 'rev-parse', 'kalypso/dev^'])).toBe(dev);
    expect(git(['--git-dir', gitops.path, 'log', '-1', '--format=%an <%ae>%n%B', 'kalypso/dev'])).toBe(
      `Kalypso Scheduler <kalypso.scheduler@email.com>\n${proposal.commitMessage}`,
    );
    expect(branchCommit(gitops, 'dev')).toBe(dev);
    expect(proposal.changes).toMatchObject({
      added: [PROMOTED_COMMIT_FILE, 'drone/new-target/reconciler.yaml'],
      changed: [],
      deleted: ['drone/kept-target/stale.yaml', 'drone/old-target/reconciler.yaml'],
    });
  });

  test('does nothing on a second run with the same plan', async () => {
    await publishPlan(PLAN, target());
    const pushed = branchCommit(gitops, 'kalypso/dev');
    const { outcome } = await publishPlan(PLAN, target());
    expect(outcome).toEqual({ kind: 'push', action: 'up-to-date', branch: 'kalypso/dev', commit: pushed });
    expect(branchCommit(gitops, 'kalypso/dev')).toBe(pushed);
  });

  test('replaces kalypso/<env> when the plan changes, still on top of the branch', async () => {
    await publishPlan(PLAN, target());
    const changed = planWithFiles({ ...PLAN.files, 'drone/new-target/reconciler.yaml': 'newer\n' });
    const { outcome } = await publishPlan(changed, target());
    expect(outcome).toMatchObject({ kind: 'push', action: 'pushed' });
    expect(readBranchFiles(gitops, 'kalypso/dev')['drone/new-target/reconciler.yaml']).toBe('newer\n');
    expect(git(['--git-dir', gitops.path, 'rev-parse', 'kalypso/dev^'])).toBe(branchCommit(gitops, 'dev'));
  });

  test('does nothing when the branch already equals the plan', async () => {
    commitFiles(gitops, 'dev', EXPECTED);
    const { outcome, proposal } = await publishPlan(PLAN, target());
    expect(outcome).toEqual({ kind: 'push', action: 'none', branch: 'kalypso/dev' });
    expect(proposal.changes.added).toEqual([]);
    expect(branchCommit(gitops, 'kalypso/dev')).toBeUndefined();
  });

  test('with --direct, fast-forwards the branch itself', async () => {
    const dev = branchCommit(gitops, 'dev');
    const { outcome } = await publishPlan(PLAN, target('dev'));
    expect(outcome).toMatchObject({ kind: 'push', action: 'pushed', branch: 'dev' });
    expect(readBranchFiles(gitops, 'dev')).toEqual(EXPECTED);
    expect(git(['--git-dir', gitops.path, 'rev-parse', 'dev^'])).toBe(dev);
    expect((await publishPlan(PLAN, target('dev'))).outcome).toEqual({ kind: 'push', action: 'none', branch: 'dev' });
  });

  test('changes nothing on a dry run', async () => {
    const { outcome, proposal } = await publishPlan(PLAN, target(), { dryRun: true });
    expect(outcome).toEqual({ kind: 'dry-run' });
    expect(proposal.title).toBe('Update manifests in dev');
    expect(branchCommit(gitops, 'kalypso/dev')).toBeUndefined();
  });

  test('fails when someone else pushed kalypso/<env> meanwhile', async () => {
    const publishing = target();
    const branch = await publishing.read();
    commitFiles(gitops, 'kalypso/dev', { 'x.yaml': 'x\n' }, { parent: null });
    const { proposal } = await publishPlan(PLAN, target(), { dryRun: true });
    await expect(publishing.apply(branch, proposal)).rejects.toThrow(
      /cannot push to kalypso\/dev of file:.*\(the branch moved while publishing; run again\)/,
    );
  });

  test('fails with --direct when the branch moved meanwhile', async () => {
    const publishing = target('dev');
    const branch = await publishing.read();
    commitFiles(gitops, 'dev', { ...BRANCH, 'README.md': 'edited\n' });
    const { proposal } = await publishPlan(PLAN, target('dev'), { dryRun: true });
    await expect(publishing.apply(branch, proposal)).rejects.toThrow(
      /cannot push to dev of file:.*\(the branch moved while publishing; run again\)/,
    );
    expect(readBranchFiles(gitops, 'dev')['README.md']).toBe('edited\n');
  });

  test('fails naming the branch when it does not exist', async () => {
    await expect(
      publishPlan(PLAN, new GitTarget(cache, { url: gitops.url, branch: 'prod', pushTo: 'kalypso/prod' })),
    ).rejects.toThrow(`branch prod does not exist in ${gitops.url}; create it before publishing`);
  });
});
