import { ownPackage } from '../app/own-package';
import { UsageError, describeEnvironmentError, isEnvironmentError } from '../app/errors';
import { hostSecrets, redactSecrets } from '../app/setup/git-services';
import { didYouMean } from '../core/model/did-you-mean';
import { CliServices, Command } from './command';
import { COMMANDS, PROGRAM } from './commands/all-commands';
import { ExitCode } from './exit';
import { programHelp } from './help/help-text';
import { CliIO, PROCESS_IO } from './io';

export type { CliServices } from './command';

export function version(): string {
  return ownPackage().manifest.version;
}

function findCommand(name: string | undefined): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}

/** Runs one command line; returns the exit code. Expected failures are reported in one line, never as a stack trace. */
export async function main(
  argv: readonly string[],
  rawIo: CliIO = PROCESS_IO,
  services: CliServices = {},
): Promise<ExitCode> {
  if (argv[0] === 'help' && findCommand(argv[1])) return main([argv[1], '--help'], rawIo, services);
  const io = redactingIO(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(programHelp(PROGRAM));
    return name === undefined ? ExitCode.USAGE_OR_ENVIRONMENT : ExitCode.SUCCESS;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return ExitCode.SUCCESS;
  }
  const command = findCommand(name);
  if (!command) {
    const hint = didYouMean(
      name,
      COMMANDS.map((known) => known.name),
    );
    io.stderr(`kalypso: unknown command "${name}"${hint ? `; ${hint}` : ''}; run kalypso --help\n`);
    return ExitCode.USAGE_OR_ENVIRONMENT;
  }
  try {
    return await command.run(rest, io, services);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kalypso ${name}: ${e.message}; run kalypso ${name} --help\n`);
      return ExitCode.USAGE_OR_ENVIRONMENT;
    }
    if (isEnvironmentError(e)) {
      io.stderr(`kalypso ${name}: ${describeEnvironmentError(e)}\n`);
      return ExitCode.USAGE_OR_ENVIRONMENT;
    }
    io.stderr(
      `kalypso ${name}: internal error: ${(e as Error)?.stack ?? String(e)}\nThis is a bug in kalypso-cdk8s; please report it with the command you ran.\n`,
    );
    return ExitCode.USAGE_OR_ENVIRONMENT;
  }
}

/**
 * Everything a command prints, with every Git host's token (`GITHUB_TOKEN`, `GITLAB_TOKEN`, `AZURE_DEVOPS_EXT_PAT`,
 * `SYSTEM_ACCESSTOKEN`, `GITEA_TOKEN`, `BITBUCKET_TOKEN`) and the credentials of every URL removed: our errors never
 * hold one; this is the last line of defence.
 */
function redactingIO(io: CliIO): CliIO {
  const secrets = hostSecrets(io.env ?? {});
  return {
    ...io,
    stdout: (text) => io.stdout(redactSecrets(text, secrets)),
    stderr: (text) => io.stderr(redactSecrets(text, secrets)),
  };
}

/** Entry point of `bin/kalypso`. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
