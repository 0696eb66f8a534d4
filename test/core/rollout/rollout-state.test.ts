import {
  RolloutStatus,
  formatRolloutState,
  parseRolloutState,
  recordEvent,
  startRollout,
} from '../../../src/core/rollout/rollout-state';

const now = new Date('2026-12-07T10:00:00Z');
const started = startRollout({
  environment: 'stage',
  policy: 'stage-rollout',
  change: { digest: 'abc', promotedCommit: '5523a85' },
  baseCommit: 'f00',
  waves: [
    { name: 'drones', clusterTypes: ['drone'] },
    { name: 'large', clusterTypes: ['large'] },
  ],
  now,
});

describe('the rollout tracking file', () => {
  test('reads back what it wrote', () => {
    const next = recordEvent(started, new Date('2026-12-07T11:00:00Z'), 'wave published', { wave: 1 });
    expect(parseRolloutState(formatRolloutState(next))).toEqual({ state: next });
    expect(next.history.map((event) => [event.event, event.wave])).toEqual([
      ['started', 0],
      ['wave published', 1],
    ]);
  });

  test.each([
    ['not JSON', '{', /is not JSON/],
    ['another format', JSON.stringify({ ...started, format: 'other/9' }), /has format "other\/9"/],
    ['a wave past the last', JSON.stringify({ ...started, wave: 2 }), /has a bad "wave"/],
    ['an unknown status', JSON.stringify({ ...started, status: 'exploded' }), /has a bad "status"/],
    [
      'a cluster type that is not a name',
      JSON.stringify({ ...started, waves: [{ name: 'a', clusterTypes: [1] }] }),
      /bad "waves"/,
    ],
    [
      'an approval without a time',
      JSON.stringify({ ...started, approvals: [{ method: 'command', by: 'a', wave: 0 }] }),
      /bad "approvals"/,
    ],
  ])('refuses a file with %s', (_name, text, message) => {
    const parsed = parseRolloutState(text);
    expect('problem' in parsed && parsed.problem).toMatch(message);
    expect('problem' in parsed && parsed.problem).toMatch(/^\.github\/kalypso\/rollout\.json /);
  });

  test('starts at the first wave, in progress', () => {
    expect([started.wave, started.status]).toEqual([0, RolloutStatus.IN_PROGRESS]);
  });
});
