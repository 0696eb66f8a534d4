import { ControlPlaneSource } from '../loader/control-plane-source';
import { FolderSource } from '../loader/folder-source';
import { LoadOptions, loadControlPlane } from '../loader/load';
import { Problem, isError, sortProblems } from '../model/problems';
import { ControlPlaneModel } from '../model/types';
import { EnvironmentPlan, PlanOptions, planControlPlane } from '../output/plan';
import { SILENT_PROGRESS } from '../model/progress';
import { WriteReport, writeOutput } from '../output/write';

/** What `synthesize` reads, how it renders, and where it writes. */
export interface SynthOptions extends LoadOptions, PlanOptions {
  /** The control plane: a folder of branches, or any `ControlPlaneSource`. */
  readonly controlPlane: string | ControlPlaneSource;
  /** Output folder; each environment's tree goes to `<out>/<environment>/`. Nothing is written without it. */
  readonly out?: string;
  /**
   * Write the assignments that succeeded even when others failed; failed ones keep their previous files and nothing
   * is deleted.
   * @default false - nothing is written when there is any error
   */
  readonly keepGoing?: boolean;
}

/** What `synthesize` planned, found and wrote. */
export interface SynthResult {
  /** The control plane as loaded (objects with errors left out), for explaining the plans. */
  readonly model: ControlPlaneModel;
  /** Per environment: the files, the assignments and why they were made. */
  readonly plans: readonly EnvironmentPlan[];
  /** Every problem, loading and planning, sorted and de-duplicated. */
  readonly problems: readonly Problem[];
  /** What was written, per environment; empty when nothing was written. */
  readonly written: readonly WriteReport[];
}

/**
 * The whole pipeline (SPEC §3): load → validate → schedule → compose config → render → plan, then write when an
 * output folder is given and there are no errors (or `keepGoing`). Used by the CLI and by `main.ts` under
 * `cdk8s synth`.
 */
export async function synthesize(options: SynthOptions): Promise<SynthResult> {
  const source = typeof options.controlPlane === 'string' ? new FolderSource(options.controlPlane) : options.controlPlane;
  const progress = options.progress ?? SILENT_PROGRESS;
  progress.phase('loading control plane');
  const loaded = await loadControlPlane(source, options);
  const model = loaded.model;
  const plans = planControlPlane(model, { ...options, incompleteInput: options.incompleteInput || loaded.problems.some(isError) });
  const problems = sortProblems([...loaded.problems, ...plans.flatMap((plan) => plan.problems)]);
  const failed = problems.some(isError);
  if (!options.out || (failed && !options.keepGoing)) return { model, plans, problems, written: [] };
  progress.phase('writing');
  const written = await writeOutput(options.out, plans.map((plan) => ({
    environment: plan.environment,
    files: plan.files,
    clusterTypes: plan.clusterTypes,
    keep: plan.failedFolders,
    // With errors, objects that failed to load are missing from the plan: their files must not look stale.
    deleteStale: !failed,
  })));
  return { model, plans, problems, written };
}
