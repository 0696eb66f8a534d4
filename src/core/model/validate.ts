import { didYouMean } from './did-you-mean';
import { SourcedDocument } from './documents';
import { KINDS, buildObject, isKnownKind } from './kinds';
import { Problem, describeValue, error, warning } from './problems';
import { isMapping } from './shape';
import { ControlPlaneObject } from './types';

export interface ValidatedObjects {
  readonly objects: ControlPlaneObject[];
  readonly problems: Problem[];
}

/**
 * Turns parsed YAML documents into typed control-plane objects. Documents of other kinds are ignored with a warning
 * (a control plane may hold any Kubernetes object); known kinds that are malformed are errors.
 */
export function validateDocuments(documents: readonly SourcedDocument[]): ValidatedObjects {
  const objects: ControlPlaneObject[] = [];
  const problems: Problem[] = [];
  for (const document of documents) {
    const object = validateDocument(document, problems);
    if (object) objects.push(object);
  }
  return { objects, problems };
}

function validateDocument(document: SourcedDocument, problems: Problem[]): ControlPlaneObject | undefined {
  const { value, location } = document;
  if (!isMapping(value)) {
    problems.push(
      error('a YAML document must be a mapping (a Kubernetes object)', { location, got: describeValue(value) }),
    );
    return undefined;
  }
  const { kind, apiVersion } = value;
  if (kind === undefined || kind === null) {
    problems.push(warning('document has no kind, so it is not a Kubernetes object; ignored', { location }));
    return undefined;
  }
  if (!isKnownKind(kind)) {
    const hint = typeof kind === 'string' ? didYouMean(kind, Object.keys(KINDS)) : undefined;
    problems.push(
      warning(`kind ${describeValue(kind)} is not a control-plane kind; ignored`, {
        location,
        object: objectName(value),
        hint,
      }),
    );
    return undefined;
  }
  const expected = KINDS[kind].apiVersion;
  if (apiVersion === undefined || apiVersion === null) {
    problems.push(warning(`apiVersion is missing; read as ${expected}`, { location, object: objectName(value) }));
  } else if (apiVersion !== expected) {
    if (typeof apiVersion === 'string' && groupOf(apiVersion) !== groupOf(expected)) {
      problems.push(
        warning(`${apiVersion} ${kind} is not a control-plane kind; ignored`, { location, object: objectName(value) }),
      );
      return undefined;
    }
    problems.push(
      error(`apiVersion must be ${expected}`, {
        location,
        object: objectName(value),
        field: 'apiVersion',
        got: describeValue(apiVersion),
      }),
    );
    return undefined;
  }
  return buildObject(kind, document, problems);
}

function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

function objectName(value: Record<string, unknown>): string {
  const name = isMapping(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '?';
  return `${String(value.kind)}/${name}`;
}
