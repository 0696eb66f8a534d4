import { Construct } from 'constructs';

/** Props of a `RawManifest`. */
export interface RawManifestProps {
  /** Written to the output file exactly as given. */
  readonly text: string;
}

/**
 * Text that goes into an output file verbatim: a shell env file, or template output that is not a Kubernetes object.
 */
export class RawManifest extends Construct {
  /** Whether `value` is a RawManifest. */
  public static isRawManifest(value: unknown): value is RawManifest {
    return value instanceof RawManifest;
  }

  /** The text, written verbatim. */
  public readonly text: string;

  public constructor(scope: Construct, id: string, props: RawManifestProps) {
    super(scope, id);
    this.text = props.text;
  }
}
