import { RendererCatalog } from '../model/rules';
import { ClusterType, Template } from '../model/types';

/**
 * A renderer as plain data: a Template of the environment, a built-in renderer by its id, or a renderer registered in
 * code, by the name it is registered under. Templates and built-ins can render in any thread and their output depends
 * on their input only, so their jobs can go to worker threads and the render cache.
 */
export type RendererSpec =
  { readonly template: string } | { readonly builtIn: string } | { readonly registered: string };

/** The renderers of an assignment: one per output file. */
export interface RendererSpecs {
  readonly reconciler: RendererSpec;
  readonly namespaceRenderer: RendererSpec;
  readonly configRenderer: RendererSpec;
}

/** The role of a renderer: which ClusterType field names it, and which file it renders. */
export type RendererRole = keyof RendererCatalog;

/**
 * What planning knows of the renderers besides Templates; the render layer's registry implements it, so the core
 * never loads cdk8s.
 */
export interface PlanRenderers {
  /** The registered names per role, for the input rules and their hints. */
  catalog(): RendererCatalog;
  /** The id of the built-in renderer `name` stands for in `role`; undefined for a renderer registered in code. */
  builtIn(role: RendererRole, name: string): string | undefined;
}

/**
 * The id of the built-in namespace renderer. It names an assignment's namespace `namespaceName(…)`, so planning knows
 * that name without rendering (a shard checks namespace collisions with the assignments of other shards by it).
 */
export const NAMESPACE_RENDERER_ID = 'default';

/**
 * What a ClusterType's renderer names resolve to: a Template of that name first, then a registered renderer; undefined
 * when a name resolves to nothing (the input rules report it).
 */
export function resolveRendererSpecs(
  clusterType: ClusterType,
  templates: ReadonlyMap<string, Template>,
  renderers: PlanRenderers,
): RendererSpecs | undefined {
  const catalog = renderers.catalog();
  const resolve = (name: string, role: RendererRole): RendererSpec | undefined => {
    if (templates.has(name)) return { template: name };
    if (!catalog[role].includes(name)) return undefined;
    const builtIn = renderers.builtIn(role, name);
    return builtIn === undefined ? { registered: name } : { builtIn };
  };
  const reconciler = resolve(clusterType.reconciler, 'reconciler');
  const namespaceRenderer = resolve(clusterType.namespaceService, 'namespace');
  const configRenderer = resolve(clusterType.configType, 'config');
  return reconciler && namespaceRenderer && configRenderer
    ? { reconciler, namespaceRenderer, configRenderer }
    : undefined;
}

function specsOf(specs: RendererSpecs): RendererSpec[] {
  return [specs.reconciler, specs.namespaceRenderer, specs.configRenderer];
}

/** Whether every renderer of a job is plain data (a Template or a built-in). */
export function isPortable(specs: RendererSpecs): boolean {
  return specsOf(specs).every((spec) => !('registered' in spec));
}

/** The Templates a job renders with. */
export function jobTemplates(specs: RendererSpecs): string[] {
  return specsOf(specs).flatMap((spec) => ('template' in spec ? [spec.template] : []));
}
