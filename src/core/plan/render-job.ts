import { ConfigData } from '../model/config-value';
import { SourceLocation } from '../model/problems';
import { ClusterType, DeploymentTarget, EnvironmentModel, Template } from '../model/types';
import { ComposableConfigSource, composeConfigData } from '../config/platform-config';
import { EmittedObject } from './emitted-objects';
import { PortableConfigValue, fromPortableConfigValue, toPortableConfigValue } from './portable-config';
import { RendererSpecs } from './renderers';

/*
 * An assignment to render, as plain data. Planning makes jobs; the render layer turns each into a cdk8s chart (in this
 * thread, in a worker thread, or not at all when the render cache has it) and gives back what it rendered.
 */

/** Everything a renderer may use about one assignment: the same facts Kalypso's templates see. */
export interface AssignmentContext {
  /** The environment name (`.Environment`): the target's `spec.environment`. */
  readonly environment: string;
  /** The cluster type (`.ClusterType`). */
  readonly clusterType: ClusterType;
  /** The deployment target (`.DeploymentTargetName`, `.Manifests`, `.Labels`). */
  readonly deploymentTarget: DeploymentTarget;
  /** The target's `workload` label (`.Workload`). */
  readonly workload: string;
  /** The target's `workspace` label (`.Workspace`). */
  readonly workspace: string;
  /** `<environment>-<clusterType>-<deploymentTarget>` (`.Namespace`). */
  readonly namespace: string;
  /** The composed platform config (`.ConfigData`). */
  readonly config: ConfigData;
}

/** One assignment to render. */
export interface RenderJob {
  /** `[environment, clusterType, deploymentTarget]`: the construct path of its chart. */
  readonly path: readonly string[];
  readonly context: AssignmentContext;
  readonly renderers: RendererSpecs;
}

/**
 * Why an assignment could not be rendered: a failed construct validation (`[construct/path] message`) or a renderer's
 * error.
 */
export interface RenderFailure {
  readonly message: string;
  readonly location?: SourceLocation;
  /** `Kind/name` of the object at fault, when it is not the deployment target. */
  readonly object?: string;
  /** The platform config key at fault: the failure is reported where that key's value was set. */
  readonly configKey?: string;
}

/** The files of one assignment folder, the objects in them, and why it failed, if it did. Plain data. */
export interface RenderedAssignment {
  /** File name → content, e.g. `reconciler.yaml`. */
  readonly files: Readonly<Record<string, string>>;
  /** The Kubernetes objects in the files, in file order. */
  readonly objects: readonly EmittedObject[];
  readonly failures: readonly RenderFailure[];
}

/** What composing a config reads of a config source, its values as plain data. */
export interface PortableConfigSource {
  readonly labels: Readonly<Record<string, string>>;
  readonly entries: readonly ConfigEntry<PortableConfigValue>[];
}

/** A config source with each value mapped by `map` (to or from plain data). */
function mapConfigSource<From, To>(
  source: { readonly labels: Readonly<Record<string, string>>; readonly entries: readonly ConfigEntry<From>[] },
  map: (value: From) => To,
): { labels: Readonly<Record<string, string>>; entries: ConfigEntry<To>[] } {
  return {
    labels: source.labels,
    entries: source.entries.map(({ key, keyLabels, value }) => ({ key, keyLabels, value: map(value) })),
  };
}

interface ConfigEntry<V> {
  readonly key: string;
  readonly keyLabels: Readonly<Record<string, string>>;
  readonly value: V;
}

export function toPortableConfigSource(source: ComposableConfigSource): PortableConfigSource {
  return mapConfigSource(source, toPortableConfigValue);
}

function fromPortableConfigSource(source: PortableConfigSource): ComposableConfigSource {
  return mapConfigSource(source, fromPortableConfigValue);
}

/**
 * What the plain-data jobs of one environment share, sent to a worker once: its Templates, and the cluster types,
 * deployment targets (without source documents) and config sources the jobs refer to by index.
 */
export interface PortableEnvironment {
  readonly templates: readonly Template[];
  readonly clusterTypes: readonly ClusterType[];
  readonly deploymentTargets: readonly DeploymentTarget[];
  readonly configSources: readonly PortableConfigSource[];
}

/**
 * One assignment as compact plain data: its cluster type, deployment target and the config sources that apply to it
 * are indexes into its `PortableEnvironment`; the config is composed where the job is rendered.
 */
export interface PortableRenderJob {
  /** `[environment, clusterType, deploymentTarget]`: the construct path of its chart. */
  readonly path: readonly string[];
  readonly clusterType: number;
  readonly deploymentTarget: number;
  readonly configSources: readonly number[];
  readonly context: Omit<AssignmentContext, 'clusterType' | 'deploymentTarget' | 'config'>;
  readonly renderers: RendererSpecs;
}

/** A cluster type's or target's fields without the document it was read from (which renderers do not use). */
export function withoutSource<T extends { readonly source?: unknown }>(object: T): T {
  return { ...object, source: undefined };
}

/** A `PortableEnvironment` ready to make jobs from (in the thread that renders them). */
export interface EnvironmentForJobs {
  readonly templates: ReadonlyMap<string, Template>;
  readonly clusterTypes: ClusterType[];
  readonly deploymentTargets: DeploymentTarget[];
  readonly configSources: ComposableConfigSource[];
}

export function environmentForJobs(environment: PortableEnvironment): EnvironmentForJobs {
  return {
    templates: new Map(environment.templates.map((template) => [template.name, template])),
    clusterTypes: [...environment.clusterTypes],
    deploymentTargets: [...environment.deploymentTargets],
    configSources: environment.configSources.map(fromPortableConfigSource),
  };
}

/** Adds what a later part of a `PortableEnvironment` holds (its Templates come with the first part). */
export function extendEnvironmentForJobs(environment: EnvironmentForJobs, more: PortableEnvironment): void {
  environment.clusterTypes.push(...more.clusterTypes);
  environment.deploymentTargets.push(...more.deploymentTargets);
  environment.configSources.push(...more.configSources.map(fromPortableConfigSource));
}

/** The job a portable job stands for, its config composed. */
export function jobOfPortable(job: PortableRenderJob, environment: EnvironmentForJobs): RenderJob {
  const clusterType = environment.clusterTypes[job.clusterType];
  const deploymentTarget = environment.deploymentTargets[job.deploymentTarget];
  const sources = job.configSources.map((index) => environment.configSources[index]);
  const config = composeConfigData(sources, clusterType, deploymentTarget);
  return {
    path: job.path,
    context: { ...job.context, clusterType, deploymentTarget, config },
    renderers: job.renderers,
  };
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
  /**
   * The job as compact plain data, when its renderers are built-ins or Templates; it refers to `portableEnvironment()`.
   */
  portable(index: number): PortableRenderJob | undefined;
  /**
   * What the portable jobs made so far refer to (cluster types, targets, config sources, numbered as they were first
   * referred to, and the Templates); it only grows, so a worker can be sent its newer part.
   */
  portableEnvironment(): PortableEnvironment;
  /** The Templates of the environment, by name. */
  readonly templates: ReadonlyMap<string, Template>;
  /**
   * Text that determines what the job renders — its path, renderers (and Template texts), context and the config
   * sources its config is composed from — without composing the config; undefined when a renderer is code registered
   * by the user. Equal texts render equal files.
   */
  identity(index: number): string | undefined;
}

/**
 * Renders an environment's jobs and returns what each rendered, in the same order; told of each result as it is known
 * (`rendered`, in any order), so that the plan can check it while the others render.
 */
export type RenderJobs = (
  jobs: RenderJobList,
  environment: EnvironmentModel,
  rendered?: (index: number, result: RenderedAssignment) => void,
) => Promise<RenderedAssignment[]>;

/** Renders an environment's jobs in this thread. */
export type RenderJobsNow = (jobs: RenderJobList, environment: EnvironmentModel) => RenderedAssignment[];
