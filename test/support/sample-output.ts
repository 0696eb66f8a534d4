/*
 * What upstream Kalypso writes for the canonical sample's dev environment (docs/reference/output-tree.md), as the
 * verbatim text of its Templates' output, shared by the tests of the sample and of the compatibility scenarios built
 * from it.
 */

/** upstream's sample output, byte for byte as upstream writes it (trailing spaces come from the Template). */
export const UPSTREAM_DRONE = {
  'namespace.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: "dev-drone-hello-world-app-functional-test" 
  labels:
    environment: "dev"
    workspace: "kaizen-app-team"
    workload: "hello-world-app"
    deploymentTarget: "hello-world-app-functional-test"
    someLabel: some-value
`,
  'reconciler.yaml': `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: GitRepository
metadata:
  name: "hello-world-app-functional-test"
  namespace: flux-system
spec:
  interval: 30s
  url: "https://github.com/microsoft/kalypso-app-gitops"
  ref:
    branch: "dev"
  secretRef:
      name: repo-secret    
---
apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
kind: Kustomization
metadata:
  name: "hello-world-app-functional-test"
  namespace: flux-system
spec:
  interval: 30s
  targetNamespace: "dev-drone-hello-world-app-functional-test"
  sourceRef:
    kind: GitRepository
    name: "hello-world-app-functional-test"
  path: "./functional-test" 
  prune: true
`,
  'platform-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: platform-config
  namespace: dev-drone-hello-world-app-functional-test
data:
  CLUSTER_NAME: Drone
  DATABASE_URL: mysql://restricted-host:3306/mysqlrty123
  ENVIRONMENT: Dev
  REGION: East US
  SOME_COMMON_ENVIRONMENT_VARIABLE: "false"`,
};

/**
 * upstream's sample output, last paragraph, rendered by hand from the same Templates: the observability target of the
 * sample's own observability-policy (workspace platform-team, stack: observability → size: large) on `large`. Its
 * config is dev-config (no selecting label), large-config (cluster-type: large) and west-us-config (region: west-us, a
 * label of large); restricted-config and east-us-config need labels large does not have.
 */
export const UPSTREAM_LARGE = {
  'namespace.yaml': `apiVersion: v1
kind: Namespace
metadata:
  name: "dev-large-observability-prometheus" 
  labels:
    environment: "dev"
    workspace: "platform-team"
    workload: "observability"
    deploymentTarget: "observability-prometheus"
    someLabel: some-value
`,
  'reconciler.yaml': `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: GitRepository
metadata:
  name: "observability-prometheus"
  namespace: flux-system
spec:
  interval: 30s
  url: "https://github.com/microsoft/kalypso-svc-gitops"
  ref:
    branch: "dev"
  secretRef:
      name: repo-secret    
---
apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
kind: Kustomization
metadata:
  name: "observability-prometheus"
  namespace: flux-system
spec:
  interval: 30s
  targetNamespace: "dev-large-observability-prometheus"
  sourceRef:
    kind: GitRepository
    name: "observability-prometheus"
  path: "./prometheus" 
  prune: true
`,
  'platform-config.yaml': `apiVersion: v1
kind: ConfigMap
metadata:
  name: platform-config
  namespace: dev-large-observability-prometheus
data:
  CLUSTER_NAME: Large
  DATABASE_URL: mysql://west:8806/mysql2
  ENVIRONMENT: Dev
  REGION: West US
  SOME_COMMON_ENVIRONMENT_VARIABLE: "false"`,
};

/**
 * The reconciler the 2025 bootstrap seed's Templates write for a dev target of hello-world-app (rendered by
 * hand): objects named <branch>.<workload>.<target>, secret platform-<branch>-auth, namespace = target.
 */
export function upstreamBootstrapReconciler(target: string, test: string): string {
  return `apiVersion: source.toolkit.fluxcd.io/v1beta2
kind: GitRepository
metadata:
  name: dev.hello-world-app.${target}
  namespace: flux-system
spec:
  interval: 30s
  url: "https://github.com/microsoft/kalypso-app-gitops"
  ref:
    branch: "dev"
  secretRef:
    name: platform-dev-auth    
---
apiVersion: kustomize.toolkit.fluxcd.io/v1beta2
kind: Kustomization
metadata:
  name: dev.hello-world-app.${target}
  namespace: flux-system
spec:
  interval: 30s
  targetNamespace: "${target}"
  sourceRef:
    kind: GitRepository
    name: dev.hello-world-app.${target}
  path: "./${test}" 
  prune: true
`;
}
