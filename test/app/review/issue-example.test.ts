import {
  FULL_REPORT_PATH,
  buildChangeReport,
  changeReportJson,
  renderReviewMarkdown,
  renderReviewText,
} from '../../../src/app/review';
import { ownershipMarker } from '../../../src/app/publish/pull-request-text';
import { baseFleet, planFleet, withConfig } from './fleet';
import { mermaidBlock, parseFlowchart } from './parse-mermaid';

/*
 * The example of the issue that asked for this report: 40 cluster types × 20 deployment targets, ENVIRONMENT changed
 * in dev-config (every assignment) and REGION changed in region-east-config (the 200 assignments of the 10 cluster
 * types labelled region=east). The old body listed 800 assignments one by one and was cut.
 */
describe('the issue example: two keys of two ConfigMaps on 40 × 20 assignments', () => {
  const before = baseFleet();
  const after = withConfig(withConfig(before, 'dev-config', { ENVIRONMENT: 'development' }), 'region-east-config', {
    REGION: 'eastus',
  });
  let input: Parameters<typeof buildChangeReport>[0];
  beforeAll(async () => {
    input = { previous: await planFleet(before), next: await planFleet(after) };
  });

  test('the body is under 3,000 characters, names both ConfigMaps with their files and counts 800 and 200', () => {
    const report = buildChangeReport(input);
    const { text, folded } = renderReviewMarkdown(report, {
      preamble: [
        ownershipMarker('dev'),
        'Makes the platform GitOps manifests of environment `dev` equal to the plan.',
        '',
      ],
      fullReport: { path: FULL_REPORT_PATH },
    });
    expect(text.length).toBeLessThan(3_000);
    expect(folded).toEqual([]);
    expect(text).toContain(
      '- **G1** on all 800 assignments, caused by ConfigMap `dev-config` (`dev/configs/dev-config.yaml:7:3`)\n  - `ENVIRONMENT`: `dev` → `development`\n',
    );
    expect(text).toContain(
      '- **G2** on cluster types with `region=east` (10 cluster types, 200 assignments), caused by ConfigMap `region-east-config` (`dev/configs/region-east-config.yaml:7:3`)\n  - `REGION`: `east` → `eastus`\n',
    );
    expect(text).toContain(
      '  <details><summary>10 cluster types</summary>\n\n  `ct-0001`, `ct-0005`, `ct-0009`, `ct-0013`, `ct-0017`, `ct-0021`, `ct-0025`, `ct-0029`, `ct-0033`, `ct-0037`\n\n  </details>',
    );
    // Not one assignment is listed on its own, and nothing is cut.
    expect(text).not.toMatch(/wl-0000-perf/);
    expect(text).not.toMatch(/left out/);

    const chart = parseFlowchart(mermaidBlock(text));
    expect([...chart.nodes.values()].map((node) => node.lines)).toEqual([
      ['ConfigMap dev-config changed', 'dev/configs/dev-config.yaml:7:3'],
      ['ConfigMap region-east-config changed', 'dev/configs/region-east-config.yaml:7:3'],
      ['G1: ENVIRONMENT: dev → development', 'all 800 assignments'],
      ['G2: REGION: east → eastus', 'cluster types with region=east (10 cluster types, 200 assignments)'],
    ]);
    expect(chart.edges).toEqual([
      ['i1', 'g1'],
      ['i2', 'g2'],
    ]);
  });

  test('the plain text says the same without Markdown, picture or <details>', () => {
    const { text } = renderReviewText(buildChangeReport(input));
    expect(text).toBe(`Summary: 2 control-plane changes → 2 groups of changes; assignments 800 changed (800 now).

Control-plane changes
- ConfigMap dev-config changed: data.ENVIRONMENT (dev/configs/dev-config.yaml:7:3)
- ConfigMap region-east-config changed: data.REGION (dev/configs/region-east-config.yaml:7:3)

Changes, by cause
- G1 on all 800 assignments, caused by ConfigMap dev-config (dev/configs/dev-config.yaml:7:3)
  - ENVIRONMENT: dev → development
- G2 on cluster types with region=east (10 cluster types, 200 assignments), caused by ConfigMap region-east-config (dev/configs/region-east-config.yaml:7:3)
  - REGION: east → eastus
  10 cluster types: ct-0001, ct-0005, ct-0009, ct-0013, ct-0017, ct-0021, ct-0025, ct-0029, ct-0033, ct-0037
`);
  });

  test('the JSON has every group with every assignment, its scope as data and its causes', () => {
    const json = changeReportJson(buildChangeReport(input));
    expect(json.inputs).toEqual([
      {
        ref: 'ConfigMap/dev-config',
        kind: 'ConfigMap',
        name: 'dev-config',
        change: 'changed',
        location: { file: 'dev/configs/dev-config.yaml', line: 7, column: 3 },
        fields: ['data.ENVIRONMENT'],
      },
      {
        ref: 'ConfigMap/region-east-config',
        kind: 'ConfigMap',
        name: 'region-east-config',
        change: 'changed',
        location: { file: 'dev/configs/region-east-config.yaml', line: 7, column: 3 },
        fields: ['data.REGION'],
      },
    ]);
    const [all, east] = json.groups;
    expect(all).toMatchObject({
      id: 'G1',
      changes: [{ type: 'config', key: 'ENVIRONMENT', from: 'dev', to: 'development' }],
      causes: ['ConfigMap/dev-config'],
      drift: false,
      scope: { type: 'all', description: 'all 800 assignments', assignments: 800 },
      example: null,
    });
    expect(all.assignments).toHaveLength(800);
    expect(east.scope).toEqual({
      type: 'selection',
      description: 'cluster types with region=east (10 cluster types, 200 assignments)',
      assignments: 200,
      clusterTypes: {
        by: 'labels',
        labels: { region: 'east' },
        renderer: null,
        workload: null,
        names: [
          'ct-0001',
          'ct-0005',
          'ct-0009',
          'ct-0013',
          'ct-0017',
          'ct-0021',
          'ct-0025',
          'ct-0029',
          'ct-0033',
          'ct-0037',
        ],
      },
      deploymentTargets: { by: 'all', labels: null, renderer: null, workload: null, names: expect.any(Array) },
    });
    expect(new Set(east.assignments.map((a: { clusterType: string }) => a.clusterType)).size).toBe(10);
    expect(json.assignments).toEqual({ before: 800, after: 800, added: 0, removed: 0, changed: 800 });
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
