import {
  FULL_REPORT_PATH,
  GITHUB_BODY_LIMIT,
  ReviewInput,
  buildChangeReport,
  renderFullReport,
  renderReviewMarkdown,
  renderReviewText,
  reviewMermaid,
} from '../../../src/app/review';
import { Fleet, baseFleet, planFleet, withArgocd } from './fleet';
import { mermaidBlock, parseFlowchart } from './parse-mermaid';

/*
 * A change that cannot be said in a few groups: every cluster type's own ConfigMap and every deployment target's own
 * ConfigMap changed to a value of its own, so 40 + 20 groups. The body folds detail to fit any bound, never leaves a
 * group out without counting it, and says where the full report is.
 */

function ownConfigMaps(fleet: Fleet, value: string): Fleet {
  const targets = fleet.workloads.flatMap((workload) => workload.targets.map((t) => `${workload.name}-${t.name}`));
  return {
    ...fleet,
    configMaps: [
      ...fleet.configMaps,
      ...fleet.clusterTypes.map((type) => ({
        name: `own-${type.name}`,
        labels: { 'cluster-type': type.name },
        data: { CLUSTER_SETTING: `${value}-${type.name}` },
      })),
      ...targets.map((target) => ({
        name: `own-${target}`,
        labels: { 'deployment-target': target },
        data: { TARGET_SETTING: `${value}-${target}` },
      })),
    ],
  };
}

/** How many groups a folded body accounts for: those it names in bold, or those its summary lines count. */
function groupsAccountedFor(text: string): number {
  const named = new Set(text.match(/\*\*G\d+\*\*/g) ?? []).size;
  if (named > 0) return named;
  return [...text.matchAll(/^- .*?(\d+) groups? \(/gm)].reduce((sum, match) => sum + Number(match[1]), 0);
}

describe('folding a report of many groups', () => {
  let input: ReviewInput;
  beforeAll(async () => {
    input = {
      previous: await planFleet(ownConfigMaps(baseFleet(), 'a')),
      next: await planFleet(ownConfigMaps(baseFleet(), 'b')),
    };
  });

  test('every cluster type and every deployment target is a group of its own', () => {
    const report = buildChangeReport(input);
    expect(report.groups).toHaveLength(60);
    expect(report.groups.slice(0, 2).map((group) => [group.causes, group.scope])).toEqual([
      [
        ['ConfigMap/own-wl-0000-perf'],
        {
          type: 'selection',
          clusterTypes: { by: 'all' },
          deploymentTargets: { by: 'names', names: ['wl-0000-perf'] },
          clusterTypeNames: expect.any(Array),
          deploymentTargetNames: ['wl-0000-perf'],
          assignments: 40,
        },
      ],
      [['ConfigMap/own-wl-0000-prod'], expect.objectContaining({ assignments: 40 })],
    ]);
    expect(report.groups[59].scope).toMatchObject({
      clusterTypes: { by: 'names', names: ['ct-0039'] },
      assignments: 20,
    });
  });

  const FOLDS = [
    'long lists',
    'lists',
    'file differences',
    'matrix',
    'picture',
    'group detail',
    'groups by key',
    'groups by kind',
  ];
  test.each([
    [GITHUB_BODY_LIMIT, 0],
    [19_000, 5],
    [16_000, 6],
    [8_000, 7],
    [2_500, 8],
  ])('under %i bytes, it folds the first %i kinds of detail and accounts for every group', (maxBytes, folds) => {
    const folded = FOLDS.slice(0, folds);
    const report = buildChangeReport(input);
    const body = renderReviewMarkdown(report, {
      maxBytes,
      fullReport: { path: FULL_REPORT_PATH, url: 'https://example.com/r' },
    });
    expect(Buffer.byteLength(body.text)).toBeLessThanOrEqual(maxBytes);
    expect(body.folded).toEqual(folded);
    expect(groupsAccountedFor(body.text)).toBe(60);
    if (folded.length > 0)
      expect(body.text).toContain(
        'Some detail is folded to fit. The full report, every assignment and file: [`.github/kalypso/change-report.md`](https://example.com/r).',
      );
  });

  test('a bound too small even for the totals keeps the beginning and says where the rest is', () => {
    const body = renderReviewMarkdown(buildChangeReport(input), { maxBytes: 300 });
    expect(Buffer.byteLength(body.text)).toBeLessThanOrEqual(300);
    expect(body.folded[body.folded.length - 1]).toBe('everything');
    expect(body.text).toMatch(/^\*\*Summary:\*\* 60 control-plane changes → 60 groups of changes/);
    expect(body.text).toMatch(/… The full report, every assignment and file: `kalypso diff --summary`\.\n$/);
  });

  test('the picture stays small: beyond 20 nodes, the rest of the groups and inputs are counted in one node each', () => {
    const report = buildChangeReport(input);
    const chart = parseFlowchart(reviewMermaid(report));
    const groupNodes = [...chart.nodes.values()].filter((node) => node.shape === 'rectangle');
    const inputNodes = [...chart.nodes.values()].filter((node) => node.shape === 'stadium');
    expect(groupNodes).toHaveLength(20);
    expect(inputNodes).toHaveLength(20);
    expect(chart.nodes.get('otherGroups')!.lines).toEqual(['41 more groups', 'on 800 assignments']);
    expect(chart.nodes.get('otherInputs')!.lines).toEqual(['41 more input changes']);
    // Every group node has its causes drawn, and the counted groups come from the counted inputs.
    for (const node of groupNodes) expect(chart.edges.some(([, to]) => to === node.id)).toBe(true);
    expect(chart.edges).toContainEqual(['otherInputs', 'otherGroups']);
    expect(chart.edges).toHaveLength(20);
  });

  test('the plain text is not folded unless asked to', () => {
    const report = buildChangeReport(input);
    expect(renderReviewText(report).folded).toEqual([]);
    expect(renderReviewText(report).text.match(/^- G\d+ on /gm)).toHaveLength(60);
    const small = renderReviewText(report, { maxBytes: 2_000 });
    expect(Buffer.byteLength(small.text)).toBeLessThanOrEqual(2_000);
    expect(small.text).toContain(
      'Some detail is folded to fit. The full report, every assignment and file: "kalypso diff --summary".',
    );
  });
});

describe('the full report', () => {
  let input: ReviewInput;
  beforeAll(async () => {
    input = {
      previous: await planFleet(withArgocd(baseFleet())),
      next: await planFleet(withArgocd(baseFleet(), false)),
    };
  });

  test('lists every assignment of every group with the differences of each of its files', () => {
    const report = buildChangeReport(input);
    const full = renderFullReport(report, input);
    expect(full).toMatch(/^# Changes to `dev`\n\n800 assignments before, 800 now: 0 added, 0 removed, 160 changed\.\n/);
    expect(full).toContain('- Template `argocd` changed: `manifests[0]` (`dev/templates/argocd.yaml:9:1`)');
    expect(full).toContain('### G1: cluster types with reconciler `argocd` (8 cluster types, 160 assignments)');
    expect(full.match(/^- `ct-\d+\/wl-\d+-\w+`$/gm)).toHaveLength(160);
    expect(
      full.match(/^ {4}- `Application\/wl-\d+-\w+ spec\.syncPolicy\.automated\.selfHeal: true → false`$/gm),
    ).toHaveLength(160);
    expect(full).toContain(
      '- `ct-0039/wl-0004-test`\n  - `reconciler.yaml`\n    - `Application/wl-0004-test spec.syncPolicy.automated.selfHeal: true → false`',
    );
    parseFlowchart(mermaidBlock(full));
  });

  test('over its bound, it leaves out file differences, never an assignment, and says so', () => {
    const report = buildChangeReport(input);
    const full = renderFullReport(report, input, { maxBytes: 8_000 });
    expect(full.match(/^- `ct-\d+\/wl-\d+-\w+`$/gm)).toHaveLength(160);
    expect(full).not.toContain('    - `Application/');
    expect(full).toContain(
      'The differences of the files of some assignments are left out to keep this report under 8,000 bytes',
    );
  });

  test('the changed cells of the assignment matrix are drawn when they are few', () => {
    const body = renderReviewMarkdown(buildChangeReport(input)).text;
    expect(body).toContain(
      '| deployment target | `ct-0004` | `ct-0009` | `ct-0014` | `ct-0019` | `ct-0024` | `ct-0029` | `ct-0034` | `ct-0039` |',
    );
    expect(body).toContain('| `wl-0002-qa` | G1 | G1 | G1 | G1 | G1 | G1 | G1 | G1 |');
    expect(body.match(/^\| `wl-\d+-\w+` \|/gm)).toHaveLength(20);
  });
});
