import { SourcedDocument } from './documents';
import { FieldPath } from './field-path';

/** apiVersion of every Kalypso kind. */
export const KALYPSO_API_VERSION = 'scheduler.kalypso.io/v1alpha1';

export enum SelectorOperator {
  IN = 'In',
  NOT_IN = 'NotIn',
  EXISTS = 'Exists',
  DOES_NOT_EXIST = 'DoesNotExist',
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: SelectorOperator;
  readonly values?: readonly string[];
}

/** A Kubernetes label selector: `matchLabels` and `matchExpressions` are ANDed; `{}` selects everything. */
export interface LabelSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
  readonly matchExpressions?: readonly LabelSelectorRequirement[];
}

/** Where a repository's content lives (Kalypso's `ManifestsSpec`). */
export interface RepositoryRef {
  readonly repo: string;
  readonly branch: string;
  readonly path: string;
}

interface ObjectBase<K extends string> {
  readonly kind: K;
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  /** The document the object was read from; absent for objects built in code. */
  readonly source?: SourcedDocument;
}

export interface ClusterType extends ObjectBase<'ClusterType'> {
  /** Renderer (Template or built-in) for `reconciler.yaml`. */
  readonly reconciler: string;
  /** Renderer for `namespace.yaml`. */
  readonly namespaceService: string;
  /** Renderer for `platform-config.yaml` / `platform-config.sh`. */
  readonly configType: string;
}

export interface SchedulingPolicy extends ObjectBase<'SchedulingPolicy'> {
  /** When set, only deployment targets whose `workspace` label equals it. */
  readonly workspace?: string;
  readonly deploymentTargetSelector: LabelSelector;
  readonly clusterTypeSelector: LabelSelector;
}

export interface DeploymentTarget extends ObjectBase<'DeploymentTarget'> {
  readonly environment: string;
  /** Free-form; by convention `repo`, `branch`, `path`. */
  readonly manifests: Readonly<Record<string, string>>;
  /** Inline JSON-Schema documents. */
  readonly configSchemas: readonly string[];
  /** The Workload it was unfolded from; absent when written directly. */
  readonly fromWorkload?: string;
  /** Where in `source` it was written: `['spec', 'deploymentTargets', 0]` for an unfolded target; absent for the whole document. */
  readonly sourcePath?: FieldPath;
}

export interface WorkloadTarget {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly environment: string;
  readonly manifests: Readonly<Record<string, string>>;
  readonly configSchemas: readonly string[];
}

export interface Workload extends ObjectBase<'Workload'> {
  readonly deploymentTargets: readonly WorkloadTarget[];
  readonly configSchemas: readonly string[];
  /** Workspace of the WorkloadRegistration the workload was found through. */
  readonly workspace?: string;
}

export interface WorkloadRegistration extends ObjectBase<'WorkloadRegistration'> {
  readonly workload: RepositoryRef;
  readonly workspace: string;
}

export interface Environment extends ObjectBase<'Environment'> {
  readonly controlPlane: RepositoryRef;
}

export enum TemplateType {
  RECONCILER = 'reconciler',
  NAMESPACE = 'namespace',
  CONFIG = 'config',
}

export interface Template extends ObjectBase<'Template'> {
  readonly type: TemplateType;
  /** `sh` makes the config file `platform-config.sh`; anything else is YAML. */
  readonly contentType: string;
  /** Go text/template documents, rendered in order. */
  readonly manifests: readonly string[];
}

export interface ConfigSchema extends ObjectBase<'ConfigSchema'> {
  /** A JSON-Schema document as text. */
  readonly schema: string;
}

export interface BaseRepo extends ObjectBase<'BaseRepo'>, RepositoryRef {
  readonly commit: string;
}

export interface GitOpsRepo extends ObjectBase<'GitOpsRepo'>, RepositoryRef {}

/** A core v1 ConfigMap; only `platform-config: "true"` and `azure-app-config*` ones feed platform config. */
export interface ConfigMap extends ObjectBase<'ConfigMap'> {
  readonly data: Readonly<Record<string, string>>;
}

export type ControlPlaneObject =
  | ClusterType | SchedulingPolicy | DeploymentTarget | Workload | WorkloadRegistration | Environment | Template
  | ConfigSchema | BaseRepo | GitOpsRepo | ConfigMap;

export type Kind = ControlPlaneObject['kind'];

/** Everything that applies to one environment: the objects of `main` and of the environment's branch together. */
export interface EnvironmentModel {
  readonly name: string;
  /** Branch (or subfolder) holding the environment's own objects. */
  readonly branch: string;
  readonly environment?: Environment;
  readonly clusterTypes: readonly ClusterType[];
  readonly schedulingPolicies: readonly SchedulingPolicy[];
  readonly deploymentTargets: readonly DeploymentTarget[];
  readonly workloads: readonly Workload[];
  readonly workloadRegistrations: readonly WorkloadRegistration[];
  readonly templates: readonly Template[];
  readonly configSchemas: readonly ConfigSchema[];
  readonly configMaps: readonly ConfigMap[];
  readonly baseRepos: readonly BaseRepo[];
  readonly gitOpsRepos: readonly GitOpsRepo[];
}

/** The whole control plane: its environments in declaration order. */
export interface ControlPlaneModel {
  readonly environments: readonly EnvironmentModel[];
}

export function objectRef(object: { readonly kind: string; readonly name: string }): string {
  return `${object.kind}/${object.name}`;
}
