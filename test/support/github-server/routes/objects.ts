/** The git database: `git/trees`, `git/blobs` and `git/commits`. */
import { GitSignature, GitTreeEntry, parseGitDate, TreeChange, TreeChangeError, TreeMode } from '../git-store';
import { bodyOf, HttpError, notFound, Reply, repoOf, RouteContext, RouteHandler, stringParam } from '../http';
import { renderGitCommit, repoApiUrl, wrappedBase64 } from '../render';
import { signatureOf } from '../repo-ops';
import { RepoState } from '../state';
import { World } from '../world';
import { requireNonEmpty } from './refs';

const EITHER_SHA_OR_CONTENT =
  'Must supply either tree.sha or tree.content. Request will be rejected if both are present.';
const TYPE_OF_MODE: Readonly<Record<TreeMode, GitTreeEntry['type']>> = {
  '100644': 'blob',
  '100755': 'blob',
  '120000': 'blob',
  '040000': 'tree',
  '160000': 'commit',
};

/** A tree-ish as `git/trees/{tree_sha}` accepts it: tree sha, commit sha, or branch or tag name. */
function resolveTree(repo: RepoState, treeish: string): string | undefined {
  const object = /^[0-9a-f]{40}$/i.test(treeish) ? repo.git.get(treeish) : undefined;
  if (object?.type === 'tree') {
    return object.sha;
  }
  const commit = object?.type === 'commit' ? object.sha : repo.resolveCommit(treeish);
  return commit ? repo.git.commit(commit)?.tree : undefined;
}

/** Whether the client asked for the raw media type (`application/vnd.github.raw`, `…v3.raw`). */
export function wantsRaw(ctx: RouteContext): boolean {
  return /application\/vnd\.github(\.v3)?\.raw/.test(String(ctx.headers.accept ?? ''));
}

export function rawReply(data: Buffer): Reply {
  return { status: 200, raw: { contentType: 'application/vnd.github.raw; charset=utf-8', data } };
}

function renderTreeEntries(
  world: World,
  repo: RepoState,
  entries: ReadonlyArray<GitTreeEntry & { path?: string }>,
): unknown[] {
  const url = repoApiUrl(world, repo);
  return entries.map((e) => ({
    path: e.path ?? e.name,
    mode: e.mode,
    type: e.type,
    sha: e.sha,
    ...(e.type === 'blob' ? { size: repo.git.blob(e.sha)?.content.length ?? 0, url: `${url}/git/blobs/${e.sha}` } : {}),
    ...(e.type === 'tree' ? { url: `${url}/git/trees/${e.sha}` } : {}),
  }));
}

interface TreeInput {
  readonly path?: string;
  readonly mode?: TreeMode;
  readonly type?: GitTreeEntry['type'];
  readonly sha?: string | null;
  readonly content?: string;
}

/** Turns one `tree[]` entry of "create a tree" into a change, writing `content` as a blob. */
function toChange(repo: RepoState, input: TreeInput): TreeChange {
  if (typeof input.path !== 'string' || input.path === '') {
    throw new HttpError(422, 'Must supply a valid tree.path');
  }
  if (input.mode === undefined) {
    throw new HttpError(422, `Must supply a valid tree.mode for "${input.path}"`);
  }
  const type = TYPE_OF_MODE[input.mode];
  if (input.type !== undefined && input.type !== type) {
    throw new HttpError(422, `tree.type "${input.type}" does not match tree.mode ${input.mode} for "${input.path}"`);
  }
  const hasContent = typeof input.content === 'string';
  const hasSha = typeof input.sha === 'string';
  if (hasContent && hasSha) {
    throw new HttpError(422, EITHER_SHA_OR_CONTENT);
  }
  if (hasContent) {
    if (type !== 'blob') {
      throw new HttpError(422, `tree.content cannot be used with tree.mode ${input.mode}`);
    }
    const blob = repo.git.writeBlob(Buffer.from(input.content as string, 'utf-8'));
    return { path: input.path, mode: input.mode, type, sha: blob.sha };
  }
  if (hasSha) {
    const sha = (input.sha as string).toLowerCase();
    if (type !== 'commit' && repo.git.get(sha)?.type !== type) {
      throw new HttpError(422, `tree.sha ${input.sha} is not a valid ${type}`);
    }
    return { path: input.path, mode: input.mode, type, sha };
  }
  if (input.sha === null) {
    return { path: input.path, sha: null };
  }
  throw new HttpError(422, EITHER_SHA_OR_CONTENT);
}

function signatureInput(world: World, value: unknown, fallback: GitSignature): GitSignature {
  if (typeof value !== 'object' || value === null) {
    return fallback;
  }
  const { name, email, date } = value as { name: string; email: string; date?: string };
  const sig = { name, email, date: date ?? world.now() };
  try {
    parseGitDate(sig.date);
  } catch (e) {
    throw new HttpError(422, (e as Error).message);
  }
  return sig;
}

export const objectRoutes: Record<string, RouteHandler> = {
  'git/get-tree': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const sha = resolveTree(repo, stringParam(ctx, 'tree_sha'));
    if (!sha) {
      throw notFound();
    }
    const entries = ctx.query.recursive !== undefined ? repo.git.walk(sha) : (repo.git.tree(sha)?.entries ?? []);
    return {
      status: 200,
      body: {
        sha,
        url: `${repoApiUrl(ctx.world, repo)}/git/trees/${sha}`,
        tree: renderTreeEntries(ctx.world, repo, entries),
        truncated: false,
      },
    };
  },

  'git/create-tree': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const body = bodyOf(ctx) as { tree: TreeInput[]; base_tree?: string };
    if (body.base_tree !== undefined && !repo.git.tree(body.base_tree)) {
      throw new HttpError(422, 'base_tree is not a valid tree oid');
    }
    const changes = body.tree.map((entry) => toChange(repo, entry));
    let tree;
    try {
      tree = repo.git.applyTreeChanges(body.base_tree?.toLowerCase(), changes);
    } catch (e) {
      if (e instanceof TreeChangeError) {
        throw new HttpError(422, e.message);
      }
      throw e;
    }
    const url = `${repoApiUrl(ctx.world, repo)}/git/trees/${tree.sha}`;
    return {
      status: 201,
      body: { sha: tree.sha, url, tree: renderTreeEntries(ctx.world, repo, tree.entries), truncated: false },
      headers: { location: url },
    };
  },

  'git/get-blob': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const blob = repo.git.blob(stringParam(ctx, 'file_sha'));
    if (!blob) {
      throw notFound();
    }
    if (wantsRaw(ctx)) {
      return rawReply(blob.content);
    }
    return {
      status: 200,
      body: {
        sha: blob.sha,
        node_id: Buffer.from(`Blob:${blob.sha}`).toString('base64'),
        size: blob.content.length,
        url: `${repoApiUrl(ctx.world, repo)}/git/blobs/${blob.sha}`,
        content: wrappedBase64(blob.content),
        encoding: 'base64',
      },
    };
  },

  'git/create-blob': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const { content, encoding = 'utf-8' } = bodyOf(ctx) as { content: string; encoding?: string };
    if (encoding !== 'utf-8' && encoding !== 'base64') {
      throw new HttpError(422, `encoding must be "utf-8" or "base64", got "${encoding}"`);
    }
    if (encoding === 'base64' && !/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(content)) {
      throw new HttpError(422, 'content is not valid Base64');
    }
    const blob = repo.git.writeBlob(Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf-8'));
    const url = `${repoApiUrl(ctx.world, repo)}/git/blobs/${blob.sha}`;
    return { status: 201, body: { url, sha: blob.sha }, headers: { location: url } };
  },

  'git/get-commit': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const commit = repo.git.commit(stringParam(ctx, 'commit_sha'));
    if (!commit) {
      throw notFound();
    }
    return { status: 200, body: renderGitCommit(ctx.world, repo, commit) };
  },

  'git/create-commit': (ctx) => {
    const repo = repoOf(ctx);
    requireNonEmpty(repo);
    const body = bodyOf(ctx) as {
      message: string;
      tree: string;
      parents?: string[];
      author?: unknown;
      committer?: unknown;
    };
    if (!repo.git.tree(body.tree)) {
      throw new HttpError(422, 'Tree SHA does not exist');
    }
    const parents = (body.parents ?? []).map((p) => p.toLowerCase());
    if (parents.some((p) => !repo.git.commit(p))) {
      throw new HttpError(422, 'Parent SHA does not exist or is not a commit object');
    }
    const author = signatureInput(ctx.world, body.author, signatureOf(ctx.world, ctx.world.viewer));
    const committer = signatureInput(ctx.world, body.committer, author);
    const commit = repo.git.writeCommit({
      tree: body.tree.toLowerCase(),
      parents,
      author,
      committer,
      message: body.message,
    });
    const rendered = renderGitCommit(ctx.world, repo, commit);
    return { status: 201, body: rendered, headers: { location: String(rendered.url) } };
  },
};
