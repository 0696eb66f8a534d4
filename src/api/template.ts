import { Construct } from 'constructs';
import { Template as TemplateModel, TemplateType } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `Template`. */
export interface TemplateProps extends KalypsoObjectProps {
  /** The role the template is written for (Kalypso does not enforce it: a ClusterType may use it in any role). */
  readonly type: TemplateType;
  /** Go `text/template` documents, rendered in order with the assignment's data (`.Namespace`, `.ConfigData`…). */
  readonly manifests: readonly string[];
  /**
   * `sh` writes the config file as `platform-config.sh`; anything else as `platform-config.yaml`. Only read when the
   * template renders the platform config.
   * @default "configMap"
   */
  readonly contentType?: string;
}

/**
 * A Kalypso Template (`scheduler.kalypso.io/v1alpha1` Template): a ClusterType's `reconciler`, `namespaceService` or
 * `configType` naming it renders with it. A Template wins over a registered renderer of the same name.
 */
export class Template extends KalypsoObject<TemplateModel> {
  /** The role the template is written for. */
  public readonly type: TemplateType;
  /** `sh` or anything else (YAML). */
  public readonly contentType: string;
  private readonly _manifests: string[];

  public constructor(scope: Construct, id: string, props: TemplateProps) {
    super(scope, id, 'Template', props);
    this.type = props.type;
    this.contentType = props.contentType || 'configMap';
    this._manifests = [...props.manifests];
  }

  /** The template documents (a copy). */
  public get manifests(): string[] {
    return [...this._manifests];
  }

  public toModel(): TemplateModel {
    return { ...this.modelBase(), type: this.type, contentType: this.contentType, manifests: this.manifests };
  }

  protected manifestBody(): Record<string, unknown> {
    return {
      spec: { type: this.type, contentType: this.contentType, manifests: this.manifests },
    };
  }
}
