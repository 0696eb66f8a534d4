import type { Clock } from '../app/promotion/wait-for-compliance';
import type { GitHubClientFactory } from '../app/setup/github-access';
import type { PullRequestHostFactory } from '../app/setup/host-access';
import { ExitCode } from './exit';
import { FlagDeclarations, declareFlags } from './flags/flag-declaration';
import { ParsedArguments, checkRequired, parseFlags } from './flags/parse-flags';
import { commandHelp } from './help/help-text';
import { CliIO } from './io';

/** What commands get from outside besides their arguments and IO; tests replace the Git host clients and the clock. */
export interface CliServices {
  /** @default - the real client (retries, rate limits) */
  readonly createGitHubClient?: GitHubClientFactory;
  /** The adapters of the other Git hosts. @default - the real ones (retries, rate limits) */
  readonly createPullRequestHost?: PullRequestHostFactory;
  /** The clock `kalypso check` waits with. @default - the system clock */
  readonly clock?: Clock;
}

/** What a command runs with. */
export interface CommandContext {
  readonly io: CliIO;
  readonly services: CliServices;
}

/** A titled part of a command's help after its flags: `name  text` entries, or paragraphs. */
export interface HelpSection {
  readonly title: string;
  /** The headings of the entries' two columns in the CLI reference. @default ['', ''] */
  readonly columns?: readonly [string, string];
  readonly entries?: readonly (readonly [string, string])[];
  readonly paragraphs?: readonly string[];
}

/** Everything help and the CLI reference say about a command; all of it is declared once, here. */
export interface CommandHelp {
  readonly name: string;
  /** One line for the command list. */
  readonly summary: string;
  /** Forms after `kalypso <name> `. @default ['[options]'] */
  readonly usage?: readonly string[];
  /** Paragraphs; help wraps them. */
  readonly description: readonly string[];
  /** Positional arguments (`DIR`) and what they are; none means the command takes only flags. */
  readonly arguments?: readonly (readonly [string, string])[];
  readonly flags: FlagDeclarations;
  /** Further sections after the flags (environment variables, forms of a value…). */
  readonly sections?: readonly HelpSection[];
  /** The exit codes the command returns. */
  readonly exitCodes: readonly ExitCode[];
  /** What an exit code means for this command, where it says more than `EXIT_CODE_MEANINGS`. */
  readonly exitCodeMeanings?: Partial<Readonly<Record<ExitCode, string>>>;
  /** Command lines, each starting with `kalypso`. */
  readonly examples: readonly string[];
}

/** The flag every command has. */
export const HELP_FLAG = declareFlags({
  help: { type: 'boolean', short: 'h', description: 'show this help' },
});

type WithHelp<D extends FlagDeclarations> = D & typeof HELP_FLAG;

/** What a command does with its parsed command line. */
export type CommandAction<D extends FlagDeclarations> = (
  args: ParsedArguments<WithHelp<D>>,
  context: CommandContext,
) => Promise<ExitCode>;

/** A command as declared: its help, and what it does (loaded on use, so that help starts without cdk8s). */
export interface CommandDeclaration<D extends FlagDeclarations> extends CommandHelp {
  readonly flags: D;
  readonly load: () => Promise<CommandAction<D>>;
}

/** A command ready to run: its help (`--help` included among its flags) and a parse-then-run entry. */
export interface Command extends CommandHelp {
  /** Parses `argv` (after the command name); prints help on `--help`, else runs the command. */
  run(argv: readonly string[], io: CliIO, services: CliServices): Promise<ExitCode>;
}

export function defineCommand<D extends FlagDeclarations>(declaration: CommandDeclaration<D>): Command {
  const flags: WithHelp<D> = { ...declaration.flags, ...HELP_FLAG };
  const command: Command = {
    ...declaration,
    flags,
    run: async (argv, io, services) => {
      const parsed = parseFlags(argv, flags, { positionals: (declaration.arguments ?? []).length > 0 });
      if (parsed.flags.help) {
        io.stdout(commandHelp(command));
        return ExitCode.SUCCESS;
      }
      checkRequired(flags, parsed.flags);
      return (await declaration.load())(parsed, { io, services });
    },
  };
  return command;
}
