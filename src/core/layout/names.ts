/*
 * Every name Kalypso derives (reference §11), in one place. Identity is never parsed back out of these strings.
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
