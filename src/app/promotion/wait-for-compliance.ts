import { ClusterState, ComplianceVerdict, decideCompliance } from './compliance';
import { ComplianceSource } from './compliance-source';

/** Time, injectable so that tests wait for nothing. */
export interface Clock {
  /** Milliseconds since some fixed moment. */
  now(): number;
  sleep(ms: number): Promise<void>;
}

export const SYSTEM_CLOCK: Clock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export interface WaitOptions {
  /** Give up after this long. */
  readonly timeoutMs: number;
  /** Time between two observations. */
  readonly intervalMs: number;
  /** @default SYSTEM_CLOCK */
  readonly clock?: Clock;
  /** Told each verdict, first one included. */
  readonly onVerdict?: (verdict: ComplianceVerdict) => void;
}

/** How the wait ended. */
export interface WaitOutcome {
  /** `compliant`, `failed` (a cluster failed), or `timed-out` (still pending at the deadline). */
  readonly outcome: 'compliant' | 'failed' | 'timed-out';
  /** The last verdict. */
  readonly verdict: ComplianceVerdict;
  /** How many times the sources were observed. */
  readonly observations: number;
}

/**
 * Observes every source until all clusters are compliant, one fails, or the timeout passes; the last observation is
 * made at the deadline at the latest.
 */
export async function waitForCompliance(
  sources: readonly ComplianceSource[],
  options: WaitOptions,
): Promise<WaitOutcome> {
  const clock = options.clock ?? SYSTEM_CLOCK;
  const deadline = clock.now() + options.timeoutMs;
  for (let observations = 1; ; observations++) {
    const verdict = decideCompliance((await Promise.all(sources.map((source) => source.observe()))).flat());
    options.onVerdict?.(verdict);
    if (verdict.state === ClusterState.COMPLIANT) return { outcome: 'compliant', verdict, observations };
    if (verdict.state === ClusterState.FAILED) return { outcome: 'failed', verdict, observations };
    const now = clock.now();
    if (now >= deadline) return { outcome: 'timed-out', verdict, observations };
    await clock.sleep(Math.min(options.intervalMs, deadline - now));
  }
}
