import { ClusterObservation, ClusterState } from './compliance';
import { isSameRepository } from './repository-identity';
import { compareStrings } from '../../core/model/order';

/** The platform GitOps commit whose deployment is checked. */
export interface PlatformCommit {
  /** The platform GitOps repository (GitOpsRepo `repo`). */
  readonly repo: string;
  /** The environment's branch of it (GitOpsRepo `branch`). */
  readonly branch: string;
  /** The commit, in full. */
  readonly commit: string;
}

/** A Flux condition (`metav1.Condition`). */
export interface FluxCondition {
  readonly type?: string;
  readonly status?: string;
  readonly reason?: string;
  readonly message?: string;
  readonly observedGeneration?: number;
  readonly lastTransitionTime?: string;
}

/** The fields of a `kustomize.toolkit.fluxcd.io/v1` Kustomization that say what it applied. */
export interface FluxKustomization {
  readonly metadata?: { readonly name?: string; readonly namespace?: string; readonly generation?: number };
  readonly spec?: {
    readonly suspend?: boolean;
    /** The folder of the source applied: `./<clusterType>` for a Kalypso platform GitOps branch. */
    readonly path?: string;
    readonly sourceRef?: { readonly kind?: string; readonly name?: string; readonly namespace?: string };
  };
  readonly status?: {
    readonly observedGeneration?: number;
    readonly lastAppliedRevision?: string;
    readonly lastAttemptedRevision?: string;
    readonly conditions?: readonly FluxCondition[];
  };
}

/** The fields of a `source.toolkit.fluxcd.io/v1` GitRepository that say what it pulls. */
export interface FluxGitRepository {
  readonly metadata?: { readonly name?: string; readonly namespace?: string };
  readonly spec?: { readonly url?: string; readonly ref?: { readonly branch?: string; readonly name?: string } };
}

/**
 * Reasons of `Ready=False` that are a step of a reconciliation rather than its outcome: the Kustomization is waiting,
 * not failed.
 */
const TRANSIENT_REASONS = new Set(['Progressing', 'ProgressingWithRetry', 'DependencyNotReady']);

/**
 * What one cluster says about the target, from its Flux objects (pure): one observation per Kustomization applying
 * a GitRepository of the platform GitOps repository and branch — compliant when `status.lastAppliedRevision` is the
 * commit and `Ready=True`; failed when `Ready=False` for a reason that ends a reconciliation (`ReconciliationFailed`,
 * `BuildFailed`, `HealthCheckFailed`…) and `status.lastAttemptedRevision` is the commit; pending otherwise (still
 * reconciling, an older or newer revision, suspended). A cluster with no such Kustomization is pending.
 */
export function observeFluxObjects(
  cluster: string,
  kustomizations: readonly FluxKustomization[],
  gitRepositories: readonly FluxGitRepository[],
  target: PlatformCommit,
): ClusterObservation[] {
  const sources = new Set(
    gitRepositories
      .filter((repository) => pullsBranch(repository, target))
      .map((repository) => key(repository.metadata)),
  );
  const applying = kustomizations.filter((kustomization) => {
    const ref = kustomization.spec?.sourceRef;
    if (ref?.kind !== 'GitRepository' || !ref.name) return false;
    return sources.has(key({ name: ref.name, namespace: ref.namespace ?? kustomization.metadata?.namespace }));
  });
  if (applying.length === 0) {
    return [
      {
        cluster,
        state: ClusterState.PENDING,
        reason: `no Flux Kustomization applies ${target.repo} branch ${target.branch}`,
      },
    ];
  }
  return applying
    .map((kustomization) => {
      const clusterType = clusterTypeOfPath(kustomization.spec?.path);
      return {
        cluster,
        object: key(kustomization.metadata),
        ...(clusterType ? { clusterType } : {}),
        ...judge(kustomization, target),
      };
    })
    .sort((a, b) => compareStrings(a.object, b.object));
}

function judge(kustomization: FluxKustomization, target: PlatformCommit): { state: ClusterState; reason: string } {
  const status = kustomization.status;
  if (kustomization.spec?.suspend) return { state: ClusterState.PENDING, reason: 'suspended' };
  if (!status) return { state: ClusterState.PENDING, reason: 'not reconciled yet' };
  const ready = status.conditions?.find((condition) => condition.type === 'Ready');
  const applied = revisionCommit(status.lastAppliedRevision) === target.commit.toLowerCase();
  const attempted = revisionCommit(status.lastAttemptedRevision) === target.commit.toLowerCase();
  const generation = kustomization.metadata?.generation;
  const current =
    generation === undefined || status.observedGeneration === undefined || status.observedGeneration >= generation;
  const readiness = ready
    ? `${ready.reason ?? `Ready=${ready.status}`}${ready.message ? `: ${ready.message}` : ''}`
    : 'no Ready condition';
  if (current && ready?.status === 'False' && attempted && !TRANSIENT_REASONS.has(ready.reason ?? '')) {
    return { state: ClusterState.FAILED, reason: readiness };
  }
  if (current && applied && ready?.status === 'True') return { state: ClusterState.COMPLIANT, reason: readiness };
  if (applied || attempted)
    return { state: ClusterState.PENDING, reason: current ? readiness : 'reconciling a new generation' };
  return {
    state: ClusterState.PENDING,
    reason: status.lastAppliedRevision ? `still at ${status.lastAppliedRevision}` : 'nothing applied yet',
  };
}

/** The cluster type of a Kustomization's `spec.path` (`./drone`, `drone/`): its first folder; none for the root. */
function clusterTypeOfPath(path: string | undefined): string | undefined {
  const folder = path
    ?.split('/')
    .filter((part) => part !== '' && part !== '.')
    .at(0);
  return folder;
}

/** Whether a GitRepository pulls the target's repository and branch. */
function pullsBranch(repository: FluxGitRepository, target: PlatformCommit): boolean {
  const { url, ref } = repository.spec ?? {};
  if (!url || !isSameRepository(url, target.repo)) return false;
  return ref?.branch === target.branch || ref?.name === `refs/heads/${target.branch}`;
}

/**
 * The commit of a Flux revision: `dev@sha1:<sha>` (Flux ≥ 2.0), `refs/heads/dev@sha1:<sha>`, or the older
 * `dev/<sha>`; lower case.
 */
export function revisionCommit(revision: string | undefined): string | undefined {
  if (!revision) return undefined;
  const digest = /@sha(?:1|256):([0-9a-f]+)$/i.exec(revision) ?? /(?:^|\/)([0-9a-f]{40,64})$/i.exec(revision);
  return digest?.[1].toLowerCase();
}

function key(metadata: { readonly name?: string; readonly namespace?: string } | undefined): string {
  return `${metadata?.namespace ?? 'default'}/${metadata?.name ?? ''}`;
}
