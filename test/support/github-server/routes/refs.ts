/** Git references: `git/ref/{ref}`, `git/matching-refs/{ref}` and `git/refs[/{ref}]`. */
import { bodyOf, HttpError, notFound, repoOf, RouteContext, RouteHandler, stringParam } from '../http';
import { renderRef } from '../render';
import { deleteRef } from '../repo-ops';
import { RepoState } from '../state';
import { compareStrings } from '../../../../src/core/model/order';

/** GitHub answers 409 to git database calls on a repository without commits. */
export function requireNonEmpty(repo: RepoState): void {
  if (repo.refs.size === 0) {
    throw new HttpError(409, 'Git Repository is empty.');
  }
}

/** The full ref named by a `{ref}` parameter (`heads/main` → `refs/heads/main`). */
function fullRef(ctx: RouteContext): string {
  return `refs/${stringParam(ctx, 'ref').replace(/^refs\//, '')}`;
}

/** git check-ref-format, plus GitHub's "fully qualified with at least two slashes". */
export function isValidRefName(ref: string): boolean {
  return (
    ref.startsWith('refs/') &&
    ref.split('/').length >= 3 &&
    !ref.split('/').some((part) => part === '' || part.startsWith('.') || part.endsWith('.lock')) &&
    !/\.\.|@\{|[\x00-\x20~^:?*[\\\x7f]/.test(ref) &&
    !ref.endsWith('/') &&
    !ref.endsWith('.') &&
    ref !== '@'
  );
}

export const refRoutes: Record<string, RouteHandler> = {
  'git/get-ref': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const ref = fullRef(ctx);
    const sha = repo.refs.get(ref);
    if (!sha) {
      throw notFound();
    }
    return { status: 200, body: renderRef(ctx.world, repo, ref, sha) };
  },

  'git/list-matching-refs': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const prefix = fullRef(ctx);
    const refs = [...repo.refs].filter(([name]) => name.startsWith(prefix)).sort(([a], [b]) => compareStrings(a, b));
    return { status: 200, body: refs.map(([name, sha]) => renderRef(ctx.world, repo, name, sha)) };
  },

  'git/create-ref': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const { ref, sha } = bodyOf(ctx) as { ref: string; sha: string };
    if (!isValidRefName(ref)) {
      throw new HttpError(
        422,
        ref.startsWith('refs/') && ref.split('/').length >= 3
          ? `${ref} is not a valid ref name.`
          : "Reference name must start with 'refs/' and have at least two slashes.",
      );
    }
    if (repo.refs.has(ref)) {
      throw new HttpError(422, 'Reference already exists');
    }
    if (!repo.git.get(sha)) {
      throw new HttpError(422, 'Object does not exist');
    }
    repo.refs.set(ref, sha.toLowerCase());
    repo.pushedAt = ctx.world.now();
    const body = renderRef(ctx.world, repo, ref, sha.toLowerCase());
    return { status: 201, body, headers: { location: String(body.url) } };
  },

  'git/update-ref': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const ref = fullRef(ctx);
    const { sha, force } = bodyOf(ctx) as { sha: string; force?: boolean };
    const current = repo.refs.get(ref);
    if (!current) {
      throw new HttpError(422, 'Reference does not exist');
    }
    const target = repo.git.get(sha);
    if (!target) {
      throw new HttpError(422, 'Object does not exist');
    }
    if (force !== true && !(target.type === 'commit' && repo.git.isAncestor(current, target.sha))) {
      throw new HttpError(422, 'Update is not a fast forward');
    }
    repo.refs.set(ref, target.sha);
    repo.pushedAt = ctx.world.now();
    return { status: 200, body: renderRef(ctx.world, repo, ref, target.sha) };
  },

  'git/delete-ref': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const ref = fullRef(ctx);
    if (!repo.refs.has(ref)) {
      throw new HttpError(422, 'Reference does not exist');
    }
    deleteRef(ctx.world, repo, ref);
    return { status: 204 };
  },
};
