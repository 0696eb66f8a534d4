import * as fs from 'fs';
import * as path from 'path';
import { GitError } from '../io/git/git-runner';
import { redactSecrets } from '../io/git/secrets';
import { GitHubError } from '../io/github/github-error';
import { KubernetesError } from '../io/kubernetes/flux-objects';
import { LoadUsageError } from '../io/source/load';
import { didYouMean } from '../core/model/did-you-mean';
import { OutputError } from '../io/output/output-lock';
import type { GitHubServices } from './github-access';
import type { Clock } from '../app/promotion/wait-for-compliance';
import { ExitCode, UsageError } from './exit';
import { CliIO, PROCESS_IO } from './io';

/** What commands get from outside besides their arguments and IO; tests replace the GitHub client and the clock. */
export interface CliServices {
  readonly createGitHubClient?: GitHubServices['createGitHubClient'];
  /** The clock `kalypso check` waits with. */
  readonly clock?: Clock;
}

type Command = (argv: readonly string[], io: CliIO, services: CliServices) => Promise<ExitCode>;

/** Commands are loaded when used, so `kalypso --version` starts without cdk8s. */
const COMMANDS: Record<string, { summary: string; load: () => Command }> = {
  synth: {
    summary: 'write the platform GitOps tree of each environment',
    load: () => (require('./commands/synth') as typeof import('./commands/synth')).runSynth,
  },
  validate: {
    summary: 'check the control plane and report every problem, writing nothing',
    load: () => (require('./commands/validate') as typeof import('./commands/validate')).runValidate,
  },
  explain: {
    summary: 'show the assignment matrix, or why a target is (not) on a cluster type and where its config comes from',
    load: () => (require('./commands/explain') as typeof import('./commands/explain')).runExplain,
  },
  diff: {
    summary: 'compare the plan with an existing platform GitOps tree, object by object and field by field',
    load: () => (require('./commands/diff') as typeof import('./commands/diff')).runDiff,
  },
  init: {
    summary: 'write a commented starter control plane that synthesizes out of the box',
    load: () => (require('./commands/init') as typeof import('./commands/init')).runInit,
  },
  publish: {
    summary: "publish each environment's tree: a pull request on GitHub, or a git push",
    load: () => (require('./commands/publish') as typeof import('./commands/publish')).runPublish,
  },
  promote: {
    summary: 'pin a main commit for an environment (BaseRepo "main" on its branch) and mark the commit "Promoted"',
    load: () => (require('./commands/promote') as typeof import('./commands/promote')).runPromote,
  },
  check: {
    summary: 'wait until every cluster applied a platform GitOps commit, then promote it to the next environment',
    load: () => (require('./commands/check') as typeof import('./commands/check')).runCheck,
  },
};

export const MAIN_HELP = `Usage: kalypso <command> [options]

Schedules the workloads of a Kalypso control plane onto cluster types and writes the platform GitOps repository.

Commands:
${Object.entries(COMMANDS)
  .map(([name, { summary }]) => `  ${name.padEnd(10)} ${summary}`)
  .join('\n')}

Options of every command that reads a control plane:
  -c, --control-plane PATH   the control plane: a folder of branches (main/, <env>/…) [default: .]
  -e, --env NAME             only this environment (repeatable)
      --source URL=PATH      read repository URL from local folder PATH (repeatable)
      --json                 machine-readable output (shapes in the README, "JSON output")
  -q, --quiet                no progress indicator
  -h, --help                 the command's help, with examples

  -v, --version              print the version

Examples:
  kalypso init my-control-plane
  kalypso synth -c examples/tutorial --out dist
  kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test
  kalypso diff -c examples/tutorial --against dist

Exit codes: 0 success, 1 problems in the input, 2 usage or environment errors, 3 differences (kalypso diff),
4 not deployed (kalypso check).
Problems are coloured on a terminal; NO_COLOR turns colour off, FORCE_COLOR on.
`;

export function version(): string {
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'package.json');
    if (fs.existsSync(candidate)) {
      const pkg = JSON.parse(fs.readFileSync(candidate, 'utf8'));
      if (pkg.name === 'kalypso-cdk8s') return pkg.version;
    }
    if (path.dirname(dir) === dir) return 'unknown';
  }
}

/** Runs one command line; returns the exit code. Expected failures are reported in one line, never as a stack trace. */
export async function main(
  argv: readonly string[],
  rawIo: CliIO = PROCESS_IO,
  services: CliServices = {},
): Promise<ExitCode> {
  if (argv[0] === 'help' && argv[1] !== undefined && argv[1] in COMMANDS)
    return main([argv[1], '--help'], rawIo, services);
  const io = redactingIO(rawIo);
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(MAIN_HELP);
    return name === undefined ? ExitCode.USAGE_OR_ENVIRONMENT : ExitCode.SUCCESS;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(`${version()}\n`);
    return ExitCode.SUCCESS;
  }
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : undefined;
  if (!command) {
    const hint = didYouMean(name, Object.keys(COMMANDS));
    io.stderr(`kalypso: unknown command "${name}"${hint ? `; ${hint}` : ''}; run kalypso --help\n`);
    return ExitCode.USAGE_OR_ENVIRONMENT;
  }
  try {
    return await command.load()(rest, io, services);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`kalypso ${name}: ${e.message}; run kalypso ${name} --help\n`);
      return ExitCode.USAGE_OR_ENVIRONMENT;
    }
    if (
      e instanceof LoadUsageError ||
      e instanceof OutputError ||
      e instanceof GitError ||
      e instanceof GitHubError ||
      e instanceof KubernetesError ||
      isFileSystemError(e)
    ) {
      io.stderr(`kalypso ${name}: ${(e as Error).message}\n`);
      return ExitCode.USAGE_OR_ENVIRONMENT;
    }
    io.stderr(
      `kalypso ${name}: internal error: ${(e as Error)?.stack ?? String(e)}\nThis is a bug in kalypso-cdk8s; please report it with the command you ran.\n`,
    );
    return ExitCode.USAGE_OR_ENVIRONMENT;
  }
}

/** Everything a command prints, with `GITHUB_TOKEN` removed (our errors never hold it; this is the last line of defence). */
function redactingIO(io: CliIO): CliIO {
  const token = io.env?.GITHUB_TOKEN;
  if (!token) return io;
  return {
    ...io,
    stdout: (text) => io.stdout(redactSecrets(text, [token])),
    stderr: (text) => io.stderr(redactSecrets(text, [token])),
  };
}

function isFileSystemError(e: unknown): boolean {
  const code = (e as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** Entry point of `bin/kalypso`. */
export function run(): void {
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
