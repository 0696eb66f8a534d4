import { SelectorOperator } from '../../../src/core/model/types';
import { schedule } from '../../../src/core/scheduling/schedule';
import { clusterType, deploymentTarget, policy } from '../../support/objects';

const pairs = (assignments: ReturnType<typeof schedule>) =>
  assignments.map((a) => `${a.clusterType.name}/${a.deploymentTarget.name}`);

describe('schedule', () => {
  test('selects the cross product of matching cluster types and targets (A1)', () => {
    const cts = [clusterType('a', { x: '1' }), clusterType('b', { x: '1' }), clusterType('c', { x: '2' })];
    const dts = [
      deploymentTarget('w-t1', { workload: 'w', p: '1' }),
      deploymentTarget('w-t2', { workload: 'w', p: '1' }),
      deploymentTarget('w-t3', { workload: 'w', p: '2' }),
    ];
    const assignments = schedule(
      'dev',
      [policy('p', { matchLabels: { x: '1' } }, { matchLabels: { p: '1' } })],
      cts,
      dts,
    );
    expect(pairs(assignments)).toEqual(['a/w-t1', 'a/w-t2', 'b/w-t1', 'b/w-t2']);
    expect(assignments.map((a) => a.workload)).toEqual(['w', 'w', 'w', 'w']);
    expect(assignments[0].policies).toEqual(['p']);
  });

  test('empty selectors select every cluster type and every target (A2)', () => {
    const assignments = schedule(
      'dev',
      [policy('all', {}, {})],
      [clusterType('a'), clusterType('b')],
      [deploymentTarget('w-x'), deploymentTarget('w-y')],
    );
    expect(pairs(assignments)).toEqual(['a/w-x', 'a/w-y', 'b/w-x', 'b/w-y']);
  });

  test.each([
    ['a target of the workspace', { workspace: 'team-a' }, true],
    ['a target of another workspace', { workspace: 'team-b' }, false],
    ['a target without workspace', {}, false],
  ])('a workspace filter selects only %s (A3)', (_name, labels, selected) => {
    const assignments = schedule(
      'dev',
      [policy('p', {}, {}, 'team-a')],
      [clusterType('a')],
      [deploymentTarget('w-x', labels)],
    );
    expect(assignments).toHaveLength(selected ? 1 : 0);
  });

  test('a policy without workspace does not filter by workspace (A3)', () => {
    const assignments = schedule(
      'dev',
      [policy('p', {}, {})],
      [clusterType('a')],
      [deploymentTarget('w-x', { workspace: 'anything' })],
    );
    expect(assignments).toHaveLength(1);
  });

  test('targets of another environment are never scheduled (A4)', () => {
    const assignments = schedule(
      'dev',
      [policy('p', {}, {})],
      [clusterType('a')],
      [deploymentTarget('w-dev'), deploymentTarget('w-stage', {}, 'stage')],
    );
    expect(pairs(assignments)).toEqual(['a/w-dev']);
  });

  test('matchExpressions select targets (A5)', () => {
    const expressions = [
      { key: 'q', operator: SelectorOperator.NOT_IN, values: ['x'] },
      { key: 'p', operator: SelectorOperator.IN, values: ['1', '2'] },
      { key: 'q', operator: SelectorOperator.DOES_NOT_EXIST },
    ];
    const assignments = schedule(
      'dev',
      [policy('p', {}, { matchExpressions: expressions })],
      [clusterType('a')],
      [deploymentTarget('w-one', { p: '1' }), deploymentTarget('w-two', { p: '1', q: 'y' })],
    );
    expect(pairs(assignments)).toEqual(['a/w-one']);
  });

  test('a pair selected by two policies is one assignment listing both (docs/explanation/compatibility.md)', () => {
    const assignments = schedule(
      'dev',
      [policy('second', {}, {}), policy('first', { matchLabels: { x: '1' } }, {})],
      [clusterType('a', { x: '1' })],
      [deploymentTarget('w-x')],
    );
    expect(assignments).toHaveLength(1);
    expect(assignments[0].policies).toEqual(['first', 'second']);
  });

  test('assignments are sorted by cluster type, then target, whatever the input order', () => {
    const assignments = schedule(
      'dev',
      [policy('p', {}, {})],
      [clusterType('b'), clusterType('a')],
      [deploymentTarget('w-z'), deploymentTarget('w-a')],
    );
    expect(pairs(assignments)).toEqual(['a/w-a', 'a/w-z', 'b/w-a', 'b/w-z']);
  });

  test('targets may be selected on their workload and workspace labels', () => {
    const assignments = schedule(
      'dev',
      [policy('p', {}, { matchLabels: { workload: 'w' } })],
      [clusterType('a')],
      [deploymentTarget('w-x', { workload: 'w' }), deploymentTarget('v-x', { workload: 'v' })],
    );
    expect(pairs(assignments)).toEqual(['a/w-x']);
  });

  test('no policies, no assignments', () => {
    expect(schedule('dev', [], [clusterType('a')], [deploymentTarget('w-x')])).toEqual([]);
  });
});
