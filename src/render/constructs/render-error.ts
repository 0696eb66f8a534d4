import { SourceLocation } from '../../core/model/problems';

/**
 * A renderer could not render an assignment because of its input (a Template that fails, say). Thrown while the
 * assignment chart is built; the assignment fails with this message at `location`, and other assignments go on.
 */
export class RenderError extends Error {
  public constructor(
    message: string,
    /** Where the input that failed was written. */
    public readonly location?: SourceLocation,
    /** `Kind/name` of the object that failed. */
    public readonly object?: string,
  ) {
    super(message);
  }
}

/**
 * Config keys the renderer cannot write (not ConfigMap keys, not shell variable names). Each fails the assignment at
 * the ConfigMap entry that set the key, which the plan knows.
 */
export class ConfigKeyError extends Error {
  public constructor(
    /** Each key, and why it cannot be written. */
    public readonly keys: readonly { readonly key: string; readonly problem: string }[],
  ) {
    super(keys.map(({ problem }) => problem).join('; '));
  }
}
