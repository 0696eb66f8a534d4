import { RendererCatalog } from '../../core/model/rules';
import { PlanRenderers, RendererRole } from '../../core/plan/renderers';
import { BUILT_IN_RENDERERS, BuiltInRenderer, builtInIdOf } from './built-in-renderers';
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
    for (const builtIn of BUILT_IN_RENDERERS) {
      for (const name of builtIn.names) registry.byRole[builtIn.role].set(name, builtIn);
    }
    return registry;
  }

  /** A built-in stands for itself until it is first used: its class is loaded (with cdk8s) then. */
  private readonly byRole: Record<RendererRole, Map<string, IRenderer | BuiltInRenderer>> = {
    reconciler: new Map(),
    namespace: new Map(),
    config: new Map(),
  };
  /** The built-ins made so far: one instance each, whatever the names it is registered as. */
  private readonly builtIns = new Map<BuiltInRenderer, IRenderer>();

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
    return this.renderer('reconciler', name);
  }

  /** The namespace renderer called `name`, if registered. */
  public namespaceRenderer(name: string): INamespaceRenderer | undefined {
    return this.renderer('namespace', name);
  }

  /** The config renderer called `name`, if registered. */
  public configRenderer(name: string): IConfigRenderer | undefined {
    return this.renderer('config', name);
  }

  /** The renderer called `name` in `role`, if registered. */
  public renderer(role: RendererRole, name: string): IRenderer | undefined {
    const entry = this.byRole[role].get(name);
    if (entry === undefined || !isBuiltIn(entry)) return entry;
    let renderer = this.builtIns.get(entry);
    if (!renderer) {
      renderer = new entry.rendererClass();
      this.builtIns.set(entry, renderer);
    }
    return renderer;
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
    const entry = this.byRole[role].get(name);
    if (entry === undefined) return undefined;
    return isBuiltIn(entry) ? entry.id : builtInIdOf(entry);
  }

  /** A copy of this registry: later registrations in either are not seen by the other. */
  public copy(): RendererRegistry {
    const copy = new RendererRegistry();
    for (const role of ROLES) {
      for (const [name, renderer] of this.byRole[role]) copy.byRole[role].set(name, renderer);
    }
    for (const [builtIn, renderer] of this.builtIns) copy.builtIns.set(builtIn, renderer);
    return copy;
  }
}

const BUILT_INS: ReadonlySet<unknown> = new Set(BUILT_IN_RENDERERS);

function isBuiltIn(entry: IRenderer | BuiltInRenderer): entry is BuiltInRenderer {
  return BUILT_INS.has(entry);
}
