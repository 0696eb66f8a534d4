import { AssignmentChartProps } from '../constructs/assignment-chart';
import { AssignmentContext } from '../constructs/assignment-context';
import { ConfigMapRenderer } from '../constructs/platform-config-map';
import { EnvFileRenderer } from '../constructs/platform-config-env-file';
import { ArgoCdReconcilerRenderer, FluxReconcilerRenderer } from '../constructs/reconcilers';
import { IConfigRenderer, INamespaceRenderer, IReconciler, IRenderer } from '../constructs/renderer';
import { DefaultNamespaceRenderer } from '../constructs/target-namespace';
import { TemplateRenderer } from '../constructs/template-renderer';
import { ProgressReporter } from '../../core/model/progress';
import { ClusterType, DeploymentTarget, Template } from '../../core/model/types';
import { ComposableConfigSource, composeConfigData } from '../../core/config/platform-config';
import { PortableConfigValue, fromPortableConfigValue, toPortableConfigValue } from '../../core/plan/portable-config';
import { RenderedAssignment, renderAssignment } from '../render-assignment';

/*
 * An assignment ready to render, and the same as plain data when its renderers allow it: built-in renderers (named by
 * their class, so a built-in registered under another name counts too) and Templates. Plain data can be rendered in a
 * worker thread and hashed for the render cache; renderers registered in code by library users cannot cross threads,
 * so their assignments are rendered where they were planned.
 */

/** A renderer as data: a built-in renderer, or a Template of the environment, by name. */
export type RendererSpec = { readonly builtIn: string } | { readonly template: string };

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

/** What composing a config reads of a config source, its values as plain data. */
export interface PortableConfigSource {
  readonly labels: Readonly<Record<string, string>>;
  readonly entries: readonly {
    readonly key: string;
    readonly keyLabels: Readonly<Record<string, string>>;
    readonly value: PortableConfigValue;
  }[];
}

export function toPortableConfigSource(source: ComposableConfigSource): PortableConfigSource {
  return {
    labels: source.labels,
    entries: source.entries.map(({ key, keyLabels, value }) => ({
      key,
      keyLabels,
      value: toPortableConfigValue(value),
    })),
  };
}

function fromPortableConfigSource(source: PortableConfigSource): ComposableConfigSource {
  return {
    labels: source.labels,
    entries: source.entries.map(({ key, keyLabels, value }) => ({
      key,
      keyLabels,
      value: fromPortableConfigValue(value),
    })),
  };
}

/**
 * One assignment as plain data: its construct path, its cluster type, deployment target and the config sources that
 * apply to it (indexes into its `PortableEnvironment`), the rest of its context, and its renderers. The config is
 * composed where the job is rendered.
 */
export interface PortableRenderJob extends RendererSpecs {
  /** `[environment, clusterType, deploymentTarget]`: the construct path of its chart. */
  readonly path: readonly string[];
  readonly clusterType: number;
  readonly deploymentTarget: number;
  readonly configSources: readonly number[];
  readonly context: Omit<AssignmentContext, 'clusterType' | 'deploymentTarget' | 'config'>;
}

/** One assignment to render. */
export interface RenderJob {
  /** `[environment, clusterType, deploymentTarget]`: the construct path of its chart. */
  readonly path: readonly string[];
  readonly props: AssignmentChartProps;
}

type RendererClass = new () => IRenderer;

/** The built-in renderer classes, by the name a worker knows them by. */
const BUILT_IN_RENDERERS: ReadonlyMap<string, RendererClass> = new Map<string, RendererClass>([
  ['flux', FluxReconcilerRenderer],
  ['argocd', ArgoCdReconcilerRenderer],
  ['default', DefaultNamespaceRenderer],
  ['configmap', ConfigMapRenderer],
  ['envfile', EnvFileRenderer],
]);

function rendererSpec(renderer: IRenderer): RendererSpec | undefined {
  if (renderer.constructor === TemplateRenderer) return { template: (renderer as TemplateRenderer).template.name };
  for (const [name, rendererClass] of BUILT_IN_RENDERERS) {
    if (renderer.constructor === rendererClass) return { builtIn: name };
  }
  return undefined;
}

/** A cluster type's or target's fields without the document it was read from (which renderers do not use). */
export function withoutSource<T extends { readonly source?: unknown }>(object: T): T {
  return { ...object, source: undefined };
}

/** The renderers of a job as data: all three, or undefined when one of them is not a built-in or a Template. */
export interface RendererSpecs {
  readonly reconciler: RendererSpec;
  readonly namespaceRenderer: RendererSpec;
  readonly configRenderer: RendererSpec;
}

export function rendererSpecs(renderers: Omit<AssignmentChartProps, 'context'>): RendererSpecs | undefined {
  const reconciler = rendererSpec(renderers.reconciler);
  const namespaceRenderer = rendererSpec(renderers.namespaceRenderer);
  const configRenderer = rendererSpec(renderers.configRenderer);
  return reconciler && namespaceRenderer && configRenderer
    ? { reconciler, namespaceRenderer, configRenderer }
    : undefined;
}

function renderer<T extends IRenderer>(spec: RendererSpec, templates: ReadonlyMap<string, Template>): T {
  if ('template' in spec) {
    const template = templates.get(spec.template);
    if (!template) throw new Error(`render job names Template "${spec.template}", which was not given`);
    return new TemplateRenderer(template) as unknown as T;
  }
  const rendererClass = BUILT_IN_RENDERERS.get(spec.builtIn);
  if (!rendererClass) throw new Error(`render job names no built-in renderer "${spec.builtIn}"`);
  return new rendererClass() as T;
}

/** A `PortableEnvironment` ready to render jobs with (in the thread that renders them). */
export interface EnvironmentForJobs {
  readonly templatesByName: ReadonlyMap<string, Template>;
  readonly clusterTypes: ClusterType[];
  readonly deploymentTargets: DeploymentTarget[];
  readonly configSources: ComposableConfigSource[];
}

export function environmentForJobs(environment: PortableEnvironment): EnvironmentForJobs {
  return {
    templatesByName: new Map(environment.templates.map((template) => [template.name, template])),
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

/** Renders a plain-data job (in a worker thread, say): the same files as rendering the job it came from. */
export function renderPortableJob(
  job: PortableRenderJob,
  environment: EnvironmentForJobs,
  progress?: ProgressReporter,
): RenderedAssignment {
  progress?.step?.('compose');
  const clusterType = environment.clusterTypes[job.clusterType];
  const deploymentTarget = environment.deploymentTargets[job.deploymentTarget];
  const config = composeConfigData(
    job.configSources.map((index) => environment.configSources[index]),
    clusterType,
    deploymentTarget,
  );
  progress?.step?.('render');
  const templates = environment.templatesByName;
  return renderAssignment(
    job.path,
    {
      context: { ...job.context, clusterType, deploymentTarget, config },
      reconciler: renderer<IReconciler>(job.reconciler, templates),
      namespaceRenderer: renderer<INamespaceRenderer>(job.namespaceRenderer, templates),
      configRenderer: renderer<IConfigRenderer>(job.configRenderer, templates),
    },
    progress,
  );
}

/** The Templates a plain-data job renders with. */
export function jobTemplates(specs: RendererSpecs): string[] {
  return [specs.reconciler, specs.namespaceRenderer, specs.configRenderer].flatMap((spec) =>
    'template' in spec ? [spec.template] : [],
  );
}
