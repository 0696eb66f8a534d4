import { ClusterType, Template } from '../../core/model/types';
import { RendererRegistry } from './renderer-registry';
import { IConfigRenderer, INamespaceRenderer, IReconciler } from './renderer';
import { TemplateRenderer } from './template-renderer';

export interface ResolvedRenderers {
  readonly reconciler: IReconciler;
  readonly namespaceRenderer: INamespaceRenderer;
  readonly configRenderer: IConfigRenderer;
}

/**
 * What a ClusterType's renderer names resolve to (SPEC §5): a Template of that name first, then a renderer of the
 * registry. Returns the names that resolved to nothing (already reported by the input rules) instead of renderers.
 * Templates are parsed once per text, so a renderer per assignment costs little.
 */
export function resolveRenderers(
  clusterType: ClusterType,
  templates: ReadonlyMap<string, Template>,
  registry: RendererRegistry,
): ResolvedRenderers | { readonly unresolved: string[] } {
  const unresolved: string[] = [];
  const pick = <T>(
    field: 'reconciler' | 'namespaceService' | 'configType',
    builtIn: (name: string) => T | undefined,
  ): T => {
    const name = clusterType[field];
    const template = templates.get(name);
    const renderer = template ? (new TemplateRenderer(template) as T) : builtIn(name);
    if (!renderer) unresolved.push(`spec.${field} ${JSON.stringify(name)}`);
    return renderer as T;
  };
  const reconciler = pick('reconciler', (name) => registry.reconciler(name));
  const namespaceRenderer = pick('namespaceService', (name) => registry.namespaceRenderer(name));
  const configRenderer = pick('configType', (name) => registry.configRenderer(name));
  return unresolved.length > 0 ? { unresolved } : { reconciler, namespaceRenderer, configRenderer };
}
