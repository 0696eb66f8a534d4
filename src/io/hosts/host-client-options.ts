import { RetryPolicy } from './http/retry-policy';

/** How an adapter reaches its host. */
export interface HostClientOptions {
  /** The token, sent in the host's authentication header only. @default - anonymous */
  readonly token?: string;
  /** The variable the token came from, named when the host rejects it. */
  readonly tokenVariable?: string;
  /** @default - 3 retries, 300 s longest rate-limit wait */
  readonly retry?: Partial<RetryPolicy>;
  /** Milliseconds slept per second of waiting; tests shrink it. @default 1000 */
  readonly millisecondsPerSecond?: number;
}

/** Longest listing followed page by page, so that a huge or looping answer cannot run away. */
export const MAX_PAGES = 100;

/** `a/b c` → `a/b%20c`: each segment of a branch or file path encoded, slashes kept. */
export function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}
