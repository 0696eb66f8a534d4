import { locateField } from '../../core/model/documents';
import { environmentObjects } from '../../core/model/environments';
import { FieldPath, formatFieldPath } from '../../core/model/field-path';
import { ControlPlaneObject, EnvironmentModel, Kind, objectRef } from '../../core/model/types';
import { InputChange } from './report';

/** The order input changes are listed in: what reviewers look at first. */
const KIND_ORDER: readonly Kind[] = [
  'ConfigMap',
  'SchedulingPolicy',
  'ClusterType',
  'Workload',
  'DeploymentTarget',
  'Template',
  'ConfigSchema',
  'WorkloadRegistration',
  'BaseRepo',
  'GitOpsRepo',
  'RolloutPolicy',
  'Environment',
];

/** Fields below this depth are reported as their parent (`deploymentTargets[0].manifests`, not each key inside). */
const MAX_FIELD_DEPTH = 4;

/** Fields that say where an object was read, not what it is. */
const LOCATION_FIELDS = new Set(['source', 'sourcePath', 'configSchemaPaths']);

/**
 * The objects of an environment that were added, removed or changed, by `Kind/name` (pure). Where an object is written
 * is not part of it: an object that moved to another file or line is unchanged.
 */
export function diffInputs(previous: EnvironmentModel, next: EnvironmentModel): InputChange[] {
  const before = objectsByRef(previous);
  const after = objectsByRef(next);
  const changes: InputChange[] = [];
  for (const [ref, object] of after) {
    const old = before.get(ref);
    if (!old) changes.push(inputChange(object, 'added', []));
    else {
      const fields = changedFields(contentOf(old), contentOf(object), []);
      if (fields.length > 0) changes.push(inputChange(object, 'changed', fields));
    }
  }
  for (const [ref, object] of before) if (!after.has(ref)) changes.push(inputChange(object, 'removed', []));
  return changes.sort(compareInputChanges);
}

export function compareInputChanges(a: Pick<InputChange, 'kind' | 'name'>, b: Pick<InputChange, 'kind' | 'name'>) {
  return KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
}

function objectsByRef(model: EnvironmentModel): Map<string, ControlPlaneObject> {
  const objects = new Map<string, ControlPlaneObject>();
  for (const object of [...environmentObjects(model), ...(model.environment ? [model.environment] : [])])
    objects.set(objectRef(object), object);
  return objects;
}

/** Where a changed object is written: at its first changed field, else where its document starts. */
function inputChange(object: ControlPlaneObject, change: InputChange['change'], fields: FieldPath[]): InputChange {
  const location =
    object.source && fields.length > 0
      ? locateField(object.source, documentPath(object.kind, fields[0]))
      : object.source?.location;
  return {
    ref: objectRef(object),
    kind: object.kind,
    name: object.name,
    change,
    ...(location ? { location } : {}),
    fields: fields.map(formatFieldPath),
  };
}

/** Where a field of the model is written in the object's document: labels in metadata, ConfigMap data at the top. */
function documentPath(kind: Kind, path: FieldPath): FieldPath {
  if (path[0] === 'labels') return ['metadata', ...path];
  if (kind === 'ConfigMap') return path;
  return ['spec', ...path];
}

function contentOf(object: ControlPlaneObject): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(object).filter(([key]) => key !== 'kind' && key !== 'name' && !LOCATION_FIELDS.has(key)),
  );
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The paths at which two plain values differ: records by key, lists by index, down to `MAX_FIELD_DEPTH`. */
export function changedFields(before: unknown, after: unknown, path: FieldPath): FieldPath[] {
  if (before === after) return [];
  const deeper = path.length < MAX_FIELD_DEPTH;
  if (isRecord(before) && isRecord(after)) {
    if (!deeper) return sameJson(before, after) ? [] : [path];
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => changedFields(before[key], after[key], [...path, key]));
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    if (!deeper) return sameJson(before, after) ? [] : [path];
    return Array.from({ length: Math.max(before.length, after.length) }, (_, index) =>
      changedFields(before[index], after[index], [...path, index]),
    ).flat();
  }
  return sameJson(before, after) ? [] : [path];
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
