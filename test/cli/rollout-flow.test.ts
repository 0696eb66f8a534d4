/**
 * Rollouts in waves end to end (docs/explanation/rollouts.md): the tutorial control plane, whose stage rolls out in two
 * waves (drone first, baked 10 minutes; then large, approved by command), a real bare repository as the platform
 * GitOps repository, and a fake Kubernetes API per cluster answering with Flux objects. "Merging" a proposal
 * fast-forwards the branch to it, as merging a pull request would.
 */
import * as fs from 'fs';
import * as path from 'path';
import { main } from '../../src/cli/cli';
import { ROLLOUT_STATE_FILE } from '../../src/core/rollout/rollout-state';
import { INPUTS_RECORD_PATH, recordInputs } from '../../src/app/review/inputs-record';
import { emptyState } from '../../src/app/review/review-context';
import { ROOT } from '../support/cli';
import {
  BareRepository,
  ISOLATED_GIT_ENV,
  branchCommit,
  commitFiles,
  createBareRepository,
  git,
  readBranchFiles,
  tutorialRepository,
} from '../support/git';
import { KustomizationState, clusterObjects } from '../support/flux-objects';
import { KubernetesServer, startKubernetesServer, writeKubeconfig } from '../support/kubernetes-server';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

const KUBE_TOKEN = 'kube-PLANTED-rollout-token-0123456789';
const APP_SOURCE = `./kalypso-app-src=${path.join(TUTORIAL, 'kalypso-app-src')}`;
const T0 = Date.parse('2026-05-04T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();

// Each test runs the command line some twenty times, each a whole pipeline: more than the default 30 s on a busy machine.
jest.setTimeout(180_000);

let drone: KubernetesServer;
let large: KubernetesServer;
beforeEach(async () => {
  drone = await startKubernetesServer({ token: KUBE_TOKEN });
  large = await startKubernetesServer({ token: KUBE_TOKEN });
});
afterEach(async () => {
  await Promise.all([drone.close(), large.close()]);
});

interface World {
  readonly controlPlane: BareRepository & { main: string };
  readonly gitops: BareRepository;
  readonly cache: string;
  readonly kubeconfig: string;
}

/** The tutorial control plane publishing to a bare repository whose stage branch was published before the change. */
function world(editStage: (files: Record<string, Buffer | string>) => void = () => undefined): World {
  const gitops = createBareRepository('gitops.git');
  commitFiles(gitops, 'stage', { 'README.md': '# stage\n' }, { message: 'The stage branch' });
  const controlPlane = tutorialRepository((branch, files) => {
    if (branch !== 'main') {
      files['gitops-repo.yaml'] = files['gitops-repo.yaml']
        .toString()
        .replace('https://github.com/microsoft/kalypso-gitops', gitops.path);
    }
    if (branch === 'stage') editStage(files);
    // dev pins another main commit, so that a promotion to it (--next dev) shows.
    if (branch === 'dev')
      files['base-repo.yaml'] = files['base-repo.yaml'].toString().replace(/commit: \w+/, `commit: ${'f'.repeat(40)}`);
  });
  return {
    controlPlane,
    gitops,
    cache: temporaryFolder(),
    kubeconfig: writeKubeconfig({ 'drone-1': drone, 'large-1': large }),
  };
}

async function kalypso(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main(
    argv,
    {
      stdout: (text) => (stdout += text),
      stderr: (text) => (stderr += text),
      cwd: ROOT,
      env: { ...process.env, ...ISOLATED_GIT_ENV },
    },
    {},
  );
  return { code, stdout, stderr };
}

const common = (w: World) => ['-c', w.controlPlane.path, '--env', 'stage', '--source', APP_SOURCE, '--cache', w.cache];
const publish = (w: World) => kalypso(['publish', ...common(w), '--push']);
const advance = (w: World, minutes: number, ...more: string[]) =>
  kalypso([
    'rollout',
    'advance',
    ...common(w),
    '--push',
    '--kubeconfig',
    w.kubeconfig,
    '--context',
    'drone-1',
    '--context',
    'large-1',
    '--now',
    at(minutes),
    ...more,
  ]);
const rollout = (w: World, action: string, minutes: number, ...more: string[]) =>
  kalypso(['rollout', action, ...common(w), '--push', '--now', at(minutes), ...more]);

/** Merges a proposal branch into stage (a fast-forward) and returns stage's new commit. */
function merge(w: World, head = 'kalypso/stage'): string {
  const commit = branchCommit(w.gitops, head)!;
  git(['--git-dir', w.gitops.path, 'merge-base', '--is-ancestor', branchCommit(w.gitops, 'stage')!, commit]);
  git(['--git-dir', w.gitops.path, 'update-ref', 'refs/heads/stage', commit]);
  return commit;
}

/** The clusters report on stage's current commit. */
function clusters(w: World, states: { drone?: KustomizationState['kind']; large?: KustomizationState['kind'] }) {
  const commit = branchCommit(w.gitops, 'stage')!;
  const previous = 'e'.repeat(40);
  const state = (kind: KustomizationState['kind'] | undefined): KustomizationState =>
    kind === 'failed'
      ? { kind, commit, previous, reason: 'HealthCheckFailed', message: 'timeout waiting for Deployment/app' }
      : kind === 'reconciling'
        ? { kind, commit, previous }
        : kind === 'stale' || kind === undefined
          ? { kind: 'stale', previous }
          : { kind: 'applied', commit };
  const url = `file://${w.gitops.path}`;
  drone.objects = clusterObjects({ url, branch: 'stage', clusterType: 'drone', state: state(states.drone), commit });
  large.objects = clusterObjects({ url, branch: 'stage', clusterType: 'large', state: state(states.large), commit });
}

const devPin = (w: World) => /commit: (\w+)/.exec(readBranchFiles(w.controlPlane, 'dev')['base-repo.yaml'])![1];
const tracking = (w: World, branch = 'stage') => JSON.parse(readBranchFiles(w.gitops, branch)[ROLLOUT_STATE_FILE]);
const refs = (w: World) => git(['--git-dir', w.gitops.path, 'for-each-ref', '--format=%(refname) %(objectname)']);
const folder = (files: Record<string, string>, name: string) =>
  Object.fromEntries(Object.entries(files).filter(([file]) => file.startsWith(`${name}/`)));

/** Publishes the first wave and merges it; returns the branch before and the files of the first wave. */
async function firstWaveOut(w: World) {
  const before = readBranchFiles(w.gitops, 'stage');
  const published = await publish(w);
  expect(published).toMatchObject({ code: 0, stderr: '' });
  merge(w);
  return before;
}

describe('a rollout in two waves', () => {
  test('publish proposes only the first wave; bake time, approval by command, then complete — re-runs write nothing', async () => {
    const w = world();
    const published = await publish(w);
    expect(published).toMatchObject({ code: 0, stderr: '' });
    const proposal = readBranchFiles(w.gitops, 'kalypso/stage');
    // Wave 1 (drone) only: large keeps its (empty) published content, the promoted commit moves with the last wave.
    expect(Object.keys(proposal).filter((file) => file.startsWith('drone/')).length).toBeGreaterThan(1);
    expect(Object.keys(proposal).filter((file) => file.startsWith('large/'))).toEqual([]);
    expect(proposal['.github/tracking/Promoted_Commit_Id']).toBeUndefined();
    expect(JSON.parse(proposal[ROLLOUT_STATE_FILE])).toMatchObject({
      environment: 'stage',
      policy: 'stage-rollout',
      wave: 0,
      status: 'in-progress',
      waves: [
        { name: 'edge', clusterTypes: ['drone'] },
        { name: 'everything-else', clusterTypes: ['large'] },
      ],
    });
    const body = git(['--git-dir', w.gitops.path, 'log', '-1', '--format=%B', 'kalypso/stage']);
    expect(body).toContain('Update manifests in stage');
    // Publishing again proposes exactly the same: nothing is pushed.
    const refsBefore = refs(w);
    expect((await publish(w)).stdout).toContain('already holds this change');
    expect(refs(w)).toBe(refsBefore);

    const dry = await kalypso(['publish', ...common(w), '--push', '--dry-run']);
    expect(dry.stdout).toContain('### Rollout in waves: wave 1 of 2 (edge)');
    expect(dry.stdout).toContain(
      '**Next:** once wave 1 passes its gate (bake 10m), `kalypso rollout advance` proposes wave 2 (everything-else).',
    );

    // Merged; the drone cluster applies it: the wave is compliant, and bakes.
    merge(w);
    clusters(w, { drone: 'applied', large: 'stale' });
    const baking = await advance(w, 0);
    expect(baking).toMatchObject({ code: 0, stderr: '' });
    expect(baking.stdout).toContain('stage: wave 1 of 2 (edge): 1 of 1 cluster compliant');
    expect(baking.stdout).toContain(
      'waiting: wave "edge" is baking: 0m of 10m since it was compliant (recorded in stage',
    );
    expect(tracking(w)).toMatchObject({ wave: 0, compliantSince: at(0) });

    // kalypso check leaves the promotion of an environment rolling out in waves to the rollout.
    clusters(w, { drone: 'applied', large: 'applied' });
    const check = await kalypso([
      'check',
      '-c',
      w.controlPlane.path,
      '--cache',
      w.cache,
      '--env',
      'stage',
      '--commit',
      branchCommit(w.gitops, 'stage')!,
      '--promoted',
      w.controlPlane.main,
      '--next',
      'dev',
      '--push',
      '--no-status',
      '--kubeconfig',
      w.kubeconfig,
      '--context',
      'drone-1',
      '--context',
      'large-1',
      '--timeout',
      '10s',
      '--interval',
      '1s',
    ]);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain(
      'stage: rolling out in waves (wave 1 of 2, in-progress); kalypso rollout advance promotes to dev after the last wave',
    );
    expect(devPin(w)).toBe('f'.repeat(40));

    // The record is a commit of the tracking file alone; the clusters apply it too.
    clusters(w, { drone: 'applied', large: 'stale' });
    const refsBaking = refs(w);
    const still = await advance(w, 5);
    expect(still.stdout).toContain('wave "edge" is baking: 5m of 10m');
    expect(refs(w)).toBe(refsBaking);

    // Baked: wave 2 is proposed: every cluster type and the promoted commit.
    const next = await advance(w, 11);
    expect(next).toMatchObject({ code: 0, stderr: '' });
    expect(next.stdout).toContain('wave 2 of 2 (everything-else) proposed: pushed');
    const second = readBranchFiles(w.gitops, 'kalypso/stage');
    expect(Object.keys(second).filter((file) => file.startsWith('large/')).length).toBeGreaterThan(1);
    expect(second['.github/tracking/Promoted_Commit_Id']).toBe(w.controlPlane.main);
    expect(JSON.parse(second[ROLLOUT_STATE_FILE])).toMatchObject({ wave: 1, status: 'in-progress' });
    expect(JSON.parse(second[ROLLOUT_STATE_FILE]).compliantSince).toBeUndefined();
    // Advancing again before the merge proposes the same.
    const refsProposed = refs(w);
    await advance(w, 12);
    expect(refs(w)).toBe(refsProposed);

    // Merged and applied: the wave waits for its approval.
    merge(w);
    clusters(w, { drone: 'applied', large: 'applied' });
    const unapproved = await advance(w, 20);
    expect(unapproved.stdout).toContain('waits for approval (kalypso rollout approve)');
    clusters(w, { drone: 'applied', large: 'applied' });
    expect((await advance(w, 21)).stdout).toContain('waits for approval');

    const approved = await rollout(w, 'approve', 22, '--by', 'alice');
    expect(approved).toMatchObject({ code: 0, stderr: '' });
    expect(approved.stdout).toContain('stage: approved wave 2 (everything-else) by alice: recorded in');
    const refsApproved = refs(w);
    expect((await rollout(w, 'approve', 23, '--by', 'alice')).stdout).toContain('already approved by alice');
    expect(refs(w)).toBe(refsApproved);

    clusters(w, { drone: 'applied', large: 'applied' });
    const done = await advance(w, 24, '--promoted', w.controlPlane.main, '--no-status');
    expect(done).toMatchObject({ code: 0 });
    expect(done.stdout).toContain(
      'stage: rollout complete: wave "everything-else" is compliant, baked and approved by alice',
    );
    expect(done.stdout).toContain('stage: the last environment; the promotion is complete');
    expect(tracking(w)).toMatchObject({ status: 'complete', wave: 1 });
    // Complete: the rollout promotes the commit it carried to the next environment (idempotent, on every run).
    const promoted = await advance(w, 25, '--promoted', w.controlPlane.main, '--next', 'dev', '--no-status');
    expect(promoted.stdout).toContain(`dev: promoted main ${w.controlPlane.main.slice(0, 12)}: wrote base-repo.yaml`);
    expect(devPin(w)).toBe(w.controlPlane.main);

    // Complete: advancing, publishing and asking again change nothing.
    const refsDone = refs(w);
    await advance(w, 30);
    await publish(w);
    expect(refs(w)).toBe(refsDone);
    const status = await rollout(w, 'status', 31, '--json');
    expect(JSON.parse(status.stdout)).toMatchObject({
      environment: 'stage',
      policy: 'stage-rollout',
      current: true,
      state: { status: 'complete' },
      next: 'complete: every wave passed',
    });
  });

  test('a failure in wave 1 stops the rollout and proposes a revert of wave 1; wave 2 is never touched', async () => {
    const w = world();
    const before = await firstWaveOut(w);
    const stageBefore = readBranchFiles(w.gitops, 'stage');
    expect(folder(stageBefore, 'drone')).not.toEqual(folder(before, 'drone'));
    clusters(w, { drone: 'failed', large: 'applied' });
    const failed = await advance(w, 0);
    expect(failed.code).toBe(4);
    expect(failed.stdout).toContain(
      'stage: wave 1 of 2 (edge) failed: 1 cluster of wave "edge" failed (at most 0 may)',
    );
    expect(failed.stdout).toContain('stage: revert of the waves already out proposed: pushed');
    expect(tracking(w)).toMatchObject({ status: 'failed', wave: 0 });

    const revert = readBranchFiles(w.gitops, 'kalypso-revert/stage');
    expect(folder(revert, 'drone')).toEqual(folder(before, 'drone'));
    expect(folder(revert, 'large')).toEqual(folder(stageBefore, 'large'));
    expect(revert[ROLLOUT_STATE_FILE]).toBe(readBranchFiles(w.gitops, 'stage')[ROLLOUT_STATE_FILE]);
    const message = git(['--git-dir', w.gitops.path, 'log', '-1', '--format=%B', 'kalypso-revert/stage']);
    expect(message).toContain('Update manifests in stage');

    // Again: the same revert, nothing new; publishing the failed change holds it.
    const refsFailed = refs(w);
    expect((await advance(w, 1)).code).toBe(4);
    await publish(w);
    expect(refs(w)).toBe(refsFailed);
    merge(w, 'kalypso-revert/stage');
    expect(folder(readBranchFiles(w.gitops, 'stage'), 'drone')).toEqual(folder(before, 'drone'));
    expect((await rollout(w, 'resume', 2)).stderr).toContain('cannot resume the rollout of stage: it is failed');
  });

  test.each([
    ['a record of the inputs it was published from', recordInputs(emptyState('stage').model)],
    ['no record', undefined],
  ])(
    'a failure in the last wave reverts every wave, the promoted commit and the record (base: %s)',
    async (_, recorded) => {
      // GIVEN a base commit with or without a record of what it was published from (a publish before the rollout writes one)
      const w = world();
      if (recorded) commitFiles(w.gitops, 'stage', { 'README.md': '# stage\n', [INPUTS_RECORD_PATH]: recorded });
      const before = await firstWaveOut(w);
      expect(before[INPUTS_RECORD_PATH]).toBe(recorded);
      // Wave 1 passes its bake time; wave 2 is proposed and merged: the record now holds the rollout's inputs.
      clusters(w, { drone: 'applied', large: 'stale' });
      await advance(w, 0);
      clusters(w, { drone: 'applied', large: 'stale' });
      expect((await advance(w, 11)).stdout).toContain('wave 2 of 2 (everything-else) proposed: pushed');
      merge(w);
      const rolledOut = readBranchFiles(w.gitops, 'stage');
      expect(rolledOut[INPUTS_RECORD_PATH]).toContain('"clusterTypes"');
      expect(rolledOut[INPUTS_RECORD_PATH]).not.toBe(recorded);
      expect(rolledOut['.github/tracking/Promoted_Commit_Id']).toBe(w.controlPlane.main);

      // WHEN a cluster of the last wave fails
      clusters(w, { drone: 'applied', large: 'failed' });
      const failed = await advance(w, 20);
      expect(failed.code).toBe(4);
      expect(failed.stdout).toContain('stage: revert of the waves already out proposed: pushed');

      // THEN the revert restores both waves, the promoted commit (absent before) and the record of the inputs
      const revert = readBranchFiles(w.gitops, 'kalypso-revert/stage');
      expect(folder(revert, 'drone')).toEqual(folder(before, 'drone'));
      expect(folder(revert, 'large')).toEqual(folder(before, 'large'));
      expect(revert['.github/tracking/Promoted_Commit_Id']).toBe(before['.github/tracking/Promoted_Commit_Id']);
      expect(revert[INPUTS_RECORD_PATH]).toBe(recorded);
    },
  );

  test('pause stops advancing until resume; abort ends the rollout', async () => {
    const w = world();
    await firstWaveOut(w);
    const paused = await rollout(w, 'pause', 0);
    expect(paused).toMatchObject({ code: 0, stderr: '' });
    expect(paused.stdout).toContain('stage: paused at wave 1 (edge): recorded in');
    clusters(w, { drone: 'applied', large: 'stale' });
    const refsPaused = refs(w);
    const waiting = await advance(w, 30);
    expect(waiting.stdout).toBe('stage: paused at wave 1 of 2 (edge): paused; kalypso rollout resume continues\n');
    expect(refs(w)).toBe(refsPaused);

    expect((await rollout(w, 'resume', 31)).stdout).toContain('stage: in-progress at wave 1 (edge)');
    clusters(w, { drone: 'applied', large: 'stale' });
    expect((await advance(w, 32)).stdout).toContain('wave "edge" is baking: 0m of 10m');
    expect((await rollout(w, 'abort', 33)).stdout).toContain('stage: aborted at wave 1 (edge)');
    const status = await rollout(w, 'status', 34);
    expect(status.stdout).toContain('rollout: aborted, wave 1 of 2 (edge)');
    expect(status.stdout).toContain('next: aborted: a new change starts a new rollout');
  });

  test('a freeze keeps the next wave from starting until it ends; windows are read in their time zone', async () => {
    const w = world((files) => {
      files['rollout/rollout-policy.yaml'] = `${files['rollout/rollout-policy.yaml'].toString()}  windows:
    allowed:
      - days: [Mon, Tue, Wed, Thu, Fri]
        start: "09:00"
        end: "17:00"
        timeZone: Europe/Berlin
    freezes:
      - from: "2026-05-04T12:00:00+02:00"
        to: "2026-05-04T14:00:00+02:00"
        reason: release freeze
`;
    });
    await firstWaveOut(w);
    clusters(w, { drone: 'applied', large: 'stale' });
    await advance(w, 0);
    clusters(w, { drone: 'applied', large: 'stale' });
    // 10:00Z + 15m is 12:15 in Berlin: frozen.
    const frozen = await advance(w, 15);
    expect(frozen.stdout).toContain(
      'wave 2 waits: frozen until 2026-05-04T14:00:00+02:00 (release freeze); opens at 2026-05-04T12:00:00.000Z',
    );
    expect(JSON.parse(readBranchFiles(w.gitops, 'kalypso/stage')[ROLLOUT_STATE_FILE])).toMatchObject({ wave: 0 });
    // 15:30Z is 17:30 in Berlin: outside the allowed window.
    const late = await advance(w, 330);
    expect(late.stdout).toContain('wave 2 waits: outside the allowed windows');
    // The next morning, 07:00Z (09:00 in Berlin): wave 2 is proposed.
    const morning = await advance(w, 21 * 60);
    expect(morning.stdout).toContain('wave 2 of 2 (everything-else) proposed');
  });

  test('killed between recording the failure and proposing the revert, the next run proposes the revert', async () => {
    const w = world();
    const before = await firstWaveOut(w);
    const hook = path.join(w.gitops.path, 'hooks', 'pre-receive');
    fs.writeFileSync(hook, '#!/bin/sh\nwhile read old new ref; do case "$ref" in *revert*) exit 1;; esac; done\n', {
      mode: 0o755,
    });
    clusters(w, { drone: 'failed', large: 'applied' });
    const crashed = await advance(w, 0);
    expect(crashed.code).toBe(2);
    expect(tracking(w)).toMatchObject({ status: 'failed' });
    expect(branchCommit(w.gitops, 'kalypso-revert/stage')).toBeUndefined();
    fs.rmSync(hook);
    const resumed = await advance(w, 5);
    expect(resumed.code).toBe(4);
    expect(resumed.stdout).toContain('revert of the waves already out proposed: pushed');
    expect(folder(readBranchFiles(w.gitops, 'kalypso-revert/stage'), 'drone')).toEqual(folder(before, 'drone'));
  });

  test('a cluster type added mid-rollout makes a new change: a new rollout starts at wave 1, the waves out keep their content', async () => {
    const w = world();
    await firstWaveOut(w);
    const stageOut = readBranchFiles(w.gitops, 'stage');
    const stageCommit = branchCommit(w.gitops, 'stage')!;
    // A second edge cluster type joins stage's control plane.
    const files = readBranchFiles(w.controlPlane, 'stage');
    files['cluster-types/china-north-3/tiny/tiny-cluster-type.yaml'] = files[
      'cluster-types/china-north-3/drone/drone-cluster-type.yaml'
    ].replace('name: drone', 'name: tiny');
    commitFiles(w.controlPlane, 'stage', files, { message: 'A tiny edge cluster type' });

    const status = await rollout(w, 'status', 0);
    expect(status.stdout).toContain('rollout: in-progress, wave 1 of 2 (edge) — of an earlier change');
    expect(status.stdout).toContain('next: the control plane plans a new change');

    const published = await publish(w);
    expect(published).toMatchObject({ code: 0, stderr: '' });
    const proposal = readBranchFiles(w.gitops, 'kalypso/stage');
    expect(JSON.parse(proposal[ROLLOUT_STATE_FILE])).toMatchObject({
      wave: 0,
      status: 'in-progress',
      baseCommit: stageCommit,
      waves: [
        { name: 'edge', clusterTypes: ['drone', 'tiny'] },
        { name: 'everything-else', clusterTypes: ['large'] },
      ],
    });
    expect(Object.keys(folder(proposal, 'tiny')).length).toBeGreaterThan(0);
    expect(folder(proposal, 'large')).toEqual(folder(stageOut, 'large'));
    // advance proposes the same as publish: nothing new.
    const refsBefore = refs(w);
    clusters(w, { drone: 'applied', large: 'stale' });
    expect((await advance(w, 1)).stdout).toContain('wave 1 of 2 (edge) proposed, a new rollout');
    expect(refs(w)).toBe(refsBefore);
  });
});
