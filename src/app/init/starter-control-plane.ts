/*
 * The control plane `kalypso init` writes: a folder of branches (main/, dev/, prod/) that synthesizes out of the box,
 * with no network, and explains itself in comments. The application's Workload lives in hello-app-src/, a folder of
 * the control plane standing in for the application team's repository.
 */

const README = `# Control plane

A Kalypso control plane kept as a folder of branches: each top-level folder is one branch of the control-plane
repository.

    main/            shared by every environment: Environments, WorkloadRegistrations (and Templates, ConfigSchemas)
    dev/, prod/      one folder per environment: ClusterTypes, platform ConfigMaps, SchedulingPolicies, the GitOpsRepo
    hello-app-src/   stands for the application team's repository, where their Workload lives

Try it:

    kalypso validate -c .                                   # every problem at once, nothing written
    kalypso explain -c .                                    # which deployment target runs on which cluster type
    kalypso explain -c . --env dev --target hello-app-test  # why, and where each config value comes from
    kalypso synth -c . --out ../platform-gitops             # write the platform GitOps tree, one folder per environment
    kalypso diff -c . --against ../platform-gitops          # after an edit: what would change

Next steps: replace the your-org URLs with your repositories, add cluster types (label them: size, region, edge…),
point WorkloadRegistrations at the application repositories, and write policies that select them by label.
`;

const ENVIRONMENT = (
  name: string,
) => `# An environment. kalypso builds one platform GitOps tree per environment, from the objects of main/ and of
# the branch named below (here the ${name}/ folder).
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Environment
metadata:
  name: ${name}
spec:
  controlPlane:
    repo: https://github.com/your-org/control-plane # this repository
    branch: ${name}
    path: .
`;

const WORKLOAD_REGISTRATION = `# Registers an application team's workload. kalypso reads the Workload objects found at repo/branch/path; the
# workspace becomes the "workspace" label of each of its deployment targets (policies can require it).
# repo is a folder of this control plane here, so the example needs no network; in real life it is the application
# repository's URL (read it from a local checkout with --source URL=PATH).
apiVersion: scheduler.kalypso.io/v1alpha1
kind: WorkloadRegistration
metadata:
  name: hello-app
spec:
  workload:
    repo: ./hello-app-src
    branch: main
    path: ./workload
  workspace: app-team
`;

const WORKLOAD = `# Owned by the application team: where each deployment target's manifests live, and labels that policies select.
# Each target becomes the deployment target "<workload>-<name>" (hello-app-test) of its environment.
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata:
  name: hello-app
spec:
  deploymentTargets:
    - name: test
      labels:
        purpose: test
      environment: dev
      manifests:
        repo: https://github.com/your-org/hello-app-gitops
        branch: dev
        path: ./test
    - name: prod
      labels:
        purpose: production
      environment: prod
      manifests:
        repo: https://github.com/your-org/hello-app-gitops
        branch: prod
        path: ./prod
`;

const CLUSTER_TYPE = (
  name: string,
  labels: Record<string, string>,
) => `# A cluster type: a group of clusters that get the same workloads. Every cluster of this type reconciles the
# ${name}/ folder of its environment's branch in the platform GitOps repository. Policies select cluster types by label.
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata:
  name: ${name}
  labels:
${Object.entries(labels)
  .map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
  .join('\n')}
spec:
  reconciler: flux            # Flux GitRepository + Kustomization (or argocd, or the name of a Template)
  namespaceService: default   # a Namespace per deployment target
  configType: configmap       # the platform config as a ConfigMap named platform-config (or envfile)
`;

const CONFIG_MAP = (
  name: string,
  comment: string,
  labels: Record<string, string>,
  data: Record<string, string>,
) => `# ${comment}
# ConfigMaps labelled platform-config: "true" are merged in name order (a later name wins); each other label must
# match: cluster-type names a ClusterType, deployment-target a deployment target, workload a workload, any other
# label one of the cluster type's or the target's. \`kalypso explain --target …\` shows where each value came from.
apiVersion: v1
kind: ConfigMap
metadata:
  name: ${name}
  labels:
    platform-config: "true"
${Object.entries(labels)
  .map(([key, value]) => `    ${key}: ${JSON.stringify(value)}`)
  .join('\n')}${Object.keys(labels).length > 0 ? '\n' : ''}data:
${Object.entries(data)
  .map(([key, value]) => `  ${key}: ${JSON.stringify(value)}`)
  .join('\n')}
`;

const POLICY = (
  name: string,
  comment: string,
  targets: Record<string, string>,
  clusterTypes: Record<string, string>,
) => `# ${comment}
# Every deployment target the deploymentTargetSelector selects goes to every cluster type the clusterTypeSelector
# selects (Kubernetes label selectors: matchLabels and matchExpressions; {} selects everything).
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata:
  name: ${name}
spec:
  deploymentTargetSelector:
    workspace: app-team       # optional: only targets of this workspace
    labelSelector:
      matchLabels:
${Object.entries(targets)
  .map(([key, value]) => `        ${key}: ${JSON.stringify(value)}`)
  .join('\n')}
  clusterTypeSelector:
    labelSelector:
      matchLabels:
${Object.entries(clusterTypes)
  .map(([key, value]) => `        ${key}: ${JSON.stringify(value)}`)
  .join('\n')}
`;

const GITOPS_REPO = (
  environment: string,
) => `# Where the ${environment} tree is published: this branch of the platform GitOps repository.
apiVersion: scheduler.kalypso.io/v1alpha1
kind: GitOpsRepo
metadata:
  name: ${environment}
spec:
  repo: https://github.com/your-org/platform-gitops
  branch: ${environment}
  path: .
`;

/** Relative path → content of every file `kalypso init` writes. */
export const STARTER_CONTROL_PLANE: Readonly<Record<string, string>> = {
  'README.md': README,
  'main/.environments/dev.yaml': ENVIRONMENT('dev'),
  'main/.environments/prod.yaml': ENVIRONMENT('prod'),
  'main/workloads/hello-app.yaml': WORKLOAD_REGISTRATION,
  'hello-app-src/workload/workload.yaml': WORKLOAD,
  'dev/gitops-repo.yaml': GITOPS_REPO('dev'),
  'dev/cluster-types/small.yaml': CLUSTER_TYPE('small', { size: 'small' }),
  'dev/cluster-types/large.yaml': CLUSTER_TYPE('large', { size: 'large' }),
  'dev/configs/dev-config.yaml': CONFIG_MAP(
    'dev-config',
    'Platform config for every deployment target of dev: it has no other label.',
    {},
    { ENVIRONMENT: 'dev', LOG_LEVEL: 'debug' },
  ),
  'dev/configs/small-config.yaml': CONFIG_MAP(
    'small-config',
    'Platform config for the targets on small cluster types only.',
    { 'cluster-type': 'small' },
    { REPLICAS: '1' },
  ),
  'dev/scheduling/test-policy.yaml': POLICY(
    'test-policy',
    'Test deployment targets run on small cluster types.',
    { purpose: 'test' },
    { size: 'small' },
  ),
  'prod/gitops-repo.yaml': GITOPS_REPO('prod'),
  'prod/cluster-types/large.yaml': CLUSTER_TYPE('large', { size: 'large' }),
  'prod/configs/prod-config.yaml': CONFIG_MAP(
    'prod-config',
    'Platform config for every deployment target of prod.',
    {},
    { ENVIRONMENT: 'prod', LOG_LEVEL: 'info' },
  ),
  'prod/configs/large-config.yaml': CONFIG_MAP(
    'large-config',
    'Platform config for the targets on large cluster types only.',
    { 'cluster-type': 'large' },
    { REPLICAS: '3' },
  ),
  'prod/scheduling/production-policy.yaml': POLICY(
    'production-policy',
    'Production deployment targets run on large cluster types.',
    { purpose: 'production' },
    { size: 'large' },
  ),
};
