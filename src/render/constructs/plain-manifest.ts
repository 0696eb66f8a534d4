import type { Manifest, ManifestObject } from '../serialize/serialize';
import { AssignmentContext } from './assignment-context';
import { IRenderer } from './renderer';

/*
 * Rendering without building constructs (docs/explanation/performance.md, "Rendering without constructs"). Building a
 * cdk8s App per assignment and resolving it is most of a cold run's work; a built-in renderer knows the JSON its
 * constructs serialize to, so the pipeline asks it for that JSON directly. The constructs stay the public form (the
 * charts of `ControlPlane.assignments()`, `Testing.synth`, renderers registered in code), and
 * test/render/plain-rendering.test.ts checks that both forms write the same bytes.
 */

/** A renderer that can also give its file's manifests as plain JSON, exactly what its constructs serialize to. */
export interface PlainRenderer {
  /**
   * The manifests of the file for this assignment, or undefined when the constructs must be built: input the
   * constructs report as a problem, or anything this form does not reproduce exactly.
   */
  plainManifests(context: AssignmentContext): readonly Manifest[] | undefined;
}

/** Whether `renderer` can render without constructs. */
export function isPlainRenderer(renderer: IRenderer): renderer is IRenderer & PlainRenderer {
  return typeof (renderer as Partial<PlainRenderer>).plainManifests === 'function';
}

/** Thrown by `sanitized` for a value cdk8s would not serialize the same way; the caller builds the constructs. */
export class NotPlain extends Error {}

interface SanitizeOptions {
  /** Leave out empty objects and arrays, as cdk8s does for metadata. */
  readonly filterEmpty?: boolean;
}

/**
 * A value as cdk8s' `ApiObject.toJson` leaves it before the generated classes reorder it: object keys sorted, null and
 * undefined values left out (and, in metadata, empty objects and arrays). Throws `NotPlain` for anything resolution
 * could change (a value with a `resolve` function, a class instance) or that it copies differently (a `__proto__` key).
 */
export function sanitized(value: unknown, options: SanitizeOptions = {}): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value !== 'object') {
    if (typeof value === 'function') throw new NotPlain('a function');
    return value;
  }
  if (Array.isArray(value)) {
    if (options.filterEmpty && value.length === 0) return undefined;
    return value.map((item) => sanitized(item, options));
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) throw new NotPlain('not a plain object');
  const source = value as Record<string, unknown>;
  if (typeof source.resolve === 'function') throw new NotPlain('a token');
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(source).sort()) {
    if (key === '__proto__') throw new NotPlain('a __proto__ key');
    const item = sanitized(source[key], options);
    if (item !== null && item !== undefined) result[key] = item;
  }
  if (options.filterEmpty && Object.keys(result).length === 0) return undefined;
  return result;
}

/** Metadata as cdk8s' `ApiObjectMetadataDefinition.toJson` gives it: sanitized, empty maps and lists left out. */
export function sanitizedMetadata(metadata: unknown): Record<string, unknown> | undefined {
  return sanitized(metadata ?? {}, { filterEmpty: true }) as Record<string, unknown> | undefined;
}

/**
 * The JSON an instance of a generated class (`imports/`, cdk8s-plus' `k8s`) serializes to for `props`: its static
 * `manifest` applied to the props as `ApiObject.toJson` sanitizes them.
 */
export function generatedObjectJson<Props extends { readonly metadata?: object }>(
  manifest: (props: Props) => ManifestObject,
  props: Props,
): ManifestObject {
  const { metadata, ...rest } = props;
  return manifest({ ...(sanitized(rest) as object), metadata: sanitizedMetadata(metadata) } as Props);
}

/** A Kubernetes object as a Template renders it: any JSON with apiVersion, kind and metadata.name. */
interface ObjectDefinition {
  readonly apiVersion: string;
  readonly kind: string;
  readonly metadata: { readonly name: string } & Record<string, unknown>;
  readonly [field: string]: unknown;
}

/**
 * The JSON a cdk8s `ApiObject` (in a chart without namespace or labels) serializes to for `object`: its metadata
 * copied as `ApiObjectMetadataDefinition` copies it, sanitized; then every field sanitized, apiVersion, kind and
 * metadata first.
 */
export function apiObjectJson(object: ObjectDefinition): ManifestObject {
  const { metadata } = object;
  for (const list of ['finalizers', 'ownerReferences'] as const) {
    if (metadata[list] !== undefined && metadata[list] !== null && !Array.isArray(metadata[list]))
      throw new NotPlain(`metadata.${list} is not a list`);
  }
  const labels = { ...(metadata.labels as object) };
  const copied = {
    ...metadata,
    namespace: metadata.namespace ?? undefined,
    labels,
    name: metadata.name,
    annotations: { ...((metadata.annotations as object | undefined) ?? {}) },
    finalizers: metadata.finalizers ? [...(metadata.finalizers as unknown[])] : [],
    ownerReferences: metadata.ownerReferences ? [...(metadata.ownerReferences as unknown[])] : [],
  };
  const fields = sanitized({ ...object, metadata: sanitizedMetadata(copied) }) as Record<string, unknown>;
  const result: Record<string, unknown> = {};
  for (const key of ['apiVersion', 'kind', 'metadata', ...Object.keys(fields)]) {
    if (key in fields) result[key] = fields[key];
  }
  return result;
}

/**
 * The plain manifests `render` gives, or undefined when one of them declines (see `PlainRenderer`), so the constructs
 * are built instead.
 */
export function tryPlain(render: () => readonly Manifest[] | undefined): readonly Manifest[] | undefined {
  try {
    return render();
  } catch (e) {
    if (e instanceof NotPlain) return undefined;
    throw e;
  }
}
