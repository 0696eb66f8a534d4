import { decideWavePublication } from '../../../src/core/rollout/rollout-publication';
import { RolloutState, RolloutStatus } from '../../../src/core/rollout/rollout-state';

const waves = [
  { name: 'edge', clusterTypes: ['drone'] },
  { name: 'rest', clusterTypes: ['large'] },
];
const input = {
  environment: 'stage',
  policy: 'stage-rollout',
  change: { digest: 'sha256:new', promotedCommit: 'a'.repeat(40) },
  branchCommit: 'b'.repeat(40),
  waves,
};
const stored = (changes: Partial<RolloutState>): RolloutState => ({
  ...decideWavePublication(input).state,
  ...changes,
});

describe('decideWavePublication', () => {
  test('a branch without a rollout starts one at the first wave, based on the branch as read, with no clock in it', () => {
    const decision = decideWavePublication(input);
    expect(decision).toMatchObject({ kind: 'start', wave: 0, last: false });
    expect(decision.state).toEqual({
      format: 'kalypso-rollout/1',
      environment: 'stage',
      policy: 'stage-rollout',
      change: input.change,
      baseCommit: input.branchCommit,
      waves,
      wave: 0,
      status: RolloutStatus.IN_PROGRESS,
      approvals: [],
      history: [],
    });
    expect(decideWavePublication(input)).toEqual(decision);
  });

  test('a different change (another plan) starts a new rollout, whatever the old one did', () => {
    for (const status of Object.values(RolloutStatus)) {
      const old = stored({ change: { digest: 'sha256:old' }, wave: 1, status, baseCommit: 'c'.repeat(40) });
      expect(decideWavePublication({ ...input, stored: old })).toMatchObject({
        kind: 'start',
        wave: 0,
        state: { baseCommit: input.branchCommit, change: input.change },
      });
    }
  });

  test('the change in progress is proposed as far as it went; failed and aborted ones are held; complete is whole', () => {
    const atTwo = stored({ wave: 1, history: [{ at: '2026-05-04T10:00:00Z', event: 'compliant' }] });
    expect(decideWavePublication({ ...input, stored: atTwo })).toEqual({
      kind: 'continue',
      wave: 1,
      last: true,
      state: atTwo,
    });
    const paused = stored({ status: RolloutStatus.PAUSED });
    expect(decideWavePublication({ ...input, stored: paused })).toMatchObject({ kind: 'continue', wave: 0 });
    for (const status of [RolloutStatus.FAILED, RolloutStatus.ABORTED]) {
      expect(decideWavePublication({ ...input, stored: stored({ status }) })).toMatchObject({ kind: 'hold' });
    }
    const complete = stored({ status: RolloutStatus.COMPLETE, wave: 1 });
    expect(decideWavePublication({ ...input, stored: complete })).toMatchObject({ kind: 'continue', last: true });
  });

  test('a single wave is the last one from the start', () => {
    expect(decideWavePublication({ ...input, waves: [waves[0]] })).toMatchObject({ kind: 'start', last: true });
  });
});
