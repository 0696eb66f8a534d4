/**
 * Thrown by `ControlPlane.plan()` and `ControlPlane.synth()` when constructs fail validation: every error at once,
 * each prefixed with the path of the construct it concerns, as cdk8s' `App.synth()` reports them.
 */
export class ValidationError extends Error {
  /** Each error as `[construct/path] message`. */
  public readonly errors: readonly string[];

  public constructor(errors: readonly string[]) {
    super(`Validation failed with the following errors:\n  ${errors.join('\n  ')}`);
    this.name = 'ValidationError';
    this.errors = [...errors];
    // Input problems, not a bug: printed uncaught, the error shows its message and no stack trace.
    this.stack = `${this.name}: ${this.message}`;
  }
}
