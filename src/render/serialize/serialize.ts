import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { RawManifest } from '../constructs/raw-manifest';
import { stringifyManifest } from './manifest-yaml';

/** A manifest of an output file: an object (as JSON) or verbatim text. */
export type Manifest = { readonly object: ManifestObject } | { readonly text: string };

/** A Kubernetes object as JSON: what the plan reads of it is typed, the rest is any JSON. */
export interface ManifestObject {
  readonly apiVersion?: unknown;
  readonly kind?: unknown;
  readonly metadata?: { readonly name?: unknown; readonly namespace?: unknown };
  readonly [field: string]: unknown;
}

/** The ApiObjects and RawManifests below `scope`, in the order they were added. */
export function collectManifests(scope: Construct): Manifest[] {
  const manifests: Manifest[] = [];
  for (const construct of scope.node.findAll()) {
    if (construct instanceof ApiObject) manifests.push({ object: construct.toJson() });
    else if (RawManifest.isRawManifest(construct)) manifests.push({ text: construct.text });
  }
  return manifests;
}

/**
 * Joins the manifests as Kalypso does: each one as it is (objects as cdk8s `Yaml.stringify` writes them), separated by
 * `---\n` lines.
 */
export function serializeManifests(manifests: readonly Manifest[]): string {
  return manifests
    .map((manifest) => ('text' in manifest ? manifest.text : stringifyManifest(manifest.object)))
    .join('---\n');
}
