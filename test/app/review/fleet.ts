import { planEnvironment } from '../../../src/app/synthesize/plan-model';
import { ReviewState } from '../../../src/app/review';
import { loadControlPlane } from '../../../src/io/source/load';
import { FolderSource } from '../../../src/io/source/folder-source';
import { temporaryFolder, writeFiles } from '../../support/temp';

/*
 * Synthetic control planes for the change-report tests, described as data, written as YAML (a folder of branches,
 * environment `dev`), loaded with `loadControlPlane` and planned with `planEnvironment`: the pipeline's own output.
 */

const KALYPSO = 'apiVersion: scheduler.kalypso.io/v1alpha1';

export interface FleetClusterType {
  readonly name: string;
  readonly labels: Record<string, string>;
  /** @default 'flux' */
  readonly reconciler?: string;
}

export interface FleetWorkload {
  readonly name: string;
  /** @default `https://example.com/<name>` */
  readonly repo?: string;
  readonly targets: readonly { readonly name: string; readonly labels: Record<string, string> }[];
}

export interface FleetPolicy {
  readonly name: string;
  readonly targets: Record<string, string>;
  readonly clusterTypes: Record<string, string>;
}

export interface FleetConfigMap {
  readonly name: string;
  readonly labels: Record<string, string>;
  readonly data: Record<string, string>;
}

export interface Fleet {
  readonly clusterTypes: readonly FleetClusterType[];
  readonly workloads: readonly FleetWorkload[];
  readonly policies: readonly FleetPolicy[];
  readonly configMaps: readonly FleetConfigMap[];
  /** Reconciler Templates: name → the manifest template. */
  readonly templates?: Readonly<Record<string, string>>;
  /** The control-plane commit promoted to the environment (BaseRepo `main`). */
  readonly promotedCommit?: string;
}

const flow = (record: Record<string, string>) =>
  `{${Object.entries(record)
    .map(([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`)
    .join(', ')}}`;

/** The control plane's files: one file per ConfigMap and per cluster type, so that causes name distinct files. */
export function fleetFiles(fleet: Fleet): Record<string, string> {
  const files: Record<string, string> = {
    'main/environments.yaml': `${KALYPSO}\nkind: Environment\nmetadata: {name: dev}\nspec: {controlPlane: {repo: "https://example.com/cp", branch: dev, path: .}}\n`,
  };
  for (const type of fleet.clusterTypes) {
    files[`dev/cluster-types/${type.name}.yaml`] =
      `${KALYPSO}\nkind: ClusterType\nmetadata:\n  name: ${type.name}\n  labels: ${flow(type.labels)}\nspec:\n  reconciler: ${type.reconciler ?? 'flux'}\n  namespaceService: default\n  configType: configmap\n`;
  }
  for (const policy of fleet.policies) {
    files[`dev/policies/${policy.name}.yaml`] =
      `${KALYPSO}\nkind: SchedulingPolicy\nmetadata:\n  name: ${policy.name}\nspec:\n  deploymentTargetSelector:\n    labelSelector: {matchLabels: ${flow(policy.targets)}}\n  clusterTypeSelector:\n    labelSelector: {matchLabels: ${flow(policy.clusterTypes)}}\n`;
  }
  for (const workload of fleet.workloads) {
    const targets = workload.targets
      .map(
        (target) =>
          `    - name: ${target.name}\n      labels: ${flow(target.labels)}\n      environment: dev\n      manifests: {repo: "${workload.repo ?? `https://example.com/${workload.name}`}", branch: main, path: ./${target.name}}\n`,
      )
      .join('');
    files[`dev/workloads/${workload.name}.yaml`] =
      `${KALYPSO}\nkind: Workload\nmetadata:\n  name: ${workload.name}\nspec:\n  deploymentTargets:\n${targets}`;
  }
  for (const configMap of fleet.configMaps) {
    const data = Object.entries(configMap.data)
      .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}\n`)
      .join('');
    files[`dev/configs/${configMap.name}.yaml`] =
      `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${configMap.name}\n  labels: ${flow({ 'platform-config': 'true', ...configMap.labels })}\ndata:\n${data}`;
  }
  for (const [name, manifest] of Object.entries(fleet.templates ?? {})) {
    const body = manifest
      .split('\n')
      .map((line) => (line ? `      ${line}` : line))
      .join('\n');
    files[`dev/templates/${name}.yaml`] =
      `${KALYPSO}\nkind: Template\nmetadata:\n  name: ${name}\nspec:\n  type: reconciler\n  manifests:\n    - |\n${body}\n`;
  }
  if (fleet.promotedCommit) {
    files['dev/base-repo.yaml'] =
      `${KALYPSO}\nkind: BaseRepo\nmetadata:\n  name: main\nspec:\n  repo: https://example.com/cp\n  branch: main\n  path: .\n  commit: ${fleet.promotedCommit}\n`;
  }
  return files;
}

/** Writes, loads and plans the fleet; fails on any input problem, so that a test never reviews a broken plan. */
export async function planFleet(fleet: Fleet): Promise<ReviewState> {
  const root = temporaryFolder('kalypso-review-');
  writeFiles(root, fleetFiles(fleet));
  const { model, problems } = await loadControlPlane(new FolderSource(root));
  if (problems.length > 0) throw new Error(problems.map((problem) => problem.message).join('\n'));
  const [environment] = model.environments;
  const plan = planEnvironment(environment);
  const errors = plan.problems.filter((problem) => problem.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((problem) => problem.message).join('\n'));
  return { model: environment, plan };
}

const pad = (n: number) => String(n).padStart(4, '0');
const REGIONS = ['west', 'east', 'north', 'south'];
const STAGES = ['perf', 'test', 'qa', 'prod'];

export interface FleetOptions {
  readonly clusterTypes?: number;
  /** Workloads of four targets each. @default 5 */
  readonly workloads?: number;
  /** Workloads from this index on have `tier=edge` targets, the others `tier=core`. @default every workload is core */
  readonly edgeFrom?: number;
}

/**
 * The issue's fleet: cluster types `ct-0000`… with `region` cycling west, east, north, south (10 of 40 are east),
 * `edge=true` on three of every eight; workloads `wl-0000`… with four targets `perf`, `test`, `qa`, `prod`; one policy
 * placing every `tier=core` target on every cluster type; `dev-config` for everyone and one ConfigMap per region.
 */
export function baseFleet(options: FleetOptions = {}): Fleet {
  const clusterTypes = Array.from({ length: options.clusterTypes ?? 40 }, (_, i) => ({
    name: `ct-${pad(i)}`,
    labels: { region: REGIONS[i % REGIONS.length], edge: String(i % 8 < 3) },
  }));
  const edgeFrom = options.edgeFrom ?? Number.POSITIVE_INFINITY;
  const workloads = Array.from({ length: options.workloads ?? 5 }, (_, w) => ({
    name: `wl-${pad(w)}`,
    targets: STAGES.map((stage) => ({ name: stage, labels: { tier: w >= edgeFrom ? 'edge' : 'core', stage } })),
  }));
  return {
    clusterTypes,
    workloads,
    policies: [{ name: 'core-policy', targets: { tier: 'core' }, clusterTypes: {} }],
    configMaps: [
      { name: 'dev-config', labels: {}, data: { ENVIRONMENT: 'dev', LOG_LEVEL: 'info' } },
      ...REGIONS.map((region) => ({ name: `region-${region}-config`, labels: { region }, data: { REGION: region } })),
    ],
  };
}

/** The fleet with one ConfigMap's data changed. */
export function withConfig(fleet: Fleet, name: string, data: Record<string, string>): Fleet {
  return {
    ...fleet,
    configMaps: fleet.configMaps.map((configMap) =>
      configMap.name === name ? { ...configMap, data: { ...configMap.data, ...data } } : configMap,
    ),
  };
}

/** The fleet without one cluster type. */
export function withoutClusterType(fleet: Fleet, name: string): Fleet {
  return { ...fleet, clusterTypes: fleet.clusterTypes.filter((type) => type.name !== name) };
}

/** The fleet with one more policy. */
export function withPolicy(fleet: Fleet, policy: FleetPolicy): Fleet {
  return { ...fleet, policies: [...fleet.policies, policy] };
}

/** An Argo CD Application Template in the shape of Kalypso's sample `argocd` template. */
export function argocdTemplate(selfHeal: boolean): string {
  return [
    'apiVersion: argoproj.io/v1alpha1',
    'kind: Application',
    'metadata:',
    '  name: "{{ .DeploymentTargetName }}"',
    '  namespace: argocd',
    'spec:',
    '  destination:',
    '    server: https://kubernetes.default.svc',
    '    namespace: "{{ .Namespace }}"',
    '  project: default',
    '  source:',
    '    path: "{{ .Manifests.path }}"',
    '    repoURL: "{{ .Manifests.repo }}"',
    '    targetRevision: "{{ .Manifests.branch }}"',
    '  syncPolicy:',
    '    automated:',
    '      prune: true',
    `      selfHeal: ${selfHeal}`,
  ].join('\n');
}

/** Every fifth cluster type (`ct-0004`, `ct-0009`…) reconciled by the `argocd` Template. */
export function withArgocd(fleet: Fleet, selfHeal = true): Fleet {
  return {
    ...fleet,
    clusterTypes: fleet.clusterTypes.map((type, i) => (i % 5 === 4 ? { ...type, reconciler: 'argocd' } : type)),
    templates: { ...fleet.templates, argocd: argocdTemplate(selfHeal) },
  };
}

/** The fleet with one cluster type's labels changed. */
export function withClusterTypeLabels(fleet: Fleet, name: string, labels: Record<string, string>): Fleet {
  return {
    ...fleet,
    clusterTypes: fleet.clusterTypes.map((type) =>
      type.name === name ? { ...type, labels: { ...type.labels, ...labels } } : type,
    ),
  };
}

/** The fleet with one workload's manifests moved to another repository. */
export function withWorkloadRepo(fleet: Fleet, name: string, repo: string): Fleet {
  return {
    ...fleet,
    workloads: fleet.workloads.map((workload) => (workload.name === name ? { ...workload, repo } : workload)),
  };
}
