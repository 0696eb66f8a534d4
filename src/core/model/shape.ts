import { didYouMean } from './did-you-mean';
import { SourcedDocument, locateField } from './documents';
import { FieldPath, formatFieldPath } from './field-path';
import { Problem, Severity, describeValue } from './problems';

/*
 * Small combinators that check a parsed YAML value against the shape of a Kubernetes kind and turn it into a typed
 * value, reporting every problem (with the field's file and line) instead of stopping at the first.
 */

export interface ShapeContext {
  readonly document: SourcedDocument;
  /** `Kind/name`, for messages. */
  readonly object: string;
  readonly problems: Problem[];
}

/** Checks a value; returns the typed value, or undefined after reporting why it is not acceptable. */
export type Shape<T> = (value: unknown, path: FieldPath, context: ShapeContext) => T | undefined;

export function report(
  context: ShapeContext,
  path: FieldPath,
  message: string,
  details: { got?: string; hint?: string; severity?: Severity } = {},
): void {
  context.problems.push({
    severity: details.severity ?? Severity.ERROR,
    location: locateField(context.document, path),
    object: context.object,
    field: formatFieldPath(path) || undefined,
    message,
    got: details.got,
    hint: details.hint,
  });
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `a ${typeof value}`;
}

export const string: Shape<string> = (value, path, context) => {
  if (typeof value === 'string') return value;
  const scalar = typeof value === 'number' || typeof value === 'boolean';
  report(context, path, `must be a string, not ${typeName(value)}`, {
    got: describeValue(value),
    hint: scalar ? `quote it: "${String(value)}"` : undefined,
  });
  return undefined;
};

export function list<T>(item: Shape<T>): Shape<T[]> {
  return (value, path, context) => {
    if (value === null) return [];
    if (!Array.isArray(value)) {
      report(context, path, `must be a list, not ${typeName(value)}`, { got: describeValue(value) });
      return undefined;
    }
    const items: T[] = [];
    let valid = true;
    value.forEach((element, index) => {
      const checked = item(element, [...path, index], context);
      if (checked === undefined) valid = false;
      else items.push(checked);
    });
    return valid ? items : undefined;
  };
}

/** A mapping with free-form keys, e.g. labels or ConfigMap data. */
export function mapOf<T>(item: Shape<T>): Shape<Record<string, T>> {
  return (value, path, context) => {
    if (value === null) return {};
    if (!isMapping(value)) {
      report(context, path, `must be a mapping, not ${typeName(value)}`, { got: describeValue(value) });
      return undefined;
    }
    const result: Record<string, T> = {};
    let valid = true;
    for (const [key, element] of Object.entries(value)) {
      const checked = item(element, [...path, key], context);
      if (checked === undefined) valid = false;
      else result[key] = checked;
    }
    return valid ? result : undefined;
  };
}

export function oneOf<T extends string>(values: readonly T[]): Shape<T> {
  return (value, path, context) => {
    const text = string(value, path, context);
    if (text === undefined) return undefined;
    if ((values as readonly string[]).includes(text)) return text as T;
    report(context, path, `must be one of ${values.join(', ')}`, {
      got: describeValue(text),
      hint: didYouMean(text, values),
    });
    return undefined;
  };
}

export interface FieldSpec {
  readonly shape: Shape<unknown>;
  readonly required?: boolean;
}

export function required(shape: Shape<unknown>): FieldSpec {
  return { shape, required: true };
}

export function optional(shape: Shape<unknown>): FieldSpec {
  return { shape };
}

/**
 * A mapping with known fields. Missing required fields are errors, and so are unknown fields (a typo such as
 * `reconcilers:` would otherwise be dropped silently, as the API server drops it), with a did-you-mean hint.
 * Fields in `ignored` are accepted without checking.
 */
export function object(
  fields: Readonly<Record<string, FieldSpec>>,
  ignored: readonly string[] = [],
): Shape<Record<string, unknown>> {
  return (value, path, context) => {
    if (!isMapping(value)) {
      report(context, path, `must be a mapping, not ${typeName(value)}`, { got: describeValue(value) });
      return undefined;
    }
    const result: Record<string, unknown> = {};
    let valid = true;
    for (const [name, spec] of Object.entries(fields)) {
      const element = value[name];
      if (element === undefined || (element === null && spec.required)) {
        if (spec.required) {
          report(context, [...path, name], 'is required');
          valid = false;
        }
        continue;
      }
      if (element === null) continue;
      const checked = spec.shape(element, [...path, name], context);
      if (checked === undefined) valid = false;
      else result[name] = checked;
    }
    for (const name of Object.keys(value)) {
      if (name in fields || ignored.includes(name)) continue;
      report(context, [...path, name], 'is not a field of this kind', { hint: didYouMean(name, Object.keys(fields)) });
    }
    return valid ? result : undefined;
  };
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
