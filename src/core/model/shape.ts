import { setOwn } from './own-property';
import { didYouMean } from './did-you-mean';
import { SourcedDocument, locateField } from './documents';
import { FieldPath, formatFieldPath } from './field-path';
import { Problem, Severity, describeValue } from './problems';

/*
 * A small typed schema for the YAML of Kubernetes kinds. A shape checks a parsed YAML value and turns it into a typed
 * value, reporting every problem (with the field's file and line) instead of stopping at the first. It also copies a
 * value given in code the way it reads YAML, and writes a value back as a manifest holds it. `object()` infers the type
 * of its value from its fields (with their doc comments), so a kind's model type, its construct props, how it is read
 * and how it is written all follow from one definition (`kinds.ts`).
 */

export interface ShapeContext {
  readonly document: SourcedDocument;
  /** `Kind/name`, for messages. */
  readonly object: string;
  readonly problems: Problem[];
}

/** How the values of one YAML field are checked, copied and written. */
export interface Shape<T> {
  /** Checks a parsed YAML value; returns the typed value, or undefined after reporting why it is not acceptable. */
  check(value: unknown, path: FieldPath, context: ShapeContext): T | undefined;
  /** A copy of a value given in code, with the defaults and empty values handled as `check` handles them in YAML. */
  copy(value: T): T;
  /** The value as a manifest holds it. */
  write(value: T): unknown;
}

/** The type of the values of a shape. */
export type ShapeValue<S> = S extends Shape<infer T> ? T : never;

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

/** A shape whose values are written as they are held. */
function leaf<T>(check: Shape<T>['check'], copy: (value: T) => T = (value) => value): Shape<T> {
  return { check, copy, write: copy };
}

export const string: Shape<string> = leaf((value, path, context) => {
  if (typeof value === 'string') return value;
  const scalar = typeof value === 'number' || typeof value === 'boolean';
  report(context, path, `must be a string, not ${typeName(value)}`, {
    got: describeValue(value),
    hint: scalar ? `quote it: "${String(value)}"` : undefined,
  });
  return undefined;
});

/** A whole number, at least `min`. */
export function integer(min: number): Shape<number> {
  return leaf((value, path, context) => {
    if (typeof value === 'number' && Number.isInteger(value) && value >= min) return value;
    report(context, path, `must be a whole number of at least ${min}`, { got: describeValue(value) });
    return undefined;
  });
}

/** Any value, unchecked. */
export const anything: Shape<unknown> = leaf((value) => value);

export function list<T>(item: Shape<T>): Shape<readonly T[]> {
  return {
    check: (value, path, context) => {
      if (value === null) return [];
      if (!Array.isArray(value)) {
        report(context, path, `must be a list, not ${typeName(value)}`, { got: describeValue(value) });
        return undefined;
      }
      const items: T[] = [];
      let valid = true;
      value.forEach((element, index) => {
        const checked = item.check(element, [...path, index], context);
        if (checked === undefined) valid = false;
        else items.push(checked);
      });
      return valid ? items : undefined;
    },
    copy: (value) => (isList(value) ? value.map((element) => item.copy(element)) : value),
    write: (value) => (isList(value) ? value.map((element) => item.write(element)) : value),
  };
}

/** A mapping with free-form keys, e.g. labels or ConfigMap data. */
export function mapOf<T>(item: Shape<T>): Shape<Readonly<Record<string, T>>> {
  const each = <U>(value: Readonly<Record<string, T>>, convert: (element: T) => U) => {
    if (!isMapping(value)) return value;
    const result: Record<string, U> = {};
    for (const [key, element] of Object.entries(value)) setOwn(result, key, convert(element));
    return result;
  };
  return {
    check: (value, path, context) => {
      if (value === null) return {};
      if (!isMapping(value)) {
        report(context, path, `must be a mapping, not ${typeName(value)}`, { got: describeValue(value) });
        return undefined;
      }
      const result: Record<string, T> = {};
      let valid = true;
      for (const [key, element] of Object.entries(value)) {
        const checked = item.check(element, [...path, key], context);
        if (checked === undefined) valid = false;
        else setOwn(result, key, checked);
      }
      return valid ? result : undefined;
    },
    copy: (value) => each(value, (element) => item.copy(element)),
    write: (value) => each(value, (element) => item.write(element)),
  };
}

export function oneOf<T extends string>(values: readonly T[]): Shape<T> {
  return leaf((value, path, context) => {
    const text = string.check(value, path, context);
    if (text === undefined) return undefined;
    const match = values.find((allowed) => allowed === text);
    if (match !== undefined) return match;
    report(context, path, `must be one of ${values.join(', ')}`, {
      got: describeValue(text),
      hint: didYouMean(text, values),
    });
    return undefined;
  });
}

/** `shape`, then a further check of its value (e.g. the syntax of label keys); copied and written as `shape`. */
export function refine<T>(
  shape: Shape<T>,
  check: (value: T, path: FieldPath, context: ShapeContext) => T | undefined,
): Shape<T> {
  return {
    check: (value, path, context) => {
      const checked = shape.check(value, path, context);
      return checked === undefined ? undefined : check(checked, path, context);
    },
    copy: (value) => shape.copy(value),
    write: (value) => shape.write(value),
  };
}

/** Whether the model always holds a field, may hold it, or never does (it is checked, then dropped). */
type InModel = 'always' | 'maybe' | 'never';
/** Whether construct props must set a field, may set it, or cannot. */
type InProps = 'required' | 'optional' | 'never';

/** A field of an object: its shape, and how it is present in YAML, in the model and in construct props. */
export interface Field<T, M extends InModel = InModel, P extends InProps = InProps> {
  readonly shape: Shape<T>;
  /** Whether YAML must set the field. */
  readonly required: boolean;
  readonly model: M;
  readonly props: P;
  /** The value when YAML or code leaves the field out or empty. */
  readonly default?: T;
  /** The value when code leaves the field out. */
  readonly propDefault?: T;
  /** Whether an empty value (`""`, `[]`, `{}`) is kept as given, rather than read as left out. */
  readonly keepEmpty: boolean;
  /** Where the field is written, relative to its object; by default, under its own name. */
  readonly at?: readonly string[];
}

interface FieldOptions {
  /**
   * Where the field is written, relative to its object, when that is not under its own name: e.g.
   * `['clusterTypeSelector', 'labelSelector']`. The mappings on the way are checked like objects of their own.
   */
  readonly at?: readonly string[];
}

/** A field YAML must set; code must set it too, unless it has a `propDefault`. Empty values are kept. */
export function required<T>(
  shape: Shape<T>,
  options: FieldOptions & { readonly propDefault: NoInfer<T> },
): Field<T, 'always', 'optional'>;
export function required<T>(shape: Shape<T>, options?: FieldOptions): Field<T, 'always', 'required'>;
export function required<T>(shape: Shape<T>, options: FieldOptions & { readonly propDefault?: T } = {}): Field<T> {
  const props = options.propDefault === undefined ? 'required' : 'optional';
  return { shape, required: true, model: 'always', props, keepEmpty: true, ...options };
}

interface OptionalOptions extends FieldOptions {
  /** Keep an empty value as given (and write it), rather than read it as left out. */
  readonly keepEmpty?: boolean;
}

/**
 * A field YAML and code may leave out. Left out, null or empty (unless `keepEmpty`), it is not in the model, or is
 * its `default` when it has one; a manifest leaves it out then.
 */
export function optional<T>(
  shape: Shape<T>,
  options: OptionalOptions & { readonly default: NoInfer<T> },
): Field<T, 'always', 'optional'>;
export function optional<T>(shape: Shape<T>, options?: OptionalOptions): Field<T, 'maybe', 'optional'>;
export function optional<T>(shape: Shape<T>, options: OptionalOptions & { readonly default?: T } = {}): Field<T> {
  const model = options.default === undefined ? 'maybe' : 'always';
  return { shape, required: false, model, props: 'optional', keepEmpty: false, ...options };
}

/** A field YAML may set, which is checked and then dropped: it is neither in the model nor in construct props. */
export function dropped(shape: Shape<unknown>): Field<unknown, 'never', 'never'> {
  return { shape, required: false, model: 'never', props: 'never', keepEmpty: false };
}

/** The fields of an object, by their name in the model. */
export type Fields = { readonly [name: string]: Field<unknown> };

type ValuesOf<F extends Fields> = { readonly [K in keyof F]: F[K] extends Field<infer T> ? T : never };
type KeysWhere<F extends Fields, Wanted> = { [K in keyof F]: F[K] extends Wanted ? K : never }[keyof F];

/** The value of an object: the fields the model always holds, and those it may hold (with their doc comments). */
export type ObjectValue<F extends Fields> = Pick<ValuesOf<F>, KeysWhere<F, Field<unknown, 'always'>>> &
  Partial<Pick<ValuesOf<F>, KeysWhere<F, Field<unknown, 'maybe'>>>>;

/** What code gives for an object: the fields props must set, and those they may set (with their doc comments). */
export type ObjectProps<F extends Fields> = Pick<ValuesOf<F>, KeysWhere<F, Field<unknown, InModel, 'required'>>> &
  Partial<Pick<ValuesOf<F>, KeysWhere<F, Field<unknown, InModel, 'optional'>>>>;

/** A mapping with known fields, whose value type is inferred from them. */
export interface ObjectShape<F extends Fields> extends Shape<ObjectValue<F>> {
  readonly fields: F;
  /** The value of props given in code: `propDefault`s for what they leave out, then as `copy`. */
  fromProps(props: ObjectProps<F>): ObjectValue<F>;
}

/** Where the fields of an object are written: under a key, a field or a mapping of further fields. */
interface Layout {
  /** Whether a field under it is required. */
  required: boolean;
  readonly entries: Map<string, Layout | NamedField>;
}

interface NamedField {
  readonly name: string;
  readonly field: Field<unknown>;
}

/**
 * A mapping with known fields. Missing required fields are errors, and so are unknown fields (a typo such as
 * `reconcilers:` would otherwise be dropped silently, as the API server drops it), with a did-you-mean hint.
 * Keys in `ignored` are accepted without checking.
 */
export function object<F extends Fields>(
  fields: F,
  options: { readonly ignored?: readonly string[] } = {},
): ObjectShape<F> {
  const named: NamedField[] = Object.entries(fields).map(([name, field]) => ({ name, field }));
  const layout = layoutOf(named);
  const ignored = options.ignored ?? [];
  // Checking follows where fields are written; the value has them in the order of `fields`, as copying does.
  const writtenElsewhere = named.some(({ field }) => field.at !== undefined);

  const check: Shape<ObjectValue<F>>['check'] = (value, path, context) => {
    const values: Values = {};
    if (!checkLayout(layout, value, path, context, values, ignored)) return undefined;
    return typed<F>(writtenElsewhere ? inOrder(named, values) : values);
  };
  const normalize = (given: object, propDefaults: boolean) => {
    const values: Values = {};
    for (const { name, field } of named) {
      const value: unknown = Reflect.get(given, name) ?? (propDefaults ? field.propDefault : undefined);
      keep(values, { name, field }, value ?? undefined, (kept) => field.shape.copy(kept));
    }
    return typed<F>(values);
  };
  return {
    fields,
    check,
    copy: (value) => (isMapping(value) ? normalize(value, false) : value),
    fromProps: (props) => normalize(props, true),
    write: (value) => (isMapping(value) ? writeLayout(layout, value) : value),
  };
}

function layoutOf(named: readonly NamedField[]): Layout {
  const root: Layout = { required: false, entries: new Map() };
  for (const entry of named) {
    const at = entry.field.at ?? [entry.name];
    let layout = root;
    for (const key of at.slice(0, -1)) {
      const existing = layout.entries.get(key);
      if (existing && !isLayout(existing)) throw new Error(`field "${entry.name}" is written inside field "${key}"`);
      const next: Layout = existing ?? { required: false, entries: new Map() };
      next.required ||= entry.field.required;
      layout.entries.set(key, next);
      layout = next;
    }
    const key = at[at.length - 1];
    if (layout.entries.has(key)) throw new Error(`field "${entry.name}" is written where another one is: "${key}"`);
    layout.entries.set(key, entry);
  }
  return root;
}

function isLayout(entry: Layout | NamedField): entry is Layout {
  return 'entries' in entry;
}

function isRequired(entry: Layout | NamedField): boolean {
  return isLayout(entry) ? entry.required : entry.field.required;
}

function checkLayout(
  layout: Layout,
  value: unknown,
  path: FieldPath,
  context: ShapeContext,
  values: Values,
  ignored: readonly string[],
): boolean {
  if (!isMapping(value)) {
    report(context, path, `must be a mapping, not ${typeName(value)}`, { got: describeValue(value) });
    return false;
  }
  let valid = true;
  for (const [key, entry] of layout.entries) {
    const element = value[key];
    const elementPath = [...path, key];
    if (element === undefined || element === null) {
      if (isRequired(entry)) {
        report(context, elementPath, 'is required');
        valid = false;
      } else {
        leaveOut(entry, values);
      }
      continue;
    }
    if (isLayout(entry)) {
      if (!checkLayout(entry, element, elementPath, context, values, [])) valid = false;
      continue;
    }
    const checked = entry.field.shape.check(element, elementPath, context);
    if (checked === undefined) valid = false;
    else keep(values, entry, checked, (fresh) => fresh);
  }
  for (const key of Object.keys(value)) {
    if (layout.entries.has(key) || ignored.includes(key)) continue;
    report(context, [...path, key], 'is not a field of this kind', { hint: didYouMean(key, layout.entries.keys()) });
  }
  return valid;
}

/** Records the value of a field (through `own`): left out or empty, its default or nothing; dropped, nothing. */
function keep(values: Values, { name, field }: NamedField, value: unknown, own: (value: unknown) => unknown) {
  if (field.model === 'never') return;
  const absent = value === undefined || (!field.keepEmpty && isEmpty(value));
  if (!absent) values[name] = own(value);
  else if (field.default !== undefined) values[name] = field.shape.copy(field.default);
}

/** Records the fields of an entry YAML leaves out. */
function leaveOut(entry: Layout | NamedField, values: Values): void {
  if (!isLayout(entry)) keep(values, entry, undefined, (fresh) => fresh);
  else for (const nested of entry.entries.values()) leaveOut(nested, values);
}

function writeLayout(layout: Layout, value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const written: Record<string, unknown> = {};
  for (const [key, entry] of layout.entries) {
    if (isLayout(entry)) {
      const nested = writeLayout(entry, value);
      if (entry.required || Object.keys(nested).length > 0) written[key] = nested;
      continue;
    }
    const element = value[entry.name];
    const { field } = entry;
    if (field.model === 'never' || element === undefined || element === null) continue;
    if (!field.keepEmpty && isEmpty(element)) continue;
    written[key] = field.shape.write(element);
  }
  return written;
}

/** The values of an object's fields, by name, as they are checked or copied. */
type Values = Record<string, unknown>;

/** `values` in the order of the fields. */
function inOrder(named: readonly NamedField[], values: Values): Values {
  const ordered: Values = {};
  for (const { name } of named) if (Object.hasOwn(values, name)) ordered[name] = values[name];
  return ordered;
}

/**
 * The checked (or copied) values of an object's fields as the object's value type: each value went through its
 * field's shape, and every field the model always holds has a value once the object is valid.
 */
function typed<F extends Fields>(values: Values): ObjectValue<F> {
  return values as ObjectValue<F>;
}

function isEmpty(value: unknown): boolean {
  if (value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  return isMapping(value) && Object.keys(value).length === 0;
}

function isList(value: unknown): value is readonly unknown[] {
  return Array.isArray(value);
}

export function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
