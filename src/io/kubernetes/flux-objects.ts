import type { CustomObjectsApi, KubeConfig } from '@kubernetes/client-node' with { 'resolution-mode': 'import' };
import { redactSecrets } from '../git/secrets';

/** A kubeconfig could not be read, names an unknown context, or a Kubernetes API call failed; free of secrets. */
export class KubernetesError extends Error {
  public constructor(
    message: string,
    public readonly status?: number,
  ) {
    super(message);
    this.name = 'KubernetesError';
  }
}

/** The Flux objects of one cluster, as the API returned them. */
export interface FluxObjects {
  /** `kustomize.toolkit.fluxcd.io/v1` Kustomizations. */
  readonly kustomizations: readonly unknown[];
  /** `source.toolkit.fluxcd.io/v1` GitRepositories. */
  readonly gitRepositories: readonly unknown[];
}

export const KUSTOMIZATIONS = {
  group: 'kustomize.toolkit.fluxcd.io',
  version: 'v1',
  plural: 'kustomizations',
} as const;
export const GIT_REPOSITORIES = {
  group: 'source.toolkit.fluxcd.io',
  version: 'v1',
  plural: 'gitrepositories',
} as const;

/**
 * A kubeconfig file opened once, whose contexts each reach one cluster's API through `@kubernetes/client-node`
 * (ESM-only, hence the dynamic import). Knows nothing about Kalypso: it lists Flux objects. Credentials stay in the
 * client; the tokens and passwords of the file are removed from every message.
 */
export class KubernetesClusters {
  private readonly clients = new Map<string, CustomObjectsApi>();

  /** Reads the kubeconfig at `file`; throws `KubernetesError` when it cannot be read or lacks a context. */
  public static async open(file: string, contexts: readonly string[]): Promise<KubernetesClusters> {
    const k8s = await import('@kubernetes/client-node');
    const config = new k8s.KubeConfig();
    try {
      config.loadFromFile(file);
    } catch (e) {
      throw new KubernetesError(`cannot read kubeconfig ${file}: ${(e as Error).message}`);
    }
    const secrets = config.getUsers().flatMap((user) => [user.token, user.password].filter((s): s is string => !!s));
    const known = config.getContexts().map((context) => context.name);
    const wanted = contexts.length > 0 ? [...contexts] : [config.getCurrentContext()].filter(Boolean);
    if (wanted.length === 0)
      throw new KubernetesError(`kubeconfig ${file} has no current context; name one with --context`);
    const unknown = wanted.filter((name) => !known.includes(name));
    if (unknown.length > 0) {
      throw new KubernetesError(
        `kubeconfig ${file} has no context ${unknown.map((name) => JSON.stringify(name)).join(', ')}; it has ${known.map((name) => JSON.stringify(name)).join(', ') || 'none'}`,
      );
    }
    return new KubernetesClusters(k8s, file, wanted, secrets);
  }

  private constructor(
    private readonly k8s: typeof import('@kubernetes/client-node', { with: { 'resolution-mode': 'import' } }),
    private readonly file: string,
    /** The contexts, one per cluster. */
    public readonly contexts: readonly string[],
    private readonly secrets: readonly string[],
  ) {}

  /** The Kustomizations and GitRepositories of a context's cluster, in one namespace or all. */
  public async fluxObjects(context: string, namespace?: string): Promise<FluxObjects> {
    const api = this.client(context);
    const list = async (kind: typeof KUSTOMIZATIONS | typeof GIT_REPOSITORIES): Promise<unknown[]> => {
      try {
        const answer = namespace
          ? await api.listNamespacedCustomObject({ ...kind, namespace })
          : await api.listClusterCustomObject({ ...kind });
        const items = (answer as { items?: unknown }).items;
        return Array.isArray(items) ? items : [];
      } catch (e) {
        throw this.error(
          e,
          `list ${kind.plural}.${kind.group}/${kind.version}${namespace ? ` in namespace ${namespace}` : ''} in context ${context}`,
        );
      }
    };
    const [kustomizations, gitRepositories] = await Promise.all([list(KUSTOMIZATIONS), list(GIT_REPOSITORIES)]);
    return { kustomizations, gitRepositories };
  }

  /** One API client per context, kept between polls (so that exec credential plugins run once per token). */
  private client(context: string): CustomObjectsApi {
    let api = this.clients.get(context);
    if (!api) {
      const config: KubeConfig = new this.k8s.KubeConfig();
      config.loadFromFile(this.file);
      config.setCurrentContext(context);
      api = config.makeApiClient(this.k8s.CustomObjectsApi);
      this.clients.set(context, api);
    }
    return api;
  }

  /** Removes the kubeconfig's secrets from a text. */
  public redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }

  private error(e: unknown, doing: string): KubernetesError {
    const code = (e as { code?: unknown })?.code;
    if (typeof code === 'number') {
      const body = (e as { body?: unknown }).body;
      let message: string | undefined;
      try {
        const parsed = typeof body === 'string' ? JSON.parse(body) : body;
        if (typeof parsed?.message === 'string') message = parsed.message;
      } catch {
        message = undefined;
      }
      return new KubernetesError(
        this.redact(`cannot ${doing}: the API answered ${code}${message ? ` ${message}` : ''}`),
        code,
      );
    }
    return new KubernetesError(this.redact(`cannot ${doing}: ${(e as Error)?.message ?? String(e)}`));
  }
}
