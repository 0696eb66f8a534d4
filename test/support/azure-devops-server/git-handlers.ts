/** The fake Azure DevOps' handlers of refs, commits, trees, blobs and pushes. */
import { FakeRepo } from '../host-server/repo-state';
import { FakeHttpError, Handler } from '../host-server/server';
import {
  BOT,
  ZEROS,
  apiBase,
  branchOfRef,
  commitJson,
  commitOf,
  identity,
  json,
  repoOf,
  repository,
  uuidOf,
} from './wire';

interface PushChange {
  changeType: string;
  item: { path?: string };
  newContent?: { content?: string; contentType?: string };
}

/** Applies one pushed commit's changes on `parent`; the new commit. */
function applyPushCommit(
  repo: FakeRepo,
  parent: string | undefined,
  commit: { comment?: string; changes?: PushChange[] },
): string {
  const current = parent ? repo.files(parent) : new Map<string, string>();
  const writes = new Map<string, Buffer>();
  const deletions: string[] = [];
  for (const change of commit.changes ?? []) {
    const path = (change.item.path ?? '').replace(/^\/+/, '');
    if (path === '') throw new FakeHttpError(400, 'The path of a change must name a file.');
    const exists = current.has(path) || writes.has(path);
    if (change.changeType === 'add' && exists)
      throw new FakeHttpError(
        400,
        `The path '/${path}' specified in the add operation already exists. Please specify a new path.`,
      );
    if ((change.changeType === 'edit' || change.changeType === 'delete') && !exists)
      throw new FakeHttpError(400, `The path '/${path}' does not exist at commit '${parent ?? ZEROS}'.`);
    if (change.changeType === 'delete') {
      deletions.push(path);
    } else if (change.changeType === 'add' || change.changeType === 'edit') {
      const content = change.newContent?.content ?? '';
      writes.set(path, Buffer.from(content, change.newContent?.contentType === 'base64Encoded' ? 'base64' : 'utf-8'));
    } else {
      throw new FakeHttpError(400, `the fake does not push changes of type ${change.changeType}`);
    }
  }
  return repo.commit(repo.treeWith(parent, writes, deletions), parent ? [parent] : [], commit.comment ?? '');
}

export const GIT_HANDLERS: Record<string, Handler> = {
  Refs_List: (ctx) => {
    const repo = repoOf(ctx);
    const filter = ctx.query.get('filter') ?? '';
    const refs = [...repo.branches]
      .map(([branch, sha]) => ({ name: `refs/heads/${branch}`, sha }))
      .filter((ref) => ref.name.startsWith(`refs/${filter}`))
      .sort((a, b) => (a.name < b.name ? -1 : 1));
    return json(
      200,
      refs.map((ref) => ({
        name: ref.name,
        objectId: ref.sha,
        creator: identity(ctx, BOT),
        url: `${apiBase(ctx, repo)}/refs?filter=${encodeURIComponent(ref.name.slice(5))}`,
      })),
    );
  },
  'Refs_Update Refs': (ctx) => {
    const repo = repoOf(ctx);
    const updates = ctx.body as { name: string; oldObjectId: string; newObjectId: string }[];
    return json(
      200,
      updates.map((update) => {
        const branch = branchOfRef(update.name);
        const current = repo.branches.get(branch) ?? ZEROS;
        const result = (updateStatus: string) => ({
          repositoryId: uuidOf(repo.name),
          name: update.name,
          oldObjectId: update.oldObjectId,
          newObjectId: update.newObjectId,
          isLocked: false,
          updateStatus,
          success: updateStatus === 'succeeded',
        });
        if (update.oldObjectId !== current) return result('staleOldObjectId');
        if (update.newObjectId === ZEROS) {
          repo.branches.delete(branch);
        } else {
          if (!repo.commitObject(update.newObjectId)) return result('unresolvableToCommit');
          repo.branches.set(branch, update.newObjectId);
        }
        return result('succeeded');
      }),
    );
  },
  Commits_Get: (ctx) => {
    const repo = repoOf(ctx);
    return json(200, commitJson(ctx, repo, commitOf(repo, ctx.params.commitId)));
  },
  Trees_Get: (ctx) => {
    const repo = repoOf(ctx);
    const tree = repo.git.tree(ctx.params.sha1.toLowerCase());
    if (!tree)
      throw new FakeHttpError(404, `TF401174: The item '${ctx.params.sha1}' could not be found in the repository.`);
    const recursive = ctx.query.get('recursive') === 'true';
    const entries = repo.git.walk(tree.sha).filter((e) => recursive || !e.path.includes('/'));
    return json(200, {
      objectId: tree.sha,
      url: `${apiBase(ctx, repo)}/trees/${tree.sha}`,
      treeEntries: entries.map((e) => ({
        objectId: e.sha,
        relativePath: e.path,
        mode: e.mode.replace(/^0+/, ''),
        gitObjectType: e.type,
        url: `${apiBase(ctx, repo)}/${e.type === 'tree' ? 'trees' : 'blobs'}/${e.sha}`,
        size: e.type === 'blob' ? repo.git.blob(e.sha)!.content.length : 0,
      })),
    });
  },
  'Blobs_Get Blob': (ctx) => {
    const repo = repoOf(ctx);
    const blob = repo.git.blob(ctx.params.sha1.toLowerCase());
    if (!blob)
      throw new FakeHttpError(404, `TF401174: The item '${ctx.params.sha1}' could not be found in the repository.`);
    const format = (ctx.query.get('$format') ?? '').toLowerCase();
    const accept = String(ctx.headers.accept ?? '');
    if (format === 'octetstream' || (format === '' && accept.includes('application/octet-stream'))) {
      return { status: 200, raw: { contentType: 'application/octet-stream', data: blob.content } };
    }
    return json(200, { objectId: blob.sha, size: blob.content.length, url: `${apiBase(ctx, repo)}/blobs/${blob.sha}` });
  },
  Pushes_Create: (ctx) => {
    const repo = repoOf(ctx);
    const push = ctx.body as {
      refUpdates?: { name: string; oldObjectId: string }[];
      commits?: { comment?: string; changes?: PushChange[] }[];
    };
    if (push.refUpdates?.length !== 1) throw new FakeHttpError(400, 'A push must update exactly one ref.');
    if (!push.commits?.length) throw new FakeHttpError(400, 'A push must carry at least one commit.');
    const [update] = push.refUpdates;
    const branch = branchOfRef(update.name);
    const current = repo.branches.get(branch);
    if (
      current ? update.oldObjectId !== current : update.oldObjectId !== ZEROS && !repo.commitObject(update.oldObjectId)
    ) {
      throw new FakeHttpError(
        409,
        `TF401028: The reference '${update.name}' has already been updated by another client, so you cannot update it. Please try again.`,
      );
    }
    let tip = update.oldObjectId === ZEROS ? undefined : update.oldObjectId;
    const made: string[] = [];
    for (const commit of push.commits) {
      tip = applyPushCommit(repo, tip, commit);
      made.push(tip);
    }
    repo.branches.set(branch, tip!);
    const pushId = repo.nextId();
    return json(201, {
      pushId,
      date: new Date().toISOString(),
      pushedBy: identity(ctx, BOT),
      url: `${apiBase(ctx, repo)}/pushes/${pushId}`,
      commits: made.map((sha) => commitJson(ctx, repo, sha)),
      refUpdates: [
        { repositoryId: uuidOf(repo.name), name: update.name, oldObjectId: current ?? ZEROS, newObjectId: tip! },
      ],
      repository: repository(ctx, repo),
    });
  },
};
