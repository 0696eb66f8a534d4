import type * as ConfigSchemaModule from '../config-schema';
import type { ConfigSchemaCompiler } from '../config-schema';
import { RendererRegistry } from '../../render/constructs/renderer-registry';
import { DefaultNamespaceRenderer } from '../../render/constructs/target-namespace';
import { ResolvedRenderers, resolveRenderers } from '../../render/constructs/resolve-renderers';
import { PROMOTED_BASE_REPO } from '../model/environments';
import { Problem, error, isError, sortProblems } from '../model/problems';
import { checkEnvironment } from '../model/rules';
import { ClusterType, ControlPlaneModel, DeploymentTarget, EnvironmentModel, Template } from '../model/types';
import { Assignment, schedule } from '../scheduling/schedule';
import {
  ComposedConfig,
  ConfigSource,
  applicableConfigSources,
  collectConfigSources,
  composeConfigData,
  composePlatformConfig,
  indexConfigSources,
  lazyComposedConfig,
} from '../config/platform-config';
import { WORKSPACE_LABEL, assignmentFolder, namespaceName } from '../layout/names';
import { LikelyMistakeContext, findLikelyMistakes } from './likely-mistakes';
import { locateDeploymentTarget, unfoldWorkload } from '../scheduling/unfold';
import { contentHash } from './content-hash';
import { objectIdentity, objectNameProblems } from './emitted-objects';
import { ProgressReporter, SILENT_PROGRESS } from '../model/progress';
import { RenderedAssignment, renderAssignment } from '../../render/render-assignment';
import {
  PortableConfigSource,
  PortableEnvironment,
  PortableRenderJob,
  RenderJob,
  RendererSpecs,
  jobTemplates,
  rendererSpecs,
  toPortableConfigSource,
  withoutSource,
} from '../../render/parallel/render-job';
import { Shard, ownsPromotedCommit, shardFilter } from './shard';

import { CLUSTER_TYPE_README, CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE } from '../layout/tree-layout';

export { CLUSTER_TYPE_README, CLUSTER_TYPE_README_TEXT, PROMOTED_COMMIT_FILE };

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
  /**
   * Plan only the cluster types of this shard (`--shard i/n`), so several runs each write a disjoint part of the tree.
   * @default - every cluster type
   */
  readonly shard?: Shard;
}

/**
 * An environment's assignments to render. Each job is made when asked for (composing its config then), so that tens
 * of thousands of them need not be in memory at once.
 */
export interface RenderJobList {
  readonly length: number;
  /** The job's folder in the environment's tree, `<clusterType>/<deploymentTarget>`. */
  folder(index: number): string;
  job(index: number): RenderJob;
  /** The job as plain data, when its renderers are built-ins or Templates; it refers to `portableEnvironment()`. */
  portable(index: number): PortableRenderJob | undefined;
  /**
   * What the plain-data jobs made so far refer to (cluster types, targets, config sources, numbered as they were first
   * referred to, and the Templates); it only grows, so a worker can be sent its newer part.
   */
  portableEnvironment(): PortableEnvironment;
  /**
   * Text that determines what the job renders — its path, renderers (and Template texts), context and the config
   * sources its config is composed from — without composing the config; undefined when its renderers are not plain
   * data. Equal texts render equal files.
   */
  identity(index: number): string | undefined;
}

/** Renders an environment's jobs and returns what each rendered, in the same order. */
export type RenderJobs = (jobs: RenderJobList, environment: EnvironmentModel) => Promise<RenderedAssignment[]>;

/** The plans of every environment of the control plane, rendering in this thread. */
export function planControlPlane(model: ControlPlaneModel, options: PlanOptions = {}): EnvironmentPlan[] {
  const compiler = lazyCompiler();
  return model.environments.map((environment) => planEnvironment(environment, options, compiler));
}

/** The plans of every environment of the control plane, rendering with `render` (worker threads, a cache…). */
export async function planControlPlaneWith(
  model: ControlPlaneModel,
  render: RenderJobs,
  options: PlanOptions = {},
): Promise<EnvironmentPlan[]> {
  const plans: EnvironmentPlan[] = [];
  const compiler = lazyCompiler();
  for (const environment of model.environments) {
    const prepared = prepareEnvironment(environment, options, compiler);
    const rendered = await render(jobList(prepared), environment);
    plans.push(completeEnvironment(prepared, rendered, options));
  }
  return plans;
}

/**
 * Schedules, composes and validates config, and renders one environment (SPEC §3, pure: no file system, network or
 * clock). When anything is wrong with the input, `problems` says so and the files are still those of the good
 * assignments, for `--keep-going`.
 * @param compiler compiles each distinct ConfigSchema text once (or makes the compiler, when an environment first needs
 *   one); share one between the environments of a run
 */
export function planEnvironment(
  environment: EnvironmentModel,
  options: PlanOptions = {},
  compiler: ConfigSchemaCompiler | (() => ConfigSchemaCompiler) = lazyCompiler(),
): EnvironmentPlan {
  const prepared = prepareEnvironment(environment, options, compiler);
  const progress = options.progress ?? SILENT_PROGRESS;
  const jobs = jobList(prepared);
  const rendered = prepared.assignments.map((_, index) => {
    progress.phase(`rendering ${environment.name}`, index + 1, prepared.assignments.length);
    progress.step?.('render');
    const job = jobs.job(index);
    return renderAssignment(job.path, job.props, progress);
  });
  return completeEnvironment(prepared, rendered, options);
}

/**
 * The ConfigSchema module (ajv and its JSON Schema drafts), loaded only for environments with ConfigSchemas: most have
 * none, and loading it is a good part of a run that takes every assignment from the render cache.
 */
function configSchemaModule(): typeof ConfigSchemaModule {
  return require('../config-schema') as typeof ConfigSchemaModule;
}

/** One ConfigSchema compiler for a run, made when an environment first needs it. */
function lazyCompiler(): () => ConfigSchemaCompiler {
  let compiler: ConfigSchemaCompiler | undefined;
  return () => (compiler ??= new (configSchemaModule().ConfigSchemaCompiler)());
}

/** An assignment whose renderers resolved, ready to render. */
interface PreparedAssignment {
  readonly assignment: Assignment;
  readonly folder: string;
  /** The config sources that apply to it, in order. */
  readonly sources: readonly ConfigSource[];
  readonly renderers: ResolvedRenderers;
  /** The renderers as data, when they are built-ins or Templates. */
  readonly specs?: RendererSpecs;
}

function jobList(prepared: PreparedEnvironment): RenderJobList {
  // What many jobs share, numbered and made plain data once: cluster types, targets, config sources.
  const numbered = new Map<object, number>();
  const texts = new Map<object, string>();
  let environment:
    | { clusterTypes: ClusterType[]; deploymentTargets: DeploymentTarget[]; configSources: PortableConfigSource[] }
    | undefined;
  const numberOf = (object: ClusterType | DeploymentTarget | ConfigSource): number => {
    environment ??= { clusterTypes: [], deploymentTargets: [], configSources: [] };
    let number = numbered.get(object);
    if (number === undefined) {
      if (!('kind' in object)) {
        number = environment.configSources.push(toPortableConfigSource(object)) - 1;
      } else if (object.kind === 'ClusterType') {
        number = environment.clusterTypes.push(withoutSource(object)) - 1;
      } else {
        number = environment.deploymentTargets.push(withoutSource(object)) - 1;
      }
      numbered.set(object, number);
    }
    return number;
  };
  // Identity texts of shared objects are long (a ConfigMap's every entry): a job's identity holds their hashes.
  const textOf = (object: ClusterType | DeploymentTarget | ConfigSource): string => {
    let text = texts.get(object);
    if (text === undefined) {
      // Config values as plain data: JSON of a GoMap would merge keys such as `true` and "true".
      text = contentHash(
        'kind' in object
          ? JSON.stringify(withoutSource(object))
          : JSON.stringify([object.configMap, toPortableConfigSource(object)]),
      );
      texts.set(object, text);
    }
    return text;
  };
  // A Template's text is long, and the same for every job that uses it: hashed once.
  const templateTextOf = (template: Template): string => {
    let text = texts.get(template);
    if (text === undefined) {
      text = contentHash(JSON.stringify([template.name, template.type, template.contentType, template.manifests]));
      texts.set(template, text);
    }
    return text;
  };
  const contextOf = ({ assignment }: PreparedAssignment) => {
    const { deploymentTarget } = assignment;
    return {
      environment: deploymentTarget.environment,
      workload: assignment.workload,
      workspace: deploymentTarget.labels[WORKSPACE_LABEL] ?? '',
      namespace: namespaceName(deploymentTarget.environment, assignment.clusterType.name, deploymentTarget.name),
    };
  };
  const pathOf = ({ assignment }: PreparedAssignment) => [
    prepared.environment.name,
    assignment.clusterType.name,
    assignment.deploymentTarget.name,
  ];
  return {
    length: prepared.assignments.length,
    folder: (index) => prepared.assignments[index].folder,
    job: (index) => {
      const prepare = prepared.assignments[index];
      const {
        assignment: { clusterType, deploymentTarget },
        sources,
        renderers,
      } = prepare;
      const config = composeConfigData(sources, clusterType, deploymentTarget);
      return {
        path: pathOf(prepare),
        props: { context: { ...contextOf(prepare), clusterType, deploymentTarget, config }, ...renderers },
      };
    },
    portable: (index) => {
      const prepare = prepared.assignments[index];
      const {
        assignment: { clusterType, deploymentTarget },
        sources,
        specs,
      } = prepare;
      if (!specs) return undefined;
      return {
        path: pathOf(prepare),
        clusterType: numberOf(clusterType),
        deploymentTarget: numberOf(deploymentTarget),
        configSources: sources.map(numberOf),
        context: contextOf(prepare),
        ...specs,
      };
    },
    portableEnvironment: () => ({
      templates: prepared.environment.templates,
      clusterTypes: environment?.clusterTypes ?? [],
      deploymentTargets: environment?.deploymentTargets ?? [],
      configSources: environment?.configSources ?? [],
    }),
    identity: (index) => {
      const prepare = prepared.assignments[index];
      const { assignment, sources, specs } = prepare;
      if (!specs) return undefined;
      const templateTexts = jobTemplates(specs).map((name) => {
        const template = prepared.templates.get(name);
        return template && templateTextOf(template);
      });
      return [
        JSON.stringify([pathOf(prepare), specs, contextOf(prepare), templateTexts]),
        textOf(assignment.clusterType),
        textOf(assignment.deploymentTarget),
        ...sources.map(textOf),
      ].join('\u0000');
    },
  };
}

interface PreparedEnvironment {
  readonly environment: EnvironmentModel;
  readonly deploymentTargets: DeploymentTarget[];
  readonly problems: Problem[];
  /** Every assignment of the environment, in every shard. */
  readonly scheduled: readonly Assignment[];
  readonly configSources: readonly ConfigSource[];
  /** The cluster types this plan writes (the shard's). */
  readonly clusterTypes: readonly ClusterType[];
  readonly assignments: readonly PreparedAssignment[];
  /** Folders of assignments whose renderers do not resolve or whose config fails its ConfigSchemas. */
  readonly unresolved: readonly string[];
  readonly templates: ReadonlyMap<string, Template>;
  /** Assignments of other shards whose namespace the built-in namespace renderer names, and that name. */
  readonly outsideNamespaces: ReadonlyMap<Assignment, string>;
}

/**
 * Everything before rendering: input rules, scheduling, config validation, each assignment's renderers and the config
 * sources that apply to it (its config is composed when its job is made).
 */
function prepareEnvironment(
  environment: EnvironmentModel,
  options: PlanOptions,
  compilerOf: ConfigSchemaCompiler | (() => ConfigSchemaCompiler),
): PreparedEnvironment {
  const registry = options.registry ?? RendererRegistry.withBuiltIns();
  const progress = options.progress ?? SILENT_PROGRESS;
  progress.step?.('schedule');
  const deploymentTargets = [
    ...environment.deploymentTargets,
    ...environment.workloads.flatMap((workload) => unfoldWorkload(workload, environment.name)),
  ];
  const problems: Problem[] = checkEnvironment(environment, { renderers: registry.catalog(), deploymentTargets });
  const schemaModule =
    environment.configSchemas.length > 0 || deploymentTargets.some((target) => target.configSchemas.length > 0)
      ? configSchemaModule()
      : undefined;
  const compiler = schemaModule && (typeof compilerOf === 'function' ? compilerOf() : compilerOf);
  // A schema that is not JSON or not a JSON Schema is wrong wherever it is written, used or not.
  if (schemaModule) {
    problems.push(
      ...schemaModule.invalidSchemaProblems(
        [
          ...environment.configSchemas.map(schemaModule.configSchemaSource),
          ...deploymentTargets.flatMap(schemaModule.inlineSchemaSources),
        ],
        compiler!,
      ),
    );
  }
  const scheduled = schedule(
    environment.name,
    environment.schedulingPolicies,
    environment.clusterTypes,
    deploymentTargets,
  );
  const inShard = shardFilter(
    environment.clusterTypes.map((clusterType) => clusterType.name),
    options.shard,
  );
  const clusterTypes = environment.clusterTypes.filter((clusterType) => inShard(clusterType.name));
  progress.step?.('compose');
  const configSources = collectConfigSources(environment.configMaps);
  const configIndex = indexConfigSources(configSources);
  const templates = new Map<string, Template>(environment.templates.map((template) => [template.name, template]));
  // Renderers depend on the cluster type only.
  const renderersOf = new Map<ClusterType, { renderers: ResolvedRenderers; specs?: RendererSpecs } | undefined>();
  const assignments: PreparedAssignment[] = [];
  const unresolved: string[] = [];
  const outsideNamespaces = new Map<Assignment, string>();
  for (const assignment of scheduled) {
    const { clusterType, deploymentTarget } = assignment;
    if (!inShard(clusterType.name)) {
      // The namespace the built-in renderer gives an assignment of another shard is known without rendering it.
      if (
        !templates.has(clusterType.namespaceService) &&
        registry.namespaceRenderer(clusterType.namespaceService)?.constructor === DefaultNamespaceRenderer
      ) {
        outsideNamespaces.set(
          assignment,
          namespaceName(deploymentTarget.environment, clusterType.name, deploymentTarget.name),
        );
      }
      continue;
    }
    const folder = assignmentFolder(clusterType.name, deploymentTarget.name);
    if (!renderersOf.has(clusterType)) {
      const renderers = resolveRenderers(clusterType, templates, registry);
      renderersOf.set(
        clusterType,
        'unresolved' in renderers ? undefined : { renderers, specs: rendererSpecs(renderers) },
      );
    }
    const resolved = renderersOf.get(clusterType);
    if (!resolved) {
      unresolved.push(folder);
      continue;
    }
    const sources = applicableConfigSources(configIndex, clusterType, deploymentTarget);
    const schemas = schemaModule?.configSchemasFor(environment.configSchemas, clusterType, deploymentTarget) ?? [];
    if (schemas.length > 0) {
      const failures = schemaModule!.validateConfig(
        composeConfigData(sources, clusterType, deploymentTarget),
        schemas,
        compiler!,
      );
      if (failures.length > 0) {
        const config = composePlatformConfig(sources, clusterType, deploymentTarget);
        problems.push(
          ...schemaModule!.configValidationProblems(failures, {
            clusterType: clusterType.name,
            deploymentTarget: deploymentTarget.name,
            config: config.data,
            provenance: config.provenance,
          }),
        );
        unresolved.push(folder);
        continue;
      }
    }
    assignments.push({ assignment, folder, sources, ...resolved });
  }
  return {
    environment,
    deploymentTargets,
    problems,
    scheduled,
    configSources,
    clusterTypes,
    assignments,
    unresolved,
    templates,
    outsideNamespaces,
  };
}

/** Everything after rendering: name and collision checks, likely mistakes, the sorted files. */
function completeEnvironment(
  prepared: PreparedEnvironment,
  rendered: readonly RenderedAssignment[],
  options: PlanOptions,
): EnvironmentPlan {
  const { environment, problems } = prepared;
  const progress = options.progress ?? SILENT_PROGRESS;
  progress.step?.('plan');
  const files = new Map<string, string>();
  const planned: PlannedAssignment[] = [];
  const failedFolders: string[] = [...prepared.unresolved];
  const namespaces = new Map<unknown, Assignment>();
  const identitiesPerClusterType = new Map<string, Map<string, string>>();

  for (const clusterType of prepared.clusterTypes)
    files.set(`${clusterType.name}/${CLUSTER_TYPE_README}`, CLUSTER_TYPE_README_TEXT);

  const configs: LikelyMistakeContext['configs'][number][] = [];
  // Assignments in schedule order: those of other shards only name their namespaces, so that a shard finds a
  // collision with them where the unsharded run would.
  let next = 0;
  for (const scheduled of prepared.scheduled) {
    const outsideNamespace = prepared.outsideNamespaces.get(scheduled);
    if (outsideNamespace !== undefined) namespaces.set(outsideNamespace, scheduled);
    if (prepared.assignments[next]?.assignment !== scheduled) continue;
    const index = next++;
    const { assignment, folder, sources } = prepared.assignments[index];
    const { clusterType, deploymentTarget } = assignment;
    const namespace = namespaceName(deploymentTarget.environment, clusterType.name, deploymentTarget.name);
    const where = {
      location: locateDeploymentTarget(deploymentTarget),
      object: `DeploymentTarget/${deploymentTarget.name}`,
    };
    const result = rendered[index];
    const assignmentProblems = result.failures.map((failure) =>
      error(failure.message, {
        location: failure.location ?? where.location,
        object: failure.object ?? where.object,
      }),
    );

    const identities = identitiesPerClusterType.get(clusterType.name) ?? new Map<string, string>();
    identitiesPerClusterType.set(clusterType.name, identities);
    for (const object of result.objects) {
      for (const { field, value, problem } of objectNameProblems(object)) {
        const parts =
          value === namespace
            ? ` (environment "${deploymentTarget.environment}" + cluster type "${clusterType.name}" + deployment target "${deploymentTarget.name}")`
            : '';
        assignmentProblems.push(
          error(
            `${object.kind} ${JSON.stringify(value)} in ${folder}/${object.file}: ${field} ${problem}${parts}`,
            where,
          ),
        );
      }
      const identity = objectIdentity(object);
      const owner = identities.get(identity);
      if (owner && owner !== folder) {
        assignmentProblems.push(
          error(
            `${object.kind} ${JSON.stringify(object.name)} is produced by both ${owner} and ${folder} on cluster type "${clusterType.name}"`,
            where,
          ),
        );
      }
      identities.set(identity, folder);
      if (object.kind === 'Namespace') {
        const other = namespaces.get(object.name);
        if (other && other !== assignment) {
          assignmentProblems.push(
            error(
              `namespace ${JSON.stringify(object.name)} is produced by both (clusterType "${other.clusterType.name}", deploymentTarget "${other.deploymentTarget.name}") and (clusterType "${clusterType.name}", deploymentTarget "${deploymentTarget.name}")`,
              where,
            ),
          );
        }
        namespaces.set(object.name, assignment);
      }
    }
    problems.push(...assignmentProblems);
    if (assignmentProblems.some(isError)) {
      failedFolders.push(folder);
      continue;
    }

    const paths: string[] = [];
    for (const file of Object.keys(result.files)) {
      const filePath = `${folder}/${file}`;
      paths.push(filePath);
      files.set(filePath, result.files[file]);
    }
    planned.push({
      clusterType: clusterType.name,
      deploymentTarget: deploymentTarget.name,
      workload: assignment.workload,
      namespace,
      policies: assignment.policies,
      config: lazyComposedConfig(sources, clusterType, deploymentTarget),
      files: paths.sort(),
    });
    configs.push({ clusterType, deploymentTarget, sources });
  }

  if (!options.incompleteInput) {
    problems.push(
      ...findLikelyMistakes(environment, {
        deploymentTargets: prepared.deploymentTargets,
        assignments: prepared.scheduled,
        configSources: prepared.configSources,
        configs,
      }),
    );
  }

  // The promoted commit belongs to the first shard (every shard when not sharded).
  const promotedCommit = environment.baseRepos.find((repo) => repo.name === PROMOTED_BASE_REPO)?.commit || undefined;
  if (promotedCommit && ownsPromotedCommit(options.shard)) files.set(PROMOTED_COMMIT_FILE, promotedCommit);
  const gitOpsRepo = environment.gitOpsRepos[0];

  return {
    environment: environment.name,
    gitOpsRepo: gitOpsRepo ? { repo: gitOpsRepo.repo, branch: gitOpsRepo.branch } : undefined,
    promotedCommit,
    clusterTypes: prepared.clusterTypes.map((clusterType) => clusterType.name).sort(),
    files: Object.fromEntries([...files.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))),
    assignments: planned,
    failedFolders,
    deploymentTargets: prepared.deploymentTargets,
    problems: sortProblems(problems),
  };
}
