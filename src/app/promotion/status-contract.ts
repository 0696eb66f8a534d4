/** A commit state as GitHub names it. */
export type StatusState = 'error' | 'failure' | 'pending' | 'success';

/** A commit status to set or as read back. */
export interface PromotionStatus {
  readonly state: StatusState;
  readonly context: string;
  readonly description: string;
}

/** The steps of a promotion that mark the promoted `main` commit (as upstream Kalypso's workflows set them). */
export enum PromotionStep {
  /** `kalypso promote` pinned the commit on the environment's branch. */
  PROMOTED = 'promoted',
  /** `kalypso check` started waiting for the clusters. */
  DEPLOYING = 'deploying',
  /** Every cluster applied it and another environment follows. */
  DEPLOYED = 'deployed',
  /** Every cluster applied it and this is the last environment. */
  DEPLOYED_LAST = 'deployed-last',
  /** A cluster failed to apply it, or the check timed out. */
  FAILED = 'failed',
}

/** State and description of each step, as upstream's workflows set them. */
export const STATUS_CONTRACT: Readonly<
  Record<PromotionStep, { readonly state: StatusState; readonly description: string }>
> = {
  [PromotionStep.PROMOTED]: { state: 'pending', description: 'Promoted' },
  [PromotionStep.DEPLOYING]: { state: 'pending', description: 'Deploying' },
  [PromotionStep.DEPLOYED]: { state: 'pending', description: 'Deployed' },
  [PromotionStep.DEPLOYED_LAST]: { state: 'success', description: 'Deployed' },
  [PromotionStep.FAILED]: { state: 'failure', description: 'Failed to deploy' },
};

/** The status context of an environment: `dev environment`. */
export function environmentContext(environment: string): string {
  return `${environment} environment`;
}

/** The status a step sets for an environment. */
export function promotionStatus(step: PromotionStep, environment: string): PromotionStatus {
  return { ...STATUS_CONTRACT[step], context: environmentContext(environment) };
}

export interface StatusDecisionOptions {
  /** Only set it when the commit has no status in this context yet (a promotion that changed nothing). */
  readonly onlyIfMissing?: boolean;
}

/**
 * Whether to set `wanted` over the newest status of its context (pure). Nothing is set twice; a re-run of the check
 * after success does not move `Deployed` back to `Deploying`; a promotion that changed nothing only fills a gap.
 */
export function shouldSetStatus(
  wanted: PromotionStatus,
  current: PromotionStatus | undefined,
  options: StatusDecisionOptions = {},
): boolean {
  if (!current) return true;
  if (options.onlyIfMissing) return false;
  if (current.state === wanted.state && current.description === wanted.description) return false;
  const deployed =
    current.description === STATUS_CONTRACT[PromotionStep.DEPLOYED].description &&
    (current.state === 'pending' || current.state === 'success');
  const deploying = STATUS_CONTRACT[PromotionStep.DEPLOYING];
  if (deployed && wanted.state === deploying.state && wanted.description === deploying.description) return false;
  return true;
}
