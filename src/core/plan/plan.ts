import type { ConfigSchemaCompiler } from '../config-schema';
import { ComposedConfig } from '../config/platform-config';
import { Problem } from '../model/problems';
import { ProgressReporter } from '../model/progress';
import { ControlPlaneModel, DeploymentTarget, EnvironmentModel } from '../model/types';
import { EnvironmentCompletion, completeEnvironment } from './complete-environment';
import { jobList } from './job-list';
import { lazyCompiler, prepareEnvironment } from './prepare-environment';
import { RenderJobList, RenderJobs, RenderJobsNow, RenderedAssignment } from './render-job';
import { PlanRenderers } from './renderers';
import { Shard } from './shard';

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

/** How assignments are planned. */
export interface PlanOptions {
  /** The renderers ClusterTypes may name besides Templates: built-in and registered in code. */
  readonly renderers: PlanRenderers;
  /**
   * The loader left out objects that had errors, so the model is incomplete: warnings about likely mistakes (a
   * target no policy selects…) would only echo those errors and are not reported.
   * @default false
   */
  readonly incompleteInput?: boolean;
  /** Told `rendering <environment>`, N of M, as assignments are rendered. */
  readonly progress?: ProgressReporter;
  /**
   * Every environment of the control plane: a deployment target naming another one is reported as a likely typo.
   * @default - the model's `environmentNames`; without them (a model of some environments only) nothing is reported
   */
  readonly environmentNames?: readonly string[];
  /**
   * Plan only the cluster types of this shard (`--shard i/n`), so several runs each write a disjoint part of the tree.
   * @default - every cluster type
   */
  readonly shard?: Shard;
}

/**
 * Schedules, composes and validates config, and renders one environment with `render` (pure: no file system, network
 * or clock besides what `render` does). When anything is wrong with the input, `problems` says so and the files are
 * still those of the good assignments, for `--keep-going`.
 * @param compiler compiles each distinct ConfigSchema text once (or makes the compiler, when an environment first needs
 *   one); share one between the environments of a run
 */
export function planEnvironment(
  environment: EnvironmentModel,
  render: RenderJobsNow,
  options: PlanOptions,
  compiler: ConfigSchemaCompiler | (() => ConfigSchemaCompiler) = lazyCompiler(),
): EnvironmentPlan {
  const prepared = prepareEnvironment(environment, options, compiler);
  return completeEnvironment(prepared, render(jobList(prepared), environment), options);
}

/** The plans of every environment of the control plane, rendering with `render` in this thread. */
export function planControlPlane(
  model: ControlPlaneModel,
  render: RenderJobsNow,
  options: PlanOptions,
): EnvironmentPlan[] {
  const compiler = lazyCompiler();
  const withNames = { environmentNames: model.environmentNames, ...options };
  return model.environments.map((environment) => planEnvironment(environment, render, withNames, compiler));
}

/** The plans of every environment of the control plane, rendering with `render` (worker threads, a cache…). */
export async function planControlPlaneWith(
  model: ControlPlaneModel,
  render: RenderJobs,
  options: PlanOptions,
): Promise<EnvironmentPlan[]> {
  const plans: EnvironmentPlan[] = [];
  const compiler = lazyCompiler();
  const withNames = { environmentNames: model.environmentNames, ...options };
  for (const environment of model.environments) {
    const prepared = prepareEnvironment(environment, withNames, compiler);
    const completion = new EnvironmentCompletion(prepared, withNames);
    // Results come in any order; each is checked once those before it are in.
    const waiting = new Map<number, RenderedAssignment>();
    const rendered = await render(jobList(prepared), environment, (index, result) => {
      waiting.set(index, result);
      for (let next = completion.added; waiting.has(next); next++) {
        completion.add(waiting.get(next)!);
        waiting.delete(next);
      }
    });
    for (let next = completion.added; next < rendered.length; next++) completion.add(rendered[next]);
    plans.push(completion.finish());
  }
  return plans;
}

/**
 * The assignments of one environment that plan without errors, as jobs to render (for building their charts one by
 * one, as `ControlPlane.assignments()` does).
 */
export function environmentJobs(environment: EnvironmentModel, options: PlanOptions): RenderJobList {
  return jobList(prepareEnvironment(environment, options, lazyCompiler()));
}
