/** Labels of a repository and of its issues (a pull request is an issue). */
import {
  bodyOf,
  notFound,
  pageReply,
  repoOf,
  RouteContext,
  RouteHandler,
  stringParam,
  validationFailed,
} from '../http';
import { renderLabel, repoApiUrl } from '../render';
import { addLabels } from '../repo-ops';
import { IssueState, LabelState, RepoState } from '../state';

function issueOf(ctx: RouteContext, repo: RepoState): IssueState {
  const issue = repo.issues.get(Number(ctx.params.issue_number));
  if (!issue) {
    throw notFound();
  }
  return issue;
}

/**
 * Label names from any body shape GitHub accepts: `{ labels: [...] }`, `[...]`, or a single string, where each
 * label is a name or `{ name }`.
 */
function labelNames(body: unknown): string[] {
  const list =
    typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as { labels?: unknown }).labels : body;
  const items = Array.isArray(list) ? list : list === undefined ? [] : [list];
  return items.map((item) =>
    typeof item === 'object' && item !== null ? String((item as { name: unknown }).name) : String(item),
  );
}

function issueLabels(ctx: RouteContext, repo: RepoState, issue: IssueState): unknown[] {
  return issue.labels.flatMap((name) => {
    const label = repo.labels.get(name.toLowerCase());
    return label ? [renderLabel(ctx.world, repo, label)] : [];
  });
}

export const labelRoutes: Record<string, RouteHandler> = {
  'issues/list-labels-on-issue': (ctx) => {
    const repo = repoOf(ctx);
    return pageReply(ctx, issueLabels(ctx, repo, issueOf(ctx, repo)));
  },

  'issues/add-labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    addLabels(ctx.world, repo, issue, labelNames(ctx.body));
    return { status: 200, body: issueLabels(ctx, repo, issue) };
  },

  'issues/set-labels': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    issue.labels = [];
    addLabels(ctx.world, repo, issue, labelNames(ctx.body));
    return { status: 200, body: issueLabels(ctx, repo, issue) };
  },

  'issues/remove-label': (ctx) => {
    const repo = repoOf(ctx);
    const issue = issueOf(ctx, repo);
    const name = stringParam(ctx, 'name').toLowerCase();
    const index = issue.labels.findIndex((l) => l.toLowerCase() === name);
    if (index < 0) {
      throw notFound('Label does not exist');
    }
    issue.labels.splice(index, 1);
    return { status: 200, body: issueLabels(ctx, repo, issue) };
  },

  'issues/list-labels-for-repo': (ctx) => {
    const repo = repoOf(ctx);
    const labels = [...repo.labels.values()].sort((a, b) => a.name.toLowerCase().localeCompare(b.name.toLowerCase()));
    return pageReply(
      ctx,
      labels.map((l) => renderLabel(ctx.world, repo, l)),
    );
  },

  'issues/create-label': (ctx) => {
    const repo = repoOf(ctx);
    const body = bodyOf(ctx) as { name: string; color?: string; description?: string };
    const color = (body.color ?? 'ededed').replace(/^#/, '');
    if (!/^[0-9a-fA-F]{6}$/.test(color)) {
      throw validationFailed({ resource: 'Label', code: 'invalid', field: 'color' });
    }
    if (repo.labels.has(body.name.toLowerCase())) {
      throw validationFailed({ resource: 'Label', code: 'already_exists', field: 'name' });
    }
    const label: LabelState = {
      id: ctx.world.nextId(),
      name: body.name,
      color: color.toLowerCase(),
      description: body.description ?? null,
    };
    repo.labels.set(body.name.toLowerCase(), label);
    return {
      status: 201,
      body: renderLabel(ctx.world, repo, label),
      headers: { location: `${repoApiUrl(ctx.world, repo)}/labels/${encodeURIComponent(label.name)}` },
    };
  },
};
