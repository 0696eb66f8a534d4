import { ManagedScope } from '../../core/layout/managed-tree';
import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { gitBlobId } from '../../io/git/blob-id';
import {
  ChangeReport,
  FULL_REPORT_PATH,
  GITHUB_BODY_LIMIT,
  ReviewInput,
  ReviewState,
  buildChangeReport,
  emptyState,
  renderFullReport,
  renderReviewMarkdown,
  renderReviewText,
} from '../review';
import { INPUTS_RECORD_PATH, recordInputs } from '../review/inputs-record';
import { PlanRecorded, PreviousState, previousState } from '../review/previous-state';
import { ChangeSet, ExistingTree, computeChangeSet, isEmptyChangeSet } from './change-set';
import { MAX_COMMIT_MESSAGE_BYTES, bodyPreamble, pullRequestTitle } from './pull-request-text';

/** The branch a plan is published to, as it is now. */
export interface TargetBranch {
  readonly commit: string;
  readonly tree: ExistingTree;
  /** Contents of files of the branch, by path (UTF-8). */
  readContents(paths: readonly string[]): Promise<Map<string, string>>;
}

/** Everything decided about one publication before anything is written. */
export interface Proposal {
  readonly environment: string;
  /** What the commit changes: the managed tree, the record of the objects published, the full report. */
  readonly changes: ChangeSet;
  /** The change report the body and commit message are rendered from. */
  readonly report: ChangeReport;
  readonly title: string;
  readonly body: string;
  readonly commitMessage: string;
  /** The promoted commit changes (the pull request gets the `promoted` label). */
  readonly promoted: boolean;
  /** Set when the body folds detail: the path of the full report the change writes (`FULL_REPORT_PATH`). */
  readonly fullReport?: string;
  /** Why the record of what the branch was published from was not used, when it has one that was not. */
  readonly ignoredRecord?: string;
}

/** What a target did with a proposal. */
export type PublishOutcome =
  | { readonly kind: 'dry-run' }
  | { readonly kind: 'pull-request'; readonly action: 'none' }
  | {
      readonly kind: 'pull-request';
      readonly action: 'created' | 'updated' | 'unchanged' | 'closed';
      readonly number: number;
      readonly url: string;
    }
  | {
      readonly kind: 'push';
      readonly action: 'none' | 'up-to-date' | 'pushed';
      readonly branch: string;
      readonly commit?: string;
    };

/** Where a plan goes: a request on a Git host or a git push. Targets apply proposals; they do not decide content. */
export interface PublishTarget {
  /** Repository and branch, for messages. */
  readonly description: string;
  /** Reads the branch; throws when it does not exist. */
  read(): Promise<TargetBranch>;
  apply(branch: TargetBranch, proposal: Proposal): Promise<PublishOutcome>;
}

/** Which part of a plan a publication may change (a rollout's wave), decided once the branch is read. */
export interface PublicationShape {
  /** The files to publish, and the plan's cluster types the publication owns. */
  readonly files: Readonly<Record<string, string>>;
  readonly clusterTypes: readonly string[];
  /** What may change; everything else of the managed tree keeps its published content. */
  readonly scope: ManagedScope;
  /** Further Markdown sections for the body. */
  readonly bodySections: readonly string[];
  /**
   * Whether the publication carries the whole plan (a rollout's last wave): only then is the record of the objects it
   * was made from (`INPUTS_RECORD_PATH`) updated, so that every wave's report compares with what came before the
   * rollout.
   */
  readonly complete: boolean;
  /**
   * The record of the objects published to write instead (a revert of a rollout whose last wave was out gives back
   * the one of the commit it restores; null: it had none, so the record is deleted).
   * @default - as `complete` says
   */
  readonly record?: string | null;
}

export interface PublishOptions {
  /** Decide and report, write nothing. @default false */
  readonly dryRun?: boolean;
  /**
   * The environment's control-plane objects the plan was made from: the change report compares them with those the
   * branch records, and the change records them (`INPUTS_RECORD_PATH`).
   * @default - nothing is recorded, and the change is compared with the branch's tree alone
   */
  readonly model?: EnvironmentModel;
  /**
   * Plans the objects a branch records, to compare with.
   * @default - the pipeline's planning, with the built-in renderers
   */
  readonly planRecorded?: PlanRecorded;
  /** Longest request description the host keeps, in characters. @default GITHUB_BODY_LIMIT */
  readonly maxBodyLength?: number;
  /** The web address of `FULL_REPORT_PATH` on the branch written, for the link to it. @default - named, not linked */
  readonly fullReportUrl?: string;
  /** Further Markdown sections for the pull-request body (e.g. an assignment matrix). @default [] */
  readonly bodySections?: readonly string[];
  /** Narrows the publication once the branch is read (an environment rolling out in waves). @default - the whole plan */
  readonly shape?: (branch: TargetBranch) => Promise<PublicationShape | undefined>;
}

export interface PublishResult {
  readonly proposal: Proposal;
  readonly outcome: PublishOutcome;
}

/**
 * Publishes one environment's plan: reads the target branch, computes the change that makes its managed folders
 * equal the plan, builds the change report reviewers read (docs/explanation/reviewing-changes.md), and hands it to the
 * target unless this is a dry run.
 */
export async function publishPlan(
  plan: EnvironmentPlan,
  target: PublishTarget,
  options: PublishOptions = {},
): Promise<PublishResult> {
  const branch = await target.read();
  const shape = options.shape ? await options.shape(branch) : undefined;
  const published = shape ? { ...plan, files: shape.files, clusterTypes: shape.clusterTypes } : plan;
  const changes = computeChangeSet(branch.tree, published, shape?.scope);
  const previous = isEmptyChangeSet(changes) ? undefined : await branchState(branch, changes, published, options);
  const proposal = propose(published, changes, branch.tree, {
    ...options,
    previous,
    bodySections: [...(options.bodySections ?? []), ...(shape?.bodySections ?? [])],
    // A wave before the last leaves the others at their published content: the record stays what they were built from
    keepRecord: shape !== undefined && !shape.complete,
    record: shape?.record,
  });
  if (options.dryRun) return { proposal, outcome: { kind: 'dry-run' } };
  return { proposal, outcome: await target.apply(branch, proposal) };
}

/** What the branch was published from: its recorded objects, planned again; else its tree alone. */
async function branchState(
  branch: TargetBranch,
  changes: ChangeSet,
  plan: EnvironmentPlan,
  options: PublishOptions,
): Promise<PreviousState> {
  const recorded = branch.tree.blobs.has(INPUTS_RECORD_PATH) && options.model !== undefined;
  const contents = await branch.readContents([
    ...changes.changed,
    ...changes.deleted,
    ...(recorded ? [INPUTS_RECORD_PATH] : []),
  ]);
  const next = { model: options.model ?? emptyState(plan.environment).model, plan };
  const paths = [...changes.changed, ...changes.deleted, ...changes.unchanged];
  return previousState(next, { paths, contents, record: contents.get(INPUTS_RECORD_PATH) }, options.planRecorded);
}

/**
 * The proposal for a plan and its change set (pure): the change report, title, body folded to the host's limit,
 * commit message, label, and the files beside the change: the record of the objects published, the full report when
 * the body folds detail (a stale one is deleted). `existing` is the branch as read; without `previous` the change is
 * compared with the plan itself (nothing changes).
 */
export function propose(
  plan: EnvironmentPlan,
  changes: ChangeSet,
  existing: ExistingTree,
  options: Pick<PublishOptions, 'model' | 'maxBodyLength' | 'fullReportUrl' | 'bodySections'> & {
    readonly previous?: PreviousState;
    /** Leave the record of the objects published as it is. @default false */
    readonly keepRecord?: boolean;
    /** The record to write instead of the model's (null: delete it). @default - the model's, unless kept */
    readonly record?: string | null;
  } = {},
): Proposal {
  const next: ReviewState = { model: options.model ?? emptyState(plan.environment).model, plan };
  const input: ReviewInput = {
    previous: options.previous?.state ?? next,
    next,
    tree: changes,
    baseline: options.previous?.baseline ?? 'control-plane',
  };
  const report = buildChangeReport(input);
  const title = pullRequestTitle(plan.environment);
  const fullReport = { path: FULL_REPORT_PATH, ...(options.fullReportUrl ? { url: options.fullReportUrl } : {}) };
  const body = renderReviewMarkdown(report, {
    maxBytes: options.maxBodyLength ?? GITHUB_BODY_LIMIT,
    preamble: [...bodyPreamble(plan.environment), ...(options.bodySections ?? []).flatMap((section) => [section, ''])],
    fullReport,
  });
  const message = renderReviewText(report, { maxBytes: MAX_COMMIT_MESSAGE_BYTES, fullReport });
  const empty = isEmptyChangeSet(changes);
  const folded = body.folded.length > 0 || message.folded.length > 0;
  const beside: Record<string, string | null> = {};
  if (!empty && options.record !== undefined) beside[INPUTS_RECORD_PATH] = options.record;
  else if (!empty && options.model && !options.keepRecord) beside[INPUTS_RECORD_PATH] = recordInputs(options.model);
  if (!empty) beside[FULL_REPORT_PATH] = folded ? renderFullReport(report, input) : null;
  return {
    environment: plan.environment,
    changes: withFiles(changes, existing, beside),
    report,
    title,
    body: body.text,
    commitMessage: `${title}\n\n${message.text}`,
    promoted: report.promotedCommit?.to !== undefined,
    ...(folded && !empty ? { fullReport: FULL_REPORT_PATH } : {}),
    ...(options.previous?.ignoredRecord ? { ignoredRecord: options.previous.ignoredRecord } : {}),
  };
}

/** The change set with files outside the managed tree written (content) or deleted (null) where they differ. */
function withFiles(
  changes: ChangeSet,
  existing: ExistingTree,
  files: Readonly<Record<string, string | null>>,
): ChangeSet {
  const added = [...changes.added];
  const changed = [...changes.changed];
  const deleted = [...changes.deleted];
  const writes: Record<string, string> = { ...changes.writes };
  const format = existing.objectFormat ?? 'sha1';
  for (const [path, content] of Object.entries(files)) {
    const blob = existing.blobs.get(path);
    if (content === null) {
      if (blob !== undefined) deleted.push(path);
    } else if (blob === undefined) {
      added.push(path);
      writes[path] = content;
    } else if (blob !== gitBlobId(content, format)) {
      changed.push(path);
      writes[path] = content;
    }
  }
  return {
    added: added.sort(),
    changed: changed.sort(),
    deleted: deleted.sort(),
    unchanged: changes.unchanged,
    writes,
  };
}
