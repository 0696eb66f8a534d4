import { Construct } from 'constructs';
import { WithInputs } from '../core/model/kind';
import { DEPLOYMENT_TARGET, workloadTarget } from '../core/model/kinds';
import { ObjectProps } from '../core/model/shape';
import { DeploymentTarget as DeploymentTargetModel, WorkloadTarget } from '../core/model/types';
import { JsonSchema, jsonSchemaText } from './config-schema';
import type { Environment } from './environment';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/**
 * Where a deployment target's manifests live. The built-in reconcilers need `repo`, `branch` and `path`; any other key
 * is passed on to Templates and custom renderers (`.Manifests.<key>`).
 */
export interface DeploymentTargetManifests {
  /** URL of the repository holding the manifests (`https://…` or `ssh://…` for Flux). */
  readonly repo: string;
  /** Branch (Flux), or any revision (Argo CD). */
  readonly branch: string;
  /** Folder inside the repository, e.g. `./functional-test`. */
  readonly path: string;
  /** Other keys for Templates and custom renderers. */
  readonly [key: string]: string;
}

/** The fields of a deployment target that code gives in a richer form than the model holds. */
interface TargetInputs {
  readonly environment: Environment | string;
  readonly manifests: DeploymentTargetManifests;
  readonly configSchemas: readonly JsonSchema[];
}

/** One deployment target of a Workload. */
export type WorkloadDeploymentTarget = WithInputs<ObjectProps<typeof workloadTarget.fields>, TargetInputs>;

/** What a deployment target is, wherever it is written: directly, or as one of a Workload's targets. */
export type DeploymentTargetOptions = Omit<WorkloadDeploymentTarget, 'name'>;

/** The name of an environment given as an Environment construct or a name. */
export function environmentName(environment: Environment | string): string {
  return typeof environment === 'string' ? environment : environment.name;
}

/** The fields of `options` in the form the model holds them. */
export function deploymentTargetFields<O extends DeploymentTargetOptions>(options: O) {
  return {
    ...options,
    environment: environmentName(options.environment),
    configSchemas: options.configSchemas?.map(jsonSchemaText),
  };
}

/** A Workload's deployment target as the model holds it. */
export function workloadTargetOf(target: WorkloadDeploymentTarget): WorkloadTarget {
  return workloadTarget.fromProps(deploymentTargetFields(target));
}

/** Props of a `DeploymentTarget`. */
export interface DeploymentTargetProps extends KalypsoObjectProps, DeploymentTargetOptions {}

/**
 * A deployment target written directly (`scheduler.kalypso.io/v1alpha1` DeploymentTarget), rather than unfolded from a
 * Workload: its name and labels are used as given.
 */
export class DeploymentTarget extends KalypsoObject<DeploymentTargetModel> {
  /** The environment the target is deployed to. */
  public readonly environment: string;

  public constructor(scope: Construct, id: string, props: DeploymentTargetProps) {
    super(scope, id, DEPLOYMENT_TARGET, deploymentTargetFields(props));
    this.environment = this.fields.environment;
  }

  /** Where the manifests live (a copy). */
  public get manifests(): Record<string, string> {
    return { ...this.fields.manifests };
  }

  /** Inline JSON Schemas (a copy). */
  public get configSchemas(): string[] {
    return [...this.fields.configSchemas];
  }
}
