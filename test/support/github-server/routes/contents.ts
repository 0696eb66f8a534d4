/** `GET` and `PUT /repos/{owner}/{repo}/contents/{path}`. */
import { GitTreeEntry, TreeChangeError } from '../git-store';
import { bodyOf, HttpError, notFound, repoOf, RouteHandler, stringParam } from '../http';
import { encodePath, renderGitCommit, repoApiUrl, repoHtmlUrl, wrappedBase64 } from '../render';
import { commitOnBranch, signatureOf } from '../repo-ops';
import { RepoState } from '../state';
import { World } from '../world';
import { rawReply, wantsRaw } from './objects';

/** The entry at `path` below `tree` (`undefined` for a missing path). */
function entryAt(repo: RepoState, tree: string, path: string): GitTreeEntry | undefined {
  let current: GitTreeEntry = { name: '', mode: '040000', type: 'tree', sha: tree };
  for (const part of path.split('/').filter((p) => p !== '')) {
    const entries = current.type === 'tree' ? repo.git.tree(current.sha)?.entries : undefined;
    const next = entries?.find((e) => e.name === part);
    if (!next) {
      return undefined;
    }
    current = next;
  }
  return current;
}

function renderEntry(
  world: World,
  repo: RepoState,
  path: string,
  entry: GitTreeEntry,
  ref: string,
  withContent: boolean,
): Record<string, unknown> {
  const url = repoApiUrl(world, repo);
  const html = repoHtmlUrl(world, repo);
  const p = encodePath(path);
  const self = `${url}/contents/${p}?ref=${encodeURIComponent(ref)}`;
  const type =
    entry.type === 'tree'
      ? 'dir'
      : entry.type === 'commit'
        ? 'submodule'
        : entry.mode === '120000'
          ? 'symlink'
          : 'file';
  const gitUrl = entry.type === 'commit' ? null : `${url}/git/${entry.type}s/${entry.sha}`;
  const htmlUrl = `${html}/${type === 'dir' ? 'tree' : 'blob'}/${encodePath(ref)}/${p}`;
  const blob = entry.type === 'blob' ? repo.git.blob(entry.sha) : undefined;
  const out: Record<string, unknown> = {
    type,
    size: blob?.content.length ?? 0,
    name: path.split('/').pop() ?? path,
    path,
    sha: entry.sha,
    url: self,
    git_url: gitUrl,
    html_url: htmlUrl,
    download_url: blob ? `https://raw.githubusercontent.com/${repo.fullName}/${encodePath(ref)}/${p}` : null,
    _links: { self, git: gitUrl, html: htmlUrl },
  };
  if (withContent && type === 'file' && blob) {
    out.content = wrappedBase64(blob.content);
    out.encoding = 'base64';
  }
  if (withContent && type === 'symlink' && blob) {
    out.target = blob.content.toString('utf-8');
  }
  if (withContent && type === 'submodule') {
    out.submodule_git_url = '';
  }
  return out;
}

export const contentRoutes: Record<string, RouteHandler> = {
  'repos/get-content': (ctx) => {
    const repo = repoOf(ctx);
    if (repo.refs.size === 0) {
      throw notFound('This repository is empty.');
    }
    const ref = typeof ctx.query.ref === 'string' && ctx.query.ref !== '' ? ctx.query.ref : repo.defaultBranch;
    const sha = repo.resolveCommit(ref);
    const commit = sha ? repo.git.commit(sha) : undefined;
    if (!commit) {
      throw notFound(`No commit found for the ref ${ref}`);
    }
    const path = stringParam(ctx, 'path').replace(/^\/+|\/+$/g, '');
    const entry = entryAt(repo, commit.tree, path);
    if (!entry) {
      throw notFound();
    }
    if (entry.type === 'tree') {
      const entries = repo.git.tree(entry.sha)?.entries ?? [];
      return {
        status: 200,
        body: entries.map((e) =>
          renderEntry(ctx.world, repo, path === '' ? e.name : `${path}/${e.name}`, e, ref, false),
        ),
      };
    }
    if (wantsRaw(ctx) && entry.type === 'blob') {
      return rawReply(repo.git.blob(entry.sha)?.content ?? Buffer.alloc(0));
    }
    return { status: 200, body: renderEntry(ctx.world, repo, path, entry, ref, true) };
  },

  'repos/create-or-update-file-contents': (ctx) => {
    const repo = repoOf(ctx);
    const path = stringParam(ctx, 'path').replace(/^\/+|\/+$/g, '');
    const body = bodyOf(ctx) as {
      message: string;
      content: string;
      sha?: string;
      branch?: string;
      committer?: { name: string; email: string; date?: string };
      author?: { name: string; email: string; date?: string };
    };
    const branch = body.branch ?? repo.defaultBranch;
    const tip = repo.branchSha(branch);
    if (!tip && repo.refs.size > 0) {
      throw notFound(`Branch ${branch} not found`);
    }
    if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(body.content)) {
      throw new HttpError(422, 'content is not valid Base64');
    }
    const baseTree = tip ? repo.git.commit(tip)?.tree : undefined;
    const existing = baseTree ? entryAt(repo, baseTree, path) : undefined;
    if (existing?.type === 'tree') {
      throw new HttpError(422, `${path} is a directory`);
    }
    if (existing && body.sha === undefined) {
      throw new HttpError(422, 'Invalid request.\n\n"sha" wasn\'t supplied.', [
        { resource: 'Content', field: 'sha', code: 'missing_field', message: '"sha" wasn\'t supplied.' },
      ]);
    }
    if (existing && body.sha?.toLowerCase() !== existing.sha) {
      throw new HttpError(409, `${path} does not match ${body.sha}`);
    }
    const blob = repo.git.writeBlob(Buffer.from(body.content, 'base64'));
    let tree;
    try {
      tree = repo.git.applyTreeChanges(baseTree, [
        { path, mode: existing?.mode ?? '100644', type: 'blob', sha: blob.sha },
      ]);
    } catch (e) {
      if (e instanceof TreeChangeError) {
        throw new HttpError(422, e.message);
      }
      throw e;
    }
    const now = ctx.world.now();
    const committer = body.committer
      ? { ...body.committer, date: body.committer.date ?? now }
      : signatureOf(ctx.world, ctx.world.viewer);
    const author = body.author ? { ...body.author, date: body.author.date ?? now } : committer;
    if (repo.refs.size === 0) {
      repo.defaultBranch = branch;
    }
    const commit = commitOnBranch(ctx.world, repo, branch, tree.sha, body.message, author, committer);
    const content = renderEntry(
      ctx.world,
      repo,
      path,
      { name: path, mode: '100644', type: 'blob', sha: blob.sha },
      branch,
      false,
    );
    return { status: existing ? 200 : 201, body: { content, commit: renderGitCommit(ctx.world, repo, commit) } };
  },
};
