import { validateYaml } from '../../support/documents';

const clusterType = (spec: string, metadata = 'name: drone') => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata:
  ${metadata}
spec:
${spec}`;

describe('validateDocuments', () => {
  test('reads a ClusterType', () => {
    const { objects, errors, warnings } = validateYaml(
      clusterType(
        '  reconciler: arc-flux\n  namespaceService: default\n  configType: configmap\n',
        'name: drone\n  labels:\n    edge: "true"',
      ),
    );
    expect(errors).toEqual([]);
    expect(warnings).toEqual([]);
    expect(objects).toEqual([
      expect.objectContaining({
        kind: 'ClusterType',
        name: 'drone',
        labels: { edge: 'true' },
        reconciler: 'arc-flux',
        namespaceService: 'default',
        configType: 'configmap',
      }),
    ]);
  });

  test('reads every kind of the upstream samples', () => {
    const { objects, errors } = validateYaml(`apiVersion: scheduler.kalypso.io/v1alpha1
kind: SchedulingPolicy
metadata: {name: p}
spec:
  deploymentTargetSelector: {workspace: team, labelSelector: {matchExpressions: [{key: a, operator: NotIn, values: [x]}]}}
  clusterTypeSelector: {labelSelector: {}}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Workload
metadata: {name: w, labels: {type: application}}
spec:
  deploymentTargets:
    - {name: t, environment: dev, manifests: {repo: r, branch: b, path: p}, configSchemas: ["{}"]}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: WorkloadRegistration
metadata: {name: r}
spec: {workload: {repo: r, branch: b, path: p}, workspace: team}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: t}
spec: {type: config, contentType: sh, manifests: ["x"]}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ConfigSchema
metadata: {name: s}
spec: {schema: "{}"}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: BaseRepo
metadata: {name: main}
spec: {repo: r, branch: main, path: ., commit: abc}
---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: GitOpsRepo
metadata: {name: dev}
spec: {repo: r, branch: dev, path: .}
---
apiVersion: v1
kind: ConfigMap
metadata: {name: c, labels: {platform-config: "true"}}
data: {A: b}
`);
    expect(errors).toEqual([]);
    expect(objects.map((o) => `${o.kind}/${o.name}`)).toEqual([
      'SchedulingPolicy/p',
      'Workload/w',
      'WorkloadRegistration/r',
      'Template/t',
      'ConfigSchema/s',
      'BaseRepo/main',
      'GitOpsRepo/dev',
      'ConfigMap/c',
    ]);
    expect(objects[0]).toMatchObject({ workspace: 'team', clusterTypeSelector: {} });
    expect(objects[3]).toMatchObject({ contentType: 'sh', manifests: ['x'] });
  });

  test.each([
    [
      'fails on a missing required field, naming file, line and object',
      clusterType('  reconciler: arc-flux\n  namespaceService: default\n'),
      'dev/objects.yaml:5:1  ClusterType/drone  spec.configType  is required',
    ],
    [
      'fails on a wrong type, with a fix',
      clusterType(
        '  reconciler: arc-flux\n  namespaceService: default\n  configType: configmap\n',
        'name: drone\n  labels:\n    edge: true',
      ),
      'dev/objects.yaml:6:5  ClusterType/drone  metadata.labels.edge  must be a string, not a boolean (got true)  quote it: "true"',
    ],
    [
      'fails on an invalid operator, with the allowed ones',
      `kind: SchedulingPolicy
apiVersion: scheduler.kalypso.io/v1alpha1
metadata: {name: p}
spec:
  deploymentTargetSelector: {labelSelector: {}}
  clusterTypeSelector:
    labelSelector:
      matchExpressions:
        - {key: size, operator: Equals, values: [large]}
`,
      'dev/objects.yaml:9:23  SchedulingPolicy/p  spec.clusterTypeSelector.labelSelector.matchExpressions[0].operator  must be one of In, NotIn, Exists, DoesNotExist (got "Equals")',
    ],
    [
      'fails on In without values (A6)',
      `kind: SchedulingPolicy
apiVersion: scheduler.kalypso.io/v1alpha1
metadata: {name: p}
spec:
  deploymentTargetSelector: {labelSelector: {matchExpressions: [{key: p, operator: In, values: []}]}}
  clusterTypeSelector: {labelSelector: {}}
`,
      'dev/objects.yaml:5:88  SchedulingPolicy/p  spec.deploymentTargetSelector.labelSelector.matchExpressions[0].values  must be a non-empty list for operator In',
    ],
    [
      'fails on Exists with values',
      `kind: SchedulingPolicy
apiVersion: scheduler.kalypso.io/v1alpha1
metadata: {name: p}
spec:
  deploymentTargetSelector: {labelSelector: {matchExpressions: [{key: p, operator: Exists, values: [x]}]}}
  clusterTypeSelector: {labelSelector: {}}
`,
      'dev/objects.yaml:5:92  SchedulingPolicy/p  spec.deploymentTargetSelector.labelSelector.matchExpressions[0].values  must be empty for operator Exists (got ["x"])',
    ],
    [
      'fails on an invalid label key in a selector',
      `kind: SchedulingPolicy
apiVersion: scheduler.kalypso.io/v1alpha1
metadata: {name: p}
spec:
  deploymentTargetSelector: {labelSelector: {matchLabels: {"bad key": x}}}
  clusterTypeSelector: {labelSelector: {}}
`,
      'dev/objects.yaml:5:60  SchedulingPolicy/p  spec.deploymentTargetSelector.labelSelector.matchLabels["bad key"]  label key name part must consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit (got "bad key")',
    ],
    [
      'fails on a name with a path separator',
      clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n', 'name: ../etc'),
      'dev/objects.yaml:4:3  ClusterType/../etc  metadata.name  name must consist of lower case letters, digits, "-" and ".", and start and end with a letter or digit (got "../etc")',
    ],
    [
      'fails on an upper-case name',
      clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n', 'name: Drone'),
      'dev/objects.yaml:4:3  ClusterType/Drone  metadata.name  name must consist of lower case letters, digits, "-" and ".", and start and end with a letter or digit (got "Drone")',
    ],
    [
      'fails on a cluster type name longer than a label value',
      clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n', `name: ${'a'.repeat(64)}`),
      `dev/objects.yaml:4:3  ClusterType/${'a'.repeat(64)}  metadata.name  name is 64 characters long; Kalypso uses it as a label value, so at most 63 are allowed (got "${'a'.repeat(64)}")`,
    ],
    [
      'fails on an unknown field, with a did-you-mean hint',
      clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n  reconcilers: x\n'),
      'dev/objects.yaml:9:3  ClusterType/drone  spec.reconcilers  is not a field of this kind  did you mean "reconciler"?',
    ],
    [
      'fails on a missing name',
      clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n', 'labels: {}'),
      'dev/objects.yaml:3:1  ClusterType/?  metadata.name  is required',
    ],
    [
      'fails on a document that is not a mapping',
      '- a\n- b\n',
      'dev/objects.yaml:1:1  a YAML document must be a mapping (a Kubernetes object) (got ["a","b"])',
    ],
    [
      'fails on malformed YAML',
      'kind: [ClusterType\nmetadata: x\n',
      'dev/objects.yaml:2:1  invalid YAML: deficient indentation',
    ],
    [
      'fails on a duplicate key',
      'kind: ClusterType\nkind: Template\n',
      'dev/objects.yaml:2:1  invalid YAML: duplicated mapping key',
    ],
    [
      'fails on a wrong version of a Kalypso kind',
      'apiVersion: scheduler.kalypso.io/v1\nkind: ClusterType\nmetadata: {name: a}\n',
      'dev/objects.yaml:1:1  ClusterType/a  apiVersion  apiVersion must be scheduler.kalypso.io/v1alpha1 (got "scheduler.kalypso.io/v1")',
    ],
    [
      'fails on ConfigMap data that is not a string',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  PORT: 8080\n',
      'dev/objects.yaml:5:3  ConfigMap/c  data.PORT  must be a string, not a number (got 8080)  quote it: "8080"',
    ],
  ])('%s', (_name, yaml, expected) => {
    expect(validateYaml(yaml).errors).toEqual([expected]);
  });

  test('reads "yes" as a string, as Flux (yaml.v3) does, unlike YAML 1.1', () => {
    const { objects, errors } = validateYaml(
      clusterType('  reconciler: a\n  namespaceService: n\n  configType: c\n', 'name: drone\n  labels:\n    edge: yes'),
    );
    expect(errors).toEqual([]);
    expect(objects[0]).toMatchObject({ labels: { edge: 'yes' }, namespaceService: 'n' });
  });

  test('reports every problem of a document at once', () => {
    const { errors } = validateYaml(clusterType('  reconciler: 1\n', 'name: drone\n  labels:\n    edge: true'));
    expect(errors).toHaveLength(4);
  });

  test.each([
    [
      'warns on an unknown kind and ignores it',
      'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterTyp\nmetadata: {name: a}\n',
      'dev/objects.yaml:1:1  ClusterTyp/a  kind "ClusterTyp" is not a control-plane kind; ignored  did you mean "ClusterType"?',
    ],
    [
      'warns on a document without kind',
      'name: x\n',
      'dev/objects.yaml:1:1  document has no kind, so it is not a Kubernetes object; ignored',
    ],
    [
      'warns on a known kind of another API group',
      'apiVersion: template.openshift.io/v1\nkind: Template\nmetadata: {name: a}\n',
      'dev/objects.yaml:1:1  Template/a  template.openshift.io/v1 Template is not a control-plane kind; ignored',
    ],
    [
      'reads a Kalypso kind without apiVersion, with a warning',
      'kind: ClusterType\nmetadata: {name: a}\nspec: {reconciler: r, namespaceService: n, configType: c}\n',
      'dev/objects.yaml:1:1  ClusterType/a  apiVersion is missing; read as scheduler.kalypso.io/v1alpha1',
    ],
  ])('%s', (_name, yaml, expected) => {
    const { errors, warnings } = validateYaml(yaml);
    expect(errors).toEqual([]);
    expect(warnings).toEqual([expected]);
  });

  test('skips empty documents and accepts null labels', () => {
    const { objects, errors } = validateYaml(
      `---\n---\n${clusterType('  reconciler: a\n  namespaceService: b\n  configType: c\n', 'name: a\n  labels:')}`,
    );
    expect(errors).toEqual([]);
    expect(objects).toEqual([expect.objectContaining({ name: 'a', labels: {} })]);
  });

  test('accepts fields the API server adds to objects read back from a cluster', () => {
    const { errors, warnings } = validateYaml(
      clusterType(
        '  reconciler: a\n  namespaceService: b\n  configType: c\nstatus: {}\n',
        'name: a\n  uid: 123\n  resourceVersion: "4"\n  annotations: {x: y}',
      ),
    );
    expect([...errors, ...warnings]).toEqual([]);
  });
});
