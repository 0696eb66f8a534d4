/*
 * Kubernetes' name and label syntax (apimachinery validation), used to refuse before the pull request what the API
 * server would refuse on the cluster.
 */

const DNS1123_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS1123_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const QUALIFIED_NAME_PART = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const MAX_LABEL_LENGTH = 63;
export const MAX_SUBDOMAIN_LENGTH = 253;

/** Why `name` is not a DNS-1123 label (namespaces), or undefined when it is one. */
export function dnsLabelProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_LABEL_LENGTH)
    return `is ${name.length} characters long; Kubernetes allows at most ${MAX_LABEL_LENGTH}`;
  if (!DNS1123_LABEL.test(name))
    return 'must consist of lower case letters, digits and "-", and start and end with a letter or digit';
  return undefined;
}

/** Why `name` is not a DNS-1123 subdomain (most object names), or undefined when it is one. */
export function dnsSubdomainProblem(name: string): string | undefined {
  if (name.length === 0) return 'must not be empty';
  if (name.length > MAX_SUBDOMAIN_LENGTH)
    return `is ${name.length} characters long; Kubernetes allows at most ${MAX_SUBDOMAIN_LENGTH}`;
  if (!DNS1123_SUBDOMAIN.test(name)) {
    return 'must consist of lower case letters, digits, "-" and ".", and start and end with a letter or digit';
  }
  return undefined;
}

/** Why `key` is not a valid label key (`[prefix/]name`), or undefined. */
export function labelKeyProblem(key: string): string | undefined {
  const slash = key.indexOf('/');
  const prefix = slash === -1 ? undefined : key.slice(0, slash);
  const name = slash === -1 ? key : key.slice(slash + 1);
  if (prefix !== undefined) {
    const prefixProblem = dnsSubdomainProblem(prefix);
    if (prefixProblem) return `prefix "${prefix}" ${prefixProblem}`;
  }
  if (name.length === 0) return 'name part must not be empty';
  if (name.length > MAX_LABEL_LENGTH)
    return `name part is ${name.length} characters long; Kubernetes allows at most ${MAX_LABEL_LENGTH}`;
  if (!QUALIFIED_NAME_PART.test(name)) {
    return 'name part must consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
  }
  return undefined;
}

/** Why `value` is not a valid label value, or undefined. */
export function labelValueProblem(value: string): string | undefined {
  if (value.length > MAX_LABEL_LENGTH)
    return `is ${value.length} characters long; Kubernetes allows at most ${MAX_LABEL_LENGTH}`;
  if (!LABEL_VALUE.test(value)) {
    return 'must be empty or consist of letters, digits, "-", "_" and ".", and start and end with a letter or digit';
  }
  return undefined;
}
