import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { ROLLOUT_STATE_FILE, RolloutState, formatRolloutState } from '../../core/rollout/rollout-state';
import { GitError } from '../../io/git/git-runner';
import { HostError } from '../../io/hosts/host-error';
import { repositoryName } from '../../io/hosts/host-selection';
import { PullRequestHost } from '../../io/hosts/pull-request-host';
import { UsageError } from '../errors';
import type { TargetBranch } from '../publish/publish';
import type { Destination, Publication } from '../publish/publish-environments';
import { GitServices } from '../setup/git-services';
import { HostAccess } from '../setup/host-access';
import { SynthResult } from '../synthesize/synthesize';
import { EnvironmentRollout, environmentRollout } from './environment-rollout';
import { trackedRollout } from './tracking-file';

/** One environment rolling out in waves, and where its platform GitOps branch is. */
export interface RolloutSession {
  readonly environment: EnvironmentModel;
  readonly plan: EnvironmentPlan;
  readonly rollout: EnvironmentRollout;
  readonly destination: Destination;
  readonly git: GitServices;
  readonly hosts: HostAccess;
}

/** The environment's branch as read, and the rollout its tracking file records. */
export interface RolloutOnBranch {
  readonly branch: TargetBranch;
  readonly state?: RolloutState;
}

/** The session of `environment`, which must have a RolloutPolicy and a destination. */
export function rolloutSession(
  result: Pick<SynthResult, 'model'>,
  publication: Publication,
  environment: string,
  services: { readonly git: GitServices; readonly hosts: HostAccess },
): RolloutSession {
  const entry = [...publication.destinations].find(([plan]) => plan.environment === environment);
  const model = result.model.environments.find((candidate) => candidate.name === environment);
  if (!entry || !model) throw new UsageError(`environment "${environment}" has nothing to roll out`);
  const rollout = environmentRollout(model);
  if (!rollout) {
    throw new UsageError(
      `environment "${environment}" has no RolloutPolicy: kalypso publish changes every cluster type at once and kalypso check promotes`,
    );
  }
  const [plan, destination] = entry;
  return { environment: model, plan, rollout, destination, ...services };
}

/** Reads the environment's branch and its tracking file. */
export async function readRollout(session: RolloutSession): Promise<RolloutOnBranch> {
  const branch = await session.destination.target.read();
  return { branch, state: await trackedRollout(branch, session.destination.target.description) };
}

/** The Git host of the session's repository (publishing with requests, not `--push`). */
export async function sessionHost(session: RolloutSession): Promise<{ host: PullRequestHost; repository: string }> {
  const located = session.hosts.locate(session.destination.repo);
  if ('problem' in located) throw new UsageError(`${session.destination.repo}: ${located.problem}`);
  const host = await session.hosts.open(located.repository, 'the rollout writes its tracking file and needs a token');
  return { host, repository: repositoryName(located.repository) };
}

/**
 * Commits the tracking file alone onto the environment's branch, which must still be at `expected` (what the
 * decision was made on): a branch that moved meanwhile (a wave merged) is never written over; run again. Returns the
 * new commit, or undefined when the branch already held exactly this.
 */
export async function writeTracking(
  session: RolloutSession,
  expected: string,
  state: RolloutState,
  message: string,
): Promise<string | undefined> {
  const { destination, git } = session;
  const content = formatRolloutState(state);
  const moved = `${destination.repo} branch ${destination.branch} moved while the rollout was decided; run again`;
  if (destination.mode === 'push') {
    const { repository, commit: tip } = await git.cache.fetchBranch(destination.repo, destination.branch, 1);
    if (tip !== expected) throw new GitError(moved);
    const base = (await repository.commit(tip)).tree;
    const tree = await repository.writeTree(base, [{ path: ROLLOUT_STATE_FILE, content }]);
    if (tree === base) return undefined;
    const commit = await repository.commitTree(tree, [tip], message);
    await repository.push(destination.repo, commit, destination.branch, { movedHint: '(run again)' });
    return commit;
  }
  const { host } = await sessionHost(session);
  const snapshot = await host.readBranch(destination.branch);
  if (snapshot?.commit !== expected) throw new HostError(moved);
  return host.commitToBranch({
    branch: destination.branch,
    message,
    files: { [ROLLOUT_STATE_FILE]: content },
    deletions: [],
  });
}
