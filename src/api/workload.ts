import { Construct } from 'constructs';
import { Workload as WorkloadModel, WorkloadTarget } from '../core/model/types';
import { JsonSchema, jsonSchemaText } from './config-schema';
import { DeploymentTargetOptions, environmentName } from './deployment-target';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';
import { findEnclosing } from './scope';
import { WorkloadRegistration } from './workload-registration';

/** One deployment target of a Workload. */
export interface WorkloadDeploymentTarget extends DeploymentTargetOptions {
  /** Name of the target; the deployment target is called `<workload>-<name>`. */
  readonly name: string;
}

/** Props of a `Workload`. */
export interface WorkloadProps extends KalypsoObjectProps {
  /**
   * The workload's deployment targets.
   * @default - none; add them with `addDeploymentTarget`
   */
  readonly deploymentTargets?: readonly WorkloadDeploymentTarget[];
  /**
   * JSON Schemas added to every deployment target's.
   * @default - none
   */
  readonly configSchemas?: readonly JsonSchema[];
  /**
   * The workspace of the application team: the `workspace` label of every deployment target, which a scheduling
   * policy's `workspace` filters on.
   * @default - the workspace of the WorkloadRegistration the Workload is defined in; none outside one
   */
  readonly workspace?: string;
}

/**
 * An application team's workload (`scheduler.kalypso.io/v1alpha1` Workload): its deployment targets, each unfolded
 * into a deployment target `<workload>-<target>` labelled with the target's and the workload's labels plus `workload`
 * and `workspace`.
 */
export class Workload extends KalypsoObject<WorkloadModel> {
  /** The workspace of the workload's deployment targets; undefined when it has none. */
  public readonly workspace?: string;
  private readonly targets: WorkloadDeploymentTarget[];
  private readonly _configSchemas: string[];

  public constructor(scope: Construct, id: string, props: WorkloadProps = {}) {
    super(scope, id, 'Workload', props);
    this.workspace = props.workspace ?? findEnclosing(this, WorkloadRegistration.isWorkloadRegistration)?.workspace;
    this.targets = (props.deploymentTargets ?? []).map(copyTarget);
    this._configSchemas = (props.configSchemas ?? []).map(jsonSchemaText);
  }

  /** Adds a deployment target; a target name can be used once. */
  public addDeploymentTarget(target: WorkloadDeploymentTarget): void {
    if (this.targets.some((existing) => existing.name === target.name)) {
      throw new Error(`Workload "${this.node.path}" already has a deployment target "${target.name}"`);
    }
    this.targets.push(copyTarget(target));
    this.changed();
  }

  /** The deployment targets, as the model holds them (a copy). */
  public get deploymentTargets(): WorkloadTarget[] {
    return this.targets.map((target) => ({
      name: target.name,
      labels: { ...target.labels },
      environment: environmentName(target.environment),
      manifests: { ...target.manifests },
      configSchemas: (target.configSchemas ?? []).map(jsonSchemaText),
    }));
  }

  /** JSON Schemas added to every target's (a copy). */
  public get configSchemas(): string[] {
    return [...this._configSchemas];
  }

  public toModel(): WorkloadModel {
    return {
      ...this.modelBase(),
      deploymentTargets: this.deploymentTargets,
      configSchemas: this.configSchemas,
      ...(this.workspace !== undefined ? { workspace: this.workspace } : {}),
    };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: {
        deploymentTargets: this.deploymentTargets.map((target) => ({
          name: target.name,
          ...(Object.keys(target.labels).length > 0 ? { labels: target.labels } : {}),
          environment: target.environment,
          manifests: target.manifests,
          ...(target.configSchemas.length > 0 ? { configSchemas: target.configSchemas } : {}),
        })),
        ...(this._configSchemas.length > 0 ? { configSchemas: this.configSchemas } : {}),
      },
    };
  }
}

function copyTarget(target: WorkloadDeploymentTarget): WorkloadDeploymentTarget {
  return {
    name: target.name,
    labels: { ...target.labels },
    environment: target.environment,
    manifests: { ...target.manifests },
    configSchemas: [...(target.configSchemas ?? [])],
  };
}
