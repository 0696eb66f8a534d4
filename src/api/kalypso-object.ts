import { Construct, IConstruct } from 'constructs';
import { SourcedDocument } from '../core/model/documents';
import { KINDS } from '../core/model/kinds';
import { ControlPlaneObject, Kind } from '../core/model/types';
import { ControlPlaneScope, findControlPlane, isKalypsoObjectScope, markKalypsoObject } from './scope';

/** Props every control-plane object shares: its Kubernetes name and labels. */
export interface KalypsoObjectProps {
  /**
   * Kubernetes name of the object (`metadata.name`).
   * @default - the construct id
   */
  readonly name?: string;
  /**
   * Labels of the object (`metadata.labels`): what scheduling policies and platform configs select on.
   * @default - no labels
   */
  readonly labels?: Readonly<Record<string, string>>;
  /**
   * The YAML document the object was read from. `ControlPlane.fromFolder` sets it, so that problems name the file
   * and line.
   * @default - written in code: problems name the construct path only
   */
  readonly source?: SourcedDocument;
}

/**
 * One object of the control plane (a ClusterType, a SchedulingPolicy, a platform ConfigMap…) as a construct. Where it
 * is defined decides where it applies: directly in a `ControlPlane` it is part of every environment (like the objects
 * of the `main` branch), in an `Environment` only of that one (like the objects of the environment's branch).
 */
export abstract class KalypsoObject<T extends ControlPlaneObject = ControlPlaneObject> extends Construct {
  /** Whether `value` is a control-plane object construct (works across copies of this library). */
  public static isKalypsoObject(value: unknown): value is KalypsoObject {
    return isKalypsoObjectScope(value);
  }

  /** The Kalypso kind, e.g. `ClusterType`. */
  public readonly kind: T['kind'];
  /** Kubernetes name of the object. */
  public readonly name: string;
  /** The YAML document the object was read from; undefined when written in code. */
  public readonly source?: SourcedDocument;

  private readonly _labels: Record<string, string>;
  private readonly controlPlane: ControlPlaneScope;

  protected constructor(scope: Construct, id: string, kind: T['kind'], props: KalypsoObjectProps) {
    super(scope, id);
    this.controlPlane = findControlPlane(this, kind);
    markKalypsoObject(this);
    this.kind = kind;
    this.name = props.name ?? id;
    this._labels = { ...props.labels };
    this.source = props.source;
    this.node.addValidation({ validate: () => this.controlPlane._problemsOf(this) });
    this.controlPlane._changed();
  }

  /** The labels of the object (a copy). */
  public get labels(): Record<string, string> {
    return { ...this._labels };
  }

  /** The object as the scheduling pipeline sees it: the same plain data the YAML loader produces. */
  public abstract toModel(): T;

  /** The object as a Kubernetes manifest, as it would be written in a control-plane repository. */
  public toManifest(): Record<string, unknown> {
    return {
      apiVersion: KINDS[this.kind].apiVersion,
      kind: this.kind,
      metadata: this.manifestMetadata(),
      ...this.manifestBody(),
    };
  }

  /** The fields of the manifest besides `apiVersion`, `kind` and `metadata`: `spec`, or a ConfigMap's `data`. */
  protected abstract manifestBody(): Record<string, unknown>;

  /** Subclasses call this whenever they change what `toModel` returns. */
  protected changed(): void {
    this.controlPlane._changed();
  }

  /** `metadata` of the manifest: the name, and the labels when there are any. */
  protected manifestMetadata(): Record<string, unknown> {
    return Object.keys(this._labels).length > 0 ? { name: this.name, labels: this.labels } : { name: this.name };
  }

  /** The fields every model object has. */
  protected modelBase(): { kind: T['kind']; name: string; labels: Record<string, string>; source?: SourcedDocument } {
    return { kind: this.kind, name: this.name, labels: this.labels, ...(this.source ? { source: this.source } : {}) };
  }
}

/** @internal */
export function isKalypsoObjectOfKind<K extends Kind>(
  value: IConstruct,
  kind: K,
): value is KalypsoObject<Extract<ControlPlaneObject, { kind: K }>> {
  return KalypsoObject.isKalypsoObject(value) && value.kind === kind;
}
