import { dnsLabelProblem, dnsSubdomainProblem } from '../model/kubernetes-names';

/** The identity of an emitted Kubernetes object: `Kind/namespace/name` (group included, as two kinds may share a name). */
export function objectIdentity(object: Record<string, any>): string {
  const group = String(object.apiVersion ?? '').split('/').slice(0, -1).join('/');
  const kind = group ? `${object.kind}.${group}` : String(object.kind);
  return `${kind}/${object.metadata?.namespace ?? ''}/${object.metadata?.name ?? ''}`;
}

/** Problems with the names of an emitted object that the API server would refuse. */
export function objectNameProblems(object: Record<string, any>): { field: string; value: string; problem: string }[] {
  const problems: { field: string; value: string; problem: string }[] = [];
  const name = object.metadata?.name;
  const namespace = object.metadata?.namespace;
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
