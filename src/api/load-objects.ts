import { Construct } from 'constructs';
import { LoadResult } from '../app/synthesize/load-input';
import { MAIN_BRANCH, environmentObjects } from '../core/model/environments';
import { ControlPlaneObject, Kind, Workload as WorkloadModel } from '../core/model/types';
import { BaseRepo } from './base-repo';
import { ClusterType } from './cluster-type';
import { ConfigSchema } from './config-schema';
import { DeploymentTarget, DeploymentTargetManifests } from './deployment-target';
import { Environment } from './environment';
import { GitOpsRepo } from './gitops-repo';
import { PlatformConfig } from './platform-config';
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

function addObject(scope: Construct, object: ControlPlaneObject): Construct {
  const id = freeId(scope, object.name, object.kind);
  const base = { name: object.name, labels: object.labels, source: object.source };
  switch (object.kind) {
    case 'ClusterType':
      return new ClusterType(scope, id, {
        ...base,
        reconciler: object.reconciler,
        namespaceService: object.namespaceService,
        configType: object.configType,
      });
    case 'SchedulingPolicy':
      return new SchedulingPolicy(scope, id, {
        ...base,
        workspace: object.workspace,
        deploymentTargetSelector: object.deploymentTargetSelector,
        clusterTypeSelector: object.clusterTypeSelector,
      });
    case 'DeploymentTarget':
      return new DeploymentTarget(scope, id, {
        ...base,
        environment: object.environment,
        manifests: object.manifests as DeploymentTargetManifests,
        configSchemas: object.configSchemas,
      });
    case 'Workload':
      return new Workload(scope, id, {
        ...base,
        workspace: (object as WorkloadModel).workspace,
        configSchemas: object.configSchemas,
        deploymentTargets: object.deploymentTargets.map((target) => ({
          ...target,
          manifests: target.manifests as DeploymentTargetManifests,
        })),
      });
    case 'WorkloadRegistration':
      return new WorkloadRegistration(scope, id, { ...base, workload: object.workload, workspace: object.workspace });
    case 'Template':
      return new Template(scope, id, {
        ...base,
        type: object.type,
        contentType: object.contentType,
        manifests: object.manifests,
      });
    case 'ConfigSchema':
      return new ConfigSchema(scope, id, { ...base, schema: object.schema });
    case 'BaseRepo':
      return new BaseRepo(scope, id, {
        ...base,
        repo: object.repo,
        branch: object.branch,
        path: object.path,
        commit: object.commit,
      });
    case 'GitOpsRepo':
      return new GitOpsRepo(scope, id, { ...base, repo: object.repo, branch: object.branch, path: object.path });
    case 'ConfigMap':
      return new PlatformConfig(scope, id, { ...base, data: object.data, platformConfigLabel: false });
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
