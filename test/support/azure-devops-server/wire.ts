/**
 * The JSON the fake Azure DevOps answers with, shared by its handlers: ids, identities, repositories, commits, and
 * Azure DevOps' error shape.
 */
import { createHash } from 'crypto';
import { FakeRepo } from '../host-server/repo-state';
import { FakeHttpError, HandlerContext, Reply } from '../host-server/server';

export const ZEROS = '0000000000000000000000000000000000000000';
export const BOT = 'Kalypso Bot';

export function errorBody(status: number, message: string) {
  const typeKey =
    status === 404
      ? 'GitRepositoryNotFoundException'
      : status === 409
        ? 'GitReferenceStaleException'
        : 'VssServiceException';
  return {
    $id: '1',
    innerException: null,
    message,
    typeName: `Microsoft.TeamFoundation.Git.Server.${typeKey}, Microsoft.TeamFoundation.Git.Server`,
    typeKey,
    errorCode: 0,
    eventId: 3000,
  };
}

export const json = (status: number, body: unknown): Reply => ({ status, body });

/** A stable UUID-shaped id for a name. */
export function uuidOf(text: string): string {
  const hex = createHash('sha1').update(text).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function repoOf(ctx: HandlerContext): FakeRepo {
  return ctx.server.repo(`${ctx.params.organization}/${ctx.params.project}`, ctx.params.repositoryId);
}

export function apiBase(ctx: HandlerContext, repo: FakeRepo): string {
  return `${ctx.server.apiUrl}/${ctx.params.organization}/${ctx.params.project}/_apis/git/repositories/${uuidOf(repo.name)}`;
}

export function identity(ctx: HandlerContext, name: string) {
  const id = uuidOf(name);
  return {
    id,
    displayName: name,
    uniqueName: `${name.replace(/\s+/g, '.')}@example.com`,
    url: `${ctx.server.origin}/_apis/Identities/${id}`,
  };
}

export function repository(ctx: HandlerContext, repo: FakeRepo) {
  const project = ctx.params.project;
  return {
    id: uuidOf(repo.name),
    name: repo.name,
    url: apiBase(ctx, repo),
    project: { id: uuidOf(project), name: project, state: 'wellFormed', visibility: 'private' },
    webUrl: `${ctx.server.apiUrl}/${ctx.params.organization}/${project}/_git/${repo.name}`,
  };
}

export function commitOf(repo: FakeRepo, id: string): string {
  const sha = /^[0-9a-f]{40}$/i.test(id) ? repo.resolve(id.toLowerCase()) : undefined;
  if (!sha)
    throw new FakeHttpError(
      404,
      `TF401175:The version descriptor <Commit: ${id}> could not be resolved to a version on the repository ${repo.name}`,
    );
  return sha;
}

export function commitJson(ctx: HandlerContext, repo: FakeRepo, sha: string) {
  const commit = repo.commitObject(sha)!;
  const person = (p: { name: string; email: string; date: string }) => ({ name: p.name, email: p.email, date: p.date });
  return {
    commitId: sha,
    treeId: commit.tree,
    parents: commit.parents,
    comment: commit.message,
    author: person(commit.author),
    committer: person(commit.committer),
    url: `${apiBase(ctx, repo)}/commits/${sha}`,
  };
}

export function branchOfRef(name: string): string {
  if (!name.startsWith('refs/heads/')) throw new FakeHttpError(400, `TF401398: ${name} is not a branch`);
  return name.slice('refs/heads/'.length);
}
