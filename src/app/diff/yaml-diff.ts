import { loadAll } from 'js-yaml';
import { FieldPath } from '../../core/model/field-path';
import { isMapping } from '../../core/model/shape';

/** One field that differs between two versions of an object. */
export interface FieldChange {
  readonly path: FieldPath;
  readonly change: 'added' | 'removed' | 'changed';
  /** Absent when the field was added. */
  readonly before?: unknown;
  /** Absent when the field was removed. */
  readonly after?: unknown;
}

/** An object of a manifest file that was added, removed or changed, paired by apiVersion, kind, namespace and name. */
export interface ObjectChange {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly name: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** The fields that differ (only for `changed`), in the order they appear in the new version. */
  readonly fields: readonly FieldChange[];
}

type Manifest = Record<string, unknown>;

/** The objects of a YAML file, or undefined when it is not (only) YAML objects. Empty documents are skipped. */
export function parseManifests(text: string): Manifest[] | undefined {
  let documents: unknown[];
  try {
    documents = loadAll(text);
  } catch {
    return undefined;
  }
  const objects = documents.filter((document) => document !== null && document !== undefined);
  return objects.every(isMapping) ? (objects as Manifest[]) : undefined;
}

/**
 * The objects that differ between two versions of a manifest file, field by field; undefined when either version is
 * not YAML objects (the caller then falls back to a line count). Objects are paired by identity, so reordering
 * documents is not a change.
 */
export function diffManifests(before: string, after: string): ObjectChange[] | undefined {
  const old = parseManifests(before);
  const current = parseManifests(after);
  if (!old || !current) return undefined;
  const oldByIdentity = byIdentity(old);
  const currentByIdentity = byIdentity(current);
  const changes: ObjectChange[] = [];
  for (const [identity, object] of currentByIdentity) {
    const previous = oldByIdentity.get(identity);
    if (previous === undefined) changes.push({ ...describe(object), change: 'added', fields: [] });
    else {
      const fields = diffValues(previous, object);
      if (fields.length > 0) changes.push({ ...describe(object), change: 'changed', fields });
    }
  }
  for (const [identity, object] of oldByIdentity) {
    if (!currentByIdentity.has(identity)) changes.push({ ...describe(object), change: 'removed', fields: [] });
  }
  return changes;
}

/**
 * Field-level differences: maps by key (new order first, then removed keys), lists by index, anything else as a whole.
 */
export function diffValues(before: unknown, after: unknown, path: FieldPath = []): FieldChange[] {
  if (isDeepStrictEqual(before, after)) return [];
  if (isMapping(before) && isMapping(after)) {
    const keys = [...Object.keys(after), ...Object.keys(before).filter((key) => !(key in after))];
    return keys.flatMap((key) => {
      if (!(key in before)) return [{ path: [...path, key], change: 'added' as const, after: after[key] }];
      if (!(key in after)) return [{ path: [...path, key], change: 'removed' as const, before: before[key] }];
      return diffValues(before[key], after[key], [...path, key]);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    return Array.from({ length: Math.max(before.length, after.length) }, (_, index) => {
      if (index >= before.length) return [{ path: [...path, index], change: 'added' as const, after: after[index] }];
      if (index >= after.length) return [{ path: [...path, index], change: 'removed' as const, before: before[index] }];
      return diffValues(before[index], after[index], [...path, index]);
    }).flat();
  }
  return [{ path, change: 'changed', before, after }];
}

function describe(object: Manifest): Pick<ObjectChange, 'apiVersion' | 'kind' | 'namespace' | 'name'> {
  const metadata = isMapping(object.metadata) ? object.metadata : {};
  return {
    apiVersion: String(object.apiVersion ?? ''),
    kind: String(object.kind ?? ''),
    ...(typeof metadata.namespace === 'string' ? { namespace: metadata.namespace } : {}),
    name: String(metadata.name ?? ''),
  };
}

/** Objects keyed by apiVersion/kind/namespace/name; a repeated identity gets its occurrence number. */
function byIdentity(objects: readonly Manifest[]): Map<string, Manifest> {
  const result = new Map<string, Manifest>();
  for (const object of objects) {
    const { apiVersion, kind, namespace, name } = describe(object);
    const base = [apiVersion, kind, namespace ?? '', name].join('\u0000');
    let identity = base;
    for (let occurrence = 2; result.has(identity); occurrence++) identity = `${base}\u0000${occurrence}`;
    result.set(identity, object);
  }
  return result;
}

function isDeepStrictEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b))
    return a.length === b.length && a.every((element, index) => isDeepStrictEqual(element, b[index]));
  if (isMapping(a) && isMapping(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((key) => key in b && isDeepStrictEqual(a[key], b[key]));
  }
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  return Number.isNaN(a) && Number.isNaN(b);
}
