import { BUILT_IN_NAMESPACE_RENDERERS } from '../../core/model/renderer-names';
import { NAMESPACE_RENDERER_ID, RendererRole } from '../../core/plan/renderers';
import { ConfigMapRenderer } from './platform-config-map';
import { EnvFileRenderer } from './platform-config-env-file';
import { ArgoCdReconcilerRenderer, FluxReconcilerRenderer } from './reconcilers';
import { IRenderer } from './renderer';
import { DefaultNamespaceRenderer } from './target-namespace';

/** A built-in renderer: its id (how a worker thread knows it), role, class, and the names ClusterTypes use for it. */
export interface BuiltInRenderer {
  readonly id: string;
  readonly role: RendererRole;
  readonly rendererClass: new () => IRenderer;
  readonly names: readonly string[];
}

/** Every built-in renderer, once. */
export const BUILT_IN_RENDERERS: readonly BuiltInRenderer[] = [
  { id: 'flux', role: 'reconciler', rendererClass: FluxReconcilerRenderer, names: ['flux', 'arc-flux'] },
  { id: 'argocd', role: 'reconciler', rendererClass: ArgoCdReconcilerRenderer, names: ['argocd'] },
  {
    id: NAMESPACE_RENDERER_ID,
    role: 'namespace',
    rendererClass: DefaultNamespaceRenderer,
    names: [...BUILT_IN_NAMESPACE_RENDERERS],
  },
  { id: 'configmap', role: 'config', rendererClass: ConfigMapRenderer, names: ['configmap'] },
  { id: 'envfile', role: 'config', rendererClass: EnvFileRenderer, names: ['envfile'] },
];

/** The built-in renderer with this id; throws when there is none (a job names only ids from this list). */
export function builtInRenderer(id: string): BuiltInRenderer {
  const found = BUILT_IN_RENDERERS.find((renderer) => renderer.id === id);
  if (!found) throw new Error(`render job names no built-in renderer "${id}"`);
  return found;
}

/** The id of the built-in renderer `renderer` is an instance of, if it is one. */
export function builtInIdOf(renderer: IRenderer): string | undefined {
  return BUILT_IN_RENDERERS.find((builtIn) => renderer.constructor === builtIn.rendererClass)?.id;
}
