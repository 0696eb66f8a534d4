import { ProgressReporter } from '../core/model/progress';
import { Template } from '../core/model/types';
import {
  EnvironmentForJobs,
  PortableRenderJob,
  RenderJob,
  RenderJobsNow,
  RenderedAssignment,
  jobOfPortable,
} from '../core/plan/render-job';
import { RendererRole, RendererSpec } from '../core/plan/renderers';
import { AssignmentChart, AssignmentChartProps } from './constructs/assignment-chart';
import { builtInRenderer } from './constructs/built-in-renderers';
import { RendererRegistry } from './constructs/renderer-registry';
import { IRenderer } from './constructs/renderer';
import { TemplateRenderer } from './constructs/template-renderer';
import { buildAssignmentChart, renderAssignment } from './render-assignment';

/*
 * A planned job turned into cdk8s constructs: its renderer specs become renderers (a Template, a built-in, or one the
 * user registered in code, found in the registry), and the chart is built and serialized.
 */

function rendererOf(
  spec: RendererSpec,
  role: RendererRole,
  templates: ReadonlyMap<string, Template>,
  registry: RendererRegistry | undefined,
): IRenderer {
  if ('template' in spec) {
    const template = templates.get(spec.template);
    if (!template) throw new Error(`render job names Template "${spec.template}", which was not given`);
    return new TemplateRenderer(template);
  }
  if ('builtIn' in spec) return new (builtInRenderer(spec.builtIn).rendererClass)();
  const registered = registry?.renderer(role, spec.registered);
  if (!registered) throw new Error(`render job names ${role} renderer "${spec.registered}", which is not registered`);
  return registered;
}

/** The props of a job's chart: its context and its renderers. */
export function chartProps(
  job: RenderJob,
  templates: ReadonlyMap<string, Template>,
  registry?: RendererRegistry,
): AssignmentChartProps {
  const { renderers } = job;
  return {
    context: job.context,
    reconciler: rendererOf(renderers.reconciler, 'reconciler', templates, registry),
    namespaceRenderer: rendererOf(renderers.namespaceRenderer, 'namespace', templates, registry),
    configRenderer: rendererOf(renderers.configRenderer, 'config', templates, registry),
  };
}

/** Renders a job in this thread. */
export function renderJob(
  job: RenderJob,
  templates: ReadonlyMap<string, Template>,
  registry?: RendererRegistry,
  progress?: ProgressReporter,
): RenderedAssignment {
  return renderAssignment(job.path, chartProps(job, templates, registry), progress);
}

/** A job's chart, in an App of its own, for `Testing.synth` and for users who inspect the constructs. */
export function jobChart(
  job: RenderJob,
  templates: ReadonlyMap<string, Template>,
  registry?: RendererRegistry,
): AssignmentChart {
  return buildAssignmentChart(job.path, chartProps(job, templates, registry));
}

/** Renders a plain-data job (in a worker thread, say): the same files as rendering the job it came from. */
export function renderPortableJob(
  job: PortableRenderJob,
  environment: EnvironmentForJobs,
  progress?: ProgressReporter,
): RenderedAssignment {
  progress?.step?.('compose');
  const full = jobOfPortable(job, environment);
  progress?.step?.('render');
  return renderJob(full, environment.templates, undefined, progress);
}

/** Renders every job of an environment in this thread, one after the other. */
export function renderInThread(registry: RendererRegistry, progress?: ProgressReporter): RenderJobsNow {
  return (jobs, environment) => {
    const rendered: RenderedAssignment[] = [];
    for (let index = 0; index < jobs.length; index++) {
      progress?.phase(`rendering ${environment.name}`, index + 1, jobs.length);
      progress?.step?.('render');
      rendered.push(renderJob(jobs.job(index), jobs.templates, registry, progress));
    }
    return rendered;
  };
}
