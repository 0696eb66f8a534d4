import { SourcedDocument } from './documents';
import { MAX_LABEL_LENGTH, dnsLabelProblem, dnsSubdomainProblem } from './kubernetes-names';
import { labels } from './label-shapes';
import { Problem, describeValue } from './problems';
import {
  Fields,
  ObjectProps,
  ObjectShape,
  ObjectValue,
  ShapeContext,
  anything,
  dropped,
  isMapping,
  mapOf,
  object,
  optional,
  report,
  required,
  string,
} from './shape';
import type { ObjectBase } from './types';

/*
 * A kind of the control plane, defined once (`kinds.ts`): its apiVersion and the fields of its YAML (under `spec`, or
 * beside `metadata` for a ConfigMap). What follows from them: its model type (`KindFields`), its construct props
 * (`KindProps`), how a document of it becomes a model object, and how a model object becomes a manifest again.
 */

/** The fields of a model object besides those every object has (`kind`, `name`, `labels`, `source`). */
export type FieldsOf<T extends ObjectBase<string>> = Omit<T, keyof ObjectBase<string>>;

/** What the constructs of a kind need of its definition, in terms of the kind's model type. */
export interface ModelKind<T extends ObjectBase<string>> {
  readonly kind: T['kind'];
  readonly apiVersion: string;
  /** The fields of props given in code, with the defaults for what they leave out. */
  fromProps(props: Partial<FieldsOf<T>>): FieldsOf<T>;
  /** The model object of `base` and a copy of `fields`. */
  toModel(base: ObjectBase<T['kind']>, fields: FieldsOf<T>): T;
  /** The object as a manifest in a control-plane repository. */
  toManifest(name: string, labels: Readonly<Record<string, string>>, fields: FieldsOf<T>): Record<string, unknown>;
}

export interface KindDefinition<K extends string, F extends Fields> {
  readonly kind: K;
  readonly apiVersion: string;
  /** The kind's own fields, as the model holds them. */
  readonly fields: ObjectShape<F>;
  /** Checks a document of the kind and builds its object; undefined when it has errors (reported to `problems`). */
  read(document: SourcedDocument, problems: Problem[]): (ObjectBase<K> & ObjectValue<F>) | undefined;
  fromProps(props: ObjectProps<F>): ObjectValue<F>;
  toModel(base: ObjectBase<K>, fields: ObjectValue<F>): ObjectBase<K> & ObjectValue<F>;
  toManifest(name: string, labels: Readonly<Record<string, string>>, fields: ObjectValue<F>): Record<string, unknown>;
}

/** The fields a model object of a kind has besides those of every object (with their doc comments). */
export type KindFields<D> = D extends KindDefinition<string, infer F> ? ObjectValue<F> : never;

/** The fields construct props of a kind have besides those of every object (with their doc comments). */
export type KindProps<D> = D extends KindDefinition<string, infer F> ? ObjectProps<F> : never;

/**
 * Props `P` where code gives some fields in a richer form than the model holds (e.g. an Environment construct for an
 * environment's name): the types of `I` for those, with the doc comments and optionality of `P`.
 */
export type WithInputs<P, I extends { readonly [K in keyof I]: K extends keyof P ? unknown : never }> = {
  readonly [K in keyof P]: K extends keyof I ? I[K] : P[K];
};

interface KindOptions<K extends string> {
  readonly kind: K;
  readonly apiVersion: string;
  /** The name ends up in label values, so it may be no longer than one. */
  readonly nameIsLabelValue?: boolean;
  /** The name is a namespace's, so it must be a DNS label. */
  readonly nameIsNamespace?: boolean;
}

/** The fields beside the kind's own that every manifest has. */
const TOP_FIELDS = ['apiVersion', 'kind', 'metadata'];

/** A kind whose fields are under `spec` (a `status` is accepted and ignored), as all of Kalypso's. */
export function specKind<K extends string, F extends Fields>(
  options: KindOptions<K> & { readonly spec: F },
): KindDefinition<K, F> {
  const fields = object(options.spec);
  const document = object({ spec: required(fields), status: dropped(anything) }, { ignored: TOP_FIELDS });
  return define(options, fields, {
    read: (value, context) => document.check(value, [], context)?.spec,
    write: (values) => ({ spec: fields.write(values) }),
  });
}

/** A kind whose fields are beside `metadata`, as a ConfigMap's `data`. */
export function topLevelKind<K extends string, F extends Fields>(
  options: KindOptions<K> & { readonly fields: F },
): KindDefinition<K, F> {
  const fields = object(options.fields);
  const document = object(options.fields, { ignored: TOP_FIELDS });
  return define(options, fields, {
    read: (value, context) => document.check(value, [], context),
    write: (values) => {
      const written = fields.write(values);
      return isMapping(written) ? written : {};
    },
  });
}

/** Where a kind's own fields are in a manifest. */
interface Body<F extends Fields> {
  read(value: unknown, context: ShapeContext): ObjectValue<F> | undefined;
  write(values: ObjectValue<F>): Record<string, unknown>;
}

function define<K extends string, F extends Fields>(
  options: KindOptions<K>,
  fields: ObjectShape<F>,
  body: Body<F>,
): KindDefinition<K, F> {
  const { kind, apiVersion } = options;
  return {
    kind,
    apiVersion,
    fields,
    read: (document, problems) => {
      const value = isMapping(document.value) ? document.value : {};
      const rawName = isMapping(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '';
      const context: ShapeContext = { document, object: `${kind}/${rawName || '?'}`, problems };
      const meta = metadata.check(value.metadata ?? null, ['metadata'], context);
      const values = body.read(value, context);
      if (!meta || !values || !isValidName(options, meta.name, context)) return undefined;
      return { kind, name: meta.name, labels: meta.labels, ...values, source: document };
    },
    fromProps: (props) => fields.fromProps(props),
    toModel: (base, values) => ({ ...base, ...fields.copy(values) }),
    toManifest: (name, objectLabels, values) => ({
      apiVersion,
      kind,
      metadata: Object.keys(objectLabels).length > 0 ? { name, labels: { ...objectLabels } } : { name },
      ...body.write(values),
    }),
  };
}

/** Fields the API server fills in; a manifest copied from a cluster may carry them. */
const SERVER_METADATA = [
  'generateName',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

const metadata = object(
  {
    name: required(string),
    labels: optional(labels, { default: {} }),
    namespace: dropped(string),
    annotations: dropped(mapOf(string)),
  },
  { ignored: SERVER_METADATA },
);

function isValidName(options: KindOptions<string>, name: string, context: ShapeContext): boolean {
  const path = ['metadata', 'name'];
  const problem = options.nameIsNamespace ? dnsLabelProblem(name) : dnsSubdomainProblem(name);
  if (problem) {
    report(context, path, `name ${problem}`, { got: describeValue(name) });
    return false;
  }
  if (options.nameIsLabelValue && name.length > MAX_LABEL_LENGTH) {
    report(
      context,
      path,
      `name is ${name.length} characters long; Kalypso uses it as a label value, so at most ${MAX_LABEL_LENGTH} are allowed`,
      { got: describeValue(name) },
    );
    return false;
  }
  return true;
}
