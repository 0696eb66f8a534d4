import { spawn } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { redactSecrets, redactUrlCredentials } from './secrets';

/** A git command that failed, timed out or could not start; its message is free of secrets. */
/** A git failure; its message and stderr never hold credentials written into a URL (they are redacted here). */
export class GitError extends Error {
  public readonly stderr: string;

  public constructor(message: string, stderr = '') {
    super(redactUrlCredentials(message));
    this.name = 'GitError';
    this.stderr = redactUrlCredentials(stderr);
  }
}

export interface GitRunnerProps {
  /** The complete environment of git processes (see `gitEnvironment`). */
  readonly env: Readonly<Record<string, string>>;
  /** Strings removed from every message (the token). */
  readonly secrets?: readonly string[];
  /**
   * Longest a command talking to a remote (fetch, push, ls-remote) may run.
   * @default 300000 (5 minutes)
   */
  readonly networkTimeoutMs?: number;
  /**
   * Longest any other command may run.
   * @default 120000
   */
  readonly timeoutMs?: number;
  /**
   * The git executable.
   * @default 'git' from PATH
   */
  readonly gitBinary?: string;
}

export interface GitRunOptions {
  /** Run against this repository (`--git-dir`); no repository discovery happens either way. */
  readonly gitDir?: string;
  /** Bytes written to standard input. */
  readonly input?: Buffer | string;
  /** The command talks to a remote: the network timeout applies. */
  readonly network?: boolean;
  /** Extra environment variables for this command (e.g. `GIT_INDEX_FILE`). */
  readonly env?: Readonly<Record<string, string>>;
  /** Exit codes that are not failures (e.g. 1 for `rev-parse --verify --quiet`). */
  readonly okExitCodes?: readonly number[];
}

export interface GitResult {
  readonly stdout: Buffer;
  readonly stderr: string;
  readonly exitCode: number;
}

/**
 * Runs git with an argument array (never a shell), the prepared environment, a timeout on every command, and
 * messages scrubbed of secrets. Callers put `--` before paths and URLs and validate refs first (`git-refs.ts`).
 */
export class GitRunner {
  public readonly secrets: readonly string[];
  private readonly networkTimeoutMs: number;
  private readonly timeoutMs: number;

  public constructor(private readonly props: GitRunnerProps) {
    this.secrets = props.secrets ?? [];
    this.networkTimeoutMs = props.networkTimeoutMs ?? 300_000;
    this.timeoutMs = props.timeoutMs ?? 120_000;
  }

  /** Runs `git <args>`; throws `GitError` on a failure exit code, a timeout, or when git cannot start. */
  public async run(args: readonly string[], options: GitRunOptions = {}): Promise<GitResult> {
    const fullArgs = [...(options.gitDir ? [`--git-dir=${path.resolve(options.gitDir)}`] : []), ...args];
    const command = args.find((arg) => !arg.startsWith('-')) ?? 'git';
    const timeout = options.network ? this.networkTimeoutMs : this.timeoutMs;
    const result = await new Promise<GitResult & { timedOut: boolean }>((resolve, reject) => {
      const child = spawn(this.props.gitBinary ?? 'git', fullArgs, {
        env: { ...this.props.env, ...options.env },
        cwd: os.tmpdir(),
        stdio: ['pipe', 'pipe', 'pipe'],
        windowsHide: true,
        // Its own process group, so that a timeout also stops the helpers git starts (git-remote-https, ssh).
        detached: process.platform !== 'win32',
      });
      const stdout: Buffer[] = [];
      const stderr: Buffer[] = [];
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        try {
          if (child.pid !== undefined && process.platform !== 'win32') process.kill(-child.pid, 'SIGKILL');
          else child.kill('SIGKILL');
        } catch {
          child.kill('SIGKILL');
        }
      }, timeout);
      child.stdout.on('data', (chunk: Buffer) => stdout.push(chunk));
      child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
      child.stdin.on('error', () => undefined);
      child.on('error', (e) => {
        clearTimeout(timer);
        reject(new GitError(`cannot run git: ${this.redact(e.message)}`));
      });
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({
          stdout: Buffer.concat(stdout),
          stderr: Buffer.concat(stderr).toString('utf8'),
          exitCode: code ?? -1,
          timedOut,
        });
      });
      child.stdin.end(options.input ?? '');
    });
    if (result.timedOut) throw new GitError(`git ${command} timed out after ${Math.round(timeout / 1000)} s`);
    if (result.exitCode !== 0 && !(options.okExitCodes ?? []).includes(result.exitCode)) {
      const stderr = this.redact(result.stderr.trim());
      throw new GitError(
        `git ${command} failed${stderr ? `: ${lastLines(stderr)}` : ` with exit code ${result.exitCode}`}`,
        stderr,
      );
    }
    return { stdout: result.stdout, stderr: this.redact(result.stderr), exitCode: result.exitCode };
  }

  /** `git <args>` standard output as text, without the final newline. */
  public async text(args: readonly string[], options: GitRunOptions = {}): Promise<string> {
    return (await this.run(args, options)).stdout.toString('utf8').replace(/\n$/, '');
  }

  public redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}

/** git's useful message: its `fatal:` and `error:` lines, else the end of stderr (after progress and hints). */
function lastLines(text: string): string {
  const lines = text.split('\n').filter((line) => line.trim() !== '' && !line.startsWith('hint:'));
  const errors = lines.filter((line) => /^(fatal|error):/.test(line));
  return (errors.length > 0 ? errors : lines).slice(-3).join(' / ');
}
