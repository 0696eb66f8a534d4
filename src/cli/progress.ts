import { ProgressReporter, SILENT_PROGRESS } from '../core/model/progress';

/** A progress reporter the command stops when it is done (clearing the line it drew). */
export interface StoppableProgress extends ProgressReporter {
  stop(): void;
}

export interface TerminalProgressOptions {
  /** Writes to the terminal (stderr). */
  readonly write: (text: string) => void;
  /** Nothing is drawn before the run has lasted this long. @default 1000 */
  readonly delayMs?: number;
  /** Redraws are at least this far apart. @default 100 */
  readonly intervalMs?: number;
  /** The clock. @default Date.now */
  readonly now?: () => number;
  /**
   * Calls `tick` every `ms` until cancelled, so the line appears even while no phase is reported (a slow fetch).
   * @default - an unref'd setInterval
   */
  readonly every?: (tick: () => void, ms: number) => () => void;
}

const CLEAR_LINE = '\r\u001b[K';

/**
 * Draws the current phase on one terminal line (`kalypso: rendering dev 3 of 12…`), only once the run has taken more
 * than a second, at most every 100 ms; `stop()` clears it.
 */
export class TerminalProgress implements StoppableProgress {
  private readonly started: number;
  private readonly now: () => number;
  private readonly delayMs: number;
  private readonly intervalMs: number;
  private readonly cancel: () => void;
  private text = '';
  private drawn = '';
  private lastDraw = -Infinity;

  public constructor(private readonly options: TerminalProgressOptions) {
    this.now = options.now ?? Date.now;
    this.delayMs = options.delayMs ?? 1000;
    this.intervalMs = options.intervalMs ?? 100;
    this.started = this.now();
    const every =
      options.every ??
      ((tick, ms) => {
        const timer = setInterval(tick, ms);
        timer.unref();
        return () => clearInterval(timer);
      });
    this.cancel = every(() => this.draw(), this.intervalMs);
  }

  public phase(label: string, done?: number, total?: number): void {
    this.text = `kalypso: ${label}${total !== undefined ? ` ${done ?? 0} of ${total}` : ''}…`;
    this.draw();
  }

  public stop(): void {
    this.cancel();
    if (this.drawn !== '') this.options.write(CLEAR_LINE);
    this.drawn = '';
  }

  private draw(): void {
    const now = this.now();
    if (
      this.text === '' ||
      this.text === this.drawn ||
      now - this.started < this.delayMs ||
      now - this.lastDraw < this.intervalMs
    )
      return;
    this.options.write(`${CLEAR_LINE}${this.text}`);
    this.drawn = this.text;
    this.lastDraw = now;
  }
}

/** The progress indicator of a command: on stderr when it is a terminal and `--quiet` is not given, else silent. */
export function createProgress(stderrIsTTY: boolean, quiet: boolean, write: (text: string) => void): StoppableProgress {
  if (quiet || !stderrIsTTY) return { ...SILENT_PROGRESS, stop: () => undefined };
  return new TerminalProgress({ write });
}
