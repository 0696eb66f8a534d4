import { SourceLocation } from '../../core/model/problems';
import { RolloutStatus } from '../../core/rollout/rollout-state';
import { windowVerdict } from '../../core/rollout/windows';
import { EnvironmentRollout } from '../rollout/environment-rollout';
import { StoredRollout } from '../rollout/read-rollout-state';

/** Which wave each cluster type of an environment is in, when waves may start, and where its rollout stands. */
export interface RolloutExplanation {
  readonly environment: string;
  /** The RolloutPolicy; undefined when the environment has none (a change reaches every cluster type at once). */
  readonly policy?: { readonly name: string; readonly location?: SourceLocation };
  readonly waves: readonly {
    readonly name: string;
    readonly clusterTypes: readonly string[];
    /** The wave's gate in words: bake time, quorum, failures allowed, approval. */
    readonly gate: string;
  }[];
  /** Cluster types no wave selects (they go with the last wave). */
  readonly unselected: readonly string[];
  /** Whether a wave may start now. */
  readonly window: { readonly open: boolean; readonly reason: string; readonly opensAt?: string };
  /** The rollout in progress or last run, from the GitOps branch; undefined when it was not read. */
  readonly rollout?: {
    readonly status: RolloutStatus | 'none' | 'unreadable';
    /** The wave published last (1-based), and its name. */
    readonly wave?: { readonly number: number; readonly name: string };
    readonly detail?: string;
  };
}

/** An environment's rollout explained; `stored` is what its GitOps branch holds, when it was read. */
export function explainRollout(
  environment: string,
  rollout: EnvironmentRollout | undefined,
  now: Date,
  stored?: StoredRollout,
): RolloutExplanation {
  if (!rollout) {
    return {
      environment,
      waves: [],
      unselected: [],
      window: { open: true, reason: 'no RolloutPolicy: a change reaches every cluster type at once' },
    };
  }
  const { policy, plan } = rollout;
  const window = windowVerdict(policy.windows, now);
  return {
    environment,
    policy: { name: policy.name, ...(policy.source ? { location: policy.source.location } : {}) },
    waves: policy.waves.map((wave, index) => ({
      name: wave.name,
      clusterTypes: plan.waves[index].clusterTypes,
      gate: describeGate(wave),
    })),
    unselected: plan.unselected,
    window: {
      open: window.open,
      reason: window.reason,
      ...(window.opensAt ? { opensAt: window.opensAt.toISOString() } : {}),
    },
    ...(stored ? { rollout: describeStored(stored) } : {}),
  };
}

/** A wave's gate in words: bake time, quorum, failures allowed, approval. */
export function describeGate(wave: EnvironmentRollout['policy']['waves'][number]): string {
  const parts = [
    wave.bakeTime && `bake ${wave.bakeTime}`,
    wave.quorum && `quorum ${wave.quorum}`,
    wave.maxFailures && `up to ${wave.maxFailures} failed`,
    wave.approval &&
      `approval by ${wave.approval.approvers?.join(' or ') ?? 'anyone'} (${wave.approval.method === 'command' ? 'kalypso rollout approve' : 'pull request review'})`,
  ].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'every cluster compliant';
}

function describeStored(stored: StoredRollout): NonNullable<RolloutExplanation['rollout']> {
  if (stored.kind === 'none') return { status: 'none' };
  if (stored.kind === 'unreadable') return { status: 'unreadable', detail: stored.reason };
  const { state } = stored;
  const last = state.history[state.history.length - 1];
  return {
    status: state.status,
    wave: { number: state.wave + 1, name: state.waves[state.wave].name },
    ...(last ? { detail: `${last.event} at ${last.at}${last.detail ? `: ${last.detail}` : ''}` } : {}),
  };
}

/** `kalypso explain --rollout` as text. */
export function renderRolloutText(explanation: RolloutExplanation): string {
  const lines = [
    explanation.policy
      ? `${explanation.environment}: RolloutPolicy ${explanation.policy.name}${explanation.policy.location ? ` (${explanation.policy.location.file}:${explanation.policy.location.line ?? 1})` : ''}`
      : `${explanation.environment}: no RolloutPolicy; a change reaches every cluster type at once`,
  ];
  const width = Math.max(0, ...explanation.waves.map((wave) => wave.name.length));
  explanation.waves.forEach((wave, index) => {
    lines.push(
      `  wave ${index + 1}  ${wave.name.padEnd(width)}  ${wave.clusterTypes.join(', ') || '(no cluster type)'}  — ${wave.gate}`,
    );
  });
  if (explanation.unselected.length > 0) {
    lines.push(`  selected by no wave (they go with the last): ${explanation.unselected.join(', ')}`);
  }
  if (explanation.policy) {
    const opens = explanation.window.opensAt ? `; opens at ${explanation.window.opensAt}` : '';
    lines.push(
      `  change windows: ${explanation.window.open ? 'open' : 'closed'} now, ${explanation.window.reason}${opens}`,
    );
  }
  const rollout = explanation.rollout;
  if (rollout) {
    const where = rollout.wave ? `, wave ${rollout.wave.number} (${rollout.wave.name})` : '';
    lines.push(`  rollout: ${rollout.status}${where}${rollout.detail ? ` — ${rollout.detail}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}
