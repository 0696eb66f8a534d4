/** Exit codes of every command (docs/reference/cli.md lists them). */
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

/** What each exit code means, in help. */
export const EXIT_CODE_MEANINGS: Readonly<Record<ExitCode, string>> = {
  [ExitCode.SUCCESS]: 'success',
  [ExitCode.INPUT_PROBLEMS]: 'problems in the input',
  [ExitCode.USAGE_OR_ENVIRONMENT]: 'usage or environment errors',
  [ExitCode.DIFFERENT]: 'differences',
  [ExitCode.NOT_DEPLOYED]: 'not deployed',
};
