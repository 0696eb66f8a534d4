import { ControlPlaneObject, EnvironmentModel, Environment, Workload } from './types';

/** An environment to build, and the branch holding its own objects. */
export interface EnvironmentSelection {
  readonly name: string;
  readonly branch: string;
  readonly environment?: Environment;
}

export const MAIN_BRANCH = 'main';
/**
 * The BaseRepo that pins the control plane's `main` commit promoted to an environment (docs/explanation/promotion.md).
 */
export const PROMOTED_BASE_REPO = 'main';

/**
 * The environments of a control plane (docs/explanation/scheduling-and-config.md#environments): the Environment objects
 * on `main` (their `spec.controlPlane.branch` names the branch), or, when there are none, every branch other than
 * `main`.
 */
export function selectEnvironments(
  mainObjects: readonly ControlPlaneObject[],
  branches: readonly string[],
): EnvironmentSelection[] {
  const declared = mainObjects.filter((object): object is Environment => object.kind === 'Environment');
  if (declared.length > 0) {
    return declared.map((environment) => ({
      name: environment.name,
      branch: environment.controlPlane.branch || environment.name,
      environment,
    }));
  }
  return branches
    .filter((branch) => branch !== MAIN_BRANCH)
    .sort()
    .map((branch) => ({ name: branch, branch }));
}

/** Every object of an environment, kind by kind (workloads read through registrations included). */
export function environmentObjects(environment: EnvironmentModel): ControlPlaneObject[] {
  return [
    ...environment.clusterTypes,
    ...environment.schedulingPolicies,
    ...environment.deploymentTargets,
    ...environment.workloads,
    ...environment.workloadRegistrations,
    ...environment.templates,
    ...environment.configSchemas,
    ...environment.configMaps,
    ...environment.baseRepos,
    ...environment.gitOpsRepos,
    ...environment.rolloutPolicies,
  ];
}

/** Groups the objects of `main`, the environment's branch and its registered workloads into one environment. */
export function buildEnvironmentModel(
  selection: EnvironmentSelection,
  objects: readonly ControlPlaneObject[],
  registeredWorkloads: readonly Workload[] = [],
): EnvironmentModel {
  const of = <K extends ControlPlaneObject['kind']>(kind: K) =>
    objects.filter((object): object is Extract<ControlPlaneObject, { kind: K }> => object.kind === kind);
  return {
    name: selection.name,
    branch: selection.branch,
    environment: selection.environment,
    clusterTypes: of('ClusterType'),
    schedulingPolicies: of('SchedulingPolicy'),
    deploymentTargets: of('DeploymentTarget'),
    workloads: [...of('Workload'), ...registeredWorkloads],
    workloadRegistrations: of('WorkloadRegistration'),
    templates: of('Template'),
    configSchemas: of('ConfigSchema'),
    configMaps: of('ConfigMap'),
    baseRepos: of('BaseRepo'),
    gitOpsRepos: of('GitOpsRepo'),
    rolloutPolicies: of('RolloutPolicy'),
  };
}
