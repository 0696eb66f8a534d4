import { formatProblem } from '../../../src/core/model/problems';
import { planEnvironment } from '../../../src/app/synthesize/plan-model';
import { devEnvironment } from '../../support/documents';

function plan(yaml: string) {
  const result = planEnvironment(devEnvironment(yaml));
  return { ...result, lines: result.problems.map(formatProblem) };
}

const clusterType = (name: string, extra = '') => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: ${name}}
spec: {reconciler: flux, namespaceService: default, configType: configmap${extra}}
`;
const target = (name: string, environment = 'dev') => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: DeploymentTarget
metadata: {name: ${name}, labels: {workload: w}}
spec: {environment: ${environment}, manifests: {repo: "https://example.com/r", branch: main, path: ./${name}}}
`;
const selectAll = `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: all}
spec: {deploymentTargetSelector: {labelSelector: {}}, clusterTypeSelector: {labelSelector: {}}}
`;

describe('planEnvironment', () => {
  test('plans every cluster type folder and assignment files, sorted', () => {
    const result = plan(clusterType('b') + clusterType('a') + target('w-x') + selectAll);
    expect(result.lines).toEqual([]);
    expect(Object.keys(result.files)).toEqual([
      'a/README.md',
      'a/w-x/namespace.yaml',
      'a/w-x/reconciler.yaml',
      'b/README.md',
      'b/w-x/namespace.yaml',
      'b/w-x/reconciler.yaml',
    ]);
    expect(result.clusterTypes).toEqual(['a', 'b']);
    expect(result.assignments.map((a) => [a.clusterType, a.deploymentTarget, a.namespace, a.policies])).toEqual([
      ['a', 'w-x', 'dev-a-w-x', ['all']],
      ['b', 'w-x', 'dev-b-w-x', ['all']],
    ]);
  });

  test('omits the platform config file when the config is empty, and writes it when a ConfigMap matches', () => {
    const config = `---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, labels: {platform-config: "true", cluster-type: a}}
data: {X: "1"}
`;
    const result = plan(clusterType('a') + clusterType('b') + target('w-x') + selectAll + config);
    expect(Object.keys(result.files).filter((f) => f.includes('platform-config'))).toEqual([
      'a/w-x/platform-config.yaml',
    ]);
  });

  test('writes platform-config.sh with the envfile renderer', () => {
    const config =
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, labels: {platform-config: "true"}}\ndata: {X: "1"}\n';
    const result = plan(clusterType('a').replace('configmap', 'envfile') + target('w-x') + selectAll + config);
    expect(result.files['a/w-x/platform-config.sh']).toBe('export X="1"\n');
  });

  test('fails on a namespace longer than 63 characters, naming the parts that built it', () => {
    const long = `w-${'t'.repeat(60)}`;
    const result = plan(clusterType('a') + target(long) + selectAll);
    expect(result.lines).toEqual([
      `dev/objects.yaml:7:1  DeploymentTarget/${long}  Namespace "dev-a-${long}" in a/${long}/namespace.yaml: metadata.name is 68 characters long; Kubernetes allows at most 63 (environment "dev" + cluster type "a" + deployment target "${long}")`,
    ]);
    expect(result.files[`a/${long}/namespace.yaml`]).toBeUndefined();
    expect(result.failedFolders).toEqual([`a/${long}`]);
  });

  test('fails when two assignments produce the same namespace, naming both', () => {
    const result = plan(
      clusterType('drone') +
        clusterType('drone-a') +
        target('a-b') +
        target('b') +
        `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: p}
spec:
  deploymentTargetSelector: {labelSelector: {}}
  clusterTypeSelector: {labelSelector: {matchExpressions: [{key: x, operator: DoesNotExist}]}}
`,
    );
    expect(result.lines).toContainEqual(
      expect.stringContaining(
        'namespace "dev-drone-a-b" is produced by both (clusterType "drone", deploymentTarget "a-b") and (clusterType "drone-a", deploymentTarget "b")',
      ),
    );
  });

  test('writes the promoted commit of BaseRepo main, and names the GitOps repo', () => {
    const result = plan(`---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: BaseRepo
metadata: {name: main}
spec: {repo: r, branch: main, path: ., commit: abc123}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: BaseRepo
metadata: {name: global}
spec: {repo: r, branch: main, path: ., commit: other}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: GitOpsRepo
metadata: {name: dev}
spec: {repo: "https://github.com/org/gitops", branch: dev, path: .}
`);
    expect(result.files).toEqual({ '.github/tracking/Promoted_Commit_Id': 'abc123' });
    expect(result.promotedCommit).toBe('abc123');
    expect(result.gitOpsRepo).toEqual({ repo: 'https://github.com/org/gitops', branch: 'dev' });
  });

  test('renders a cluster type naming a Template with the template engine, objects through cdk8s', () => {
    const result = plan(
      clusterType('a').replace('reconciler: flux', 'reconciler: mine') +
        target('w-x') +
        selectAll +
        `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: mine}
spec:
  type: reconciler
  manifests:
    - |
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: "{{ .Workload }}-{{ .ClusterType }}"
        namespace: {{ .Namespace }}
    - "{{ if false }}dropped{{ end }}"
    - "not an object: {{ .DeploymentTargetName }}\\n"
`,
    );
    expect(result.lines).toEqual([]);
    expect(result.files['a/w-x/reconciler.yaml']).toBe(
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: w-a\n  namespace: dev-a-w-x\n---\nnot an object: w-x\n',
    );
  });

  test("fails the assignment at the Template's file and line when it does not render", () => {
    const result = plan(
      clusterType('a').replace('reconciler: flux', 'reconciler: mine') +
        target('w-x') +
        selectAll +
        `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: mine}
spec: {type: reconciler, manifests: ["{{ .Repo }}"]}
`,
    );
    expect(result.lines).toEqual([
      'dev/objects.yaml:17:1  Template/mine  Template "mine" manifests[0]: template: template:1:3: executing "template" at <.Repo>: can\'t evaluate field Repo in type scheduler.dataType',
    ]);
    expect(result.failedFolders).toEqual(['a/w-x']);
  });

  describe('ConfigSchema validation (docs/explanation/scheduling-and-config.md#platform-config)', () => {
    const config = `---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, labels: {platform-config: "true"}}
data: {REPLICAS: "0", REGION: west}
`;
    const schema = (name: string, labels: string, text: string) => `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ConfigSchema
metadata: {name: ${name}, labels: {${labels}}}
spec:
  schema: '${text}'
`;

    test('fails A22: a failing assignment writes no files, and the others are unaffected', () => {
      const result = plan(
        clusterType('a') +
          clusterType('b') +
          target('w-x') +
          selectAll +
          config +
          schema('replicas', 'cluster-type: a', '{"properties": {"REPLICAS": {"type": "integer", "minimum": 1}}}'),
      );
      expect(result.lines).toEqual([
        'dev/objects.yaml:31:3  ConfigSchema/replicas  spec.schema  config of deployment target "w-x" on cluster type "a" fails ConfigSchema "replicas": REPLICAS: Must be greater than or equal to 1 (got "0")  set by ConfigMap c (dev/objects.yaml:25:8)',
      ]);
      expect(Object.keys(result.files).filter((file) => file.startsWith('a/'))).toEqual(['a/README.md']);
      expect(Object.keys(result.files).filter((file) => file.startsWith('b/'))).toEqual([
        'b/README.md',
        'b/w-x/namespace.yaml',
        'b/w-x/platform-config.yaml',
        'b/w-x/reconciler.yaml',
      ]);
      expect(result.failedFolders).toEqual(['a/w-x']);
      expect(result.assignments.map((assignment) => assignment.clusterType)).toEqual(['b']);
    });

    test("fails on the target's own schemas, located where they are written", () => {
      const result = plan(
        clusterType('a') +
          target('w-x').replace('manifests:', 'configSchemas: [\'{"required": ["ZONE"]}\'], manifests:') +
          selectAll +
          config,
      );
      expect(result.lines).toEqual([
        'dev/objects.yaml:10:42  DeploymentTarget/w-x  spec.configSchemas[0]  config of deployment target "w-x" on cluster type "a" fails configSchemas[0] of deployment target "w-x": ZONE is required',
      ]);
      expect(result.failedFolders).toEqual(['a/w-x']);
    });

    test('fails on a schema that is not JSON once, at its file and line, even when it selects nothing', () => {
      const result = plan(
        clusterType('a') +
          target('w-x') +
          selectAll +
          config +
          schema('broken', 'cluster-type: other', '{"type": object}'),
      );
      expect(result.lines).toEqual([
        'dev/objects.yaml:26:3  ConfigSchema/broken  spec.schema  ConfigSchema "broken" is not valid JSON: Unexpected token \'o\', "{"type": object}" is not valid JSON',
      ]);
      expect(result.failedFolders).toEqual([]);
    });

    test('fails every assignment that uses a broken schema', () => {
      const result = plan(
        clusterType('a') + clusterType('b') + target('w-x') + selectAll + schema('broken', '', '{"minimum": "one"}'),
      );
      expect(result.lines).toEqual([
        'dev/objects.yaml:26:3  ConfigSchema/broken  spec.schema  ConfigSchema "broken" is not a valid JSON Schema: data/minimum must be number',
      ]);
      expect(result.failedFolders).toEqual(['a/w-x', 'b/w-x']);
    });
  });
});
