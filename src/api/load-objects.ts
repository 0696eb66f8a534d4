import { Construct } from 'constructs';
import { LoadResult } from '../app/synthesize/load-input';
import { MAIN_BRANCH, environmentObjects } from '../core/model/environments';
import { ControlPlaneObject, Kind } from '../core/model/types';
import { BaseRepo } from './base-repo';
import { KalypsoObject } from './kalypso-object';
import { ClusterType } from './cluster-type';
import { ConfigSchema } from './config-schema';
import { DeploymentTarget, DeploymentTargetManifests } from './deployment-target';
import { Environment } from './environment';
import { GitOpsRepo } from './gitops-repo';
import { PlatformConfig } from './platform-config';
import { RolloutPolicy } from './rollout-policy';
import { SchedulingPolicy } from './scheduling-policy';
import { Template } from './template';
import { Workload } from './workload';
import { WorkloadRegistration } from './workload-registration';

/**
 * Adds one construct per loaded object to `controlPlane`: the objects of `main` directly, the objects of each
 * environment's branch to its Environment, and registered Workloads to their WorkloadRegistration. Each keeps its
 * source document. Construct ids are the object names (`<Kind>:<name>` when a sibling already has the name).
 */
export function addLoadedObjects(controlPlane: Construct, loaded: LoadResult): void {
  const registered = new Set<ControlPlaneObject>([...loaded.registeredWorkloads.values()].flat());
  const created = new Set<ControlPlaneObject>();
  const environments = loaded.model.environments.map(
    (environment) =>
      new Environment(controlPlane, freeId(controlPlane, environment.name, 'Environment'), {
        name: environment.name,
        ...(environment.environment
          ? {
              controlPlane: environment.environment.controlPlane,
              labels: environment.environment.labels,
              source: environment.environment.source,
            }
          : {}),
      }),
  );

  loaded.model.environments.forEach((environment, index) => {
    for (const object of environmentObjects(environment)) {
      if (created.has(object) || registered.has(object)) continue;
      created.add(object);
      const scope = object.source?.branch === MAIN_BRANCH ? controlPlane : environments[index];
      const construct = addObject(scope, object);
      if (object.kind === 'WorkloadRegistration') {
        for (const workload of loaded.registeredWorkloads.get(object) ?? []) addObject(construct, workload);
      }
    }
  });
}

/**
 * The construct of a loaded object: its model object is its props (name, labels, source and fields), and it is marked
 * as checked, since the loader checked it.
 */
function addObject(scope: Construct, object: ControlPlaneObject): Construct {
  const construct = createObject(scope, freeId(scope, object.name, object.kind), object);
  construct._markChecked();
  return construct;
}

function createObject(scope: Construct, id: string, object: ControlPlaneObject): KalypsoObject {
  switch (object.kind) {
    case 'ClusterType':
      return new ClusterType(scope, id, object);
    case 'SchedulingPolicy':
      return new SchedulingPolicy(scope, id, object);
    case 'DeploymentTarget':
      return new DeploymentTarget(scope, id, { ...object, manifests: object.manifests as DeploymentTargetManifests });
    case 'Workload':
      return new Workload(scope, id, {
        ...object,
        deploymentTargets: object.deploymentTargets.map((target) => ({
          ...target,
          manifests: target.manifests as DeploymentTargetManifests,
        })),
      });
    case 'WorkloadRegistration':
      return new WorkloadRegistration(scope, id, object);
    case 'Template':
      return new Template(scope, id, object);
    case 'ConfigSchema':
      return new ConfigSchema(scope, id, object);
    case 'BaseRepo':
      return new BaseRepo(scope, id, object);
    case 'GitOpsRepo':
      return new GitOpsRepo(scope, id, object);
    case 'ConfigMap':
      return new PlatformConfig(scope, id, { ...object, platformConfigLabel: false });
    case 'RolloutPolicy':
      return new RolloutPolicy(scope, id, object);
    case 'Environment':
      throw new Error(`Environment "${object.name}" cannot be added as an object; it is an Environment construct`);
  }
}

/** `name` when no sibling uses it, else `<Kind>:<name>`, else `<Kind>:<name>:<n>`. */
function freeId(scope: Construct, name: string, kind: Kind): string {
  if (!scope.node.tryFindChild(name)) return name;
  let id = `${kind}:${name}`;
  for (let n = 2; scope.node.tryFindChild(id); n++) id = `${kind}:${name}:${n}`;
  return id;
}
