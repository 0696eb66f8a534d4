import { Construct } from 'constructs';
import { DeploymentTarget as DeploymentTargetModel } from '../core/model/types';
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

/** What a deployment target is, wherever it is written: directly, or as one of a Workload's targets. */
export interface DeploymentTargetOptions {
  /**
   * Labels of the target, which scheduling policies select on.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /** The environment the target is deployed to; it is scheduled in that environment only. */
  readonly environment: Environment | string;
  /** Where the target's manifests live. */
  readonly manifests: DeploymentTargetManifests;
  /**
   * JSON Schemas the target's composed platform config must satisfy.
   * @default - none
   */
  readonly configSchemas?: readonly JsonSchema[];
}

/** The name of an environment given as an Environment construct or a name. */
export function environmentName(environment: Environment | string): string {
  return typeof environment === 'string' ? environment : environment.name;
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
  private readonly _manifests: Record<string, string>;
  private readonly _configSchemas: string[];

  public constructor(scope: Construct, id: string, props: DeploymentTargetProps) {
    super(scope, id, 'DeploymentTarget', props);
    this.environment = environmentName(props.environment);
    this._manifests = { ...props.manifests };
    this._configSchemas = (props.configSchemas ?? []).map(jsonSchemaText);
  }

  /** Where the manifests live (a copy). */
  public get manifests(): Record<string, string> {
    return { ...this._manifests };
  }

  /** Inline JSON Schemas (a copy). */
  public get configSchemas(): string[] {
    return [...this._configSchemas];
  }

  public toModel(): DeploymentTargetModel {
    return {
      ...this.modelBase(),
      environment: this.environment,
      manifests: this.manifests,
      configSchemas: this.configSchemas,
    };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: {
        environment: this.environment,
        manifests: this.manifests,
        ...(this._configSchemas.length > 0 ? { configSchemas: this.configSchemas } : {}),
      },
    };
  }
}
