import { GateInput, decideGate } from '../../../src/core/rollout/gate';
import { parsePercentage } from '../../../src/core/model/units';
import { ApprovalMethod, RolloutWave } from '../../../src/core/rollout/rollout-policy';

const now = new Date('2026-12-07T10:00:00Z');
const minutesAgo = (minutes: number) => new Date(now.getTime() - minutes * 60_000);
const all = (total: number) => ({ compliant: total, failed: 0, total, summary: `${total} of ${total} compliant` });

function gate(wave: RolloutWave, input: Partial<GateInput> = {}) {
  return decideGate({ wave, compliance: all(2), approvals: [], now, ...input });
}

describe('decideGate', () => {
  test.each<[string, RolloutWave, Partial<GateInput>, string, RegExp]>([
    ['all compliant, no bake time: pass', { name: 'w' }, {}, 'pass', /compliant and baked/],
    [
      'a failed cluster fails the wave',
      { name: 'w' },
      { compliance: { compliant: 1, failed: 1, total: 2, summary: 'drone-1 failed' } },
      'fail',
      /1 cluster of wave "w" failed \(at most 0 may\): drone-1 failed/,
    ],
    [
      'failures within maxFailures do not fail it, and the quorum decides',
      { name: 'w', maxFailures: 1, quorum: '50%' },
      { compliance: { compliant: 1, failed: 1, total: 2, summary: '' } },
      'pass',
      /./,
    ],
    [
      'below the quorum it waits',
      { name: 'w', quorum: '95%' },
      { compliance: { compliant: 19, failed: 0, total: 21, summary: '19 of 21 compliant' } },
      'wait',
      /19 of 21 compliant \(quorum 95%\)/,
    ],
    [
      'no cluster reported yet: wait',
      { name: 'w' },
      { compliance: all(0) },
      'wait',
      /no cluster of the wave has reported/,
    ],
    [
      'bakes from the first compliant observation',
      { name: 'w', bakeTime: '30m' },
      { compliantSince: minutesAgo(12) },
      'wait',
      /baking: 12m of 30m/,
    ],
    ['baked long enough: pass', { name: 'w', bakeTime: '30m' }, { compliantSince: minutesAgo(30) }, 'pass', /baked/],
    [
      'approval by command missing: wait, saying how',
      { name: 'w', approval: { method: ApprovalMethod.COMMAND, approvers: ['alice'] } },
      { approvals: [{ method: ApprovalMethod.COMMAND, by: 'mallory', at: now.toISOString() }] },
      'wait',
      /waits for approval by alice \(kalypso rollout approve\)/,
    ],
    [
      'approval by an approver: pass',
      { name: 'w', approval: { method: ApprovalMethod.PULL_REQUEST_REVIEW } },
      { approvals: [{ method: ApprovalMethod.PULL_REQUEST_REVIEW, by: 'bob', at: now.toISOString() }] },
      'pass',
      /approved by bob/,
    ],
  ])('%s', (_name, wave, input, action, reason) => {
    const decision = gate(wave, input);
    expect(decision.action).toBe(action);
    expect(decision.reason).toMatch(reason);
  });

  test('the first compliant observation starts the bake time', () => {
    const decision = gate({ name: 'w', bakeTime: '10m' });
    expect(decision).toMatchObject({ action: 'wait', compliantSince: now });
  });

  test.each([
    ['95%', 0.95],
    ['100%', 1],
    ['99.5%', 0.995],
    ['0%', undefined],
    ['101%', undefined],
    ['95', undefined],
  ])('parsePercentage(%s)', (text, expected) => {
    expect(parsePercentage(text)).toBe(expected);
  });
});
