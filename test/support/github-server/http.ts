/**
 * The handler contract shared by all routes: what a route receives, what it returns, how it fails, and
 * GitHub's pagination (`per_page`/`page` and a `Link` header).
 */
import { IncomingHttpHeaders } from 'http';
import { FixtureOperation } from './fixture';
import { RepoState } from './state';
import { World } from './world';

/** What a route answers. `body` is JSON; `raw` is sent as is (media type `raw`). */
export interface Reply {
  readonly status: number;
  readonly body?: unknown;
  readonly raw?: { readonly contentType: string; readonly data: Buffer };
  readonly headers?: Readonly<Record<string, string>>;
}

/** One entry of a GitHub validation error (`errors[]` of a 422). */
export interface GitHubErrorDetail {
  readonly resource?: string;
  readonly field?: string;
  readonly code: string;
  readonly message?: string;
}

/** A GitHub error answer: `{ message, errors?, documentation_url, status }`. Routes throw it. */
export class HttpError extends Error {
  constructor(
    public readonly status: number,
    message: string,
    public readonly errors?: readonly GitHubErrorDetail[],
    public readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

export interface RouteContext {
  readonly world: World;
  readonly operation: FixtureOperation;
  /** Path parameters, decoded and coerced to their documented types. */
  readonly params: Readonly<Record<string, unknown>>;
  /** Documented query parameters, coerced; undocumented ones are ignored as GitHub ignores them. */
  readonly query: Readonly<Record<string, unknown>>;
  /** The parsed JSON body (`undefined` when none was sent). */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** The request URL resolved against the server's origin. */
  readonly url: URL;
}

export type RouteHandler = (ctx: RouteContext) => Reply;

/** The repository named by `{owner}/{repo}`, or GitHub's 404. */
export function repoOf(ctx: RouteContext): RepoState {
  const repo = ctx.world.repo(String(ctx.params.owner), String(ctx.params.repo));
  if (!repo) {
    throw notFound();
  }
  return repo;
}

export function notFound(message = 'Not Found'): HttpError {
  return new HttpError(404, message);
}

/** GitHub's "Validation Failed" 422 with one detail. */
export function validationFailed(detail: GitHubErrorDetail, message = 'Validation Failed'): HttpError {
  return new HttpError(422, message, [detail]);
}

export function stringParam(ctx: RouteContext, name: string): string {
  return String(ctx.params[name]);
}

/** The request body as an object (schema validation already ran, so fields have documented types). */
export function bodyOf(ctx: RouteContext): Record<string, unknown> {
  const body = ctx.body;
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}

/**
 * One page of `items` as GitHub pages list routes: `per_page` (default `defaultPerPage`, at most 100) and
 * 1-based `page`; the `Link` header names `prev`, `next`, `last` and `first` pages where they exist.
 */
export function paginate<T>(
  ctx: RouteContext,
  items: readonly T[],
  defaultPerPage = 30,
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(ctx.query.per_page ?? defaultPerPage) || defaultPerPage, 1), 100);
  const page = Math.max(Number(ctx.query.page ?? 1) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const slice = items.slice((page - 1) * perPage, page * perPage);
  const link = (p: number, rel: string): string => {
    const url = new URL(ctx.url.toString());
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(p));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) {
    links.push(link(Math.min(page - 1, lastPage), 'prev'));
  }
  if (page < lastPage) {
    links.push(link(page + 1, 'next'), link(lastPage, 'last'));
  }
  if (page > 1) {
    links.push(link(1, 'first'));
  }
  return { items: slice, headers: links.length > 0 ? { link: links.join(', ') } : {} };
}

/** A paginated 200 answer. */
export function pageReply<T>(ctx: RouteContext, items: readonly T[], defaultPerPage = 30): Reply {
  const { items: page, headers } = paginate(ctx, items, defaultPerPage);
  return { status: 200, body: page, headers };
}
