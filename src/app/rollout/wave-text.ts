import { RolloutState, RolloutStatus } from '../../core/rollout/rollout-state';
import { describeGate } from '../explain/explain-rollout';
import { EnvironmentRollout } from './environment-rollout';

const list = (names: readonly string[]) => (names.length > 0 ? names.join(', ') : 'no cluster type');

/** The pull-request body section of a wave: which wave this is, what stays as published, and what comes next. */
export function waveSection(rollout: EnvironmentRollout, state: RolloutState, hold: boolean): string {
  const count = state.waves.length;
  if (hold) {
    return [
      '### Rollout in waves',
      '',
      `The rollout of this change was ${state.status === RolloutStatus.FAILED ? 'stopped by a failed wave' : 'aborted'}; nothing more of it is published. A new change starts a new rollout.`,
    ].join('\n');
  }
  const wave = state.waves[state.wave];
  const policyWave = rollout.policy.waves[state.wave];
  const gate = policyWave ? describeGate(policyWave) : 'as the policy says';
  const lines = [
    `### Rollout in waves: wave ${state.wave + 1} of ${count} (${wave.name})`,
    '',
    `RolloutPolicy \`${rollout.policy.name}\`. This change reaches the cluster types of waves 1 to ${state.wave + 1}: ${list(state.waves.slice(0, state.wave + 1).flatMap((w) => w.clusterTypes))}.`,
  ];
  const later = state.waves.slice(state.wave + 1);
  if (later.length > 0) {
    lines.push(
      `The others keep their published content: ${later.map((w, i) => `${list(w.clusterTypes)} (wave ${state.wave + 2 + i}, ${w.name})`).join('; ')}.`,
      '',
      `**Next:** once wave ${state.wave + 1} passes its gate (${gate}), \`kalypso rollout advance\` proposes wave ${state.wave + 2} (${later[0].name}).`,
    );
  } else {
    lines.push(
      '',
      `**Next:** this is the last wave; once it passes its gate (${gate}), the rollout is complete and the change is promoted to the next environment.`,
    );
  }
  return lines.join('\n');
}
