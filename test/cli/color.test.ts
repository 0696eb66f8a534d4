import { ANSI, PLAIN, isColorEnabled } from '../../src/cli/color';
import { formatProblems } from '../../src/cli/report';
import { error, warning } from '../../src/core/model/problems';

describe('isColorEnabled', () => {
  test.each<[string, boolean, Record<string, string>, boolean]>([
    ['a terminal gets colour', true, {}, true],
    ['a pipe or file gets none', false, {}, false],
    ['NO_COLOR turns it off on a terminal', true, { NO_COLOR: '1' }, false],
    ['an empty NO_COLOR is ignored', true, { NO_COLOR: '' }, true],
    ['FORCE_COLOR turns it on for a pipe', false, { FORCE_COLOR: '1' }, true],
    ['FORCE_COLOR wins over NO_COLOR', false, { FORCE_COLOR: '1', NO_COLOR: '1' }, true],
    ['FORCE_COLOR=0 turns it off on a terminal', true, { FORCE_COLOR: '0' }, false],
    ['an empty FORCE_COLOR is ignored', false, { FORCE_COLOR: '' }, false],
  ])('%s', (_name, isTTY, env, expected) => {
    expect(isColorEnabled(isTTY, env)).toBe(expected);
  });
});

describe('formatProblems', () => {
  const problems = [
    error('names no Template and no built-in reconciler renderer', {
      location: { file: 'dev/drone.yaml', line: 10, column: 3 },
      object: 'ClusterType/drone',
      field: 'spec.reconciler',
      got: '"flux2"',
      hint: 'did you mean "flux"?',
    }),
    warning('selects no cluster type', {
      location: { file: 'dev/p.yaml', line: 1, column: 1 },
      object: 'SchedulingPolicy/p',
    }),
  ];

  test('prints one plain line per problem: file:line:column  Kind/name  field  problem (got …)  hint', () => {
    expect(formatProblems(problems, PLAIN)).toBe(
      'error  dev/drone.yaml:10:3  ClusterType/drone  spec.reconciler  names no Template and no built-in reconciler renderer (got "flux2")  did you mean "flux"?\n' +
        'warning  dev/p.yaml:1:1  SchedulingPolicy/p  selects no cluster type\n',
    );
  });

  test('colours the severity and the hint', () => {
    expect(formatProblems(problems, ANSI)).toBe(
      '\u001b[31merror\u001b[39m  dev/drone.yaml:10:3  ClusterType/drone  spec.reconciler  names no Template and no built-in reconciler renderer (got "flux2")  \u001b[2mdid you mean "flux"?\u001b[22m\n' +
        '\u001b[33mwarning\u001b[39m  dev/p.yaml:1:1  SchedulingPolicy/p  selects no cluster type\n',
    );
  });
});
