import { WORKLOAD_LABEL } from '../../core/layout/names';
import { ClusterType, DeploymentTarget } from '../../core/model/types';
import { AssignmentRef, ClusterTypeSelection, RendererField, Scope, TargetSelection } from './report';

/** Cluster types or deployment targets named one by one, at most this many; more make the scope a list. */
const MAX_NAMES = 5;
/** Labels shared by a set of objects that are tried in pairs (the pairs grow as the square). */
const MAX_PAIR_LABELS = 12;
const RENDERER_FIELDS: readonly RendererField[] = ['reconciler', 'namespaceService', 'configType'];

/**
 * The assignments a group's assignments are taken from, indexed to describe subsets of them: every assignment now
 * (added and changed ones), kept from before (changed ones), or every assignment before (removed ones).
 */
export class AssignmentUniverse {
  private readonly targetsOf = new Map<string, Set<string>>();
  private readonly countOfTarget = new Map<string, number>();
  private labelCounts?: { clusterTypes: Map<string, number>; targets: Map<string, number> };
  private indexed = false;

  /**
   * @param of what the universe is, for the description of all of it
   * @param size how many assignments it has (distinct pairs)
   * @param assignments its assignments, read when a subset is first described (a fleet-wide change needs only `size`)
   * @param clusterTypes the cluster types, by name, with their labels on this side
   * @param targets the deployment targets, by name, with their labels on this side
   */
  public constructor(
    public readonly of: 'environment' | 'kept',
    public readonly size: number,
    private readonly assignments: () => Iterable<AssignmentRef>,
    private readonly clusterTypes: ReadonlyMap<string, ClusterType>,
    private readonly targets: ReadonlyMap<string, DeploymentTarget>,
  ) {}

  private index(): void {
    if (this.indexed) return;
    this.indexed = true;
    for (const { clusterType, deploymentTarget } of this.assignments()) {
      let targets = this.targetsOf.get(clusterType);
      if (!targets) this.targetsOf.set(clusterType, (targets = new Set()));
      targets.add(deploymentTarget);
      this.countOfTarget.set(deploymentTarget, (this.countOfTarget.get(deploymentTarget) ?? 0) + 1);
    }
  }

  /** The smallest exact description of `assignments`, a subset of this universe without duplicates. */
  public describe(assignments: readonly AssignmentRef[]): Scope {
    const count = assignments.length;
    if (count === this.size) return { type: 'all', assignments: count, of: this.of };
    this.index();
    const onClusterType = new Map<string, number>();
    const targetNames = new Set<string>();
    for (const { clusterType, deploymentTarget } of assignments) {
      onClusterType.set(clusterType, (onClusterType.get(clusterType) ?? 0) + 1);
      targetNames.add(deploymentTarget);
    }
    const clusterTypeNames = [...onClusterType.keys()].sort();
    const list: Scope = { type: 'list', assignments: count };
    // Exact only when the assignments are every assignment of those cluster types × those targets.
    let rectangle = 0;
    for (const clusterType of clusterTypeNames) rectangle += this.countIn(clusterType, targetNames);
    if (rectangle !== count) return list;

    let ofTargets = 0;
    for (const target of targetNames) ofTargets += this.countOfTarget.get(target) ?? 0;
    let ofClusterTypes = 0;
    for (const clusterType of clusterTypeNames) ofClusterTypes += this.targetsOf.get(clusterType)?.size ?? 0;
    const clusterTypes: ClusterTypeSelection | undefined =
      ofTargets === count ? { by: 'all' } : this.selectClusterTypes(clusterTypeNames);
    // When the targets are on no other cluster types and the cluster types hold no other targets, either side alone
    // selects them: the targets are named.
    const deploymentTargets: TargetSelection | undefined =
      ofClusterTypes === count && clusterTypes?.by !== 'all'
        ? { by: 'all' }
        : this.selectTargets([...targetNames].sort());
    if (!clusterTypes || !deploymentTargets) return list;
    return {
      type: 'selection',
      clusterTypes,
      deploymentTargets,
      clusterTypeNames,
      deploymentTargetNames: [...targetNames].sort(),
      assignments: count,
    };
  }

  private countIn(clusterType: string, targets: ReadonlySet<string>): number {
    const on = this.targetsOf.get(clusterType);
    if (!on) return 0;
    let count = 0;
    if (on.size <= targets.size) {
      for (const target of on) if (targets.has(target)) count++;
    } else for (const target of targets) if (on.has(target)) count++;
    return count;
  }

  /** One name, a label, a renderer, two labels, or a few names: what selects exactly these among the universe's. */
  private selectClusterTypes(names: readonly string[]): ClusterTypeSelection | undefined {
    if (names.length === 1) return { by: 'names', names };
    const types = names.map((name) => this.clusterTypes.get(name));
    if (types.every((type) => type !== undefined)) {
      const counts = this.counts().clusterTypes;
      const universe = [...this.targetsOf.keys()].map((name) => this.clusterTypes.get(name));
      const labels = selectByLabels(
        types.map((type) => type.labels),
        counts,
      );
      if (labels) return { by: 'labels', labels };
      for (const field of RENDERER_FIELDS) {
        const renderer: string = types[0][field];
        if (!types.every((type) => type[field] === renderer)) continue;
        if (universe.filter((type) => type?.[field] === renderer).length === names.length)
          return { by: 'renderer', field, renderer };
      }
      const pair = selectByLabelPair(
        types.map((type) => type.labels),
        universe.map((type) => type?.labels ?? {}),
      );
      if (pair) return { by: 'labels', labels: pair };
    }
    return names.length <= MAX_NAMES ? { by: 'names', names } : undefined;
  }

  /** One name, a workload, a label, two labels, or a few names. */
  private selectTargets(names: readonly string[]): TargetSelection | undefined {
    if (names.length === 1) return { by: 'names', names };
    const targets = names.map((name) => this.targets.get(name));
    if (targets.every((target) => target !== undefined)) {
      const universe = [...this.countOfTarget.keys()].map((name) => this.targets.get(name)?.labels ?? {});
      const workload = targets[0].labels[WORKLOAD_LABEL];
      if (
        workload !== undefined &&
        targets.every((target) => target.labels[WORKLOAD_LABEL] === workload) &&
        universe.filter((labels) => labels[WORKLOAD_LABEL] === workload).length === names.length
      )
        return { by: 'workload', workload };
      const labelSets = targets.map((target) => target.labels);
      const labels = selectByLabels(labelSets, this.counts().targets) ?? selectByLabelPair(labelSets, universe);
      if (labels) return { by: 'labels', labels };
    }
    return names.length <= MAX_NAMES ? { by: 'names', names } : undefined;
  }

  /** How many of the universe's cluster types and targets carry each `key=value`. */
  private counts(): { clusterTypes: Map<string, number>; targets: Map<string, number> } {
    if (!this.labelCounts) {
      const count = (labelSets: Iterable<Readonly<Record<string, string>> | undefined>) => {
        const counts = new Map<string, number>();
        for (const labels of labelSets)
          for (const [key, value] of Object.entries(labels ?? {})) {
            const pair = labelPair(key, value);
            counts.set(pair, (counts.get(pair) ?? 0) + 1);
          }
        return counts;
      };
      this.labelCounts = {
        clusterTypes: count([...this.targetsOf.keys()].map((name) => this.clusterTypes.get(name)?.labels)),
        targets: count([...this.countOfTarget.keys()].map((name) => this.targets.get(name)?.labels)),
      };
    }
    return this.labelCounts;
  }
}

function labelPair(key: string, value: string): string {
  return `${key}\u0000${value}`;
}

/** The labels every one of the label sets has, with the same value, sorted by key. */
function sharedLabels(labelSets: readonly Readonly<Record<string, string>>[]): [string, string][] {
  const [first, ...rest] = labelSets;
  return Object.entries(first ?? {})
    .filter(([key, value]) => rest.every((labels) => labels[key] === value))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** A single `key=value` that the chosen objects share and no other object of the universe has. */
function selectByLabels(
  chosen: readonly Readonly<Record<string, string>>[],
  counts: ReadonlyMap<string, number>,
): Record<string, string> | undefined {
  for (const [key, value] of sharedLabels(chosen)) {
    if (key === WORKLOAD_LABEL) continue;
    if (counts.get(labelPair(key, value)) === chosen.length) return { [key]: value };
  }
  return undefined;
}

/** Two shared labels that together select exactly the chosen objects of the universe. */
function selectByLabelPair(
  chosen: readonly Readonly<Record<string, string>>[],
  universe: readonly Readonly<Record<string, string>>[],
): Record<string, string> | undefined {
  const shared = sharedLabels(chosen)
    .filter(([key]) => key !== WORKLOAD_LABEL)
    .slice(0, MAX_PAIR_LABELS);
  for (let i = 0; i < shared.length; i++) {
    for (let j = i + 1; j < shared.length; j++) {
      const [[k1, v1], [k2, v2]] = [shared[i], shared[j]];
      const selected = universe.filter((labels) => labels[k1] === v1 && labels[k2] === v2).length;
      if (selected === chosen.length) return { [k1]: v1, [k2]: v2 };
    }
  }
  return undefined;
}
