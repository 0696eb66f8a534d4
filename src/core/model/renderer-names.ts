/*
 * The names of the built-in renderers, as ClusterTypes write them. They are types too, so an IDE completes them in
 * `new ClusterType(…, { reconciler: '…' })`, while any other name (a Template, a renderer registered in code) is still
 * accepted. src/render/constructs/built-in-renderers.ts maps each name to its renderer.
 */

/** The built-in reconciler names: `flux` (also called `arc-flux`, as the canonical samples do) and `argocd`. */
export const BUILT_IN_RECONCILERS = ['flux', 'arc-flux', 'argocd'] as const;
/** The built-in namespace renderer name. */
export const BUILT_IN_NAMESPACE_RENDERERS = ['default'] as const;
/** The built-in config renderer names: `configmap` (`platform-config.yaml`) and `envfile` (`platform-config.sh`). */
export const BUILT_IN_CONFIG_RENDERERS = ['configmap', 'envfile'] as const;

/**
 * A reconciler name: a built-in (the IDE completes them), or a Template or a renderer registered in code.
 * `(string & {})` keeps any string allowed without losing the completion.
 */
export type ReconcilerName = (typeof BUILT_IN_RECONCILERS)[number] | (string & {});
/** A namespace renderer name: the built-in `default`, or a Template or a renderer registered in code. */
export type NamespaceRendererName = (typeof BUILT_IN_NAMESPACE_RENDERERS)[number] | (string & {});
/** A config renderer name: the built-in `configmap` or `envfile`, or a Template or a renderer registered in code. */
export type ConfigRendererName = (typeof BUILT_IN_CONFIG_RENDERERS)[number] | (string & {});
