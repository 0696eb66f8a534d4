/**
 * A fake Kubernetes API server on 127.0.0.1 (ephemeral port) answering what `kalypso check` reads of one cluster: Flux
 * `kustomize.toolkit.fluxcd.io/v1` Kustomizations and `source.toolkit.fluxcd.io/v1` GitRepositories, list (all
 * namespaces or one) and get, as the API server answers them (List kinds, `metav1.Status` errors, bearer tokens).
 * Tests reach it through a kubeconfig file (`writeKubeconfig`) and `@kubernetes/client-node`.
 */
import * as fs from 'fs';
import { createServer, Server } from 'http';
import { AddressInfo } from 'net';
import * as path from 'path';
import { temporaryFolder } from './temp';

/** The Flux objects the fake cluster holds; tests replace them between polls. */
export interface ClusterObjects {
  kustomizations: object[];
  gitRepositories: object[];
}

export interface RecordedKubernetesRequest {
  readonly method: string;
  readonly url: string;
  readonly authorization?: string;
}

const RESOURCES: Record<string, { group: string; kind: string; key: keyof ClusterObjects }> = {
  'kustomize.toolkit.fluxcd.io/v1/kustomizations': {
    group: 'kustomize.toolkit.fluxcd.io',
    kind: 'Kustomization',
    key: 'kustomizations',
  },
  'source.toolkit.fluxcd.io/v1/gitrepositories': {
    group: 'source.toolkit.fluxcd.io',
    kind: 'GitRepository',
    key: 'gitRepositories',
  },
};

export class KubernetesServer {
  public static async start(props: { token: string }): Promise<KubernetesServer> {
    const http = createServer();
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    http.unref();
    http.on('connection', (socket) => socket.unref());
    return new KubernetesServer(http, props.token);
  }

  public readonly url: string;
  /** What the cluster holds now. */
  public objects: ClusterObjects = { kustomizations: [], gitRepositories: [] };
  /** Answer every request with this status (e.g. 503), when set. */
  public failWith?: number;
  private readonly recorded: RecordedKubernetesRequest[] = [];

  private constructor(
    private readonly http: Server,
    public readonly token: string,
  ) {
    this.url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
    http.on('request', (req, res) => {
      this.recorded.push({ method: req.method ?? '', url: req.url ?? '', authorization: req.headers.authorization });
      const { status, body } = this.answer(
        req.method ?? 'GET',
        new URL(req.url ?? '/', this.url),
        req.headers.authorization,
      );
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    });
  }

  public requests(): RecordedKubernetesRequest[] {
    return [...this.recorded];
  }

  public async close(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.http.close(() => resolve());
      this.http.closeAllConnections();
    });
  }

  private answer(method: string, url: URL, authorization: string | undefined): { status: number; body: object } {
    if (authorization !== `Bearer ${this.token}`) return status(401, 'Unauthorized', 'Unauthorized');
    if (this.failWith)
      return status(this.failWith, 'ServiceUnavailable', 'the server is currently unable to handle the request');
    if (method !== 'GET')
      return status(405, 'MethodNotAllowed', `the server does not allow this method on the requested resource`);
    const match = /^\/apis\/([^/]+)\/([^/]+)\/(?:namespaces\/([^/]+)\/)?([^/]+)(?:\/([^/]+))?$/.exec(url.pathname);
    const resource = match ? RESOURCES[`${match[1]}/${match[2]}/${match[4]}`] : undefined;
    if (!match || !resource) return status(404, 'NotFound', 'the server could not find the requested resource');
    const [, group, version, namespace, plural, name] = match;
    const items = this.objects[resource.key].filter(
      (item) => !namespace || (item as { metadata?: { namespace?: string } }).metadata?.namespace === namespace,
    );
    if (name !== undefined) {
      if (!namespace) return status(404, 'NotFound', 'the server could not find the requested resource');
      const found = items.find((item) => (item as { metadata?: { name?: string } }).metadata?.name === name);
      return found ? { status: 200, body: found } : status(404, 'NotFound', `${plural}.${group} "${name}" not found`);
    }
    return {
      status: 200,
      body: {
        apiVersion: `${group}/${version}`,
        kind: `${resource.kind}List`,
        metadata: { resourceVersion: '4242' },
        items,
      },
    };
  }
}

function status(code: number, reason: string, message: string): { status: number; body: object } {
  return {
    status: code,
    body: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code },
  };
}

/** Starts a fake cluster API. Close it with `await server.close()`. */
export function startKubernetesServer(props: { token: string }): Promise<KubernetesServer> {
  return KubernetesServer.start(props);
}

/**
 * Writes a kubeconfig with one context per cluster (named as given), each reaching its server with its bearer
 * token, and returns its path. The servers speak plain http, so each cluster skips TLS verification.
 */
export function writeKubeconfig(clusters: Record<string, KubernetesServer>, current?: string): string {
  const file = path.join(temporaryFolder('kalypso-kube-'), 'config');
  const names = Object.keys(clusters);
  const lines = ['apiVersion: v1', 'kind: Config', 'clusters:'];
  for (const name of names)
    lines.push(
      `- name: ${name}`,
      '  cluster:',
      `    server: ${clusters[name].url}`,
      '    insecure-skip-tls-verify: true',
    );
  lines.push('users:');
  for (const name of names) lines.push(`- name: ${name}-admin`, '  user:', `    token: ${clusters[name].token}`);
  lines.push('contexts:');
  for (const name of names)
    lines.push(`- name: ${name}`, '  context:', `    cluster: ${name}`, `    user: ${name}-admin`);
  lines.push(`current-context: ${current ?? names[0] ?? ''}`, '');
  fs.writeFileSync(file, lines.join('\n'));
  return file;
}
