import { dnsLabelProblem, dnsSubdomainProblem } from '../model/kubernetes-names';

/** What the plan checks of a Kubernetes object an assignment writes: its file, type and names, as written. */
export interface EmittedObject {
  /** The file of the assignment folder it is written to, e.g. `reconciler.yaml`. */
  readonly file: string;
  readonly apiVersion: unknown;
  readonly kind: unknown;
  /** `metadata.name`. */
  readonly name: unknown;
  /** `metadata.namespace`. */
  readonly namespace: unknown;
}

/**
 * The identity of an emitted Kubernetes object: `Kind/namespace/name` (group included, as two kinds may share a name).
 */
export function objectIdentity(object: EmittedObject): string {
  const group = String(object.apiVersion ?? '')
    .split('/')
    .slice(0, -1)
    .join('/');
  const kind = group ? `${object.kind}.${group}` : String(object.kind);
  return `${kind}/${object.namespace ?? ''}/${object.name ?? ''}`;
}

/** Problems with the names of an emitted object that the API server would refuse. */
export function objectNameProblems(object: EmittedObject): { field: string; value: string; problem: string }[] {
  const problems: { field: string; value: string; problem: string }[] = [];
  const { name, namespace } = object;
  if (typeof name === 'string') {
    const problem = object.kind === 'Namespace' ? dnsLabelProblem(name) : dnsSubdomainProblem(name);
    if (problem) problems.push({ field: 'metadata.name', value: name, problem });
  }
  if (typeof namespace === 'string') {
    const problem = dnsLabelProblem(namespace);
    if (problem) problems.push({ field: 'metadata.namespace', value: namespace, problem });
  }
  return problems;
}
