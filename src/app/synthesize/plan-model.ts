import { ControlPlaneModel, EnvironmentModel } from '../../core/model/types';
import * as core from '../../core/plan/plan';
import { RendererRegistry } from '../../render/constructs/renderer-registry';
import { renderInThread } from '../../render/render-job';

/** How `planControlPlane` and `planEnvironment` plan. */
export interface PlanModelOptions extends Omit<core.PlanOptions, 'renderers'> {
  /**
   * The renderers ClusterTypes may name besides Templates.
   * @default RendererRegistry.withBuiltIns()
   */
  readonly registry?: RendererRegistry;
}

/**
 * Plans every environment of a control plane model in this thread (no render cache, no worker threads, nothing
 * written): the same planning `synthesize` does.
 */
export function planControlPlane(model: ControlPlaneModel, options: PlanModelOptions = {}): core.EnvironmentPlan[] {
  const registry = options.registry ?? RendererRegistry.withBuiltIns();
  return core.planControlPlane(model, renderInThread(registry, options.progress), { ...options, renderers: registry });
}

/** Plans one environment of a control plane model in this thread, as `planControlPlane` does. */
export function planEnvironment(environment: EnvironmentModel, options: PlanModelOptions = {}): core.EnvironmentPlan {
  const registry = options.registry ?? RendererRegistry.withBuiltIns();
  return core.planEnvironment(environment, renderInThread(registry, options.progress), {
    ...options,
    renderers: registry,
  });
}
