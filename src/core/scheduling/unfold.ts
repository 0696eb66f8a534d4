import { locateField } from '../model/documents';
import { SourceLocation } from '../model/problems';
import { DeploymentTarget, Workload } from '../model/types';
import { WORKLOAD_LABEL, WORKSPACE_LABEL, deploymentTargetName } from '../layout/names';

/**
 * A Workload's deployment targets for one environment
 * (docs/explanation/scheduling-and-config.md#workloads-become-deployment-targets): named `<workload>-<target>`,
 * labelled with the target's labels overwritten by the workload's, then `workload` and `workspace`; the workload's
 * configSchemas are appended to each target's. Targets of other environments are skipped.
 */
export function unfoldWorkload(workload: Workload, environment: string): DeploymentTarget[] {
  return workload.deploymentTargets
    .map((target, index) => ({ target, index }))
    .filter(({ target }) => target.environment === environment)
    .map(({ target, index }) => ({
      kind: 'DeploymentTarget',
      name: deploymentTargetName(workload.name, target.name),
      labels: {
        ...target.labels,
        ...workload.labels,
        [WORKLOAD_LABEL]: workload.name,
        [WORKSPACE_LABEL]: workload.workspace ?? '',
      },
      environment: target.environment,
      manifests: target.manifests,
      configSchemas: [...target.configSchemas, ...workload.configSchemas],
      configSchemaPaths: [
        ...target.configSchemas.map((_schema, i) => ['spec', 'deploymentTargets', index, 'configSchemas', i]),
        ...workload.configSchemas.map((_schema, i) => ['spec', 'configSchemas', i]),
      ],
      fromWorkload: workload.name,
      source: workload.source,
      sourcePath: ['spec', 'deploymentTargets', index],
    }));
}

/** Where a deployment target was written: its entry in the Workload, or its own document. */
export function locateDeploymentTarget(target: DeploymentTarget): SourceLocation | undefined {
  return target.source ? locateField(target.source, target.sourcePath ?? []) : undefined;
}
