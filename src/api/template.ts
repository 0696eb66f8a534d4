import { Construct } from 'constructs';
import { KindProps } from '../core/model/kind';
import { TEMPLATE } from '../core/model/kinds';
import { Template as TemplateModel, TemplateType } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** Props of a `Template`. */
export interface TemplateProps extends KalypsoObjectProps, KindProps<typeof TEMPLATE> {}

/**
 * A Kalypso Template (`scheduler.kalypso.io/v1alpha1` Template): a ClusterType's `reconciler`, `namespaceService` or
 * `configType` naming it renders with it. A Template wins over a registered renderer of the same name.
 */
export class Template extends KalypsoObject<TemplateModel> {
  /** The role the template is written for. */
  public readonly type: TemplateType;
  /** `sh` or anything else (YAML). */
  public readonly contentType: string;

  public constructor(scope: Construct, id: string, props: TemplateProps) {
    super(scope, id, TEMPLATE, props);
    this.type = this.fields.type;
    this.contentType = this.fields.contentType;
  }

  /** The template documents (a copy). */
  public get manifests(): string[] {
    return [...this.fields.manifests];
  }
}
