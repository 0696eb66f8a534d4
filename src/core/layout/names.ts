/*
 * Every name of the platform GitOps tree and of the objects in it, derived from the control plane, in one place (the
 * layout is described in docs/reference/output-tree.md). Identity is never parsed back out of these strings.
 */

/** Label of a deployment target naming its workload; platform ConfigMaps select on it too. */
export const WORKLOAD_LABEL = 'workload';
/** Label of a deployment target naming its workspace (a SchedulingPolicy's `workspace` filter). */
export const WORKSPACE_LABEL = 'workspace';
/** Label of a platform ConfigMap selecting one cluster type by name. */
export const CLUSTER_TYPE_LABEL = 'cluster-type';
/** Label of a platform ConfigMap selecting one deployment target by name. */
export const DEPLOYMENT_TARGET_LABEL = 'deployment-target';
/** Label (value `"true"`) that makes a ConfigMap platform config. */
export const PLATFORM_CONFIG_LABEL = 'platform-config';
/** ConfigMaps whose name starts with this carry label-encoded keys (Azure App Configuration provider output). */
export const AZURE_APP_CONFIG_PREFIX = 'azure-app-config';

/** `hello-world-app` + `functional-test` → `hello-world-app-functional-test`. */
export function deploymentTargetName(workload: string, target: string): string {
  return `${workload}-${target}`;
}

/** The namespace an assignment's workload runs in: `dev-drone-hello-world-app-functional-test`. */
export function namespaceName(environment: string, clusterType: string, deploymentTarget: string): string {
  return `${environment}-${clusterType}-${deploymentTarget}`;
}

/** The folder of an assignment in the platform GitOps tree, relative to the environment root. */
export function assignmentFolder(clusterType: string, deploymentTarget: string): string {
  return `${clusterType}/${deploymentTarget}`;
}

/** The file Kalypso puts in every cluster-type folder; with its text, it marks a folder as Kalypso's. */
export const CLUSTER_TYPE_README = 'README.md';
export const CLUSTER_TYPE_README_TEXT = 'This folder contains deployment targets scheduled on the cluster type';
/** The control-plane commit promoted to the environment. */
export const PROMOTED_COMMIT_FILE = '.github/tracking/Promoted_Commit_Id';

/** The files of an assignment folder: its Namespace, its reconciler objects, its platform config (`.yaml` or `.sh`). */
export const NAMESPACE_FILE = 'namespace.yaml';
export const RECONCILER_FILE = 'reconciler.yaml';
export const PLATFORM_CONFIG_FILE = 'platform-config';
