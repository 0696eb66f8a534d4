import { Construct } from 'constructs';
import { AssignmentContext } from './assignment-context';

/**
 * Adds the objects of one output file of an assignment to `scope`: cdk8s ApiObjects, or `RawManifest`s for text that
 * is not a Kubernetes object.
 */
export interface IRenderer {
  /**
   * Adds the file's objects for one assignment to `scope`. Problems that only show once everything is built go in
   * `scope.node.addValidation`; they are reported with the construct path, and the assignment is not written.
   */
  render(scope: Construct, context: AssignmentContext): void;
}

/** Renders `reconciler.yaml`: the objects that make a cluster pull the deployment target's manifests. */
export interface IReconciler extends IRenderer {}

/** Renders `namespace.yaml`: the namespace the workload runs in. */
export interface INamespaceRenderer extends IRenderer {}

/** The file a config renderer writes. */
export enum ConfigFileType {
  /** `platform-config.yaml` */
  YAML = 'yaml',
  /** `platform-config.sh` */
  SH = 'sh',
}

/** Renders the platform config file; omitted from the output when it renders nothing. */
export interface IConfigRenderer extends IRenderer {
  /**
   * The file it writes.
   * @default ConfigFileType.YAML
   */
  readonly fileType?: ConfigFileType;
}
