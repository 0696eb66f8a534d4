import { matchesSelector } from '../scheduling/selector';
import { ClusterType } from '../model/types';
import { RolloutPolicySpec } from './rollout-policy';
import { compareStrings } from '../model/order';

/** The cluster types of one wave. */
export interface WaveMembership {
  readonly name: string;
  /** Sorted by name. */
  readonly clusterTypes: readonly string[];
}

/** The environment's cluster types ordered into waves. */
export interface WavePlan {
  readonly waves: readonly WaveMembership[];
  /** Cluster types no wave selects: they go with the last wave, so that none is left behind, and are reported. */
  readonly unselected: readonly string[];
}

/**
 * Orders cluster types into the policy's waves: each joins the first wave that names it or whose selector matches its
 * labels; one that no wave selects joins the last wave (a change must reach every cluster type in the end).
 */
export function assignWaves(
  spec: RolloutPolicySpec,
  clusterTypes: readonly Pick<ClusterType, 'name' | 'labels'>[],
): WavePlan {
  const members = spec.waves.map(() => [] as string[]);
  const unselected: string[] = [];
  for (const clusterType of [...clusterTypes].sort((a, b) => compareStrings(a.name, b.name))) {
    const index = spec.waves.findIndex(
      (wave) =>
        wave.clusterTypes?.includes(clusterType.name) || matchesSelector(clusterType.labels, wave.clusterTypeSelector),
    );
    if (index >= 0) members[index].push(clusterType.name);
    else {
      unselected.push(clusterType.name);
      members[members.length - 1]?.push(clusterType.name);
    }
  }
  return {
    waves: spec.waves.map((wave, index) => ({ name: wave.name, clusterTypes: members[index].sort() })),
    unselected,
  };
}

/** The cluster types of waves 0…`last` (inclusive). */
export function clusterTypesUpTo(plan: WavePlan, last: number): Set<string> {
  return new Set(plan.waves.slice(0, last + 1).flatMap((wave) => wave.clusterTypes));
}
