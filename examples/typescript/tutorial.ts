/*
 * The Kalypso tutorial control plane (examples/tutorial/, a folder of YAML branches) written only in code. It
 * synthesizes a platform GitOps tree byte-identical to the YAML one.
 *
 * In your own cdk8s app, import from 'kalypso-cdk8s' instead of '../../src'.
 */
import { Construct } from 'constructs';
import {
  ApprovalMethod,
  ClusterType,
  ControlPlane,
  ControlPlaneProps,
  Environment,
  PlatformConfig,
  RolloutPolicy,
  SchedulingPolicy,
  Workload,
} from '../../src';

const CONTROL_PLANE_REPO = 'https://github.com/microsoft/kalypso-control-plane';
const PLATFORM_GITOPS_REPO = 'https://github.com/microsoft/kalypso-gitops';
const APP_GITOPS_REPO = 'https://github.com/microsoft/kalypso-app-gitops';

/** The tutorial's two environments, their cluster types, platform config and scheduling policies, and one workload. */
export class Tutorial extends ControlPlane {
  /** The dev environment: four cluster types, two scheduling policies. */
  public readonly dev: Environment;
  /** The stage environment: the China North 3 region's drone and large cluster types. */
  public readonly stage: Environment;

  public constructor(scope: Construct, id: string, props: ControlPlaneProps = {}) {
    super(scope, id, props);

    // dev: each environment is published to its own branch of the platform GitOps repository.
    const dev = (this.dev = new Environment(this, 'dev', {
      controlPlane: { repo: CONTROL_PLANE_REPO },
      gitOpsRepo: { repo: PLATFORM_GITOPS_REPO },
      promotedCommit: '5523a85f37d12c0c7c10ab6616644db089fcd6f7',
    }));
    // Platform config without selecting labels applies to every assignment of the environment.
    new PlatformConfig(dev, 'dev-config', { data: { ENVIRONMENT: 'Dev', SOME_COMMON_ENVIRONMENT_VARIABLE: 'false' } });
    new PlatformConfig(dev, 'restricted-config', {
      labels: { restricted: 'true' },
      data: { DATABASE_URL: 'mysql://restricted-host:3306/mysqlrty123' },
    });
    new PlatformConfig(dev, 'china-north-3-config', {
      labels: { region: 'china-north-3' },
      data: { REGION: 'China North 3' },
    });

    // Cluster types reconcile with Flux by default; each has its own config, selected by the cluster-type label.
    new ClusterType(dev, 'command-center', { labels: { restricted: 'true' } });
    new PlatformConfig(dev, 'command-center-config', {
      labels: { 'cluster-type': 'command-center' },
      data: { CLUSTER_NAME: 'Command Center' },
    });
    new ClusterType(dev, 'drone', { labels: { restricted: 'true', edge: 'true', region: 'china-north-3' } });
    new PlatformConfig(dev, 'drone-config', { labels: { 'cluster-type': 'drone' }, data: { CLUSTER_NAME: 'Drone' } });
    new ClusterType(dev, 'large', { labels: { size: 'large' } });
    new PlatformConfig(dev, 'large-config', {
      labels: { 'cluster-type': 'large' },
      data: { CLUSTER_NAME: 'Large', DATABASE_URL: 'mysql://west:8806/mysql2' },
    });
    new ClusterType(dev, 'small', { labels: { size: 'small' } });
    new PlatformConfig(dev, 'small-config', {
      labels: { 'cluster-type': 'small' },
      data: { CLUSTER_NAME: 'Small', DATABASE_URL: 'mysql://west:8806/mysql2' },
    });

    new SchedulingPolicy(dev, 'functional-test-policy', {
      workspace: 'kaizen-app-team',
      deploymentTargetSelector: { matchLabels: { purpose: 'functional-test', edge: 'true' } },
      clusterTypeSelector: { matchLabels: { restricted: 'true', edge: 'true' } },
    });
    new SchedulingPolicy(dev, 'performance-test-policy', {
      deploymentTargetSelector: { matchLabels: { purpose: 'performance-test', edge: 'false' } },
      clusterTypeSelector: { matchLabels: { size: 'large' } },
    });

    // stage
    const stage = (this.stage = new Environment(this, 'stage', {
      controlPlane: { repo: CONTROL_PLANE_REPO },
      gitOpsRepo: { repo: PLATFORM_GITOPS_REPO },
      promotedCommit: '42f2c201b96055faead8da72a126ec3e8fe30296',
    }));
    new PlatformConfig(stage, 'stage-config', {
      data: { ENVIRONMENT: 'Stage', SOME_COMMON_ENVIRONMENT_VARIABLE: 'false' },
    });
    new PlatformConfig(stage, 'restricted-config', {
      labels: { restricted: 'true' },
      data: { DATABASE_URL: 'mysql://restricted-host:3306/mysqlrty123' },
    });
    new PlatformConfig(stage, 'china-north-3-config', {
      labels: { region: 'china-north-3' },
      data: { REGION: 'China North 3', DATABASE_URL: 'mysql://china-north-3:8806/mysql2' },
    });
    new ClusterType(stage, 'drone', { labels: { restricted: 'true', edge: 'true', region: 'china-north-3' } });
    new PlatformConfig(stage, 'drone-config', { labels: { 'cluster-type': 'drone' }, data: { CLUSTER_NAME: 'Drone' } });
    new ClusterType(stage, 'large', { labels: { size: 'large', region: 'china-north-3' } });
    new PlatformConfig(stage, 'large-config', { labels: { 'cluster-type': 'large' }, data: { CLUSTER_NAME: 'Large' } });
    // Without a cluster type selector, a policy selects every cluster type.
    new SchedulingPolicy(stage, 'uat-test-policy', {
      workspace: 'kaizen-app-team',
      deploymentTargetSelector: { matchLabels: { purpose: 'uat-test' } },
    });
    // Changes reach stage in two waves: the edge cluster types first, then, after ten minutes and an approval, the
    // others.
    new RolloutPolicy(stage, 'stage-rollout', {
      waves: [
        { name: 'edge', clusterTypeSelector: { matchLabels: { edge: 'true' } }, bakeTime: '10m' },
        { name: 'everything-else', clusterTypeSelector: {}, approval: { method: ApprovalMethod.COMMAND } },
      ],
    });

    // The application team's workload, defined once for every environment: each target names its environment.
    new Workload(this, 'hello-world-app', {
      workspace: 'kaizen-app-team',
      labels: { type: 'application', family: 'force' },
      deploymentTargets: [
        {
          name: 'functional-test',
          environment: dev,
          labels: { purpose: 'functional-test', edge: 'true' },
          manifests: { repo: APP_GITOPS_REPO, branch: 'dev', path: './functional-test' },
        },
        {
          name: 'performance-test',
          environment: dev,
          labels: { purpose: 'performance-test', edge: 'false' },
          manifests: { repo: APP_GITOPS_REPO, branch: 'dev', path: './performance-test' },
        },
        {
          name: 'uat-test',
          environment: stage,
          labels: { purpose: 'uat-test' },
          manifests: { repo: APP_GITOPS_REPO, branch: 'stage', path: './uat-test' },
        },
      ],
    });
  }
}
