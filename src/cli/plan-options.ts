import { PlanOptions } from '../output/plan';

/** The renderers the command line uses: the built-ins (and Template objects, once the template engine is wired in). */
export function defaultPlanOptions(): PlanOptions {
  return {};
}
