/** The steps of the pipeline, as a reporter that times them sees them (`npm run bench`). */
export type PipelineStep = 'load' | 'schedule' | 'compose' | 'render' | 'serialize' | 'plan' | 'write';

/**
 * Observes a long run. The pipeline says what it is doing; the command line decides whether and how to show it
 * (stderr, only on a terminal, only after a second). Pure code only calls it, so tests can record the phases; a
 * reporter that times the run keeps the clock itself.
 */
export interface ProgressReporter {
  /** A phase (`loading control plane`), or a step of one (`rendering dev`, 3 of 12). */
  phase(label: string, done?: number, total?: number): void;
  /** The pipeline enters `step`, until the next call. */
  step?(step: PipelineStep): void;
  /**
   * Milliseconds worker threads spent in each step while this thread waited in `render` (rendering in parallel).
   */
  workerStepTimes?(milliseconds: Readonly<Partial<Record<PipelineStep, number>>>): void;
}

/** Reports nowhere. */
export const SILENT_PROGRESS: ProgressReporter = { phase: () => undefined };
