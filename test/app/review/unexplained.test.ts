import { PLAIN, ReviewState, buildChangeReport, describeChange, renderReviewMarkdown } from '../../../src/app/review';
import { baseFleet, planFleet, withConfig } from './fleet';
import { mermaidBlock, parseFlowchart, targetsOf } from './parse-mermaid';

/*
 * What the control plane cannot explain is said to be so: output that changed although no input did (another version
 * of kalypso-cdk8s renders differently), and a branch that differs from what the previous control plane planned.
 */
describe('changes no control-plane change explains', () => {
  let base: ReviewState;
  beforeAll(async () => {
    base = await planFleet(baseFleet({ clusterTypes: 8, workloads: 2 }));
  });

  test('output that changed with no input change is unexplained, in the text and in the picture', () => {
    const path = 'ct-0003/wl-0001-qa/reconciler.yaml';
    const previous = {
      ...base,
      plan: { ...base.plan, files: { ...base.plan.files, [path]: 'rendered: differently\n' } },
    };
    const report = buildChangeReport({ previous, next: base });
    expect(report.inputs).toEqual([]);
    expect(report.groups).toEqual([
      {
        id: 'G1',
        changes: [{ type: 'file', file: 'reconciler.yaml', change: 'changed' }],
        causes: [],
        assignments: [{ clusterType: 'ct-0003', deploymentTarget: 'wl-0001-qa' }],
        scope: expect.objectContaining({ type: 'selection', assignments: 1 }),
        example: expect.objectContaining({ files: [expect.objectContaining({ file: 'reconciler.yaml' })] }),
      },
    ]);
    const body = renderReviewMarkdown(report).text;
    expect(body).toContain(
      '- **G1** on deployment target `wl-0001-qa` on cluster type `ct-0003` (1 assignment), no control-plane change explains it',
    );
    const chart = parseFlowchart(mermaidBlock(body));
    expect(chart.nodes.get('unexplained')).toEqual({
      id: 'unexplained',
      shape: 'hexagon',
      lines: ['no control-plane change explains it'],
    });
    expect(targetsOf(chart, 'no control-plane change explains it')).toEqual(['G1: reconciler.yaml changed']);
  });

  test('with the tree change set, paths the plans do not explain are drift, and paths outside assignments other files', () => {
    const report = buildChangeReport({
      previous: base,
      next: base,
      tree: {
        added: [],
        changed: ['ct-0003/wl-0001-qa/namespace.yaml'],
        deleted: ['ct-0003/stray.yaml', 'ct-0005/README.md'],
      },
    });
    expect(report.groups.map((group) => [group.drift, group.causes, group.changes, group.assignments])).toEqual([
      [
        true,
        [],
        [{ type: 'file', file: 'namespace.yaml', change: 'changed' }],
        [{ clusterType: 'ct-0003', deploymentTarget: 'wl-0001-qa' }],
      ],
    ]);
    expect(report.otherFiles).toEqual(['ct-0003/stray.yaml']);
    expect(report.files).toEqual({ added: 0, changed: 1, deleted: 2 });
    const body = renderReviewMarkdown(report).text;
    expect(body).toContain('the branch differs from what the previous control plane planned');
    expect(body).toContain('### Other files\n\n- `ct-0003/stray.yaml`\n\nFiles: 0 added, 1 changed, 2 deleted.\n');
    expect(parseFlowchart(mermaidBlock(body)).nodes.get('drift')!.lines).toEqual([
      'the branch differs from the previous plan',
    ]);
  });

  test('with the tree change set, changes the branch already has are left out', async () => {
    const next = await planFleet(
      withConfig(baseFleet({ clusterTypes: 8, workloads: 2 }), 'dev-config', { LOG_LEVEL: 'debug' }),
    );
    const everywhere = buildChangeReport({ previous: base, next });
    expect(everywhere.groups.map((group) => group.assignments.length)).toEqual([64]);
    const onOne = buildChangeReport({
      previous: base,
      next,
      tree: {
        added: [],
        changed: Object.keys(next.plan.files).filter((path) => /^ct-0002\/.*platform-config/.test(path)),
        deleted: [],
      },
    });
    expect(onOne.groups.map((group) => [group.assignments.length, group.causes, group.scope.type])).toEqual([
      [8, ['ConfigMap/dev-config'], 'selection'],
    ]);
  });

  test('the promoted commit, with the BaseRepo that set it', async () => {
    const previous = await planFleet({ ...baseFleet({ clusterTypes: 2, workloads: 1 }), promotedCommit: 'aaa' });
    const next = await planFleet({ ...baseFleet({ clusterTypes: 2, workloads: 1 }), promotedCommit: 'bbb' });
    const report = buildChangeReport({ previous, next });
    expect(report.promotedCommit).toEqual({ from: 'aaa', to: 'bbb', causes: ['BaseRepo/main'] });
    expect(report.groups).toEqual([]);
    expect(renderReviewMarkdown(report).text).toContain(
      '**Promoted control-plane commit:** `bbb` (was `aaa`), set by BaseRepo `main`',
    );
  });

  test('quotes, hashes, semicolons and angle brackets in values survive the picture', async () => {
    const value = 'say "hi" #1; <b>`x`</b>';
    const next = await planFleet(
      withConfig(baseFleet({ clusterTypes: 8, workloads: 2 }), 'dev-config', { LOG_LEVEL: value }),
    );
    const report = buildChangeReport({ previous: base, next });
    const chart = parseFlowchart(mermaidBlock(renderReviewMarkdown(report).text));
    expect(chart.nodes.get('g1')!.lines[0]).toBe(`G1: ${describeChange(report.groups[0].changes[0], PLAIN, 30)}`);
    expect(chart.nodes.get('g1')!.lines[0]).toBe(`G1: LOG_LEVEL: info → ${JSON.stringify(value)}`);
  });

  test('the parser of the picture refuses what Mermaid would not draw as meant', () => {
    expect(() => parseFlowchart('graph LR\n  a["x"]\n')).toThrow(/line 1/);
    expect(() => parseFlowchart('flowchart LR\n  a["x "y""]\n')).toThrow(/line 2/);
    expect(() => parseFlowchart('flowchart LR\n  a["x"]\n  a --> b\n')).toThrow(/no node b/);
    expect(() => parseFlowchart('flowchart LR\n  a["x<b>"]\n')).toThrow(/unescaped/);
  });
});
