import { ConfigContribution } from '../../core/config/platform-config';
import { ClusterType, DeploymentTarget, EnvironmentModel, Template, originRef } from '../../core/model/types';
import { EnvironmentPlan, PlannedAssignment } from '../../core/plan/plan';
import { ConfigComparison, valueText } from './config-changes';
import { InputChange, RendererField, ReviewState } from './report';

/** `.ConfigData`, or the whole template context passed on (`toYaml .`, `(include "x" $)`). */
const READS_CONFIG = /ConfigData|(^|[\s(|{])[.$](\s|\)|\}\}|$)/m;

/** Where a deployment target was read: not part of what it is. */
const TARGET_LOCATION_FIELDS = new Set(['source', 'sourcePath', 'configSchemaPaths']);

/** An empty environment: the state before the first publish. */
export function emptyState(environment: string): ReviewState {
  const model: EnvironmentModel = {
    name: environment,
    branch: environment,
    clusterTypes: [],
    schedulingPolicies: [],
    deploymentTargets: [],
    workloads: [],
    workloadRegistrations: [],
    templates: [],
    configSchemas: [],
    configMaps: [],
    baseRepos: [],
    gitOpsRepos: [],
    rolloutPolicies: [],
  };
  const plan: EnvironmentPlan = {
    environment,
    clusterTypes: [],
    files: {},
    assignments: [],
    failedFolders: [],
    deploymentTargets: [],
    problems: [],
  };
  return { model, plan };
}

/** One side of the comparison, indexed for lookups by name. */
export class IndexedState {
  public readonly assignments = new Map<string, PlannedAssignment>();
  public readonly clusterTypes: ReadonlyMap<string, ClusterType>;
  public readonly targets: ReadonlyMap<string, DeploymentTarget>;
  public readonly templates: ReadonlyMap<string, Template>;
  public readonly failedFolders: ReadonlySet<string>;

  public constructor(public readonly state: ReviewState) {
    for (const assignment of state.plan.assignments)
      this.assignments.set(folderOf(assignment.clusterType, assignment.deploymentTarget), assignment);
    this.clusterTypes = new Map(state.model.clusterTypes.map((clusterType) => [clusterType.name, clusterType]));
    this.targets = new Map(state.plan.deploymentTargets.map((target) => [target.name, target]));
    this.templates = new Map(state.model.templates.map((template) => [template.name, template]));
    this.failedFolders = new Set(state.plan.failedFolders);
  }

  public get files(): Readonly<Record<string, string>> {
    return this.state.plan.files;
  }

  /**
   * Whether the cluster type's renderer for `field` is a Template of this state that may read the config: one that
   * names `.ConfigData`, or hands the whole context (`.` or `$`) to a function. Other Templates cannot see it.
   */
  public templateReadsConfig(clusterType: string, field: RendererField): boolean {
    const type = this.clusterTypes.get(clusterType);
    const template = type && this.templates.get(type[field]);
    return template !== undefined && template.manifests.some((text) => READS_CONFIG.test(text));
  }
}

export function folderOf(clusterType: string, deploymentTarget: string): string {
  return `${clusterType}/${deploymentTarget}`;
}

/**
 * Both sides and the input changes, with the lookups attributing an output change to its causes: which input changes
 * touch a cluster type, a deployment target, a renderer or a config key.
 */
export class ReviewContext {
  public readonly inputs: ReadonlyMap<string, InputChange>;
  /** Compares the platform config of kept assignments. */
  public readonly config: ConfigComparison;
  private readonly targetCauses = new Map<string, readonly string[]>();
  private readonly rendererCausesOf = new Map<string, readonly string[]>();
  private readonly configCausesOf = new WeakMap<object, WeakMap<object, readonly string[]>>();

  public constructor(
    public readonly previous: IndexedState,
    public readonly next: IndexedState,
    inputs: readonly InputChange[],
    treeBaseline = false,
  ) {
    this.inputs = new Map(inputs.map((input) => [input.ref, input]));
    this.config = new ConfigComparison(
      previous,
      next,
      inputs.filter((input) => input.kind === 'ConfigMap').map((input) => input.name),
      // Compared with a tree, the previous config is what its files hold: every key is compared.
      (assignment) =>
        treeBaseline ||
        this.clusterTypeCause(assignment.clusterType, 'labels').length > 0 ||
        this.targetCause(assignment.deploymentTarget).length > 0,
    );
  }

  /** The input change of `ref`, when there is one. */
  public changed(ref: string): InputChange | undefined {
    return this.inputs.get(ref);
  }

  /** `ClusterType/name` when the cluster type was added, removed or changed in any field starting with `prefix`. */
  public clusterTypeCause(name: string, prefix = ''): string[] {
    const input = this.inputs.get(`ClusterType/${name}`);
    if (!input) return [];
    return input.change !== 'changed' || input.fields.some((field) => field.startsWith(prefix)) ? [input.ref] : [];
  }

  /**
   * The object a deployment target is written in (its Workload or itself), when that object changed and the target
   * with it: added, removed, or different labels, manifests, environment or schemas.
   */
  public targetCause(name: string): readonly string[] {
    let causes = this.targetCauses.get(name);
    if (causes === undefined) {
      const before = this.previous.targets.get(name);
      const after = this.next.targets.get(name);
      const differs = !before || !after || targetContent(before) !== targetContent(after);
      const refs = differs ? [...new Set([before, after].filter((t) => t !== undefined).map(originRef))] : [];
      causes = refs.filter((ref) => this.inputs.has(ref));
      this.targetCauses.set(name, causes);
    }
    return causes;
  }

  /** The cluster type's renderer for `field` changed name, or the Template it names (before or now) changed. */
  public rendererCauses(clusterType: string, field: RendererField): readonly string[] {
    const key = `${field}\u0000${clusterType}`;
    let causes = this.rendererCausesOf.get(key);
    if (!causes) this.rendererCausesOf.set(key, (causes = this.findRendererCauses(clusterType, field)));
    return causes;
  }

  private findRendererCauses(clusterType: string, field: RendererField): string[] {
    const causes = this.clusterTypeCause(clusterType, field);
    const names = new Set(
      [this.previous.clusterTypes.get(clusterType), this.next.clusterTypes.get(clusterType)]
        .filter((type) => type !== undefined)
        .map((type) => type[field]),
    );
    for (const name of names) if (this.inputs.has(`Template/${name}`)) causes.push(`Template/${name}`);
    return causes;
  }

  /**
   * Why one config key of a kept assignment changed: the ConfigMaps whose contribution to the key differs, as far as
   * they changed; when a ConfigMap that did not change starts or stops applying, the cluster type or deployment target
   * whose labels changed.
   */
  public configKeyCauses(
    clusterType: string,
    deploymentTarget: string,
    before: readonly ConfigContribution[],
    after: readonly ConfigContribution[],
  ): readonly string[] {
    const placement = [...this.clusterTypeCause(clusterType, 'labels'), ...this.targetCause(deploymentTarget)];
    if (placement.length > 0) return findConfigKeyCauses(this.inputs, before, after, placement);
    // Composing reuses the contribution lists of pairs with the same sources: their causes are the same too.
    let byAfter = this.configCausesOf.get(before);
    if (!byAfter) this.configCausesOf.set(before, (byAfter = new WeakMap()));
    let causes = byAfter.get(after);
    if (!causes) byAfter.set(after, (causes = findConfigKeyCauses(this.inputs, before, after, [])));
    return causes;
  }
}

/** See `ReviewContext.configKeyCauses`; `placement` is the cluster type or target whose labels changed, if any. */
function findConfigKeyCauses(
  inputs: ReadonlyMap<string, InputChange>,
  before: readonly ConfigContribution[],
  after: readonly ConfigContribution[],
  placement: readonly string[],
): string[] {
  const previous = contributionsByConfigMap(before);
  const next = contributionsByConfigMap(after);
  const causes = new Set<string>();
  let unchangedMapMoved = false;
  for (const configMap of new Set([...previous.keys(), ...next.keys()])) {
    if (previous.get(configMap) === next.get(configMap)) continue;
    const ref = `ConfigMap/${configMap}`;
    if (inputs.has(ref)) causes.add(ref);
    else unchangedMapMoved = true;
  }
  if (unchangedMapMoved || causes.size === 0) for (const ref of placement) causes.add(ref);
  return [...causes].sort();
}

function targetContent(target: DeploymentTarget): string {
  return JSON.stringify(target, (key, value) => (TARGET_LOCATION_FIELDS.has(key) ? undefined : value));
}

/** Per ConfigMap, its contributions to one key as text (raw key and value), to compare two compositions. */
function contributionsByConfigMap(contributions: readonly ConfigContribution[]): Map<string, string> {
  const byMap = new Map<string, string>();
  for (const contribution of contributions) {
    const text = `${contribution.rawKey}\u0000${valueText(contribution.value)}`;
    const earlier = byMap.get(contribution.configMap);
    byMap.set(contribution.configMap, earlier === undefined ? text : `${earlier}\u0001${text}`);
  }
  return byMap;
}
