import { Construct } from 'constructs';
import { KindProps, WithInputs } from '../core/model/kind';
import { WORKLOAD_REGISTRATION } from '../core/model/kinds';
import { RepositoryRef, WorkloadRegistration as WorkloadRegistrationModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps, isKalypsoObjectOfKind } from './kalypso-object';

/** A folder of a branch of a repository. */
export interface RepositoryLocation {
  /** URL of the repository (or, in a folder control plane, a folder relative to it). */
  readonly repo: string;
  /**
   * Branch of the repository.
   * @default "main"
   */
  readonly branch?: string;
  /**
   * File or folder inside the repository.
   * @default "."
   */
  readonly path?: string;
}

/** Props of a `WorkloadRegistration`. */
export interface WorkloadRegistrationProps
  extends
    KalypsoObjectProps,
    WithInputs<KindProps<typeof WORKLOAD_REGISTRATION>, { readonly workload: RepositoryLocation }> {}

/**
 * Registers an application team's Workload with the platform (`scheduler.kalypso.io/v1alpha1` WorkloadRegistration).
 * `ControlPlane.fromFolder` reads the Workload it points at and adds it as a child; in code, define the Workload
 * inside the registration (`new Workload(registration, 'app', …)`): it takes the registration's workspace.
 */
export class WorkloadRegistration extends KalypsoObject<WorkloadRegistrationModel> {
  /** Whether `value` is a WorkloadRegistration. */
  public static isWorkloadRegistration(value: unknown): value is WorkloadRegistration {
    return KalypsoObject.isKalypsoObject(value) && value.kind === 'WorkloadRegistration';
  }

  /** URL of the repository holding the Workload. */
  public readonly repo: string;
  /** Branch of that repository. */
  public readonly branch: string;
  /** File or folder of the Workload in that repository. */
  public readonly path: string;
  /** The workspace of the workload's deployment targets. */
  public readonly workspace: string;

  public constructor(scope: Construct, id: string, props: WorkloadRegistrationProps) {
    super(scope, id, WORKLOAD_REGISTRATION, { ...props, workload: repositoryRef(props.workload, 'main') });
    this.repo = this.fields.workload.repo;
    this.branch = this.fields.workload.branch;
    this.path = this.fields.workload.path;
    this.workspace = this.fields.workspace;
    this.node.addValidation({
      validate: () =>
        this.source || this.node.children.some((child) => isKalypsoObjectOfKind(child, 'Workload'))
          ? []
          : [
              `WorkloadRegistration "${this.name}" has no Workload; define it in code inside the registration (new Workload(registration, id, …))`,
            ],
    });
  }
}

/** A repository location with the defaults of a left-out branch and path. */
export function repositoryRef(location: RepositoryLocation, defaultBranch: string): RepositoryRef {
  return { repo: location.repo, branch: location.branch ?? defaultBranch, path: location.path ?? '.' };
}
