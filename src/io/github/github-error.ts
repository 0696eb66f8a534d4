/** A GitHub API call that failed; the message is GitHub's, with what we were doing, free of secrets. */
export class GitHubError extends Error {
  public constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'GitHubError';
  }
}

/** The parts of Octokit's `RequestError` we read. */
interface RequestErrorLike {
  readonly name: 'HttpError';
  readonly status: number;
  readonly message: string;
  readonly response?: { readonly data?: unknown };
}

export function isRequestError(e: unknown): e is RequestErrorLike {
  return e instanceof Error && e.name === 'HttpError' && typeof (e as { status?: unknown }).status === 'number';
}

/**
 * Turns Octokit's error into a `GitHubError` saying what failed and GitHub's own message (`422 Validation Failed:
 * A pull request already exists for org:kalypso/dev.`), with `redact` applied; other errors pass through.
 */
export function toGitHubError(e: unknown, doing: string, redact: (text: string) => string = (text) => text): unknown {
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
