import { Construct } from 'constructs';
import { KindProps, WithInputs } from '../core/model/kind';
import { CONFIG_SCHEMA } from '../core/model/kinds';
import { ConfigSchema as ConfigSchemaModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** A JSON-Schema document: as text (JSON or YAML), or as an object, which is written as JSON. */
export type JsonSchema = string | { readonly [key: string]: unknown };

/** The text of a schema, as Kalypso stores it. */
export function jsonSchemaText(schema: JsonSchema): string {
  return typeof schema === 'string' ? schema : JSON.stringify(schema);
}

/** Props of a `ConfigSchema`. */
export interface ConfigSchemaProps
  extends KalypsoObjectProps, WithInputs<KindProps<typeof CONFIG_SCHEMA>, { readonly schema: JsonSchema }> {}

/**
 * A JSON Schema for platform config (`scheduler.kalypso.io/v1alpha1` ConfigSchema), applied to the assignments its
 * labels match, the same way platform ConfigMaps are matched (`cluster-type`, `deployment-target`, `workload`…).
 */
export class ConfigSchema extends KalypsoObject<ConfigSchemaModel> {
  /** The schema as text. */
  public readonly schema: string;

  public constructor(scope: Construct, id: string, props: ConfigSchemaProps) {
    super(scope, id, CONFIG_SCHEMA, { ...props, schema: jsonSchemaText(props.schema) });
    this.schema = this.fields.schema;
  }
}
