import { formatFieldPath } from '../../core/model/field-path';
import { FileDiff, TreeDiff } from './tree-diff';
import { FieldChange, ObjectChange } from './yaml-diff';
import { compareStrings } from '../../core/model/order';

/** Shown for a field that is absent on one side. */
const ABSENT = '(none)';

/** A value in a diff line: strings quoted, the rest as compact JSON, cut at 120 characters. */
export function formatDiffValue(value: unknown): string {
  const text = JSON.stringify(value instanceof Date ? value.toISOString() : value) ?? String(value);
  return [...text].length > 120 ? `${[...text].slice(0, 119).join('')}…` : text;
}

/** `Kind/name` of an object in a diff line. */
export function objectLabel(object: Pick<ObjectChange, 'kind' | 'name'>): string {
  return `${object.kind}/${object.name}`;
}

/** `data.DATABASE_URL: "a" → "b"` */
export function formatFieldChange(field: FieldChange): string {
  const before = field.change === 'added' ? ABSENT : formatDiffValue(field.before);
  const after = field.change === 'removed' ? ABSENT : formatDiffValue(field.after);
  return `${formatFieldPath(field.path) || '(object)'}: ${before} → ${after}`;
}

/**
 * One line per difference, paths prefixed with `prefix` (the environment, e.g. `stage/`):
 * `stage/large/x/platform-config.yaml ConfigMap/platform-config data.DATABASE_URL: "a" → "b"`,
 * `dev/small/x/namespace.yaml added`, `… Namespace/x removed`, `dev/small/README.md changed: +1 -1 lines`.
 */
export function formatTreeDiff(diff: TreeDiff, prefix = ''): string[] {
  return [
    ...diff.added.map((path) => ({ path, lines: [`${prefix}${path} added`] })),
    ...diff.removed.map((path) => ({ path, lines: [`${prefix}${path} removed`] })),
    ...diff.changed.map((file) => ({ path: file.path, lines: formatFileDiff(file, prefix) })),
  ]
    .sort((a, b) => compareStrings(a.path, b.path))
    .flatMap(({ lines }) => lines);
}

function formatFileDiff(file: FileDiff, prefix: string): string[] {
  const path = `${prefix}${file.path}`;
  if (!file.objects) return [`${path} changed: +${file.lines?.added ?? 0} -${file.lines?.removed ?? 0} lines`];
  return file.objects.flatMap((object) => {
    if (object.change !== 'changed') return [`${path} ${objectLabel(object)} ${object.change}`];
    return object.fields.map((field) => `${path} ${objectLabel(object)} ${formatFieldChange(field)}`);
  });
}

/** `3 added, 1 changed, 0 removed` */
export function formatDiffCounts(diff: TreeDiff): string {
  return `${diff.added.length} added, ${diff.changed.length} changed, ${diff.removed.length} removed`;
}

/** The stable JSON shape of a tree diff (README, "JSON output"). */
export function treeDiffJson(diff: TreeDiff) {
  return {
    added: diff.added,
    removed: diff.removed,
    changed: diff.changed.map((file) => ({
      path: file.path,
      objects:
        file.objects?.map((object) => ({
          apiVersion: object.apiVersion,
          kind: object.kind,
          namespace: object.namespace ?? null,
          name: object.name,
          change: object.change,
          fields: object.fields.map((field) => ({
            path: formatFieldPath(field.path),
            change: field.change,
            before: field.change === 'added' ? null : jsonValue(field.before),
            after: field.change === 'removed' ? null : jsonValue(field.after),
          })),
        })) ?? null,
      lines: file.lines ? { added: file.lines.added, removed: file.lines.removed } : null,
    })),
    unchanged: diff.unchanged,
  };
}

function jsonValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}
