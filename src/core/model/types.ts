import { SourcedDocument } from './documents';
import { FieldPath } from './field-path';
import type { KindFields } from './kind';
import type {
  BASE_REPO,
  CLUSTER_TYPE,
  CONFIG_MAP,
  CONFIG_SCHEMA,
  DEPLOYMENT_TARGET,
  ENVIRONMENT,
  GITOPS_REPO,
  ROLLOUT_POLICY,
  SCHEDULING_POLICY,
  TEMPLATE,
  WORKLOAD,
  WORKLOAD_REGISTRATION,
  labelSelector,
  requirement,
  repositoryRef,
  workloadTarget,
} from './kinds';
import type { ShapeValue } from './shape';

export { KALYPSO_API_VERSION, SelectorOperator, TemplateType } from './kinds';

/*
 * The plain data model of the control plane. The fields of each kind are defined once, with their doc comments, in
 * `kinds.ts`; the types here are derived from those definitions.
 */

/** One requirement of a label selector: `key` `operator` `values`. */
export type LabelSelectorRequirement = ShapeValue<typeof requirement>;

/** A Kubernetes label selector: `matchLabels` and `matchExpressions` are ANDed; `{}` selects everything. */
export type LabelSelector = ShapeValue<typeof labelSelector>;

/** Where a repository's content lives (Kalypso's `ManifestsSpec`). */
export type RepositoryRef = ShapeValue<typeof repositoryRef>;

/** What every control-plane object has. */
export interface ObjectBase<K extends string> {
  /** The Kalypso kind. */
  readonly kind: K;
  /** `metadata.name`. */
  readonly name: string;
  /** `metadata.labels`. */
  readonly labels: Readonly<Record<string, string>>;
  /** The document the object was read from; absent for objects built in code. */
  readonly source?: SourcedDocument;
}

/** A labelled group of clusters that share a reconciler. */
export interface ClusterType extends ObjectBase<'ClusterType'>, KindFields<typeof CLUSTER_TYPE> {}

/** Schedules the selected deployment targets onto the selected cluster types. */
export interface SchedulingPolicy extends ObjectBase<'SchedulingPolicy'>, KindFields<typeof SCHEDULING_POLICY> {}

/** A deployment target: written directly, or unfolded from a Workload. */
export interface DeploymentTarget extends ObjectBase<'DeploymentTarget'>, KindFields<typeof DEPLOYMENT_TARGET> {
  /**
   * Where in `source` each of `configSchemas` was written (an unfolded target's own, then its Workload's).
   * @default - `spec.configSchemas[i]` of the target's own document
   */
  readonly configSchemaPaths?: readonly FieldPath[];
  /** The Workload it was unfolded from; absent when written directly. */
  readonly fromWorkload?: string;
  /**
   * Where in `source` it was written: `['spec', 'deploymentTargets', 0]` for an unfolded target; absent for the whole
   * document.
   */
  readonly sourcePath?: FieldPath;
}

/** One deployment target of a Workload, before unfolding. */
export type WorkloadTarget = ShapeValue<typeof workloadTarget>;

/** An application team's workload. */
export interface Workload extends ObjectBase<'Workload'>, KindFields<typeof WORKLOAD> {
  /** Workspace of the WorkloadRegistration the workload was found through. */
  readonly workspace?: string;
}

/** Where a Workload lives, and the workspace of its deployment targets. */
export interface WorkloadRegistration
  extends ObjectBase<'WorkloadRegistration'>, KindFields<typeof WORKLOAD_REGISTRATION> {}

/** An environment declared on `main`; its name is the environment's. */
export interface Environment extends ObjectBase<'Environment'>, KindFields<typeof ENVIRONMENT> {}

/** A Go text/template rendering one output file of an assignment. */
export interface Template extends ObjectBase<'Template'>, KindFields<typeof TEMPLATE> {}

/** A JSON Schema for the platform config of the assignments its labels match. */
export interface ConfigSchema extends ObjectBase<'ConfigSchema'>, KindFields<typeof CONFIG_SCHEMA> {}

/** A repository pinned at a commit; the one named `main` records the promoted control-plane commit. */
export interface BaseRepo extends ObjectBase<'BaseRepo'>, KindFields<typeof BASE_REPO> {}

/** Where an environment's platform GitOps tree is published. */
export interface GitOpsRepo extends ObjectBase<'GitOpsRepo'>, KindFields<typeof GITOPS_REPO> {}

/** A core v1 ConfigMap; only `platform-config: "true"` and `azure-app-config*` ones feed platform config. */
export interface ConfigMap extends ObjectBase<'ConfigMap'>, KindFields<typeof CONFIG_MAP> {}

/**
 * An environment's rollout in waves of cluster types, with bake time, approvals and change windows (an extension of
 * this project's; docs/explanation/rollouts.md).
 */
export interface RolloutPolicy extends ObjectBase<'RolloutPolicy'>, KindFields<typeof ROLLOUT_POLICY> {}

/** Any object of the control plane. */
export type ControlPlaneObject =
  | ClusterType
  | SchedulingPolicy
  | DeploymentTarget
  | Workload
  | WorkloadRegistration
  | Environment
  | Template
  | ConfigSchema
  | BaseRepo
  | GitOpsRepo
  | ConfigMap
  | RolloutPolicy;

/** The kinds of the control plane. */
export type Kind = ControlPlaneObject['kind'];

/** Everything that applies to one environment: the objects of `main` and of the environment's branch together. */
export interface EnvironmentModel {
  /** Name of the environment. */
  readonly name: string;
  /** Branch (or subfolder) holding the environment's own objects. */
  readonly branch: string;
  /** The Environment object declaring it, if any. */
  readonly environment?: Environment;
  /** The environment's cluster types. */
  readonly clusterTypes: readonly ClusterType[];
  /** The environment's scheduling policies. */
  readonly schedulingPolicies: readonly SchedulingPolicy[];
  /** Deployment targets written directly (not those unfolded from workloads). */
  readonly deploymentTargets: readonly DeploymentTarget[];
  /** Workloads written directly, then those read through registrations. */
  readonly workloads: readonly Workload[];
  /** The environment's workload registrations. */
  readonly workloadRegistrations: readonly WorkloadRegistration[];
  /** The environment's Templates. */
  readonly templates: readonly Template[];
  /** The environment's ConfigSchemas. */
  readonly configSchemas: readonly ConfigSchema[];
  /** The environment's ConfigMaps (platform config and others). */
  readonly configMaps: readonly ConfigMap[];
  /** The environment's BaseRepos. */
  readonly baseRepos: readonly BaseRepo[];
  /** The environment's GitOpsRepos. */
  readonly gitOpsRepos: readonly GitOpsRepo[];
  /** The environment's RolloutPolicies (at most one is allowed). */
  readonly rolloutPolicies: readonly RolloutPolicy[];
}

/** The whole control plane: its environments in declaration order. */
export interface ControlPlaneModel {
  /** The environments, each with every object that applies to it. */
  readonly environments: readonly EnvironmentModel[];
  /**
   * Every environment of the control plane, also those not read (`--env`): a deployment target naming none of them is
   * a likely typo.
   * @default - unknown (a model of some environments only): targets are not checked against them
   */
  readonly environmentNames?: readonly string[];
}

/** `Kind/name`, how problems name an object. */
export function objectRef(object: { readonly kind: string; readonly name: string }): string {
  return `${object.kind}/${object.name}`;
}

/** The object a deployment target is written in: its Workload, or the DeploymentTarget itself. */
export function originRef(target: DeploymentTarget): string {
  return target.fromWorkload ? `Workload/${target.fromWorkload}` : objectRef(target);
}
