import {
  ClusterType,
  ConfigMap,
  DeploymentTarget,
  LabelSelector,
  SchedulingPolicy,
  Workload,
  WorkloadTarget,
} from '../../src/core/model/types';

/** Small builders for model objects in tests (objects built in code carry no source). */

export function clusterType(
  name: string,
  labels: Record<string, string> = {},
  renderers: Partial<ClusterType> = {},
): ClusterType {
  return {
    kind: 'ClusterType',
    name,
    labels,
    reconciler: 'flux',
    namespaceService: 'default',
    configType: 'configmap',
    ...renderers,
  };
}

export function deploymentTarget(
  name: string,
  labels: Record<string, string> = {},
  environment = 'dev',
  manifests: Record<string, string> = { repo: 'https://github.com/org/app', branch: 'main', path: `./${name}` },
): DeploymentTarget {
  return { kind: 'DeploymentTarget', name, labels, environment, manifests, configSchemas: [] };
}

export function policy(
  name: string,
  clusterTypeSelector: LabelSelector,
  deploymentTargetSelector: LabelSelector,
  workspace?: string,
): SchedulingPolicy {
  return {
    kind: 'SchedulingPolicy',
    name,
    labels: {},
    clusterTypeSelector,
    deploymentTargetSelector,
    ...(workspace ? { workspace } : {}),
  };
}

export function configMap(name: string, labels: Record<string, string>, data: Record<string, string>): ConfigMap {
  return { kind: 'ConfigMap', name, labels, data };
}

export function workload(
  name: string,
  labels: Record<string, string>,
  deploymentTargets: WorkloadTarget[],
  extra: Partial<Workload> = {},
): Workload {
  return { kind: 'Workload', name, labels, deploymentTargets, configSchemas: [], ...extra };
}
