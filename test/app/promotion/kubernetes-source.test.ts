import { KubernetesClusters, KubernetesError } from '../../../src/io/kubernetes/flux-objects';
import { ClusterState, decideCompliance } from '../../../src/app/promotion/compliance';
import { KubernetesComplianceSource } from '../../../src/app/promotion/kubernetes-source';
import { Clock, waitForCompliance } from '../../../src/app/promotion/wait-for-compliance';
import { clusterObjects, gitRepository, kustomization } from '../../support/flux-objects';
import { KubernetesServer, startKubernetesServer, writeKubeconfig } from '../../support/kubernetes-server';

const TOKEN = 'kube-PLANTED-token-0123456789abcdef';
const GITOPS = 'https://github.com/org/gitops';
const COMMIT = 'a'.repeat(40);
const OLD = 'b'.repeat(40);
const target = { repo: GITOPS, branch: 'dev', commit: COMMIT };

let drone: KubernetesServer;
let large: KubernetesServer;
beforeEach(async () => {
  drone = await startKubernetesServer({ token: TOKEN });
  large = await startKubernetesServer({ token: TOKEN });
});
afterEach(async () => {
  await drone.close();
  await large.close();
});

async function source(contexts = ['drone-1', 'large-1'], namespace?: string): Promise<KubernetesComplianceSource> {
  const clusters = await KubernetesClusters.open(writeKubeconfig({ 'drone-1': drone, 'large-1': large }), contexts);
  return new KubernetesComplianceSource({ clusters, target, namespace });
}

/** A clock whose sleeps pass at once; `between` runs at each sleep (the clusters move on between polls). */
function fakeClock(between: (poll: number) => void = () => undefined): Clock & { slept: number[] } {
  let now = 0;
  const slept: number[] = [];
  return {
    slept,
    now: () => now,
    sleep: async (ms) => {
      slept.push(ms);
      now += ms;
      between(slept.length);
    },
  };
}

describe('the Kubernetes compliance source', () => {
  test("every cluster applied the commit: compliant, read through the kubeconfig with each context's token", async () => {
    drone.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'drone',
      state: { kind: 'applied', commit: COMMIT },
      commit: COMMIT,
    });
    large.objects = clusterObjects({
      url: `${GITOPS}.git`,
      branch: 'dev',
      clusterType: 'large',
      state: { kind: 'applied', commit: COMMIT },
      commit: COMMIT,
    });
    const observations = await (await source()).observe();
    expect(observations).toEqual([
      {
        cluster: 'drone-1',
        object: 'flux-system/drone',
        clusterType: 'drone',
        state: ClusterState.COMPLIANT,
        reason: `ReconciliationSucceeded: Applied revision: dev@sha1:${COMMIT}`,
      },
      {
        cluster: 'large-1',
        object: 'flux-system/large',
        clusterType: 'large',
        state: ClusterState.COMPLIANT,
        reason: `ReconciliationSucceeded: Applied revision: dev@sha1:${COMMIT}`,
      },
    ]);
    expect(
      drone
        .requests()
        .map((request) => request.url)
        .sort(),
    ).toEqual([
      '/apis/kustomize.toolkit.fluxcd.io/v1/kustomizations',
      '/apis/source.toolkit.fluxcd.io/v1/gitrepositories',
    ]);
    expect(drone.requests().every((request) => request.authorization === `Bearer ${TOKEN}`)).toBe(true);
  });

  test('a cluster still reconciling is waited for until it becomes compliant (the server changes between polls)', async () => {
    drone.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'drone',
      state: { kind: 'applied', commit: COMMIT },
      commit: COMMIT,
    });
    large.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'large',
      state: { kind: 'reconciling', commit: COMMIT, previous: OLD },
      commit: COMMIT,
    });
    const progress: string[] = [];
    const clock = fakeClock((poll) => {
      if (poll === 2)
        large.objects = clusterObjects({
          url: GITOPS,
          branch: 'dev',
          clusterType: 'large',
          state: { kind: 'applied', commit: COMMIT },
          commit: COMMIT,
        });
    });
    const outcome = await waitForCompliance([await source()], {
      timeoutMs: 600_000,
      intervalMs: 10_000,
      clock,
      onVerdict: (verdict) => progress.push(`${verdict.compliant} of ${verdict.total}`),
    });
    expect(outcome).toMatchObject({ outcome: 'compliant', observations: 3 });
    expect(progress).toEqual(['1 of 2', '1 of 2', '2 of 2']);
    expect(clock.slept).toEqual([10_000, 10_000]);
  });

  test("fails at once when a cluster reports Ready=False for the commit, with Flux's reason and message", async () => {
    drone.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'drone',
      state: { kind: 'reconciling', commit: COMMIT, previous: OLD },
      commit: COMMIT,
    });
    large.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'large',
      state: { kind: 'failed', commit: COMMIT, previous: OLD },
      commit: COMMIT,
    });
    const clock = fakeClock();
    const outcome = await waitForCompliance([await source()], { timeoutMs: 600_000, intervalMs: 10_000, clock });
    expect(outcome.outcome).toBe('failed');
    expect(clock.slept).toEqual([]);
    expect(outcome.verdict.clusters[1]).toEqual({
      cluster: 'large-1',
      state: ClusterState.FAILED,
      reasons: [
        "flux-system/large: HealthCheckFailed: health check failed after 4m30.03s: timeout waiting for: [Deployment/dev-drone-hello-world-app-functional-test/hello-world-app status: 'InProgress']",
      ],
    });
  });

  test('fails by timing out when a cluster stays on an older revision', async () => {
    drone.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'drone',
      state: { kind: 'applied', commit: COMMIT },
      commit: COMMIT,
    });
    large.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'large',
      state: { kind: 'stale', previous: OLD },
      commit: OLD,
    });
    const clock = fakeClock();
    const outcome = await waitForCompliance([await source()], { timeoutMs: 25_000, intervalMs: 10_000, clock });
    expect(outcome).toMatchObject({ outcome: 'timed-out', observations: 4 });
    expect(clock.slept).toEqual([10_000, 10_000, 5_000]);
    expect(outcome.verdict.clusters[1]).toEqual({
      cluster: 'large-1',
      state: ClusterState.PENDING,
      reasons: [`flux-system/large: still at dev@sha1:${OLD}`],
    });
  });

  test("only Kustomizations applying the GitOps repository's environment branch count; --namespace reads one namespace", async () => {
    drone.objects = {
      gitRepositories: [
        gitRepository({ name: 'kalypso-gitops', url: 'ssh://git@github.com/org/gitops.git', branch: 'dev' }),
        gitRepository({ name: 'stage-gitops', url: GITOPS, branch: 'stage' }),
        gitRepository({ name: 'other', namespace: 'apps', url: 'https://github.com/org/app', branch: 'dev' }),
      ],
      kustomizations: [
        kustomization({
          name: 'drone',
          source: 'kalypso-gitops',
          path: './drone',
          branch: 'dev',
          state: { kind: 'applied', commit: COMMIT },
        }),
        kustomization({
          name: 'stage',
          source: 'stage-gitops',
          path: './drone',
          branch: 'stage',
          state: { kind: 'failed', commit: COMMIT },
        }),
        kustomization({
          name: 'app',
          namespace: 'apps',
          source: 'other',
          path: './',
          branch: 'dev',
          state: { kind: 'failed', commit: COMMIT },
        }),
      ],
    };
    expect(decideCompliance(await (await source(['drone-1'])).observe())).toMatchObject({
      state: ClusterState.COMPLIANT,
      compliant: 1,
      total: 1,
    });
    expect(await (await source(['drone-1'], 'apps')).observe()).toEqual([
      { cluster: 'drone-1', state: ClusterState.PENDING, reason: `no Flux Kustomization applies ${GITOPS} branch dev` },
    ]);
    expect(
      drone
        .requests()
        .slice(-2)
        .map((request) => request.url)
        .sort(),
    ).toEqual([
      '/apis/kustomize.toolkit.fluxcd.io/v1/namespaces/apps/kustomizations',
      '/apis/source.toolkit.fluxcd.io/v1/namespaces/apps/gitrepositories',
    ]);
  });

  test("a cluster whose API answers an error is pending with the API's message, and no token appears in it", async () => {
    drone.objects = clusterObjects({
      url: GITOPS,
      branch: 'dev',
      clusterType: 'drone',
      state: { kind: 'applied', commit: COMMIT },
      commit: COMMIT,
    });
    large.failWith = 503;
    const [, unreachable] = await (await source()).observe();
    expect(unreachable).toEqual({
      cluster: 'large-1',
      state: ClusterState.PENDING,
      reason: expect.stringMatching(
        /^cannot list (kustomizations\.kustomize|gitrepositories\.source)\.toolkit\.fluxcd\.io\/v1 in context large-1: the API answered 503 the server is currently unable to handle the request$/,
      ),
    });
    expect(JSON.stringify(unreachable)).not.toContain(TOKEN);
  });

  test.each([[['nope'], /has no context "nope"; it has "drone-1", "large-1"$/]])(
    'fails to open a kubeconfig naming an unknown context %j',
    async (contexts, message) => {
      const file = writeKubeconfig({ 'drone-1': drone, 'large-1': large });
      await expect(KubernetesClusters.open(file, contexts)).rejects.toThrow(message);
      await expect(KubernetesClusters.open(`${file}-missing`, [])).rejects.toThrow(KubernetesError);
    },
  );

  test("with no --context, the kubeconfig's current context is the one cluster", async () => {
    const clusters = await KubernetesClusters.open(
      writeKubeconfig({ 'drone-1': drone, 'large-1': large }, 'large-1'),
      [],
    );
    expect(clusters.contexts).toEqual(['large-1']);
  });
});
