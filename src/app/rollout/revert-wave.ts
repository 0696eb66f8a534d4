import { PROMOTED_COMMIT_FILE } from '../../core/layout/names';
import { RolloutState } from '../../core/rollout/rollout-state';
import { GitError } from '../../io/git/git-runner';
import { GitTarget } from '../publish/git-target';
import { HostTarget } from '../publish/host-target';
import { PublishResult, PublishTarget, publishPlan } from '../publish/publish';
import { INPUTS_RECORD_PATH } from '../review/inputs-record';
import { RolloutSession, sessionHost } from './rollout-session';

/** The branch a revert is proposed from (a pull request's head, or with `--push` the branch pushed to). */
export function revertBranch(environment: string): string {
  return `kalypso-revert/${environment}`;
}

/** The hidden line that marks the revert request kalypso-cdk8s keeps for an environment. */
export function revertMarker(environment: string): string {
  return `<!-- kalypso-cdk8s revert: environment=${environment} -->`;
}

/**
 * Proposes the revert of a failed rollout: the cluster-type folders of the waves already rolled out (as the tracking
 * file records them) get back the content they had at the rollout's base commit — the promoted commit and the record
 * of the inputs published too when the last wave was out — and every other file, later waves included, is left as it
 * is. Proposed as its own request (`kalypso-revert/<environment>`), or pushed there (onto the branch itself with
 * `--direct`). Proposing it again changes nothing.
 */
export async function proposeRevert(session: RolloutSession, state: RolloutState): Promise<PublishResult> {
  const { plan } = session;
  const rolledOut = new Set(state.waves.slice(0, state.wave + 1).flatMap((wave) => wave.clusterTypes));
  const lastWasOut = state.wave === state.waves.length - 1;
  const owned = (path: string) =>
    path === PROMOTED_COMMIT_FILE ? lastWasOut : path.includes('/') && rolledOut.has(path.slice(0, path.indexOf('/')));
  // With the last wave out, the branch also recorded the rollout's inputs: they go back with the tree.
  const files = await filesAt(
    session,
    state.baseCommit,
    (path) => owned(path) || (lastWasOut && path === INPUTS_RECORD_PATH),
  );
  const record = files[INPUTS_RECORD_PATH] ?? null;
  delete files[INPUTS_RECORD_PATH];
  const target = await revertTarget(session);
  const failedWave = state.waves[state.wave];
  return publishPlan({ ...plan, assignments: [] }, target, {
    shape: async () => ({
      files,
      clusterTypes: [],
      scope: { ownsFolder: (folder) => rolledOut.has(folder), ownsPromotedCommit: lastWasOut },
      complete: false,
      ...(lastWasOut ? { record } : {}),
      bodySections: [
        [
          revertMarker(plan.environment),
          `### Revert: wave ${state.wave + 1} (${failedWave.name}) failed`,
          '',
          `Restores the cluster types of waves 1 to ${state.wave + 1} (${[...rolledOut].sort().join(', ') || 'none'}) to their content before the rollout (commit \`${state.baseCommit.slice(0, 12)}\`). Later waves were never touched.`,
        ].join('\n'),
      ],
    }),
  });
}

/** The files of `commit` that `wanted` keeps: through the Git host's API when it reads commits, else with git. */
async function filesAt(
  session: RolloutSession,
  commit: string,
  wanted: (path: string) => boolean,
): Promise<Record<string, string>> {
  const { destination, git } = session;
  if (destination.mode === 'pull-request') {
    const { host } = await sessionHost(session);
    if (host.readCommit) {
      const snapshot = await host.readCommit(commit);
      const contents = await host.readFiles(snapshot, [...snapshot.blobs.keys()].filter(wanted));
      return Object.fromEntries(contents);
    }
  }
  const repository = await git.cache.mirror(destination.repo);
  if (!(await repository.resolveCommit({ commit }).catch(() => undefined))) {
    throw new GitError(
      `the rollout's base commit ${commit} is not in ${destination.repo} any more; restore the waves by hand`,
    );
  }
  const entries = (await repository.listTree(commit)).filter((entry) => wanted(entry.path));
  const blobs = await repository.readBlobs(entries.map((entry) => entry.sha));
  return Object.fromEntries(entries.map((entry) => [entry.path, blobs.get(entry.sha)!.toString('utf8')]));
}

async function revertTarget(session: RolloutSession): Promise<PublishTarget> {
  const { destination, git, plan } = session;
  const direct = destination.head === destination.branch;
  if (destination.mode === 'push') {
    return new GitTarget(git.cache, {
      url: destination.repo,
      branch: destination.branch,
      pushTo: direct ? destination.branch : revertBranch(plan.environment),
    });
  }
  const { host, repository } = await sessionHost(session);
  return new HostTarget(host, {
    repository,
    branch: destination.branch,
    environment: plan.environment,
    head: revertBranch(plan.environment),
    marker: revertMarker(plan.environment),
  });
}
