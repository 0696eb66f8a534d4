import { RendererCatalog } from '../../core/model/rules';
import { ConfigMapRenderer } from './platform-config-map';
import { EnvFileRenderer } from './platform-config-env-file';
import { ArgoCdReconcilerRenderer, FluxReconcilerRenderer } from './reconcilers';
import { IConfigRenderer, INamespaceRenderer, IReconciler } from './renderer';
import { DefaultNamespaceRenderer } from './target-namespace';

/**
 * Renderers by name, per role: what a ClusterType's `reconciler`, `namespaceService` and `configType` resolve to when
 * no Template has that name. Starts with the built-ins; library users add their own.
 */
export class RendererRegistry {
  /** A registry holding the built-in renderers only. */
  public static withBuiltIns(): RendererRegistry {
    const registry = new RendererRegistry();
    const flux = new FluxReconcilerRenderer();
    registry.addReconciler('flux', flux);
    registry.addReconciler('arc-flux', flux);
    registry.addReconciler('argocd', new ArgoCdReconcilerRenderer());
    registry.addNamespaceRenderer('default', new DefaultNamespaceRenderer());
    registry.addConfigRenderer('configmap', new ConfigMapRenderer());
    registry.addConfigRenderer('envfile', new EnvFileRenderer());
    return registry;
  }

  private readonly reconcilers = new Map<string, IReconciler>();
  private readonly namespaceRenderers = new Map<string, INamespaceRenderer>();
  private readonly configRenderers = new Map<string, IConfigRenderer>();

  /** Registers (or replaces) the reconciler called `name`. */
  public addReconciler(name: string, renderer: IReconciler): void {
    this.reconcilers.set(name, renderer);
  }

  /** Registers (or replaces) the namespace renderer called `name`. */
  public addNamespaceRenderer(name: string, renderer: INamespaceRenderer): void {
    this.namespaceRenderers.set(name, renderer);
  }

  /** Registers (or replaces) the config renderer called `name`. */
  public addConfigRenderer(name: string, renderer: IConfigRenderer): void {
    this.configRenderers.set(name, renderer);
  }

  /** The reconciler called `name`, if registered. */
  public reconciler(name: string): IReconciler | undefined {
    return this.reconcilers.get(name);
  }

  /** The namespace renderer called `name`, if registered. */
  public namespaceRenderer(name: string): INamespaceRenderer | undefined {
    return this.namespaceRenderers.get(name);
  }

  /** The config renderer called `name`, if registered. */
  public configRenderer(name: string): IConfigRenderer | undefined {
    return this.configRenderers.get(name);
  }

  /** The names per role, for input validation and did-you-mean hints. */
  public catalog(): RendererCatalog {
    return {
      reconciler: [...this.reconcilers.keys()].sort(),
      namespace: [...this.namespaceRenderers.keys()].sort(),
      config: [...this.configRenderers.keys()].sort(),
    };
  }
}
