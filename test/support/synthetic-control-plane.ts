import { writeFiles } from './temp';

export interface SyntheticOptions {
  readonly clusterTypes: number;
  readonly targets: number;
  /** Text mixed into every config value, so a run with another salt changes every platform-config file. */
  readonly salt?: string;
}

/**
 * Writes a control plane (folder of branches, environment `dev`) where one select-all policy places every target on
 * every cluster type: clusterTypes × targets assignments, three files each.
 */
export function writeSyntheticControlPlane(root: string, { clusterTypes, targets, salt = '' }: SyntheticOptions): void {
  const write = (file: string, text: string) => writeFiles(root, { [file]: text });
  const kalypso = 'apiVersion: scheduler.kalypso.io/v1alpha1';
  write(
    'main/environments.yaml',
    `${kalypso}\nkind: Environment\nmetadata: {name: dev}\nspec: {controlPlane: {repo: "https://example.com/cp", branch: dev, path: .}}\n`,
  );
  write(
    'dev/policy.yaml',
    `${kalypso}\nkind: SchedulingPolicy\nmetadata: {name: all}\nspec: {deploymentTargetSelector: {labelSelector: {}}, clusterTypeSelector: {labelSelector: {}}}\n`,
  );
  let types = '';
  for (let i = 0; i < clusterTypes; i++) {
    types += `---\n${kalypso}\nkind: ClusterType\nmetadata: {name: ct-${i}, labels: {region: r${i % 3}}}\nspec: {reconciler: flux, namespaceService: default, configType: configmap}\n`;
  }
  write('dev/cluster-types.yaml', types);
  let deploymentTargets = '';
  for (let i = 0; i < targets; i++) {
    deploymentTargets += `---\n${kalypso}\nkind: DeploymentTarget\nmetadata: {name: app-t${i}, labels: {workload: app, workspace: team}}\nspec: {environment: dev, manifests: {repo: "https://example.com/app", branch: main, path: ./t${i}}}\n`;
  }
  write('dev/deployment-targets.yaml', deploymentTargets);
  write(
    'dev/config.yaml',
    `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dev-config, labels: {platform-config: "true"}}\ndata: {ENVIRONMENT: "dev${salt}", REGION: "r${salt}"}\n`,
  );
}
