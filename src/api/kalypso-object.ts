import { Construct, IConstruct } from 'constructs';
import { SourcedDocument } from '../core/model/documents';
import { FieldsOf, ModelKind } from '../core/model/kind';
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
  private readonly definition: ModelKind<T>;
  private _fields: FieldsOf<T>;
  /** Whether the fields are those of a YAML document the loader already checked (and not changed since). */
  private checked = false;

  /**
   * @param definition the kind (from `core/model/kinds.ts`), which gives the fields of `props` their defaults and
   * makes the model object and the manifest of them
   */
  protected constructor(
    scope: Construct,
    id: string,
    definition: ModelKind<T>,
    props: KalypsoObjectProps & Partial<FieldsOf<T>>,
  ) {
    super(scope, id);
    this.controlPlane = findControlPlane(this, definition.kind);
    markKalypsoObject(this);
    this.definition = definition;
    this.kind = definition.kind;
    this.name = props.name ?? id;
    this._labels = { ...props.labels };
    this.source = props.source;
    this._fields = definition.fromProps(props);
    this.node.addValidation({ validate: () => this.controlPlane._problemsOf(this) });
    this.controlPlane._changed();
  }

  /** The labels of the object (a copy). */
  public get labels(): Record<string, string> {
    return { ...this._labels };
  }

  /** The object as the scheduling pipeline sees it: the same plain data the YAML loader produces. */
  public toModel(): T {
    const base = { kind: this.kind, name: this.name, labels: this.labels };
    return this.definition.toModel(this.source ? { ...base, source: this.source } : base, this._fields);
  }

  /** The object as a Kubernetes manifest, as it would be written in a control-plane repository. */
  public toManifest(): Record<string, unknown> {
    return this.definition.toManifest(this.name, this._labels, this._fields);
  }

  /** The fields of the object besides its name and labels, as the model holds them (to read, not to change). */
  protected get fields(): FieldsOf<T> {
    return this._fields;
  }

  /** Changes some of `fields`. */
  protected setFields(change: Partial<FieldsOf<T>>): void {
    this._fields = { ...this._fields, ...change };
    this.checked = false;
    this.controlPlane._changed();
  }

  /**
   * Marks the object as read from YAML the loader checked, so the pipeline does not check it again.
   * @internal
   */
  public _markChecked(): void {
    this.checked = true;
  }

  /**
   * Whether the loader checked the object's fields and nothing changed them since.
   * @internal
   */
  public _isChecked(): boolean {
    return this.checked;
  }
}

/** @internal */
export function isKalypsoObjectOfKind<K extends Kind>(
  value: IConstruct,
  kind: K,
): value is KalypsoObject<Extract<ControlPlaneObject, { kind: K }>> {
  return KalypsoObject.isKalypsoObject(value) && value.kind === kind;
}
