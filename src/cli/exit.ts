/** Exit codes of every command (SPEC §7). */
export enum ExitCode {
  SUCCESS = 0,
  /** Problems in the input, all reported. */
  INPUT_PROBLEMS = 1,
  /** Bad usage or a failing environment (git, network, output folder). */
  USAGE_OR_ENVIRONMENT = 2,
  /** `kalypso diff`: the plan and the existing tree differ (for CI gates). */
  DIFFERENT = 3,
  /** `kalypso check`: the commit was not deployed (a cluster failed, or the timeout passed). */
  NOT_DEPLOYED = 4,
}

/** A mistake in how the command was called: printed with the command's usage hint, exit 2. */
export class UsageError extends Error {}
