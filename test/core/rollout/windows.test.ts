import { RolloutWindows } from '../../../src/core/rollout/rollout-policy';
import { windowVerdict } from '../../../src/core/rollout/windows';

const weekdays: RolloutWindows = {
  allowed: [{ days: ['Mon', 'Tue', 'Wed', 'Thu', 'Fri'], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' }],
};

describe('windowVerdict', () => {
  test.each<[string, RolloutWindows | undefined, string, boolean, string | undefined]>([
    ['no windows: always open', undefined, '2026-12-06T03:00:00Z', true, undefined],
    // 2026-12-07 is a Monday; Berlin is UTC+1 in December.
    ['inside a weekday window, in its time zone', weekdays, '2026-12-07T08:30:00Z', true, undefined],
    [
      'before it opens in its time zone (08:30 Berlin)',
      weekdays,
      '2026-12-07T07:30:00Z',
      false,
      '2026-12-07T08:00:00.000Z',
    ],
    ['on a Sunday, it opens on Monday morning', weekdays, '2026-12-06T12:00:00Z', false, '2026-12-07T08:00:00.000Z'],
    ['the end is exclusive', weekdays, '2026-12-07T16:00:00Z', false, '2026-12-08T08:00:00.000Z'],
    [
      'a window across midnight holds the next morning',
      { allowed: [{ days: ['Fri'], start: '22:00', end: '02:00' }] },
      '2026-12-12T01:30:00Z',
      true,
      undefined,
    ],
    [
      'a freeze closes an allowed window, and says until when',
      {
        ...weekdays,
        freezes: [{ from: '2026-12-07T00:00:00Z', to: '2026-12-08T00:00:00Z', reason: 'release freeze' }],
      },
      '2026-12-07T10:00:00Z',
      false,
      '2026-12-08T08:00:00.000Z',
    ],
  ])('%s', (_name, windows, now, open, opensAt) => {
    const verdict = windowVerdict(windows, new Date(now));
    expect(verdict.open).toBe(open);
    expect(verdict.opensAt?.toISOString()).toBe(opensAt);
  });

  test('names the freeze and its reason', () => {
    expect(
      windowVerdict(
        { freezes: [{ from: '2026-12-20T00:00:00Z', to: '2027-01-02T00:00:00Z', reason: 'holidays' }] },
        new Date('2026-12-24T12:00:00Z'),
      ).reason,
    ).toBe('frozen until 2027-01-02T00:00:00Z (holidays)');
  });
});
