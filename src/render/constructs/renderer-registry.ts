import { RendererCatalog } from '../../core/model/rules';
import { PlanRenderers, RendererRole } from '../../core/plan/renderers';
import { BUILT_IN_RENDERERS, builtInIdOf } from './built-in-renderers';
import { IConfigRenderer, INamespaceRenderer, IReconciler, IRenderer } from './renderer';

const ROLES: readonly RendererRole[] = ['reconciler', 'namespace', 'config'];

/**
 * Renderers by name, per role: what a ClusterType's `reconciler`, `namespaceService` and `configType` resolve to when
 * no Template has that name. Starts with the built-ins; library users add their own.
 */
export class RendererRegistry implements PlanRenderers {
  /** A registry holding the built-in renderers only. */
  public static withBuiltIns(): RendererRegistry {
    const registry = new RendererRegistry();
    for (const { role, rendererClass, names } of BUILT_IN_RENDERERS) {
      const renderer = new rendererClass();
      for (const name of names) registry.byRole[role].set(name, renderer);
    }
    return registry;
  }

  private readonly byRole: Record<RendererRole, Map<string, IRenderer>> = {
    reconciler: new Map(),
    namespace: new Map(),
    config: new Map(),
  };

  /** Registers (or replaces) the reconciler called `name`. */
  public addReconciler(name: string, renderer: IReconciler): void {
    this.byRole.reconciler.set(name, renderer);
  }

  /** Registers (or replaces) the namespace renderer called `name`. */
  public addNamespaceRenderer(name: string, renderer: INamespaceRenderer): void {
    this.byRole.namespace.set(name, renderer);
  }

  /** Registers (or replaces) the config renderer called `name`. */
  public addConfigRenderer(name: string, renderer: IConfigRenderer): void {
    this.byRole.config.set(name, renderer);
  }

  /** The reconciler called `name`, if registered. */
  public reconciler(name: string): IReconciler | undefined {
    return this.byRole.reconciler.get(name);
  }

  /** The namespace renderer called `name`, if registered. */
  public namespaceRenderer(name: string): INamespaceRenderer | undefined {
    return this.byRole.namespace.get(name);
  }

  /** The config renderer called `name`, if registered. */
  public configRenderer(name: string): IConfigRenderer | undefined {
    return this.byRole.config.get(name);
  }

  /** The renderer called `name` in `role`, if registered. */
  public renderer(role: RendererRole, name: string): IRenderer | undefined {
    return this.byRole[role].get(name);
  }

  /** The names per role, for input validation and did-you-mean hints. */
  public catalog(): RendererCatalog {
    return {
      reconciler: [...this.byRole.reconciler.keys()].sort(),
      namespace: [...this.byRole.namespace.keys()].sort(),
      config: [...this.byRole.config.keys()].sort(),
    };
  }

  /** The id of the built-in renderer registered as `name` in `role`; undefined for one written in code. */
  public builtIn(role: RendererRole, name: string): string | undefined {
    const renderer = this.byRole[role].get(name);
    return renderer && builtInIdOf(renderer);
  }

  /** A copy of this registry: later registrations in either are not seen by the other. */
  public copy(): RendererRegistry {
    const copy = new RendererRegistry();
    for (const role of ROLES) {
      for (const [name, renderer] of this.byRole[role]) copy.byRole[role].set(name, renderer);
    }
    return copy;
  }
}
