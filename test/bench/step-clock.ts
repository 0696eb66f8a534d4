import { PipelineStep, ProgressReporter } from '../../src/core/model/progress';

export const STEPS: readonly PipelineStep[] = ['load', 'schedule', 'compose', 'render', 'serialize', 'plan', 'write'];

/**
 * A progress reporter that times the pipeline: the time between two `step` calls goes to the first step. When worker
 * threads render, the main thread's `render` time (waiting for them) is split between `render` and `serialize` in
 * proportion to the time the workers report for each.
 */
export class StepClock implements ProgressReporter {
  private readonly milliseconds = new Map<PipelineStep, number>();
  private readonly workerMilliseconds = new Map<PipelineStep, number>();
  private current: PipelineStep | undefined;
  private since = 0;

  public constructor(private readonly now: () => number = () => performance.now()) {}

  public phase(): void {}

  public step(step: PipelineStep): void {
    this.stop();
    this.current = step;
    this.since = this.now();
  }

  public workerStepTimes(milliseconds: Readonly<Partial<Record<PipelineStep, number>>>): void {
    for (const [step, ms] of Object.entries(milliseconds) as [PipelineStep, number][]) {
      this.workerMilliseconds.set(step, (this.workerMilliseconds.get(step) ?? 0) + ms);
    }
  }

  /** Closes the current step. */
  public stop(): void {
    if (this.current)
      this.milliseconds.set(this.current, (this.milliseconds.get(this.current) ?? 0) + this.now() - this.since);
    this.current = undefined;
  }

  /** Whether worker threads reported rendering. */
  public get workersRendered(): boolean {
    return this.workerMilliseconds.size > 0;
  }

  /** Seconds per step, every step present. */
  public seconds(): Record<PipelineStep, number> {
    const wall = new Map(this.milliseconds);
    const render = this.workerMilliseconds.get('render') ?? 0;
    const serialize = this.workerMilliseconds.get('serialize') ?? 0;
    if (render + serialize > 0) {
      const waited = (wall.get('render') ?? 0) + (wall.get('serialize') ?? 0);
      wall.set('render', (waited * render) / (render + serialize));
      wall.set('serialize', (waited * serialize) / (render + serialize));
    }
    return Object.fromEntries(STEPS.map((step) => [step, (wall.get(step) ?? 0) / 1000])) as Record<
      PipelineStep,
      number
    >;
  }
}
