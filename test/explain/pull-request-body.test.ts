import { TreeDiff } from '../../src/diff/tree-diff';
import { EnvironmentExplanation } from '../../src/explain/explanation';
import { renderPullRequestBody, shareBudget } from '../../src/explain/pull-request-body';
import { cell, code } from '../../src/explain/render-markdown';
import { warning } from '../../src/model/problems';

function environment(targets: number): EnvironmentExplanation {
  const names = Array.from({ length: targets }, (_, i) => `app-target-${String(i).padStart(5, '0')}`);
  return {
    environment: 'dev',
    gitOpsRepo: { repo: 'https://github.com/org/gitops', branch: 'dev' },
    clusterTypes: ['drone', 'large'],
    deploymentTargets: names.map((name) => ({ name, workload: 'app', workspace: 'team', environment: 'dev', labels: {} })),
    assignments: names.map((name) => ({ clusterType: 'drone', deploymentTarget: name, policies: ['p'], failed: false })),
    idleClusterTypes: ['large'],
    unscheduledTargets: [],
    problems: [warning('selects no cluster type', { location: { file: 'dev/p.yaml', line: 1, column: 1 }, object: 'SchedulingPolicy/q' })],
  };
}

function diff(changes: number): TreeDiff {
  return {
    added: Array.from({ length: changes }, (_, i) => `drone/app-target-${String(i).padStart(5, '0')}/namespace.yaml`),
    removed: [],
    changed: [],
    unchanged: 0,
  };
}

describe('renderPullRequestBody', () => {
  test('holds the matrix, the changes, the warnings and how to learn more', () => {
    expect(renderPullRequestBody(environment(2), { diff: diff(1) })).toBe(`## Platform GitOps for \`dev\`

2 assignments of 2 deployment targets on 2 cluster types · platform GitOps repository \`https://github.com/org/gitops\`, branch \`dev\`

#### Assignments

| deployment target | drone | large |
| --- | --- | --- |
| \`app-target-00000\` | p |  |
| \`app-target-00001\` | p |  |

Cluster types with no deployment target: \`large\`.

#### Changes

1 added, 0 changed, 0 removed:

\`\`\`
drone/app-target-00000/namespace.yaml added
\`\`\`

#### 1 warning

\`\`\`
warning  dev/p.yaml:1:1  SchedulingPolicy/q  selects no cluster type
\`\`\`

<sub>Why is a target (not) on a cluster type, and where does a config value come from? Run \`kalypso explain --env dev --target <deployment target>\`.</sub>
`);
  });

  test('says so when nothing changes', () => {
    expect(renderPullRequestBody(environment(1), { diff: diff(0) })).toContain('#### Changes\n\nNo changes.\n');
  });

  test.each([
    ['the default limit', undefined, 60_000],
    ['a small limit', 5_000, 5_000],
  ])('stays under %s, saying how much it left out', (_name, maxBytes, limit) => {
    const body = renderPullRequestBody(environment(3000), { diff: diff(3000), maxBytes });
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(limit);
    expect(body).toMatch(/\n\n… \d+ more deployment targets: run `kalypso explain --env dev` for the whole matrix\.\n/);
    expect(body).toMatch(/\n… \d+ more changes: run `kalypso diff --env dev --against <tree>` for all of them\.\n```\n/);
    expect(body).toContain('warning  dev/p.yaml:1:1');
  });
});

describe('shareBudget', () => {
  test.each([
    ['everything fits', [10, 20], 100, [10, 20]],
    ['equal shares when all are large', [100, 100], 60, [30, 30]],
    ['a small list leaves its share to the others', [10, 100, 100], 90, [10, 40, 40]],
  ])('%s', (_name, sizes, budget, expected) => {
    expect(shareBudget(sizes, budget)).toEqual(expected);
  });
});

describe('Markdown helpers', () => {
  test.each([
    ['plain text', 'drone', '`drone`'],
    ['text with a backtick', 'a`b', '`` a`b ``'],
  ])('code quotes %s', (_name, text, expected) => {
    expect(code(text)).toBe(expected);
  });

  test('cell escapes pipes and flattens lines', () => {
    expect(cell('a|b\nc')).toBe('a\\|b c');
  });
});
