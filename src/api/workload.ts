import { Construct } from 'constructs';
import { KindProps, WithInputs } from '../core/model/kind';
import { WORKLOAD } from '../core/model/kinds';
import { Workload as WorkloadModel, WorkloadTarget } from '../core/model/types';
import { JsonSchema, jsonSchemaText } from './config-schema';
import { WorkloadDeploymentTarget, workloadTargetOf } from './deployment-target';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';
import { findEnclosing } from './scope';
import { WorkloadRegistration } from './workload-registration';

/** Props of a `Workload`. */
export interface WorkloadProps
  extends
    KalypsoObjectProps,
    WithInputs<
      KindProps<typeof WORKLOAD>,
      {
        readonly deploymentTargets: readonly WorkloadDeploymentTarget[];
        readonly configSchemas: readonly JsonSchema[];
      }
    > {
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

  public constructor(scope: Construct, id: string, props: WorkloadProps = {}) {
    super(scope, id, WORKLOAD, {
      ...props,
      deploymentTargets: props.deploymentTargets?.map(workloadTargetOf),
      configSchemas: props.configSchemas?.map(jsonSchemaText),
    });
    this.workspace = props.workspace ?? findEnclosing(this, WorkloadRegistration.isWorkloadRegistration)?.workspace;
  }

  /** Adds a deployment target; a target name can be used once. */
  public addDeploymentTarget(target: WorkloadDeploymentTarget): void {
    if (this.fields.deploymentTargets.some((existing) => existing.name === target.name)) {
      throw new Error(`Workload "${this.node.path}" already has a deployment target "${target.name}"`);
    }
    this.setFields({ deploymentTargets: [...this.fields.deploymentTargets, workloadTargetOf(target)] });
  }

  /** The deployment targets, as the model holds them (a copy). */
  public get deploymentTargets(): WorkloadTarget[] {
    return [...this.toModel().deploymentTargets];
  }

  /** JSON Schemas added to every target's (a copy). */
  public get configSchemas(): string[] {
    return [...this.fields.configSchemas];
  }

  public toModel(): WorkloadModel {
    return { ...super.toModel(), ...(this.workspace !== undefined ? { workspace: this.workspace } : {}) };
  }
}
