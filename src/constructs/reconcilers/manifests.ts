/** The `spec.manifests` keys the built-in reconcilers need. */
export const REQUIRED_MANIFEST_FIELDS = ['repo', 'branch', 'path'] as const;

export function missingManifestFields(manifests: Readonly<Record<string, string>>): string[] {
  return REQUIRED_MANIFEST_FIELDS.filter((field) => !manifests[field]).map((field) => `manifests.${field}`);
}
