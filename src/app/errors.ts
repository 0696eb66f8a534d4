import { GitError } from '../io/git/git-runner';
import { GitHubError } from '../io/github/github-error';
import { HostError } from '../io/hosts/host-error';
import { KubernetesError } from '../io/kubernetes/flux-objects';
import { OutputError } from '../io/output/output-lock';
import { LoadUsageError } from '../io/source/load';
import { RolloutStateError } from './rollout/tracking-file';

/**
 * A mistake in what was asked of a use case (a flag, an option, a name that does not exist): reported in one line,
 * with the command's help hint on the command line, exit 2.
 */
export class UsageError extends Error {
  public constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/**
 * Whether an error comes from the environment the command ran in rather than from its input or from a bug: git, a Git
 * host, Kubernetes, the output folder, the file system, or a request the loader refused. The command line exits 2 on
 * them, printing `describeEnvironmentError`.
 */
export function isEnvironmentError(e: unknown): e is Error {
  return (
    e instanceof LoadUsageError ||
    e instanceof OutputError ||
    e instanceof GitError ||
    e instanceof GitHubError ||
    e instanceof HostError ||
    e instanceof KubernetesError ||
    e instanceof RolloutStateError ||
    isFileSystemError(e)
  );
}

/**
 * The one line that says what went wrong: a file-system error names the path and what to do; others keep their message.
 */
export function describeEnvironmentError(e: Error): string {
  return isFileSystemError(e) ? describeFileSystemError(e) : e.message;
}

function isFileSystemError(e: unknown): e is NodeJS.ErrnoException {
  const code = (e as NodeJS.ErrnoException)?.code;
  return typeof code === 'string' && /^E[A-Z]+$/.test(code) && typeof (e as NodeJS.ErrnoException).syscall === 'string';
}

/** What each error code means for the path it names, and what to do about it. */
const FILE_SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOENT: 'does not exist; check the path',
  ENOTDIR: 'a part of the path is a file, where a folder is needed; check the path',
  EISDIR: 'is a folder, where a file is needed; check the path',
  EEXIST: 'already exists and is in the way; move it or choose another path',
  ENOTEMPTY: 'is a folder that is not empty; move it or choose another path',
  EACCES: 'permission denied; check the owner and mode of the path, or choose another one',
  EPERM: 'operation not permitted; check the owner and mode of the path, or choose another one',
  EROFS: 'is on a read-only file system; choose a writable path',
  ENOSPC: 'no space left on the device; free some space',
  EMFILE: 'too many open files; raise the limit (ulimit -n)',
  ENAMETOOLONG: 'the path is too long; choose a shorter one',
  ELOOP: 'too many symbolic links; check the links on the path',
};

/** `<path>: <what is wrong>; <what to do> (<syscall> <code>)`. */
function describeFileSystemError(e: NodeJS.ErrnoException): string {
  const meaning = FILE_SYSTEM_ERRORS[e.code!] ?? 'failed';
  return `${e.path ?? 'a file'}: ${meaning} (${e.syscall} ${e.code})`;
}
