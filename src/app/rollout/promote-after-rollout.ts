import { nextEnvironment } from '../promotion/next-environment';
import { PromoteEnvironmentResult, promoteEnvironment } from '../promotion/promote-environment';
import { PromotionContext } from '../promotion/promotion-context';

/** What followed a complete rollout. */
export type RolloutPromotion =
  | { readonly kind: 'promoted'; readonly next: string; readonly result: PromoteEnvironmentResult }
  /** The environment is the last one: nothing to promote to. */
  | { readonly kind: 'last' }
  /** The rollout carried another promoted commit than the one asked for: nothing promoted. */
  | { readonly kind: 'other-commit'; readonly rolledOut?: string };

/**
 * After the last wave of an environment passed: promotes the `main` commit it rolled out to the next environment, as
 * `kalypso check` does for an environment without waves (promoting the same commit again writes nothing). Only the
 * commit the rollout carried is promoted.
 */
export async function promoteAfterRollout(
  context: PromotionContext,
  options: {
    readonly environment: string;
    readonly promoted: string;
    readonly rolledOut?: string;
    readonly next?: string;
  },
): Promise<RolloutPromotion> {
  if (options.rolledOut !== options.promoted) return { kind: 'other-commit', rolledOut: options.rolledOut };
  const selections = await context.environments(options.promoted);
  context.environment(selections, options.environment);
  const next = nextEnvironment(
    selections.map((selection) => selection.name),
    options.environment,
    options.next,
  );
  if (next === undefined) return { kind: 'last' };
  const result = await promoteEnvironment(context, { commit: options.promoted, environment: next });
  return { kind: 'promoted', next, result };
}
