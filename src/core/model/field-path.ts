/** A path to a field inside a document: object keys and array indexes, e.g. `['spec', 'manifests', 0]`. */
export type FieldPath = readonly (string | number)[];

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** `spec.deploymentTargets[0].labels["app.kubernetes.io/name"]` */
export function formatFieldPath(path: FieldPath): string {
  let text = '';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else if (IDENTIFIER.test(segment)) text += text === '' ? segment : `.${segment}`;
    else text += `[${JSON.stringify(segment)}]`;
  }
  return text;
}

/** An unambiguous lookup key for a path (keys may themselves contain dots). */
export function fieldPathKey(path: FieldPath): string {
  return path.map(String).join('\u0000');
}
