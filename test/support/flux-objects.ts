/**
 * Flux objects shaped exactly as kustomize-controller and source-controller (Flux v2, API v1) write them, for the fake
 * Kubernetes API: a GitRepository pulling a branch, and Kustomizations applying it in the four states `kalypso check`
 * tells apart.
 */

const TIME = '2024-05-02T10:00:00Z';

export function gitRepository(props: {
  name: string;
  namespace?: string;
  url: string;
  branch: string;
  commit?: string;
}): object {
  const namespace = props.namespace ?? 'flux-system';
  const revision = props.commit ? `${props.branch}@sha1:${props.commit}` : undefined;
  return {
    apiVersion: 'source.toolkit.fluxcd.io/v1',
    kind: 'GitRepository',
    metadata: { name: props.name, namespace, generation: 1, uid: `${props.name}-0000-uid` },
    spec: { interval: '1m0s', ref: { branch: props.branch }, timeout: '60s', url: props.url },
    status: {
      ...(revision
        ? {
            artifact: {
              digest: 'sha256:6f1b7a0d1e1f0b7d3e5c2a9c8b7a6f5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a',
              lastUpdateTime: TIME,
              path: `gitrepository/${namespace}/${props.name}/${props.commit}.tar.gz`,
              revision,
              size: 1024,
              url: `http://source-controller.flux-system.svc.cluster.local./gitrepository/${namespace}/${props.name}/${props.commit}.tar.gz`,
            },
          }
        : {}),
      conditions: [
        {
          lastTransitionTime: TIME,
          message: revision ? `stored artifact for revision '${revision}'` : 'building artifact',
          observedGeneration: 1,
          reason: revision ? 'Succeeded' : 'Progressing',
          status: revision ? 'True' : 'Unknown',
          type: 'Ready',
        },
      ],
      observedGeneration: 1,
    },
  };
}

/** The states of a Kustomization relative to a commit `kalypso check` waits for. */
export type KustomizationState =
  /** Applied `commit`, healthy. */
  | { kind: 'applied'; commit: string }
  /** Still working on `commit`, `previous` applied. */
  | { kind: 'reconciling'; commit: string; previous?: string }
  /** Tried `commit` and failed, `previous` still applied. */
  | { kind: 'failed'; commit: string; previous?: string; reason?: string; message?: string }
  /** Applied an older commit and reports Ready (it has not seen the new one). */
  | { kind: 'stale'; previous: string };

export function kustomization(props: {
  name: string;
  namespace?: string;
  source: string;
  path: string;
  branch: string;
  state: KustomizationState;
}): object {
  const namespace = props.namespace ?? 'flux-system';
  const rev = (commit: string) => `${props.branch}@sha1:${commit}`;
  const ready = (status: string, reason: string, message: string) => ({
    lastTransitionTime: TIME,
    message,
    observedGeneration: 1,
    reason,
    status,
    type: 'Ready',
  });
  const { state } = props;
  let status: object;
  switch (state.kind) {
    case 'applied':
      status = {
        conditions: [
          ready('True', 'ReconciliationSucceeded', `Applied revision: ${rev(state.commit)}`),
          {
            lastTransitionTime: TIME,
            message: 'Health check passed in 2.012345678s',
            observedGeneration: 1,
            reason: 'Succeeded',
            status: 'True',
            type: 'Healthy',
          },
        ],
        inventory: { entries: [{ id: `_${props.name}__Namespace`, v: 'v1' }] },
        lastAppliedRevision: rev(state.commit),
        lastAttemptedRevision: rev(state.commit),
        observedGeneration: 1,
      };
      break;
    case 'reconciling':
      status = {
        conditions: [
          {
            lastTransitionTime: TIME,
            message: `Fetching manifests for revision ${rev(state.commit)} with a timeout of 9m30s`,
            observedGeneration: 1,
            reason: 'Progressing',
            status: 'True',
            type: 'Reconciling',
          },
          ready('Unknown', 'Progressing', 'Reconciliation in progress'),
        ],
        ...(state.previous ? { lastAppliedRevision: rev(state.previous) } : {}),
        lastAttemptedRevision: rev(state.commit),
        observedGeneration: 1,
      };
      break;
    case 'failed':
      status = {
        conditions: [
          ready(
            'False',
            state.reason ?? 'HealthCheckFailed',
            state.message ??
              `health check failed after 4m30.03s: timeout waiting for: [Deployment/dev-drone-hello-world-app-functional-test/hello-world-app status: 'InProgress']`,
          ),
        ],
        ...(state.previous ? { lastAppliedRevision: rev(state.previous) } : {}),
        lastAttemptedRevision: rev(state.commit),
        observedGeneration: 1,
      };
      break;
    case 'stale':
      status = {
        conditions: [ready('True', 'ReconciliationSucceeded', `Applied revision: ${rev(state.previous)}`)],
        lastAppliedRevision: rev(state.previous),
        lastAttemptedRevision: rev(state.previous),
        observedGeneration: 1,
      };
      break;
  }
  return {
    apiVersion: 'kustomize.toolkit.fluxcd.io/v1',
    kind: 'Kustomization',
    metadata: { name: props.name, namespace, generation: 1, uid: `${props.name}-1111-uid` },
    spec: {
      interval: '10m0s',
      path: props.path,
      prune: true,
      sourceRef: { kind: 'GitRepository', name: props.source },
      timeout: '9m30s',
      wait: true,
    },
    status,
  };
}

/** One cluster of a cluster type consuming an environment branch: its GitRepository and Kustomization. */
export function clusterObjects(props: {
  url: string;
  branch: string;
  clusterType: string;
  state: KustomizationState;
  commit?: string;
}) {
  return {
    gitRepositories: [
      gitRepository({ name: 'kalypso-gitops', url: props.url, branch: props.branch, commit: props.commit }),
    ],
    kustomizations: [
      kustomization({
        name: props.clusterType,
        source: 'kalypso-gitops',
        path: `./${props.clusterType}`,
        branch: props.branch,
        state: props.state,
      }),
    ],
  };
}
