/** Where a command writes, and what it may know of its terminal and environment; tests pass their own. */
export interface CliIO {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly cwd: string;
  /**
   * Environment variables the command line honours (`NO_COLOR`, `FORCE_COLOR`, `GITHUB_TOKEN`, `XDG_CACHE_HOME`).
   * git runs with them (its own, such as `PATH`, `HOME` and `SSH_AUTH_SOCK`, included).
   * @default - none: no colour forced or refused, no token; git runs with the process's environment
   */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /**
   * Whether stderr is a terminal: colour and the progress indicator are only used there.
   * @default false
   */
  readonly stderrIsTTY?: boolean;
  /** Whether stdout is a terminal. @default false */
  readonly stdoutIsTTY?: boolean;
}

export const PROCESS_IO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
  stdoutIsTTY: process.stdout.isTTY === true,
};
