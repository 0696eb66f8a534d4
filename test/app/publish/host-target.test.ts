import { EnvironmentPlan } from '../../../src/core/plan/plan';
import { HostTarget } from '../../../src/app/publish/host-target';
import { GitHubHost } from '../../../src/io/hosts/github/github-host';
import { ownershipMarker } from '../../../src/app/publish/pull-request-text';
import { publishPlan } from '../../../src/app/publish/publish';
import { synthesize } from '../../../src/app/synthesize/synthesize';
import { GitHubServer, TestOctokit, createTestOctokit, startGitHubServer } from '../../support/github-server';
import { TUTORIAL, tutorialCopy } from '../../support/tutorial';
import * as fs from 'fs';
import * as path from 'path';
import { PROMOTED_COMMIT_FILE } from '../../../src/core/layout/names';
import { INPUTS_RECORD_PATH, recordInputs } from '../../../src/app/review/inputs-record';

const OWNER = 'platform-org';
const REPO = 'platform-gitops';
const UNMANAGED = {
  'README.md': '# platform gitops\n',
  '.github/workflows/check-promote.yaml': 'on: push\n',
  'docs/guide.md': 'how we work\n',
  'mine/README.md': 'my own notes\n',
};

let server: GitHubServer;
let octokit: TestOctokit;
let tutorialDev: EnvironmentPlan;

beforeAll(async () => {
  tutorialDev = await devPlan(TUTORIAL);
});

beforeEach(async () => {
  server = await startGitHubServer({ login: 'kalypso-bot' });
  octokit = await createTestOctokit(server, { retry: true, throttle: true });
  server.createRepo(OWNER, REPO, { defaultBranch: 'main' });
  server.seedBranch(OWNER, REPO, 'main', { 'README.md': '# platform gitops\n' });
  server.seedBranch(OWNER, REPO, 'dev', UNMANAGED);
});

afterEach(async () => {
  await server.close();
  expect(server.contractViolations()).toEqual([]);
});

async function devPlan(controlPlane: string): Promise<EnvironmentPlan> {
  const result = await synthesize({ controlPlane, environments: ['dev'] });
  expect(result.problems).toEqual([]);
  return result.plans[0];
}

function publish(plan: EnvironmentPlan = tutorialDev, client: TestOctokit = octokit) {
  return publishPlan(plan, gitHubTarget(client, 'dev'));
}

/** The target of the GitHub adapter, as `kalypso publish` makes it for a repository on GitHub. */
function gitHubTarget(client: TestOctokit, branch: string): HostTarget {
  return new HostTarget(new GitHubHost(client, { owner: OWNER, repo: REPO }), {
    repository: `${OWNER}/${REPO}`,
    branch,
    environment: 'dev',
  });
}

/** Requests that change something on GitHub; creating a tree object alone changes no branch, pull request or label. */
function writes(): string[] {
  return server
    .requests()
    .filter((request) => request.method !== 'GET' && request.operationId !== 'git/create-tree')
    .map((request) => `${request.method} ${request.operationId}`);
}

describe('publishing to GitHub', () => {
  test('opens the first pull request: one commit on kalypso/<env> from the base tip, labelled promoted', async () => {
    // WHEN
    const { outcome, proposal } = await publish();
    // THEN
    const [pull] = server.listPulls(OWNER, REPO);
    expect(outcome).toEqual({
      kind: 'pull-request',
      action: 'created',
      number: pull.number,
      url: expect.stringMatching(/\/pull\/1$/),
    });
    expect(pull).toMatchObject({
      state: 'open',
      title: 'Update manifests in dev',
      head: 'kalypso/dev',
      base: 'dev',
      user: 'kalypso-bot',
      labels: ['promoted'],
      baseSha: server.branchSha(OWNER, REPO, 'dev'),
    });
    expect(pull.body).toBe(proposal.body);
    expect(pull.body).toContain(ownershipMarker('dev'));
    expect(pull.body).toContain(
      '- **G1** on deployment target `hello-world-app-functional-test` (1 assignment), cause unknown (the previous control plane is not recorded)\n  - assignment added (placed by policy `functional-test-policy`)\n',
    );
    expect(pull.body).toContain('**Promoted control-plane commit:** `5523a85f37d12c0c7c10ab6616644db089fcd6f7`');
    expect(server.readBranch(OWNER, REPO, 'kalypso/dev')).toEqual({ ...UNMANAGED, ...tutorialDev.files });
    const head = await octokit.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: pull.headSha });
    expect(head.data.parents.map((parent) => parent.sha)).toEqual([server.branchSha(OWNER, REPO, 'dev')]);
    expect(head.data.message).toBe(proposal.commitMessage);
    expect(server.labels(OWNER, REPO)).toEqual(['promoted']);
  });

  test('updates the open pull request in place with a new commit replacing the old one', async () => {
    // GIVEN the tutorial merged, but for one cluster type, and the pull request adding it open
    const { 'small/README.md': _small, ...merged } = tutorialDev.files;
    server.seedBranch(OWNER, REPO, 'dev', { ...UNMANAGED, ...merged });
    const first = await publish();
    expect(first.outcome).toMatchObject({ action: 'created', number: 1 });
    // WHEN the drone config changes
    const copy = tutorialCopy();
    const config = path.join(copy, 'dev/cluster-types/drone/drone-config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('CLUSTER_NAME: Drone', 'CLUSTER_NAME: Drone 2'));
    const { outcome } = await publish(await devPlan(copy));
    // THEN
    expect(outcome).toMatchObject({ kind: 'pull-request', action: 'updated', number: 1 });
    const pulls = server.listPulls(OWNER, REPO);
    expect(pulls).toHaveLength(1);
    // Without a record on the branch, the config keys are read from its platform-config files.
    expect(pulls[0].body).toContain(
      '- **G1** on deployment target `hello-world-app-functional-test` (1 assignment), cause unknown (the previous control plane is not recorded)\n  - `CLUSTER_NAME`: `Drone` → `Drone 2`\n',
    );
    expect(pulls[0].body).toContain('### Other files\n\n- `small/README.md`\n');
    expect(
      server.readBranch(OWNER, REPO, 'kalypso/dev')['drone/hello-world-app-functional-test/platform-config.yaml'],
    ).toContain('CLUSTER_NAME: Drone 2');
    const head = await octokit.rest.git.getCommit({ owner: OWNER, repo: REPO, commit_sha: pulls[0].headSha });
    expect(head.data.parents.map((parent) => parent.sha)).toEqual([server.branchSha(OWNER, REPO, 'dev')]);
  });

  test('changes nothing on a second run with the same plan', async () => {
    await publish();
    const head = server.branchSha(OWNER, REPO, 'kalypso/dev');
    const before = server.requests().length;
    // WHEN
    const { outcome } = await publish();
    // THEN
    expect(outcome).toMatchObject({ kind: 'pull-request', action: 'unchanged', number: 1 });
    expect(server.branchSha(OWNER, REPO, 'kalypso/dev')).toBe(head);
    expect(
      server
        .requests()
        .slice(before)
        .filter((request) => request.method !== 'GET' && request.operationId !== 'git/create-tree'),
    ).toEqual([]);
  });

  test('writes nothing at all when the branch equals the plan and no pull request is open', async () => {
    server.seedBranch(OWNER, REPO, 'dev', { ...UNMANAGED, ...tutorialDev.files });
    const { outcome } = await publish();
    expect(outcome).toEqual({ kind: 'pull-request', action: 'none' });
    expect(server.requests().filter((request) => request.method !== 'GET')).toEqual([]);
    expect(server.branches(OWNER, REPO)).toEqual(['dev', 'main']);
  });

  test('closes its pull request and deletes kalypso/<env> once the branch already equals the plan', async () => {
    await publish();
    server.seedBranch(OWNER, REPO, 'dev', { ...UNMANAGED, ...tutorialDev.files }, 'Applied by hand');
    const { outcome } = await publish();
    expect(outcome).toMatchObject({ kind: 'pull-request', action: 'closed', number: 1 });
    expect(server.getPull(OWNER, REPO, 1)).toMatchObject({ state: 'closed', merged: false });
    expect(server.branches(OWNER, REPO)).toEqual(['dev', 'main']);
  });

  test('deletes stale files of managed folders: gone targets, gone cluster types, stale files in live targets', async () => {
    server.seedBranch(OWNER, REPO, 'dev', {
      ...UNMANAGED,
      'drone/README.md': tutorialDev.files['drone/README.md'],
      'drone/gone-target/reconciler.yaml': 'old\n',
      'drone/hello-world-app-functional-test/config.yaml': 'stale\n',
      'drone/stray.yaml': 'stray\n',
      'retired/README.md': tutorialDev.files['drone/README.md'],
      'retired/x/reconciler.yaml': 'old\n',
    });
    const { proposal } = await publish();
    expect(proposal.changes.deleted).toEqual([
      'drone/gone-target/reconciler.yaml',
      'drone/hello-world-app-functional-test/config.yaml',
      'drone/stray.yaml',
      'retired/README.md',
      'retired/x/reconciler.yaml',
    ]);
    expect(server.readBranch(OWNER, REPO, 'kalypso/dev')).toEqual({ ...UNMANAGED, ...tutorialDev.files });
    expect(server.listPulls(OWNER, REPO)[0].body).toContain(
      '- **G1** on deployment targets `gone-target`, `x` (2 assignments), cause unknown (the previous control plane is not recorded)\n  - assignment removed\n',
    );
  });

  test('keeps root files, other dot folders and unmanaged folders', async () => {
    await publish();
    const head = server.readBranch(OWNER, REPO, 'kalypso/dev');
    expect(Object.fromEntries(Object.keys(UNMANAGED).map((file) => [file, head[file]]))).toEqual(UNMANAGED);
  });

  test('labels the pull request promoted only while it changes the promoted commit', async () => {
    // GIVEN the promoted commit already merged
    server.seedBranch(OWNER, REPO, 'dev', {
      ...UNMANAGED,
      [PROMOTED_COMMIT_FILE]: tutorialDev.files[PROMOTED_COMMIT_FILE],
    });
    // WHEN only manifests change
    await publish();
    // THEN
    expect(server.listPulls(OWNER, REPO)[0].labels).toEqual([]);
    // WHEN a new commit is promoted
    const copy = tutorialCopy();
    const baseRepo = path.join(copy, 'dev/base-repo.yaml');
    fs.writeFileSync(
      baseRepo,
      fs.readFileSync(baseRepo, 'utf8').replace(/commit: \w+/, 'commit: 0123456789abcdef0123456789abcdef01234567'),
    );
    await publish(await devPlan(copy));
    // THEN
    const [pull] = server.listPulls(OWNER, REPO);
    expect(pull.labels).toEqual(['promoted']);
    expect(pull.body).toContain(
      '**Promoted control-plane commit:** `0123456789abcdef0123456789abcdef01234567` (was `5523a85f37d12c0c7c10ab6616644db089fcd6f7`)',
    );
    // WHEN the promotion is reverted before merging
    await publish();
    expect(server.listPulls(OWNER, REPO)[0].labels).toEqual([]);
  });

  test("leaves a human's open pull request into the same branch untouched", async () => {
    // GIVEN
    server.seedBranch(OWNER, REPO, 'alice/tweak', { ...UNMANAGED, 'docs/guide.md': 'better\n' });
    const human = server.openPullAsUser(OWNER, REPO, {
      user: 'alice',
      head: 'alice/tweak',
      base: 'dev',
      title: 'Tweak the guide',
      body: 'please review',
      labels: ['docs'],
    });
    const snapshot = () => {
      const { baseSha: _movesWithTheBase, ...pull } = server.getPull(OWNER, REPO, human)!;
      return pull;
    };
    const before = snapshot();
    // WHEN a pull request is opened, updated and closed
    await publish();
    server.seedBranch(OWNER, REPO, 'dev', { ...UNMANAGED, ...tutorialDev.files });
    await publish();
    // THEN
    expect(snapshot()).toEqual(before);
    expect(server.listPulls(OWNER, REPO).map((pull) => [pull.number, pull.user, pull.state])).toEqual([
      [human, 'alice', 'open'],
      [2, 'kalypso-bot', 'closed'],
    ]);
  });

  test('fails, writing nothing, when a pull request from kalypso/<env> is not its own', async () => {
    server.seedBranch(OWNER, REPO, 'kalypso/dev', { ...UNMANAGED, 'x.yaml': 'x\n' });
    server.openPullAsUser(OWNER, REPO, {
      user: 'alice',
      head: 'kalypso/dev',
      base: 'dev',
      title: 'Mine',
      body: 'hands off',
    });
    const head = server.branchSha(OWNER, REPO, 'kalypso/dev');
    await expect(publish()).rejects.toThrow(
      `pull request #1 from kalypso/dev into dev in ${OWNER}/${REPO} was not opened by this tool; it is left alone, and nothing was published (close it, or rename its branch)`,
    );
    expect(server.branchSha(OWNER, REPO, 'kalypso/dev')).toBe(head);
    expect(writes()).toEqual([]);
  });

  test('waits out a 403 rate limit and succeeds', async () => {
    server.failNext({ route: 'git/create-tree', status: 403, rateLimit: 'primary' });
    const { outcome } = await publish();
    expect(outcome).toMatchObject({ action: 'created' });
    expect(octokit.rateLimitEvents).toEqual([expect.objectContaining({ kind: 'primary', retryCount: 0 })]);
    expect(server.pendingFaults()).toBe(0);
  });

  test('retries a 500 answer and succeeds', async () => {
    server.failNext({ route: 'pulls/create', status: 500 });
    const { outcome } = await publish();
    expect(outcome).toMatchObject({ action: 'created', number: 1 });
    expect(server.listPulls(OWNER, REPO)).toHaveLength(1);
    expect(
      server
        .requests()
        .filter((request) => request.operationId === 'pulls/create')
        .map((request) => request.status),
    ).toEqual([500, 201]);
  });

  test("fails with GitHub's message on a 422 validation error", async () => {
    server.failNext({ route: 'pulls/create', status: 422, message: 'Validation Failed' });
    await expect(publish()).rejects.toThrow(
      `cannot open the pull request in ${OWNER}/${REPO}: GitHub answered 422 Validation Failed`,
    );
  });

  test('converges without duplicates when retried after a failure between the commit and the pull request', async () => {
    // GIVEN a run whose commit landed on kalypso/dev, and whose pull request creation failed past every retry
    server.failNext({ route: 'pulls/create', status: 502, times: 4 });
    await expect(publish()).rejects.toThrow(/cannot open the pull request/);
    expect(server.pendingFaults()).toBe(0);
    expect(server.branchSha(OWNER, REPO, 'kalypso/dev')).toBeDefined();
    expect(server.listPulls(OWNER, REPO)).toEqual([]);
    // WHEN it is run again
    const { outcome } = await publish();
    // THEN one pull request, holding the plan, and nothing more on a third run
    expect(outcome).toMatchObject({ action: 'created', number: 1 });
    expect(server.listPulls(OWNER, REPO)).toHaveLength(1);
    expect(server.readBranch(OWNER, REPO, 'kalypso/dev')).toEqual({ ...UNMANAGED, ...tutorialDev.files });
    const before = writes().length;
    expect((await publish()).outcome).toMatchObject({ action: 'unchanged' });
    expect(writes()).toHaveLength(before);
    expect(server.listPulls(OWNER, REPO)).toHaveLength(1);
  });

  test('with the record of the previous publish on the branch, the body names the ConfigMap that changed, with its file', async () => {
    // GIVEN the tutorial published and merged, with the record of its objects
    const merged = await synthesize({ controlPlane: TUTORIAL, environments: ['dev'] });
    const model = merged.model.environments[0];
    const first = await publishPlan(merged.plans[0], gitHubTarget(octokit, 'dev'), { dryRun: true, model });
    expect(first.proposal.changes.added).toContain(INPUTS_RECORD_PATH);
    server.seedBranch(OWNER, REPO, 'dev', { ...UNMANAGED, ...first.proposal.changes.writes });
    // WHEN the drone config changes
    const copy = tutorialCopy();
    const config = path.join(copy, 'dev/cluster-types/drone/drone-config.yaml');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('CLUSTER_NAME: Drone', 'CLUSTER_NAME: Drone 2'));
    const changed = await synthesize({ controlPlane: copy, environments: ['dev'] });
    const { proposal } = await publishPlan(changed.plans[0], gitHubTarget(octokit, 'dev'), {
      model: changed.model.environments[0],
    });
    // THEN
    const [pull] = server.listPulls(OWNER, REPO);
    expect(pull.body).toBe(proposal.body);
    expect(pull.body).toContain(
      '- **G1** on deployment target `hello-world-app-functional-test` (1 assignment), caused by ConfigMap `drone-config` (`dev/cluster-types/drone/drone-config.yaml:9:3`)\n  - `CLUSTER_NAME`: `Drone` → `Drone 2`\n',
    );
    expect(pull.body).not.toContain('not recorded');
    expect(proposal.changes.changed).toEqual([
      '.github/kalypso/control-plane.json',
      'drone/hello-world-app-functional-test/platform-config.yaml',
    ]);
    const record = server.readBranch(OWNER, REPO, 'kalypso/dev')[INPUTS_RECORD_PATH];
    expect(record).toBe(recordInputs(changed.model.environments[0]));
  });

  test('fails naming the branch when the GitOpsRepo branch does not exist', async () => {
    await expect(publishPlan(tutorialDev, gitHubTarget(octokit, 'prod'))).rejects.toThrow(
      `branch prod does not exist in ${OWNER}/${REPO}; create it before publishing`,
    );
  });
});
