import * as fs from 'fs';
import * as path from 'path';

/*
 * A synthetic control plane for the benchmark (issue 7), deterministic for a seed: one environment `prod` with
 * `clusterTypes` cluster types and `targets` deployment targets (from Workloads registered by three workspaces), twenty
 * SchedulingPolicies (matchLabels and matchExpressions) that together place every target on every cluster type once,
 * and platform ConfigMaps of twenty keys each such that ten of them match every assignment. Built-in renderers only.
 */

export interface BenchControlPlaneOptions {
  readonly clusterTypes: number;
  readonly targets: number;
  /** Seed of the pseudo-random values. @default 1 */
  readonly seed?: number;
}

export const BENCH_ENVIRONMENT = 'prod';
const WORKSPACES = ['payments', 'search', 'platform'];
const REGIONS = ['westeurope', 'eastus', 'southeastasia', 'brazilsouth'];
const SIZES = ['small', 'medium', 'large'];
/** Five tiers; tier t belongs to workspace t % 3, so each tier's policy can filter on that workspace. */
const TIERS = [0, 1, 2, 3, 4];
const TARGETS_PER_WORKLOAD = 4;
const KEYS_PER_CONFIG_MAP = 20;
/** Keys every ConfigMap sets, so later ConfigMaps override or merge into earlier ones. */
const SHARED_KEYS = ['LOG_LEVEL', 'REPLICAS', 'TIMEOUT', 'ENDPOINT', 'FEATURE_FLAGS', 'RESOURCES'];
const KALYPSO = 'apiVersion: scheduler.kalypso.io/v1alpha1';

/** mulberry32: a small, fast, deterministic generator. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Quotes a string for a YAML flow or block scalar (JSON strings are YAML). */
const q = (text: string) => JSON.stringify(text);

export function tierWorkspace(tier: number): string {
  return WORKSPACES[tier % WORKSPACES.length];
}

interface Shape {
  readonly clusterTypes: { name: string; region: string; size: string; reconciler: string; configType: string }[];
  readonly workloads: { name: string; workspace: string; targets: { name: string; tier: number; edge: boolean }[] }[];
}

function shape({ clusterTypes, targets }: BenchControlPlaneOptions, next: () => number): Shape {
  const types = Array.from({ length: clusterTypes }, (_, i) => ({
    name: `ct-${String(i).padStart(4, '0')}`,
    region: REGIONS[i % REGIONS.length],
    size: SIZES[Math.floor(next() * SIZES.length)],
    reconciler: i % 5 === 4 ? 'argocd' : i % 2 === 0 ? 'flux' : 'arc-flux',
    configType: i % 10 === 9 ? 'envfile' : 'configmap',
  }));
  const workloads: Shape['workloads'] = [];
  for (let t = 0; t < targets; t++) {
    const index = Math.floor(t / TARGETS_PER_WORKLOAD);
    if (!workloads[index]) {
      const workspace = WORKSPACES[index % WORKSPACES.length];
      workloads[index] = { name: `app-${String(index).padStart(4, '0')}`, workspace, targets: [] };
    }
    const workload = workloads[index];
    const tiers = TIERS.filter((tier) => tierWorkspace(tier) === workload.workspace);
    workload.targets.push({
      name: `t${t % TARGETS_PER_WORKLOAD}`,
      tier: tiers[Math.floor(next() * tiers.length)],
      edge: next() < 0.3,
    });
  }
  return { clusterTypes: types, workloads };
}

/** A config value: mostly plain text, some numbers-as-strings, YAML 1.1 booleans, URLs, and YAML lists or maps. */
function value(next: () => number, label: string, key: string): string {
  const n = Math.floor(next() * 1000);
  const word = label.replace(/[^a-z]/g, '').slice(0, 10);
  switch (key) {
    case 'LOG_LEVEL':
      return ['debug', 'info', 'warn', 'error'][n % 4];
    case 'REPLICAS':
      return String(1 + (n % 9));
    case 'TIMEOUT':
      return `${n % 120}s`;
    case 'ENDPOINT':
      return `https://${label}.example.com:${8000 + (n % 1000)}/api`;
    case 'FEATURE_FLAGS':
      return `- ${word}-${n % 7}\n`;
    case 'RESOURCES':
      return `cpu: ${n % 4}00m\nmemory: ${1 + (n % 8)}Gi\n${word}: "yes"\n`;
    default:
      break;
  }
  switch (n % 8) {
    case 0:
      return String(n);
    case 1:
      return n % 2 === 0 ? 'true' : 'no';
    case 2:
      return `${word} #${n}, ratio 3:1`;
    case 3:
      return `postgres://db-${n}.${word}:5432/app`;
    case 4:
      return ` padded ${n} `;
    default:
      return `${word}-${n.toString(36)}`;
  }
}

function configMap(name: string, labels: Record<string, string>, prefix: string, next: () => number): string {
  const keys = [
    ...SHARED_KEYS,
    ...Array.from(
      { length: KEYS_PER_CONFIG_MAP - SHARED_KEYS.length },
      (_, i) => `${prefix}_SETTING_${String(i).padStart(2, '0')}`,
    ),
  ];
  const labelLines = Object.entries({ 'platform-config': 'true', ...labels })
    .map(([k, v]) => `    ${k}: ${q(v)}\n`)
    .join('');
  const data = keys.map((key) => `  ${key}: ${q(value(next, name, key))}\n`).join('');
  return `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  labels:\n${labelLines}data:\n${data}`;
}

/**
 * Writes the control plane as a folder of branches below `root` (`main/`, `prod/`, and `workloads/`, the workload
 * repositories the registrations point at). Returns the number of assignments it schedules.
 */
export function writeBenchControlPlane(root: string, options: BenchControlPlaneOptions): number {
  const next = random(options.seed ?? 1);
  const { clusterTypes, workloads } = shape(options, next);
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };

  write(
    'main/.environments/prod.yaml',
    `${KALYPSO}\nkind: Environment\nmetadata:\n  name: ${BENCH_ENVIRONMENT}\nspec:\n  controlPlane:\n    repo: https://github.com/example/control-plane\n    branch: ${BENCH_ENVIRONMENT}\n    path: .\n`,
  );
  write(
    'main/workloads/registrations.yaml',
    workloads
      .map(
        (workload) =>
          `---\n${KALYPSO}\nkind: WorkloadRegistration\nmetadata:\n  name: ${workload.name}\nspec:\n  workload:\n    repo: ./workloads\n    branch: main\n    path: ./${workload.workspace}/${workload.name}\n  workspace: ${workload.workspace}\n`,
      )
      .join(''),
  );
  for (const workload of workloads) {
    const targets = workload.targets
      .map(
        (target) =>
          `  - name: ${target.name}\n    labels:\n      tier: t${target.tier}\n      edge: ${q(String(target.edge))}\n    environment: ${BENCH_ENVIRONMENT}\n    manifests:\n      repo: https://github.com/example/${workload.name}-gitops\n      branch: ${BENCH_ENVIRONMENT}\n      path: ./${target.name}\n`,
      )
      .join('');
    write(
      `workloads/${workload.workspace}/${workload.name}/workload.yaml`,
      `${KALYPSO}\nkind: Workload\nmetadata:\n  name: ${workload.name}\n  labels:\n    team: ${workload.workspace}\nspec:\n  deploymentTargets:\n${targets}`,
    );
  }

  const env = BENCH_ENVIRONMENT;
  write(
    `${env}/gitops-repo.yaml`,
    `${KALYPSO}\nkind: GitOpsRepo\nmetadata:\n  name: ${env}\nspec:\n  repo: https://github.com/example/platform-gitops\n  branch: ${env}\n  path: .\n`,
  );
  write(
    `${env}/base-repo.yaml`,
    `${KALYPSO}\nkind: BaseRepo\nmetadata:\n  name: main\nspec:\n  repo: https://github.com/example/control-plane\n  branch: main\n  path: .\n  commit: 0123456789abcdef0123456789abcdef01234567\n`,
  );
  for (const clusterType of clusterTypes) {
    write(
      `${env}/cluster-types/${clusterType.name}/cluster-type.yaml`,
      `${KALYPSO}\nkind: ClusterType\nmetadata:\n  name: ${clusterType.name}\n  labels:\n    region: ${clusterType.region}\n    size: ${clusterType.size}\nspec:\n  reconciler: ${clusterType.reconciler}\n  namespaceService: default\n  configType: ${clusterType.configType}\n`,
    );
    write(
      `${env}/cluster-types/${clusterType.name}/config.yaml`,
      configMap(`ct-${clusterType.name}`, { 'cluster-type': clusterType.name }, 'CLUSTER', next),
    );
  }
  // Policies: tier × region; each selects the tier's targets in the tier's workspace and the region's cluster types.
  let policies = '';
  for (const tier of TIERS) {
    for (const region of REGIONS) {
      policies += `---\n${KALYPSO}\nkind: SchedulingPolicy\nmetadata:\n  name: t${tier}-${region}\nspec:\n  deploymentTargetSelector:\n    workspace: ${tierWorkspace(tier)}\n    labelSelector:\n      matchLabels:\n        tier: t${tier}\n      matchExpressions:\n        - {key: edge, operator: In, values: ["true", "false"]}\n  clusterTypeSelector:\n    labelSelector:\n      matchExpressions:\n        - {key: region, operator: In, values: [${region}]}\n        - {key: retired, operator: DoesNotExist}\n`;
    }
  }
  write(`${env}/scheduling/policies.yaml`, policies);

  // Ten ConfigMaps match each assignment: two global, region, size, cluster type, workspace, tier, workload, target, edge.
  let configs =
    configMap('00-global-defaults', {}, 'GLOBAL', next) +
    configMap('01-global-observability', {}, 'OBSERVABILITY', next);
  for (const region of REGIONS) configs += configMap(`region-${region}`, { region }, 'REGION', next);
  for (const size of SIZES) configs += configMap(`size-${size}`, { size }, 'SIZE', next);
  for (const workspace of WORKSPACES) configs += configMap(`workspace-${workspace}`, { workspace }, 'WORKSPACE', next);
  for (const tier of TIERS) configs += configMap(`tier-t${tier}`, { tier: `t${tier}` }, 'TIER', next);
  for (const edge of ['true', 'false']) configs += configMap(`edge-${edge}`, { edge }, 'EDGE', next);
  write(`${env}/configs/shared.yaml`, configs);
  for (const workload of workloads) {
    let text = configMap(`workload-${workload.name}`, { workload: workload.name }, 'WORKLOAD', next);
    for (const target of workload.targets) {
      const name = `${workload.name}-${target.name}`;
      text += configMap(`target-${name}`, { 'deployment-target': name }, 'TARGET', next);
    }
    write(`${env}/configs/workloads/${workload.name}.yaml`, text);
  }
  return clusterTypes.length * workloads.reduce((sum, workload) => sum + workload.targets.length, 0);
}
