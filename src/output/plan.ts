import {
  ConfigSchemaCompiler, configSchemaSource, configSchemasFor, configValidationProblems, inlineSchemaSources, invalidSchemaProblems,
  validateConfig,
} from '../config-schema';
import { AssignmentContext } from '../constructs/assignment-context';
import { RendererRegistry } from '../constructs/renderer-registry';
import { resolveRenderers } from '../constructs/resolve-renderers';
import { Problem, error, isError, sortProblems } from '../model/problems';
import { checkEnvironment } from '../model/rules';
import { ControlPlaneModel, DeploymentTarget, EnvironmentModel, Template } from '../model/types';
import { Assignment, schedule } from '../scheduler/schedule';
import { ComposedConfig, collectConfigSources, composePlatformConfig } from '../scheduler/platform-config';
import { WORKSPACE_LABEL, assignmentFolder, namespaceName } from '../scheduler/names';
import { findLikelyMistakes } from '../scheduler/likely-mistakes';
import { locateDeploymentTarget, unfoldWorkload } from '../scheduler/unfold';
import { objectIdentity, objectNameProblems } from './emitted-objects';
import { ProgressReporter, SILENT_PROGRESS } from '../model/progress';
import { renderAssignment } from './render-assignment';

export const CLUSTER_TYPE_README = 'README.md';
export const CLUSTER_TYPE_README_TEXT = 'This folder contains deployment targets scheduled on the cluster type';
export const PROMOTED_COMMIT_FILE = '.github/tracking/Promoted_Commit_Id';

/** One assignment as planned: where it landed, why, with which config, and the files it produced. */
export interface PlannedAssignment {
  /** Name of the cluster type. */
  readonly clusterType: string;
  /** Name of the deployment target (`<workload>-<target>`). */
  readonly deploymentTarget: string;
  /** The target's `workload` label. */
  readonly workload: string;
  /** The namespace it runs in, `<environment>-<clusterType>-<deploymentTarget>`. */
  readonly namespace: string;
  /** Every policy that selected the pair. */
  readonly policies: readonly string[];
  /** The composed platform config, and where each value came from. */
  readonly config: ComposedConfig;
  /** Paths of the files it produced, relative to the environment root. */
  readonly files: readonly string[];
}

/** The platform GitOps tree of one environment and how it came about. */
export interface EnvironmentPlan {
  /** Name of the environment; its tree goes to `<out>/<environment>/`. */
  readonly environment: string;
  /** The GitOpsRepo the tree is published to, when the control plane names one. */
  readonly gitOpsRepo?: { readonly repo: string; readonly branch: string };
  /** The control-plane `main` commit promoted to this environment (BaseRepo `main`). */
  readonly promotedCommit?: string;
  /** Cluster type folders this plan owns (every ClusterType of the environment). */
  readonly clusterTypes: readonly string[];
  /** Relative path → content, sorted by path. */
  readonly files: Readonly<Record<string, string>>;
  /** The assignments rendered, in scheduling order. */
  readonly assignments: readonly PlannedAssignment[];
  /** Folders of assignments that failed; with `--keep-going` their previous files are kept. */
  readonly failedFolders: readonly string[];
  /** Deployment targets of the environment (written and unfolded). */
  readonly deploymentTargets: readonly DeploymentTarget[];
  /** Problems found planning the environment, sorted. */
  readonly problems: readonly Problem[];
}

/** How assignments are rendered. */
export interface PlanOptions {
  /** Renderers by name; defaults to the built-ins. */
  readonly registry?: RendererRegistry;
  /**
   * The loader left out objects that had errors, so the model is incomplete: warnings about likely mistakes (a
   * target no policy selects…) would only echo those errors and are not reported.
   * @default false
   */
  readonly incompleteInput?: boolean;
  /** Told `rendering <environment>`, N of M, as assignments are rendered. */
  readonly progress?: ProgressReporter;
}

/** The plans of every environment of the control plane. */
export function planControlPlane(model: ControlPlaneModel, options: PlanOptions = {}): EnvironmentPlan[] {
  const compiler = new ConfigSchemaCompiler();
  return model.environments.map((environment) => planEnvironment(environment, options, compiler));
}

/**
 * Schedules, composes and validates config, and renders one environment (SPEC §3, pure: no file system, network or
 * clock). When anything is wrong with the input, `problems` says so and the files are still those of the good
 * assignments, for `--keep-going`.
 * @param compiler compiles each distinct ConfigSchema text once; share one between the environments of a run
 */
export function planEnvironment(
  environment: EnvironmentModel, options: PlanOptions = {}, compiler: ConfigSchemaCompiler = new ConfigSchemaCompiler(),
): EnvironmentPlan {
  const registry = options.registry ?? RendererRegistry.withBuiltIns();
  const deploymentTargets = [
    ...environment.deploymentTargets,
    ...environment.workloads.flatMap((workload) => unfoldWorkload(workload, environment.name)),
  ];
  const problems: Problem[] = checkEnvironment(environment, { renderers: registry.catalog(), deploymentTargets });
  const assignments = schedule(environment.name, environment.schedulingPolicies, environment.clusterTypes, deploymentTargets);
  const configSources = collectConfigSources(environment.configMaps);
  const templates = new Map<string, Template>(environment.templates.map((template) => [template.name, template]));
  const files = new Map<string, string>();
  const planned: PlannedAssignment[] = [];
  const failedFolders: string[] = [];
  const namespaces = new Map<string, Assignment>();
  const identitiesPerClusterType = new Map<string, Map<string, string>>();

  for (const clusterType of environment.clusterTypes) files.set(`${clusterType.name}/${CLUSTER_TYPE_README}`, CLUSTER_TYPE_README_TEXT);
  // A schema that is not JSON or not a JSON Schema is wrong wherever it is written, used or not.
  problems.push(...invalidSchemaProblems(
    [...environment.configSchemas.map(configSchemaSource), ...deploymentTargets.flatMap(inlineSchemaSources)], compiler));

  const progress = options.progress ?? SILENT_PROGRESS;
  for (const [index, assignment] of assignments.entries()) {
    progress.phase(`rendering ${environment.name}`, index + 1, assignments.length);
    const { clusterType, deploymentTarget } = assignment;
    const folder = assignmentFolder(clusterType.name, deploymentTarget.name);
    const where = { location: locateDeploymentTarget(deploymentTarget), object: `DeploymentTarget/${deploymentTarget.name}` };
    const renderers = resolveRenderers(clusterType, templates, registry);
    if ('unresolved' in renderers) {
      failedFolders.push(folder);
      continue;
    }
    const config = composePlatformConfig(configSources, clusterType, deploymentTarget);
    const schemaFailures = validateConfig(config.data, configSchemasFor(environment.configSchemas, clusterType, deploymentTarget), compiler);
    if (schemaFailures.length > 0) {
      problems.push(...configValidationProblems(schemaFailures, {
        clusterType: clusterType.name, deploymentTarget: deploymentTarget.name, config: config.data, provenance: config.provenance,
      }));
      failedFolders.push(folder);
      continue;
    }
    const context: AssignmentContext = {
      environment: deploymentTarget.environment,
      clusterType,
      deploymentTarget,
      workload: assignment.workload,
      workspace: deploymentTarget.labels[WORKSPACE_LABEL] ?? '',
      namespace: namespaceName(deploymentTarget.environment, clusterType.name, deploymentTarget.name),
      config: config.data,
    };
    const rendered = renderAssignment([environment.name, clusterType.name, deploymentTarget.name], { context, ...renderers });
    const assignmentProblems = rendered.failures.map((failure) => error(failure.message, {
      location: failure.location ?? where.location, object: failure.object ?? where.object,
    }));

    const identities = identitiesPerClusterType.get(clusterType.name) ?? new Map<string, string>();
    identitiesPerClusterType.set(clusterType.name, identities);
    for (const { file, manifest } of rendered.manifests) {
      if (!('object' in manifest)) continue;
      const object = manifest.object;
      for (const { field, value, problem } of objectNameProblems(object)) {
        const parts = value === context.namespace
          ? ` (environment "${context.environment}" + cluster type "${clusterType.name}" + deployment target "${deploymentTarget.name}")`
          : '';
        assignmentProblems.push(error(
          `${object.kind} ${JSON.stringify(value)} in ${folder}/${file}: ${field} ${problem}${parts}`, where));
      }
      const identity = objectIdentity(object);
      const owner = identities.get(identity);
      if (owner && owner !== folder) {
        assignmentProblems.push(error(
          `${object.kind} ${JSON.stringify(object.metadata?.name)} is produced by both ${owner} and ${folder} on cluster type "${clusterType.name}"`,
          where));
      }
      identities.set(identity, folder);
      if (object.kind === 'Namespace') {
        const other = namespaces.get(object.metadata?.name);
        if (other && other !== assignment) {
          assignmentProblems.push(error(
            `namespace ${JSON.stringify(object.metadata?.name)} is produced by both (clusterType "${other.clusterType.name}", deploymentTarget "${other.deploymentTarget.name}") and (clusterType "${clusterType.name}", deploymentTarget "${deploymentTarget.name}")`,
            where));
        }
        namespaces.set(object.metadata?.name, assignment);
      }
    }
    problems.push(...assignmentProblems);
    if (assignmentProblems.some(isError)) {
      failedFolders.push(folder);
      continue;
    }

    const paths = Object.keys(rendered.files).map((file) => `${folder}/${file}`);
    for (const file of Object.keys(rendered.files)) files.set(`${folder}/${file}`, rendered.files[file]);
    planned.push({
      clusterType: clusterType.name,
      deploymentTarget: deploymentTarget.name,
      workload: assignment.workload,
      namespace: context.namespace,
      policies: assignment.policies,
      config,
      files: paths.sort(),
    });
  }

  if (!options.incompleteInput) {
    problems.push(...findLikelyMistakes(environment, {
      deploymentTargets, assignments, configSources,
      configs: planned.map(({ clusterType, deploymentTarget, config }) => ({ clusterType, deploymentTarget, config })),
    }));
  }

  const promotedCommit = environment.baseRepos.find((repo) => repo.name === 'main')?.commit || undefined;
  if (promotedCommit) files.set(PROMOTED_COMMIT_FILE, promotedCommit);
  const gitOpsRepo = environment.gitOpsRepos[0];

  return {
    environment: environment.name,
    gitOpsRepo: gitOpsRepo ? { repo: gitOpsRepo.repo, branch: gitOpsRepo.branch } : undefined,
    promotedCommit,
    clusterTypes: environment.clusterTypes.map((clusterType) => clusterType.name).sort(),
    files: Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    assignments: planned,
    failedFolders,
    deploymentTargets,
    problems: sortProblems(problems),
  };
}
