import { Construct } from 'constructs';
import { ConfigSchema as ConfigSchemaModel } from '../core/model/types';
import { KalypsoObject, KalypsoObjectProps } from './kalypso-object';

/** A JSON-Schema document: as text (JSON or YAML), or as an object, which is written as JSON. */
export type JsonSchema = string | { readonly [key: string]: unknown };

/** The text of a schema, as Kalypso stores it. */
export function jsonSchemaText(schema: JsonSchema): string {
  return typeof schema === 'string' ? schema : JSON.stringify(schema);
}

/** Props of a `ConfigSchema`. */
export interface ConfigSchemaProps extends KalypsoObjectProps {
  /** The JSON Schema the composed platform config of every matching assignment must satisfy. */
  readonly schema: JsonSchema;
}

/**
 * A JSON Schema for platform config (`scheduler.kalypso.io/v1alpha1` ConfigSchema), applied to the assignments its
 * labels match, the same way platform ConfigMaps are matched (`cluster-type`, `deployment-target`, `workload`…).
 */
export class ConfigSchema extends KalypsoObject<ConfigSchemaModel> {
  /** The schema as text. */
  public readonly schema: string;

  public constructor(scope: Construct, id: string, props: ConfigSchemaProps) {
    super(scope, id, 'ConfigSchema', props);
    this.schema = jsonSchemaText(props.schema);
  }

  public toModel(): ConfigSchemaModel {
    return { ...this.modelBase(), schema: this.schema };
  }

  protected manifestBody(): Record<string, unknown> {
    return { spec: { schema: this.schema } };
  }
}
