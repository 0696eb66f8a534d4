import {
  ChangeReport,
  PLAIN,
  ReviewState,
  buildChangeReport,
  describeChange,
  describeScope,
  renderReviewMarkdown,
} from '../../../src/app/review';
import {
  Fleet,
  baseFleet,
  planFleet,
  withArgocd,
  withClusterTypeLabels,
  withConfig,
  withPolicy,
  withWorkloadRepo,
  withoutClusterType,
} from './fleet';
import { mermaidBlock, parseFlowchart, targetsOf } from './parse-mermaid';

/** Plans are slow to make (hundreds of assignments): each fleet is planned once per test file. */
const plans = new Map<string, Promise<ReviewState>>();
function plan(fleet: Fleet): Promise<ReviewState> {
  const key = JSON.stringify(fleet);
  if (!plans.has(key)) plans.set(key, planFleet(fleet));
  return plans.get(key)!;
}

/** A group as the tests spell it: its scope and changes in plain text, its causes with the file each is written in. */
interface ExpectedGroup {
  readonly scope: string;
  readonly changes: readonly string[];
  readonly causes: Readonly<Record<string, string>>;
  readonly assignments: number;
}

function groupsOf(report: ChangeReport): ExpectedGroup[] {
  const inputs = new Map(report.inputs.map((input) => [input.ref, input]));
  return report.groups.map((group) => ({
    scope: describeScope(group.scope, PLAIN),
    changes: group.changes.map((change) => describeChange(change, PLAIN)),
    causes: Object.fromEntries(group.causes.map((ref) => [ref, inputs.get(ref)?.location?.file ?? '(none)'])),
    assignments: group.assignments.length,
  }));
}

const EDGE_POLICY = { name: 'edge-policy', targets: { tier: 'edge' }, clusterTypes: { edge: 'true' } };
const base = baseFleet();
const withEdgeTargets = baseFleet({ workloads: 10, edgeFrom: 5 });
const withArgocdTypes = withArgocd(base);

const ENVIRONMENT_CHANGE: ExpectedGroup = {
  scope: 'all 800 assignments',
  changes: ['ENVIRONMENT: dev → development'],
  causes: { 'ConfigMap/dev-config': 'dev/configs/dev-config.yaml' },
  assignments: 800,
};
const REGION_CHANGE: ExpectedGroup = {
  scope: 'cluster types with region=east (10 cluster types, 200 assignments)',
  changes: ['REGION: east → eastus'],
  causes: { 'ConfigMap/region-east-config': 'dev/configs/region-east-config.yaml' },
  assignments: 200,
};
const EDGE_ADDED: ExpectedGroup = {
  scope: 'deployment targets with tier=edge (20 deployment targets, 300 assignments)',
  changes: ['assignment added (placed by policy edge-policy)'],
  causes: { 'SchedulingPolicy/edge-policy': 'dev/policies/edge-policy.yaml' },
  assignments: 300,
};
const CT_0007_REMOVED: ExpectedGroup = {
  scope: 'cluster type ct-0007 (20 assignments)',
  changes: ['assignment removed (was placed by policy core-policy)'],
  causes: { 'ClusterType/ct-0007': 'dev/cluster-types/ct-0007.yaml' },
  assignments: 20,
};
const TEMPLATE_CHANGE: ExpectedGroup = {
  scope: 'cluster types with reconciler argocd (8 cluster types, 160 assignments)',
  changes: ['reconciler.yaml changed'],
  causes: { 'Template/argocd': 'dev/templates/argocd.yaml' },
  assignments: 160,
};

const mixedBefore = withArgocd(withEdgeTargets);
const mixedAfter = withPolicy(
  withoutClusterType(
    withConfig(
      withConfig(withArgocd(withEdgeTargets, false), 'dev-config', { ENVIRONMENT: 'development' }),
      'region-east-config',
      { REGION: 'eastus' },
    ),
    'ct-0007',
  ),
  EDGE_POLICY,
);

describe('the change report', () => {
  test.each<[string, Fleet, Fleet, ExpectedGroup[], string[]]>([
    [
      'one ConfigMap key changed fleet-wide',
      base,
      withConfig(base, 'dev-config', { ENVIRONMENT: 'development' }),
      [ENVIRONMENT_CHANGE],
      ['ConfigMap/dev-config changed data.ENVIRONMENT'],
    ],
    [
      'a change on one label group only',
      base,
      withConfig(base, 'region-east-config', { REGION: 'eastus' }),
      [REGION_CHANGE],
      ['ConfigMap/region-east-config changed data.REGION'],
    ],
    [
      'a new policy adding 300 assignments',
      withEdgeTargets,
      withPolicy(withEdgeTargets, EDGE_POLICY),
      [EDGE_ADDED],
      ['SchedulingPolicy/edge-policy added '],
    ],
    [
      'a removed cluster type',
      base,
      withoutClusterType(base, 'ct-0007'),
      [CT_0007_REMOVED],
      ['ClusterType/ct-0007 removed '],
    ],
    [
      'a Template change affecting only the argocd cluster types',
      withArgocdTypes,
      withArgocd(base, false),
      [TEMPLATE_CHANGE],
      ['Template/argocd changed manifests[0]'],
    ],
    [
      'a workload whose manifests moved',
      base,
      withWorkloadRepo(base, 'wl-0003', 'https://example.com/moved'),
      [
        {
          scope: 'deployment targets of workload wl-0003 (4 deployment targets, 160 assignments)',
          changes: ['reconciler.yaml changed'],
          causes: { 'Workload/wl-0003': 'dev/workloads/wl-0003.yaml' },
          assignments: 160,
        },
      ],
      [
        'Workload/wl-0003 changed deploymentTargets[0].manifests.repo, deploymentTargets[1].manifests.repo, deploymentTargets[2].manifests.repo, deploymentTargets[3].manifests.repo',
      ],
    ],
    [
      'a relabelled cluster type, whose config changes although no ConfigMap did',
      base,
      withClusterTypeLabels(base, 'ct-0001', { region: 'west' }),
      [
        {
          scope: 'cluster type ct-0001 (20 assignments)',
          changes: ['REGION: east → west'],
          causes: { 'ClusterType/ct-0001': 'dev/cluster-types/ct-0001.yaml' },
          assignments: 20,
        },
      ],
      ['ClusterType/ct-0001 changed labels.region'],
    ],
    [
      'all of these at once',
      mixedBefore,
      mixedAfter,
      [
        { ...ENVIRONMENT_CHANGE, scope: 'all 780 assignments kept from before', assignments: 780 },
        EDGE_ADDED,
        REGION_CHANGE,
        TEMPLATE_CHANGE,
        CT_0007_REMOVED,
      ],
      [
        'ConfigMap/dev-config changed data.ENVIRONMENT',
        'ConfigMap/region-east-config changed data.REGION',
        'SchedulingPolicy/edge-policy added ',
        'ClusterType/ct-0007 removed ',
        'Template/argocd changed manifests[0]',
      ],
    ],
  ])('%s', async (_name, before, after, expected, inputs) => {
    const report = buildChangeReport({ previous: await plan(before), next: await plan(after) });

    // The groups, their descriptions and counts, and the causes with their files.
    expect(groupsOf(report)).toEqual(expected);
    expect(report.groups.map((group) => group.id)).toEqual(expected.map((_group, i) => `G${i + 1}`));
    expect(report.inputs.map((input) => `${input.ref} ${input.change} ${input.fields.join(', ')}`)).toEqual(inputs);

    // The picture: one node per cause, one per group, an edge from each cause to what it caused, nothing else.
    const body = renderReviewMarkdown(report).text;
    const chart = parseFlowchart(mermaidBlock(body));
    expect(chart.direction).toBe('LR');
    expect(chart.nodes.size).toBe(report.inputs.length + report.groups.length);
    for (const group of report.groups) {
      const node = chart.nodes.get(group.id.toLowerCase())!;
      expect(node.lines).toEqual([
        `${group.id}: ${describeChange(group.changes[0], PLAIN, 30)}`,
        describeScope(group.scope, PLAIN),
      ]);
    }
    for (const input of report.inputs) {
      const label = `${input.kind} ${input.name} ${input.change}`;
      const caused = report.groups.filter((group) => group.causes.includes(input.ref));
      expect(targetsOf(chart, label)).toEqual(
        caused.map((group) => chart.nodes.get(group.id.toLowerCase())!.lines[0]).sort(),
      );
      const [node] = [...chart.nodes.values()].filter((n) => n.lines[0] === label);
      expect(node.shape).toBe('stadium');
      expect(node.lines[1]).toMatch(new RegExp(`^${input.location!.file.replace(/\./g, '\\.')}:\\d+:\\d+$`));
    }
    expect(chart.edges).toHaveLength(report.groups.reduce((sum, group) => sum + group.causes.length, 0));

    // The bound: the body fits GitHub's limit, and a tight bound still names every group.
    expect(Buffer.byteLength(body)).toBeLessThanOrEqual(65_536);
    const tight = renderReviewMarkdown(report, { maxBytes: 1_200 });
    expect(Buffer.byteLength(tight.text)).toBeLessThanOrEqual(1_200);
    for (const group of report.groups) expect(tight.text).toContain(`G${group.id.slice(1)}`);
  });

  test('the assignment counts say what was added, removed and changed', async () => {
    const report = buildChangeReport({ previous: await plan(mixedBefore), next: await plan(mixedAfter) });
    expect(report.assignments).toEqual({ before: 800, after: 1080, added: 300, removed: 20, changed: 780 });
  });

  test('a Template change shows how the file changed, for one assignment', async () => {
    const report = buildChangeReport({
      previous: await plan(withArgocdTypes),
      next: await plan(withArgocd(base, false)),
    });
    const [group] = report.groups;
    expect(group.example).toEqual({
      assignment: { clusterType: 'ct-0004', deploymentTarget: 'wl-0000-perf' },
      files: [
        {
          file: 'reconciler.yaml',
          lines: ['Application/wl-0000-perf spec.syncPolicy.automated.selfHeal: true → false'],
          more: 0,
        },
      ],
    });
    expect(renderReviewMarkdown(report).text).toContain(
      '  - for example `ct-0004/wl-0000-perf/reconciler.yaml`:\n    - `Application/wl-0000-perf spec.syncPolicy.automated.selfHeal: true → false`',
    );
  });

  test('nothing changed: no groups, and the body says so', async () => {
    const report = buildChangeReport({ previous: await plan(base), next: await plan(base) });
    expect(report.groups).toEqual([]);
    expect(report.inputs).toEqual([]);
    expect(renderReviewMarkdown(report).text).toBe('No change to the 800 assignments of dev.\n');
  });
});
