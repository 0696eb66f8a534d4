/** A GitHub API call that failed; the message is GitHub's, with what we were doing, free of secrets. */
export class GitHubError extends Error {
  public constructor(
    message: string,
    /** The HTTP status GitHub answered with; undefined when no answer came (the network failed). */
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

/** A request that got no answer: `cannot reach <host>: <reason>`. */
export class GitHubUnreachableError extends GitHubError {
  public constructor(
    public readonly host: string,
    public readonly reason: string,
  ) {
    super(`cannot reach ${host}: ${reason}`);
    this.name = 'GitHubUnreachableError';
  }
}

/** The parts of Octokit's `RequestError` we read. */
interface RequestErrorLike {
  readonly name: 'HttpError';
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly data?: unknown };
  readonly request?: { readonly url?: string };
  readonly cause?: unknown;
}

export function isRequestError(e: unknown): e is RequestErrorLike {
  return e instanceof Error && e.name === 'HttpError' && typeof (e as { status?: unknown }).status === 'number';
}

/** What a failed connection's error code means. */
const NETWORK_FAILURES: Readonly<Record<string, string>> = {
  ENOTFOUND: 'the host name does not resolve',
  EAI_AGAIN: 'the host name cannot be resolved now; is the network up?',
  ECONNREFUSED: 'the connection was refused',
  ECONNRESET: 'the connection was reset',
  ETIMEDOUT: 'the connection timed out',
  EHOSTUNREACH: 'there is no route to the host',
  ENETUNREACH: 'the network is unreachable',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_SOCKET: 'the connection was closed',
};

/** Codes of failures that the next attempt would meet again at once: a host name that does not resolve. */
const DNS_FAILURES = ['ENOTFOUND', 'EAI_AGAIN'];

/**
 * The network failure behind an Octokit error, when the request got no answer at all: Octokit reports that as status
 * 500 without a response, although no server said 500. Undefined for an answer from GitHub, and any other error.
 */
export function unanswered(e: unknown): { host: string; code?: string; reason: string } | undefined {
  if (!isRequestError(e) || e.response !== undefined) return undefined;
  let host = 'the GitHub API';
  try {
    host = new URL(e.request?.url ?? '').host || host;
  } catch {
    // no URL to name
  }
  const system = systemError(e.cause);
  const code = system?.code;
  const meaning = code !== undefined ? NETWORK_FAILURES[code] : undefined;
  const reason = meaning ? `${meaning} (${code})` : (system?.message ?? e.message);
  return { host, code, reason };
}

/** Whether retrying cannot help: the host name does not resolve. */
export function isDnsFailure(failure: { readonly code?: string }): boolean {
  return failure.code !== undefined && DNS_FAILURES.includes(failure.code);
}

/**
 * The error with a `code` in a `fetch failed` chain (`TypeError` → `Error { code: 'ENOTFOUND' }`). Read by shape:
 * `fetch` may throw errors of another realm, which `instanceof Error` does not recognise.
 */
function systemError(cause: unknown): { code?: string; message: string } | undefined {
  let last: { code?: string; message: string } | undefined;
  for (let at = cause, depth = 0; isErrorLike(at) && depth < 5; at = at.cause, depth++) {
    last = { message: at.message };
    if (typeof at.code === 'string') return { code: at.code, message: at.message };
  }
  return last;
}

function isErrorLike(value: unknown): value is { message: string; code?: unknown; cause?: unknown } {
  return typeof value === 'object' && value !== null && typeof (value as { message?: unknown }).message === 'string';
}

/**
 * Turns Octokit's error into a `GitHubError` saying what failed and GitHub's own message (`422 Validation Failed:
 * A pull request already exists for org:kalypso/dev.`), or — when no answer came — which host could not be reached
 * and why, with `redact` applied; other errors pass through.
 */
export function toGitHubError(e: unknown, doing: string, redact: (text: string) => string = (text) => text): unknown {
  if (e instanceof GitHubUnreachableError) return new GitHubError(redact(`cannot ${doing}: ${e.message}`));
  const failure = unanswered(e);
  if (failure) return new GitHubError(redact(`cannot ${doing}: cannot reach ${failure.host}: ${failure.reason}`));
  if (!isRequestError(e)) {
    if (
      e instanceof Error &&
      !(e instanceof GitHubError) &&
      /fetch failed|ECONNREFUSED|ENOTFOUND|ETIMEDOUT|socket/i.test(
        `${e.message} ${String((e as { cause?: unknown }).cause ?? '')}`,
      )
    ) {
      return new GitHubError(redact(`cannot ${doing}: ${e.message}`));
    }
    return e;
  }
  const data = (e.response?.data ?? {}) as { message?: unknown; errors?: unknown };
  const message = typeof data.message === 'string' ? data.message : e.message;
  const details = Array.isArray(data.errors) ? data.errors.map(describeError).filter(Boolean) : [];
  return new GitHubError(
    redact(
      `cannot ${doing}: GitHub answered ${e.status} ${message}${details.length > 0 ? `: ${details.join('; ')}` : ''}`,
    ),
    e.status,
  );
}

function describeError(error: unknown): string {
  if (typeof error === 'string') return error;
  if (typeof error !== 'object' || error === null) return '';
  const { message, resource, field, code } = error as Record<string, unknown>;
  if (typeof message === 'string' && message !== '') return message;
  return [resource, field, code].filter((part) => typeof part === 'string').join(' ');
}
