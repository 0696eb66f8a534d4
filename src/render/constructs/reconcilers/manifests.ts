import { Construct } from 'constructs';
import { DeploymentTarget } from '../../../core/model/types';
/** The `spec.manifests` keys the built-in reconcilers need. */
export const REQUIRED_MANIFEST_FIELDS = ['repo', 'branch', 'path'] as const;

export function missingManifestFields(manifests: Readonly<Record<string, string>>): string[] {
  return REQUIRED_MANIFEST_FIELDS.filter((field) => !manifests[field]).map((field) => `manifests.${field}`);
}

/**
 * The target's `repo`, `branch` and `path`, or undefined after adding a validation error to `scope` naming the
 * missing ones (the built-in reconcilers need all three).
 */
export function requiredManifests(
  scope: Construct,
  target: DeploymentTarget,
): { repo: string; branch: string; path: string } | undefined {
  const missing = missingManifestFields(target.manifests);
  if (missing.length > 0) {
    scope.node.addValidation({
      validate: () => [`deployment target "${target.name}" has no ${missing.join(', ')} in spec.manifests`],
    });
    return undefined;
  }
  return manifestFields(target);
}

/** The target's `repo`, `branch` and `path`, or undefined when one is missing. */
export function manifestFields(target: DeploymentTarget): { repo: string; branch: string; path: string } | undefined {
  if (missingManifestFields(target.manifests).length > 0) return undefined;
  const { repo, branch, path } = target.manifests;
  return { repo, branch, path };
}
