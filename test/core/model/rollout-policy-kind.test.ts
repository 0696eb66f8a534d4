import { validateYaml } from '../../support/documents';

const rolloutPolicy = (spec: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: RolloutPolicy
metadata: {name: stage-rollout}
spec:
${spec}`;

describe('the RolloutPolicy kind', () => {
  test('reads waves, gates and windows', () => {
    const { objects, errors, warnings } = validateYaml(
      rolloutPolicy(`  waves:
  - name: drones
    clusterTypes: [drone]
    bakeTime: 10m
    approval: {method: command, approvers: [alice]}
  - name: large
    clusterTypeSelector: {matchLabels: {size: large}}
    maxFailures: 1
    quorum: 95%
  windows:
    allowed: [{days: [Mon, Tue], start: "09:00", end: "17:00", timeZone: Europe/Berlin}]
    freezes: [{from: "2026-12-20T00:00:00Z", to: "2027-01-02T00:00:00Z", reason: holidays}]
`),
    );
    expect([errors, warnings]).toEqual([[], []]);
    expect(objects).toEqual([
      expect.objectContaining({
        kind: 'RolloutPolicy',
        name: 'stage-rollout',
        waves: [
          {
            name: 'drones',
            clusterTypes: ['drone'],
            bakeTime: '10m',
            approval: { method: 'command', approvers: ['alice'] },
          },
          { name: 'large', clusterTypeSelector: { matchLabels: { size: 'large' } }, maxFailures: 1, quorum: '95%' },
        ],
        windows: {
          allowed: [{ days: ['Mon', 'Tue'], start: '09:00', end: '17:00', timeZone: 'Europe/Berlin' }],
          freezes: [{ from: '2026-12-20T00:00:00Z', to: '2027-01-02T00:00:00Z', reason: 'holidays' }],
        },
      }),
    ]);
  });

  test.each([
    ['no waves', '  waves: []\n', 'spec.waves  must list at least one wave'],
    [
      'a bake time without a unit',
      '  waves: [{name: a, bakeTime: "10"}]\n',
      'spec.waves[0].bakeTime  must be a duration such as 30s, 10m, 1h30m (got "10")',
    ],
    [
      'a quorum over 100%',
      '  waves: [{name: a, quorum: 120%}]\n',
      'spec.waves[0].quorum  must be a percentage from 1% to 100% (got "120%")',
    ],
    [
      'negative failures',
      '  waves: [{name: a, maxFailures: -1}]\n',
      'spec.waves[0].maxFailures  must be a whole number of at least 0 (got -1)',
    ],
    [
      'an unknown approval method',
      '  waves: [{name: a, approval: {method: email}}]\n',
      'spec.waves[0].approval.method  must be one of pullRequestReview, command (got "email")',
    ],
    [
      'an unknown day',
      '  waves: [{name: a}]\n  windows: {allowed: [{days: [Monday], start: "09:00", end: "17:00"}]}\n',
      'spec.windows.allowed[0].days[0]  must be one of Sun, Mon, Tue, Wed, Thu, Fri, Sat (got "Monday")',
    ],
    [
      'a time that is not HH:MM',
      '  waves: [{name: a}]\n  windows: {allowed: [{start: "9:00", end: "17:00"}]}\n',
      'spec.windows.allowed[0].start  must be a time of day, HH:MM (got "9:00")',
    ],
    [
      'an unknown time zone',
      '  waves: [{name: a}]\n  windows: {allowed: [{start: "09:00", end: "17:00", timeZone: Mars/Olympus}]}\n',
      'spec.windows.allowed[0].timeZone  must be an IANA time zone, e.g. Europe/Berlin (got "Mars/Olympus")',
    ],
    [
      'a freeze without an offset',
      '  waves: [{name: a}]\n  windows: {freezes: [{from: "2026-12-20", to: "2027-01-02T00:00:00Z"}]}\n',
      'spec.windows.freezes[0].from  must be an ISO 8601 date-time with its offset, e.g. 2026-12-24T00:00:00Z (got "2026-12-20")',
    ],
  ])('fails on %s', (_name, spec, message) => {
    const { objects, errors } = validateYaml(rolloutPolicy(spec));
    expect(objects).toEqual([]);
    expect(errors).toEqual([expect.stringContaining(message)]);
  });
});
