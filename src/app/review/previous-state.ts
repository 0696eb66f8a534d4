import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { RendererRegistry } from '../../render/constructs/renderer-registry';
import { synthesizeInput } from '../synthesize/synthesize';
import { INPUTS_RECORD_PATH, readInputsRecord } from './inputs-record';
import { Baseline, ReviewState } from './report';
import { BranchTree, treeState } from './tree-state';

/** The state a change is compared with, and what it is. */
export interface PreviousState {
  readonly baseline: Baseline;
  readonly state: ReviewState;
  /** Why a record on the branch was not used (unreadable, another format or environment). */
  readonly ignoredRecord?: string;
}

/** Plans the objects a branch records, to compare with. */
export type PlanRecorded = (model: EnvironmentModel) => Promise<EnvironmentPlan>;

/**
 * What a branch was published from (docs/explanation/reviewing-changes.md, "The previous state"): the objects it
 * records, planned again with this version of the tool; else — no record, or one that cannot be read — its tree
 * alone, with the current objects.
 * @param record the text of the branch's `INPUTS_RECORD_PATH`, when it has one
 */
export async function previousState(
  next: ReviewState,
  branch: BranchTree & { readonly record?: string },
  planRecorded: PlanRecorded = planWith(),
): Promise<PreviousState> {
  const model = branch.record === undefined ? undefined : readInputsRecord(branch.record, next.plan.environment);
  let ignoredRecord = model && 'problem' in model ? model.problem : undefined;
  if (model && !('problem' in model)) {
    try {
      return { baseline: 'control-plane', state: { model, plan: await planRecorded(model) } };
    } catch (e) {
      // A record edited by hand, or written by another version, may hold objects planning cannot take.
      ignoredRecord = `${INPUTS_RECORD_PATH} cannot be planned (${e instanceof Error ? e.message : String(e)})`;
    }
  }
  return { baseline: 'tree', state: treeState(next, branch), ...(ignoredRecord ? { ignoredRecord } : {}) };
}

/**
 * The pipeline's planning, in worker threads when the environment is large, with `registry`'s renderers: those the
 * current objects were planned with, so that a cluster type naming a renderer registered in code plans again.
 */
export function planWith(registry?: RendererRegistry): PlanRecorded {
  return async (model) => {
    const input = { model: { environments: [model] }, problems: [], ...(registry ? { registry } : {}) };
    return (await synthesizeInput(input, { renderCache: false })).plans[0];
  };
}
