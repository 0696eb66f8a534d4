import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { decideWavePublication } from '../../core/rollout/rollout-publication';
import { ROLLOUT_STATE_FILE, RolloutState, formatRolloutState } from '../../core/rollout/rollout-state';
import { waveScope } from '../../core/rollout/wave-scope';
import type { PublicationShape, TargetBranch } from '../publish/publish';
import { EnvironmentRollout, environmentRollout } from './environment-rollout';
import { planDigest } from './plan-digest';
import { trackedRollout } from './tracking-file';
import { waveSection } from './wave-text';

/** The change a plan rolls out: the digest of its tree and its promoted commit. */
export function planChange(plan: Pick<EnvironmentPlan, 'files' | 'promotedCommit'>): RolloutState['change'] {
  return { digest: planDigest(plan.files), ...(plan.promotedCommit ? { promotedCommit: plan.promotedCommit } : {}) };
}

/**
 * The publication of wave `state.wave` (or nothing, with `hold`): the planned files of the cluster types of waves up
 * to it as the tracking file records them, the tracking file, and a body section naming the wave and what comes next.
 */
export function wavePublicationShape(
  plan: EnvironmentPlan,
  rollout: EnvironmentRollout,
  state: RolloutState,
  hold = false,
): PublicationShape {
  const last = state.wave === state.waves.length - 1;
  const rolledOut = new Set(hold ? [] : state.waves.slice(0, state.wave + 1).flatMap((wave) => wave.clusterTypes));
  const scoped = waveScope(plan, rolledOut, !hold && last);
  return {
    files: { ...scoped.files, [ROLLOUT_STATE_FILE]: formatRolloutState(state) },
    clusterTypes: scoped.clusterTypes,
    scope: scoped.scope,
    bodySections: [waveSection(rollout, state, hold)],
    complete: !hold && last,
  };
}

/**
 * How `kalypso publish` narrows an environment's publication when it has a RolloutPolicy (undefined without one: the
 * whole plan, as always): a new change proposes its first wave, the change in progress only as far as it went
 * (`decideWavePublication`). `where` names the branch in messages.
 */
export function rolloutPublication(
  environment: EnvironmentModel,
  plan: EnvironmentPlan,
  where: string,
): ((branch: TargetBranch) => Promise<PublicationShape>) | undefined {
  const rollout = environmentRollout(environment);
  if (!rollout) return undefined;
  return async (branch) => {
    const decision = decideFor(environment, rollout, plan, branch.commit, await trackedRollout(branch, where));
    return wavePublicationShape(plan, rollout, decision.state, decision.kind === 'hold');
  };
}

/** What to publish of `plan` on a branch at `branchCommit` whose tracking file holds `stored`. */
export function decideFor(
  environment: EnvironmentModel,
  rollout: EnvironmentRollout,
  plan: EnvironmentPlan,
  branchCommit: string,
  stored: RolloutState | undefined,
): ReturnType<typeof decideWavePublication> {
  return decideWavePublication({
    environment: environment.name,
    policy: rollout.policy.name,
    change: planChange(plan),
    branchCommit,
    waves: rollout.plan.waves,
    stored,
  });
}
