/*
 * The public API of kalypso-cdk8s (re-exports only): the control plane as cdk8s constructs, the renderers that turn an
 * assignment into cdk8s constructs, and the YAML pipeline (load → plan → write) they share.
 */

// The control plane, written in code or loaded from YAML.
export {
  BaseRepo,
  type BaseRepoProps,
  PROMOTED_BASE_REPO,
  ClusterType,
  type ClusterTypeProps,
  ConfigSchema,
  type ConfigSchemaProps,
  type JsonSchema,
  ControlPlane,
  type ControlPlaneGitOptions,
  type ControlPlaneLoadOptions,
  type ControlPlaneProps,
  type ControlPlaneSynthOptions,
  type ControlPlaneSynthResult,
  DeploymentTarget,
  type DeploymentTargetManifests,
  type DeploymentTargetOptions,
  type DeploymentTargetProps,
  Environment,
  type EnvironmentGitOpsRepo,
  type EnvironmentProps,
  GitOpsRepo,
  type GitOpsRepoProps,
  KalypsoObject,
  type KalypsoObjectProps,
  PlatformConfig,
  type PlatformConfigProps,
  type RepositoryLocation,
  RolloutPolicy,
  type RolloutPolicyProps,
  SchedulingPolicy,
  type SchedulingPolicyProps,
  Template,
  type TemplateProps,
  ValidationError,
  Workload,
  type WorkloadDeploymentTarget,
  type WorkloadProps,
  WorkloadRegistration,
  type WorkloadRegistrationProps,
} from './api';
export { KalypsoApp, type KalypsoAppProps } from './api/kalypso-app';
export { KalypsoTesting, type SynthesizedTree } from './api/kalypso-testing';
export {
  type DiffControlPlaneOptions,
  type ExistingTree,
  type HostAccessOptions,
  type PublishControlPlaneOptions,
  diffControlPlane,
  explainControlPlane,
  publishControlPlane,
} from './api/control-plane-commands';
export { type ExplainOptions } from './app/explain/explain-plans';

// Renderers: what a ClusterType's reconciler, namespaceService and configType name.
export { type AssignmentContext } from './render/constructs/assignment-context';
export {
  ConfigFileType,
  type IConfigRenderer,
  type INamespaceRenderer,
  type IReconciler,
  type IRenderer,
} from './render/constructs/renderer';
export { RendererRegistry } from './render/constructs/renderer-registry';
export { AssignmentChart, type AssignmentChartProps } from './render/constructs/assignment-chart';
export {
  BUILT_IN_CONFIG_RENDERERS,
  BUILT_IN_NAMESPACE_RENDERERS,
  BUILT_IN_RECONCILERS,
  type ConfigRendererName,
  type NamespaceRendererName,
  type ReconcilerName,
} from './core/model/renderer-names';
export { RawManifest, type RawManifestProps } from './render/constructs/raw-manifest';
export { configValueText } from './render/constructs/config-text';
export {
  ARGOCD_NAMESPACE,
  ArgoCdReconciler,
  type ArgoCdReconcilerProps,
  ArgoCdReconcilerRenderer,
  FLUX_NAMESPACE,
  FluxReconciler,
  type FluxReconcilerProps,
  FluxReconcilerRenderer,
} from './render/constructs/reconcilers';
export {
  DefaultNamespaceRenderer,
  TargetNamespace,
  type TargetNamespaceProps,
} from './render/constructs/target-namespace';
export {
  ConfigMapRenderer,
  PLATFORM_CONFIG_NAME,
  PlatformConfigMap,
  type PlatformConfigMapProps,
} from './render/constructs/platform-config-map';
export { EnvFileRenderer, PlatformConfigEnvFile } from './render/constructs/platform-config-env-file';

// The pipeline: load → plan → write.
export {
  type ControlPlaneInput,
  type SynthOptions,
  type SynthResult,
  type SynthesizeOptions,
  synthesize,
  synthesizeInput,
} from './app/synthesize/synthesize';
export {
  type BranchFile,
  type ControlPlaneSource,
  type FileFilter,
  FolderSource,
  type GitLoadOptions,
  type LoadOptions,
  type LoadResult,
  LoadUsageError,
  type RemoteRepositoryReader,
  type WorkloadFiles,
  loadFromFolder,
  loadFromGit,
  loadFromSource,
  loadFromSource as loadControlPlane,
} from './app/synthesize/load-input';
export { type PlanModelOptions, planControlPlane, planEnvironment } from './app/synthesize/plan-model';
export { treeYamlStream } from './app/synthesize/yaml-stream';
export { type LoadLimits } from './core/model/limits';
export { type EnvironmentPlan, type PlannedAssignment } from './core/plan/plan';
export { type ComposedConfig, type ConfigContribution } from './core/config/platform-config';
export { type CompiledSchema, ConfigSchemaCompiler, JsonSchemaDraft } from './core/config-schema';
export { type TreeChanges } from './core/layout/managed-tree';
export { type WriteReport } from './app/synthesize/synthesize';

// Names, labels, problems and the plain data model.
export {
  CLUSTER_TYPE_LABEL,
  DEPLOYMENT_TARGET_LABEL,
  PLATFORM_CONFIG_LABEL,
  WORKLOAD_LABEL,
  WORKSPACE_LABEL,
  assignmentFolder,
  deploymentTargetName,
  namespaceName,
} from './core/layout/names';
export { type Problem, Severity, type SourceLocation, formatProblem, isError } from './core/model/problems';
export { type SourcedDocument } from './core/model/documents';
export {
  type ConfigData,
  type ConfigKey,
  type ConfigObject,
  type ConfigScalar,
  type ConfigValue,
  type JsonValue,
  configValueJson,
  isConfigObject,
} from './core/model/config-value';
export { GoMap, type GoMapKey } from './gotemplate';
export { GoFloat64 } from './gotemplate';
export {
  KALYPSO_API_VERSION,
  type LabelSelector,
  type LabelSelectorRequirement,
  type RepositoryRef,
  SelectorOperator,
  TemplateType,
} from './core/model/types';
export { ApprovalMethod } from './core/model/kinds';
/** The plain data model the pipeline works on, as the YAML loader and `ControlPlane.toModel()` produce it. */
export * as model from './core/model/types';
