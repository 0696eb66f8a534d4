/** A Git host API call that failed: what was being done, the host's own answer, never a secret. */
export class HostError extends Error {
  public constructor(
    message: string,
    /** The HTTP status, when the host answered. */
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Network failures that name the problem without an HTTP answer (DNS, refused, reset, timed out). */
const NETWORK_CODES =
  /ENOTFOUND|EAI_AGAIN|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH|ENETUNREACH|UND_ERR_|socket hang up|fetch failed/i;

/** The network error code of a failed request (`ENOTFOUND`…), looking through `cause`; undefined for other errors. */
export function networkErrorCode(e: unknown): string | undefined {
  // Errors of fetch come from another realm under test runners, so they are read by shape, not `instanceof`.
  let seen = false;
  for (let error = e, depth = 0; typeof error === 'object' && error !== null && depth < 5; depth += 1) {
    const { code, message, cause } = error as { code?: unknown; message?: unknown; cause?: unknown };
    if (typeof code === 'string' && NETWORK_CODES.test(code)) return code;
    if (typeof message === 'string' && NETWORK_CODES.test(message)) {
      seen = true;
      const named = /E[A-Z_]{3,}/.exec(message)?.[0];
      if (named) return named;
    }
    error = cause;
  }
  return seen ? 'fetch failed' : undefined;
}

/** Whether a network failure may pass when tried again (a reset connection), unlike a name that does not resolve. */
export function isTransientNetworkError(code: string): boolean {
  return /ECONNRESET|EPIPE|UND_ERR_SOCKET|socket hang up/i.test(code);
}
