import { ManagedScope } from '../../core/layout/managed-tree';
import { EnvironmentPlan } from '../../core/plan/plan';
import { ChangeSet, ExistingTree, computeChangeSet } from './change-set';
import { commitMessage, pullRequestBody, pullRequestTitle } from './pull-request-text';
import { ChangeSummary, isPromotion, previousFilesNeeded, summarizeChanges } from './summary';

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
  readonly changes: ChangeSet;
  readonly summary: ChangeSummary;
  readonly title: string;
  readonly body: string;
  readonly commitMessage: string;
  /** The promoted commit changes (the pull request gets the `promoted` label). */
  readonly promoted: boolean;
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
}

export interface PublishOptions {
  /** Decide and report, write nothing. @default false */
  readonly dryRun?: boolean;
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
 * equal the plan, summarizes it for reviewers (all pure), and hands it to the target unless this is a dry run.
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
  const bodySections = [...(options.bodySections ?? []), ...(shape?.bodySections ?? [])];
  const proposal = propose(published, changes, await branch.readContents(previousFilesNeeded(changes)), {
    bodySections,
  });
  if (options.dryRun) return { proposal, outcome: { kind: 'dry-run' } };
  return { proposal, outcome: await target.apply(branch, proposal) };
}

/**
 * The proposal for a plan and its change set (pure): summary, title, body, commit message, label. `previous` holds
 * the contents `previousFilesNeeded` asks for.
 */
export function propose(
  plan: EnvironmentPlan,
  changes: ChangeSet,
  previous: ReadonlyMap<string, string>,
  options: Pick<PublishOptions, 'bodySections'> = {},
): Proposal {
  const summary = summarizeChanges(plan, changes, previous);
  return {
    environment: plan.environment,
    changes,
    summary,
    title: pullRequestTitle(plan.environment),
    body: pullRequestBody(summary, { sections: options.bodySections }),
    commitMessage: commitMessage(summary),
    promoted: isPromotion(summary),
  };
}
