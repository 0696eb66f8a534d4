import { Problem } from '../../core/model/problems';
import { UsageError } from '../errors';
import { PromotionRefusedError, PromotionResult, promote } from './promote';
import { PromotionContext, promotionProblems, refusedProblem } from './promotion-context';
import { promotionJson } from './promotion-json';
import { problemJson } from '../report/problem-json';

/**
 * What `kalypso promote` did: the promotion and how the branch was written (for messages), or — when the branch's
 * BaseRepo file has errors or the branch cannot take the BaseRepo safely — those problems, and nothing written.
 */
export type PromoteEnvironmentResult =
  | { readonly promotion: PromotionResult; readonly writer: string; readonly problems: readonly Problem[] }
  | { readonly promotion: null; readonly writer?: undefined; readonly problems: readonly Problem[] };

/**
 * Promotes a commit of the control plane's `main` to an environment (the first one declared on `main` when none is
 * named): writes the BaseRepo `main` pinning it onto the environment's branch and sets the commit status. Everything
 * is checked before anything is written; promoting the same commit again changes nothing.
 */
export async function promoteEnvironment(
  context: PromotionContext,
  options: { readonly commit: string; readonly environment?: string },
): Promise<PromoteEnvironmentResult> {
  const { commit } = options;
  const selections = await context.environments(commit);
  if (selections.length === 0) throw new UsageError(`${context.source.description} declares no environment`);
  const selection =
    options.environment !== undefined ? context.environment(selections, options.environment) : selections[0];
  const state = await context.branchState(selection);
  const problems = promotionProblems(selection, state, commit, context.repositoryOf(selection));
  if (problems.length > 0) return { promotion: null, problems };
  const writer = await context.writer(selection);
  const statuses = await context.statusBoard(selection);
  try {
    const promotion = await promote({
      environment: selection.name,
      commit,
      repo: context.repositoryOf(selection),
      branch: selection.branch,
      existing: state.existing,
      files: state.files,
      writer,
      statuses,
    });
    return { promotion, writer: writer.description, problems: [] };
  } catch (e) {
    if (e instanceof PromotionRefusedError)
      return { promotion: null, problems: [refusedProblem(selection, e.file, e.message)] };
    throw e;
  }
}

/** `kalypso promote --json`. */
export function promoteJson(result: PromoteEnvironmentResult) {
  return {
    promoted: result.promotion !== null,
    environment: result.promotion ? promotionJson(result.promotion) : null,
    problems: result.problems.map(problemJson),
  };
}
