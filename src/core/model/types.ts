import { SourcedDocument } from './documents';
import { FieldPath } from './field-path';

/** apiVersion of every Kalypso kind. */
export const KALYPSO_API_VERSION = 'scheduler.kalypso.io/v1alpha1';

/** The operators of a label selector requirement (Kubernetes `metav1.LabelSelectorOperator`). */
export enum SelectorOperator {
  IN = 'In',
  NOT_IN = 'NotIn',
  EXISTS = 'Exists',
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement of a label selector: `key` `operator` `values`. */
export interface LabelSelectorRequirement {
  /** The label key the requirement applies to. */
  readonly key: string;
  /** How the label's value is compared with `values`. */
  readonly operator: SelectorOperator;
  /**
   * The values to compare with: non-empty for `In` and `NotIn`, empty for `Exists` and `DoesNotExist`.
   * @default - none
   */
  readonly values?: readonly string[];
}

/** A Kubernetes label selector: `matchLabels` and `matchExpressions` are ANDed; `{}` selects everything. */
export interface LabelSelector {
  /**
   * Labels that must be present with exactly these values.
   * @default - none
   */
  readonly matchLabels?: Readonly<Record<string, string>>;
  /**
   * Requirements that must all hold.
   * @default - none
   */
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Where a repository's content lives (Kalypso's `ManifestsSpec`). */
export interface RepositoryRef {
  /** URL of the repository (or a folder, for local sources). */
  readonly repo: string;
  /** Branch of the repository. */
  readonly branch: string;
  /** File or folder inside the repository. */
  readonly path: string;
}

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

/** A labelled group of clusters that share a reconciler (reference §2.1). */
export interface ClusterType extends ObjectBase<'ClusterType'> {
  /** Renderer (Template or built-in) for `reconciler.yaml`. */
  readonly reconciler: string;
  /** Renderer for `namespace.yaml`. */
  readonly namespaceService: string;
  /** Renderer for `platform-config.yaml` / `platform-config.sh`. */
  readonly configType: string;
}

/** Schedules the selected deployment targets onto the selected cluster types (reference §2.3). */
export interface SchedulingPolicy extends ObjectBase<'SchedulingPolicy'> {
  /** When set, only deployment targets whose `workspace` label equals it. */
  readonly workspace?: string;
  /** Selects deployment targets by their labels. */
  readonly deploymentTargetSelector: LabelSelector;
  /** Selects cluster types by their labels. */
  readonly clusterTypeSelector: LabelSelector;
}

/** A deployment target: written directly, or unfolded from a Workload (reference §2.4, §4). */
export interface DeploymentTarget extends ObjectBase<'DeploymentTarget'> {
  /** The environment it is deployed to. */
  readonly environment: string;
  /** Free-form; by convention `repo`, `branch`, `path`. */
  readonly manifests: Readonly<Record<string, string>>;
  /** Inline JSON-Schema documents. */
  readonly configSchemas: readonly string[];
  /**
   * Where in `source` each of `configSchemas` was written (an unfolded target's own, then its Workload's).
   * @default - `spec.configSchemas[i]` of the target's own document
   */
  readonly configSchemaPaths?: readonly FieldPath[];
  /** The Workload it was unfolded from; absent when written directly. */
  readonly fromWorkload?: string;
  /** Where in `source` it was written: `['spec', 'deploymentTargets', 0]` for an unfolded target; absent for the whole document. */
  readonly sourcePath?: FieldPath;
}

/** One deployment target of a Workload, before unfolding. */
export interface WorkloadTarget {
  /** Name of the target; the deployment target is `<workload>-<name>`. */
  readonly name: string;
  /** Labels of the target (the workload's labels override them). */
  readonly labels: Readonly<Record<string, string>>;
  /** The environment it is deployed to. */
  readonly environment: string;
  /** Free-form; by convention `repo`, `branch`, `path`. */
  readonly manifests: Readonly<Record<string, string>>;
  /** Inline JSON-Schema documents. */
  readonly configSchemas: readonly string[];
}

/** An application team's workload (reference §2.5). */
export interface Workload extends ObjectBase<'Workload'> {
  /** The workload's deployment targets. */
  readonly deploymentTargets: readonly WorkloadTarget[];
  /** Inline JSON-Schema documents added to every target's. */
  readonly configSchemas: readonly string[];
  /** Workspace of the WorkloadRegistration the workload was found through. */
  readonly workspace?: string;
}

/** Where a Workload lives, and the workspace of its deployment targets (reference §2.6). */
export interface WorkloadRegistration extends ObjectBase<'WorkloadRegistration'> {
  /** Where the Workload's YAML lives. */
  readonly workload: RepositoryRef;
  /** The `workspace` label of the workload's deployment targets; empty for none. */
  readonly workspace: string;
}

/** An environment declared on `main`; its name is the environment's (reference §2.7). */
export interface Environment extends ObjectBase<'Environment'> {
  /** The environment's branch of the control-plane repository. */
  readonly controlPlane: RepositoryRef;
}

/** The role a Template is written for. */
export enum TemplateType {
  RECONCILER = 'reconciler',
  NAMESPACE = 'namespace',
  CONFIG = 'config',
}

/** A Go text/template rendering one output file of an assignment (reference §2.2, §7). */
export interface Template extends ObjectBase<'Template'> {
  /** The role it is written for (not enforced). */
  readonly type: TemplateType;
  /** `sh` makes the config file `platform-config.sh`; anything else is YAML. */
  readonly contentType: string;
  /** Go text/template documents, rendered in order. */
  readonly manifests: readonly string[];
}

/** A JSON Schema for the platform config of the assignments its labels match (reference §2.12). */
export interface ConfigSchema extends ObjectBase<'ConfigSchema'> {
  /** A JSON-Schema document as text. */
  readonly schema: string;
}

/** A repository pinned at a commit; the one named `main` records the promoted control-plane commit (reference §2.8). */
export interface BaseRepo extends ObjectBase<'BaseRepo'>, RepositoryRef {
  /** The pinned commit; empty for none. */
  readonly commit: string;
}

/** Where an environment's platform GitOps tree is published (reference §2.9). */
export interface GitOpsRepo extends ObjectBase<'GitOpsRepo'>, RepositoryRef {}

/** A core v1 ConfigMap; only `platform-config: "true"` and `azure-app-config*` ones feed platform config. */
export interface ConfigMap extends ObjectBase<'ConfigMap'> {
  /** The entries; Kalypso reads each value as YAML. */
  readonly data: Readonly<Record<string, string>>;
}

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
  | ConfigMap;

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
}

/** The whole control plane: its environments in declaration order. */
export interface ControlPlaneModel {
  /** The environments, each with every object that applies to it. */
  readonly environments: readonly EnvironmentModel[];
}

/** `Kind/name`, how problems name an object. */
export function objectRef(object: { readonly kind: string; readonly name: string }): string {
  return `${object.kind}/${object.name}`;
}

/** The object a deployment target is written in: its Workload, or the DeploymentTarget itself. */
export function originRef(target: DeploymentTarget): string {
  return target.fromWorkload ? `Workload/${target.fromWorkload}` : objectRef(target);
}
