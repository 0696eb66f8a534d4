import type * as ConfigSchemaModule from '../config-schema';
import type { ConfigSchemaCompiler } from '../config-schema';
import {
  ConfigSource,
  applicableConfigSources,
  collectConfigSources,
  composeConfigData,
  composePlatformConfig,
  indexConfigSources,
} from '../config/platform-config';
import { assignmentFolder, namespaceName } from '../layout/names';
import { Problem } from '../model/problems';
import { SILENT_PROGRESS } from '../model/progress';
import { checkEnvironment } from '../model/rules';
import { ClusterType, DeploymentTarget, EnvironmentModel, Template } from '../model/types';
import { Assignment, schedule } from '../scheduling/schedule';
import { unfoldWorkload } from '../scheduling/unfold';
import type { PlanOptions } from './plan';
import { NAMESPACE_RENDERER_ID, RendererSpecs, resolveRendererSpecs } from './renderers';
import { shardFilter } from './shard';

/** An assignment whose renderers resolved, ready to render. */
export interface PreparedAssignment {
  readonly assignment: Assignment;
  readonly folder: string;
  /** The config sources that apply to it, in order. */
  readonly sources: readonly ConfigSource[];
  readonly renderers: RendererSpecs;
}

/** An environment scheduled, its configs validated, its assignments ready to render. */
export interface PreparedEnvironment {
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
 * The ConfigSchema module (ajv and its JSON Schema drafts), loaded only for environments with ConfigSchemas: most have
 * none, and loading it is a good part of a run that takes every assignment from the render cache.
 */
function configSchemaModule(): typeof ConfigSchemaModule {
  return require('../config-schema') as typeof ConfigSchemaModule;
}

/** One ConfigSchema compiler for a run, made when an environment first needs it. */
export function lazyCompiler(): () => ConfigSchemaCompiler {
  let compiler: ConfigSchemaCompiler | undefined;
  return () => (compiler ??= new (configSchemaModule().ConfigSchemaCompiler)());
}

/**
 * Everything before rendering: input rules, scheduling, config validation, each assignment's renderers and the config
 * sources that apply to it (its config is composed when its job is made).
 */
export function prepareEnvironment(
  environment: EnvironmentModel,
  options: PlanOptions,
  compilerOf: ConfigSchemaCompiler | (() => ConfigSchemaCompiler),
): PreparedEnvironment {
  const { renderers } = options;
  const progress = options.progress ?? SILENT_PROGRESS;
  progress.step?.('schedule');
  const deploymentTargets = [
    ...environment.deploymentTargets,
    ...environment.workloads.flatMap((workload) => unfoldWorkload(workload, environment.name)),
  ];
  const problems: Problem[] = checkEnvironment(environment, { renderers: renderers.catalog(), deploymentTargets });
  const schemaModule =
    environment.configSchemas.length > 0 || deploymentTargets.some((target) => target.configSchemas.length > 0)
      ? configSchemaModule()
      : undefined;
  const compiler = schemaModule && (typeof compilerOf === 'function' ? compilerOf() : compilerOf);
  // A schema that is not JSON or not a JSON Schema is wrong wherever it is written, used or not.
  if (schemaModule && compiler) {
    problems.push(
      ...schemaModule.invalidSchemaProblems(
        [
          ...environment.configSchemas.map(schemaModule.configSchemaSource),
          ...deploymentTargets.flatMap(schemaModule.inlineSchemaSources),
        ],
        compiler,
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
  const renderersOf = new Map<ClusterType, RendererSpecs | undefined>();
  const assignments: PreparedAssignment[] = [];
  const unresolved: string[] = [];
  const outsideNamespaces = new Map<Assignment, string>();
  for (const assignment of scheduled) {
    const { clusterType, deploymentTarget } = assignment;
    if (!inShard(clusterType.name)) {
      // The namespace the built-in renderer gives an assignment of another shard is known without rendering it.
      if (
        !templates.has(clusterType.namespaceService) &&
        renderers.catalog().namespace.includes(clusterType.namespaceService) &&
        renderers.builtIn('namespace', clusterType.namespaceService) === NAMESPACE_RENDERER_ID
      ) {
        outsideNamespaces.set(
          assignment,
          namespaceName(deploymentTarget.environment, clusterType.name, deploymentTarget.name),
        );
      }
      continue;
    }
    const folder = assignmentFolder(clusterType.name, deploymentTarget.name);
    if (!renderersOf.has(clusterType))
      renderersOf.set(clusterType, resolveRendererSpecs(clusterType, templates, renderers));
    const resolved = renderersOf.get(clusterType);
    if (!resolved) {
      unresolved.push(folder);
      continue;
    }
    const sources = applicableConfigSources(configIndex, clusterType, deploymentTarget);
    const schemas = schemaModule?.configSchemasFor(environment.configSchemas, clusterType, deploymentTarget) ?? [];
    if (schemaModule && compiler && schemas.length > 0) {
      const failures = schemaModule.validateConfig(
        composeConfigData(sources, clusterType, deploymentTarget),
        schemas,
        compiler,
      );
      if (failures.length > 0) {
        const config = composePlatformConfig(sources, clusterType, deploymentTarget);
        problems.push(
          ...schemaModule.configValidationProblems(failures, {
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
    assignments.push({ assignment, folder, sources, renderers: resolved });
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
