/*
 * The classes of the built-in renderers. They load cdk8s and cdk8s-plus, so built-in-renderers.ts loads this module
 * only when a renderer is first used: the main thread of a run whose assignments all render in worker threads or come
 * from the render cache never does (docs/explanation/performance.md).
 */
export { ConfigMapRenderer } from './platform-config-map';
export { EnvFileRenderer } from './platform-config-env-file';
export { ArgoCdReconcilerRenderer, FluxReconcilerRenderer } from './reconcilers';
export { DefaultNamespaceRenderer } from './target-namespace';
