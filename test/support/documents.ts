import { parseYamlDocuments } from '../../src/core/model/yaml-documents';
import { buildEnvironmentModel } from '../../src/core/model/environments';
import { formatProblem } from '../../src/core/model/problems';
import { validateDocuments } from '../../src/core/model/validate';

/** Validates YAML text as if read from `file`; returns the objects and the problems as formatted lines. */
export function validateYaml(text: string, file = 'dev/objects.yaml') {
  const parsed = parseYamlDocuments(text, file, file.split('/')[0]);
  const validated = validateDocuments(parsed.documents);
  const problems = [...parsed.problems, ...validated.problems];
  return {
    objects: validated.objects,
    errors: problems.filter((p) => p.severity === 'error').map(formatProblem),
    warnings: problems.filter((p) => p.severity === 'warning').map(formatProblem),
  };
}

/** The environment `dev` made of the objects in YAML text, which must be valid. */
export function devEnvironment(yaml: string) {
  const { objects, errors } = validateYaml(yaml);
  expect(errors).toEqual([]);
  return buildEnvironmentModel({ name: 'dev', branch: 'dev' }, objects);
}

/** A ClusterType document with flow-style `labels` (e.g. `{size: large}`) and the built-in renderers. */
export function clusterTypeYaml(name: string, labels: string): string {
  return `---
apiVersion: scheduler.kalypso.io/v1alpha1
kind: ClusterType
metadata: {name: ${name}, labels: ${labels}}
spec: {reconciler: flux, namespaceService: default, configType: configmap}
`;
}
