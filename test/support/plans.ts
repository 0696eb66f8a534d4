import { EnvironmentPlan } from '../../src/core/plan/plan';

/** A plan with just files (as the publishing code reads it), for tests that do not need scheduling. */
export function planWithFiles(
  files: Record<string, string>,
  options: { environment?: string; clusterTypes?: string[] } = {},
): EnvironmentPlan {
  const clusterTypes =
    options.clusterTypes ??
    [
      ...new Set(
        Object.keys(files)
          .filter((path) => !path.startsWith('.'))
          .map((path) => path.split('/')[0]),
      ),
    ].sort();
  return {
    environment: options.environment ?? 'dev',
    clusterTypes,
    files: Object.fromEntries(Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1))),
    assignments: [],
    failedFolders: [],
    deploymentTargets: [],
    problems: [],
  };
}

/** Every planned file as `<environment>/<path>` → content. */
export function planTree(plans: readonly EnvironmentPlan[]): Record<string, string> {
  return Object.fromEntries(
    plans.flatMap((plan) =>
      Object.entries(plan.files).map(([file, content]) => [`${plan.environment}/${file}`, content]),
    ),
  );
}
