import { BUILT_IN_NAMESPACE_RENDERERS } from '../../core/model/renderer-names';
import { NAMESPACE_RENDERER_ID, RendererRole } from '../../core/plan/renderers';
import type * as BuiltInClasses from './built-in-classes';
import { IRenderer } from './renderer';

/** A built-in renderer: its id (how a worker thread knows it), role, class, and the names ClusterTypes use for it. */
export interface BuiltInRenderer {
  readonly id: string;
  readonly role: RendererRole;
  /** The class, loaded (with cdk8s) when first asked for. */
  readonly rendererClass: new () => IRenderer;
  readonly names: readonly string[];
}

let classes: typeof BuiltInClasses | undefined;

function builtIn(
  id: string,
  role: RendererRole,
  names: readonly string[],
  pick: (loaded: typeof BuiltInClasses) => new () => IRenderer,
): BuiltInRenderer {
  return {
    id,
    role,
    names,
    get rendererClass() {
      return pick((classes ??= require('./built-in-classes') as typeof BuiltInClasses));
    },
  };
}

/** Every built-in renderer, once. */
export const BUILT_IN_RENDERERS: readonly BuiltInRenderer[] = [
  builtIn('flux', 'reconciler', ['flux', 'arc-flux'], (loaded) => loaded.FluxReconcilerRenderer),
  builtIn('argocd', 'reconciler', ['argocd'], (loaded) => loaded.ArgoCdReconcilerRenderer),
  builtIn(
    NAMESPACE_RENDERER_ID,
    'namespace',
    [...BUILT_IN_NAMESPACE_RENDERERS],
    (loaded) => loaded.DefaultNamespaceRenderer,
  ),
  builtIn('configmap', 'config', ['configmap'], (loaded) => loaded.ConfigMapRenderer),
  builtIn('envfile', 'config', ['envfile'], (loaded) => loaded.EnvFileRenderer),
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
