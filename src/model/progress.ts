/**
 * Observes a long run. The pipeline says what it is doing; the command line decides whether and how to show it
 * (stderr, only on a terminal, only after a second). Pure code only calls it, so tests can record the phases.
 */
export interface ProgressReporter {
  /** A phase (`loading control plane`), or a step of one (`rendering dev`, 3 of 12). */
  phase(label: string, done?: number, total?: number): void;
}

/** Reports nowhere. */
export const SILENT_PROGRESS: ProgressReporter = { phase: () => undefined };
