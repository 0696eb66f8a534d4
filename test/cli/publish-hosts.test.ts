/**
 * The change report on every Git host, through the command line and the host's real adapter against its fake: the
 * first publish records what it was built from; once merged, the next names the ConfigMaps that changed, its body is
 * the one `publish --dry-run` prints, and a report too big for the host's description (Azure DevOps keeps 4,000
 * characters) is folded, with the full report committed under `.github/kalypso/` and linked.
 */
import { FULL_REPORT_PATH } from '../../src/app/review';
import { INPUTS_RECORD_PATH } from '../../src/app/review/inputs-record';
import { Fleet, baseFleet, fleetFiles, withConfig } from '../app/review/fleet';
import { mermaidBlock, parseFlowchart } from '../app/review/parse-mermaid';
import { runCliIsolated } from '../support/cli';
import { FLOW_FAKES, FlowFake } from '../support/flow-fakes';
import { temporaryFolder, writeFiles } from '../support/temp';

/** 16 cluster types × 8 targets, and a ConfigMap of its own for each cluster type. */
function fleet(): Fleet {
  const base = baseFleet({ clusterTypes: 16, workloads: 2 });
  return {
    ...base,
    configMaps: [
      ...base.configMaps,
      ...base.clusterTypes.map((type) => ({
        name: `${type.name}-config`,
        labels: { 'cluster-type': type.name },
        data: { CLUSTER_NAME: type.name },
      })),
    ],
  };
}

let fake: FlowFake | undefined;
afterEach(async () => {
  if (!fake) return;
  await fake.close();
  expect(fake.contractViolations()).toEqual([]);
  fake = undefined;
});

describe.each(FLOW_FAKES)('the change report on %s', (title, start) => {
  test('names the ConfigMaps that changed once the branch records its objects; folds to the host and links the full report', async () => {
    const host = (fake = await start());
    await host.seed('gitops', 'dev', { 'README.md': '# dev\n' });
    const controlPlane = temporaryFolder('kalypso-fleet-');
    const before = fleet();
    writeFiles(controlPlane, fleetFiles(before));
    const argv = ['publish', '-c', controlPlane, '--env', 'dev', '--cache', temporaryFolder(), ...host.flags];
    const target = ['--repo', host.webUrl('gitops'), '--branch', 'dev'];
    const kalypso = (...flags: string[]) =>
      runCliIsolated([...argv, ...target, ...flags], {
        env: { [host.variable]: host.token },
        services: host.services(),
      });
    const lastRequest = () => host.requests('gitops').at(-1)!;

    // GIVEN the first publish, merged: the branch records the objects it was built from
    const first = await kalypso();
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(lastRequest().body).toContain('The branch has no record of the control plane it was published from');
    await host.merge('gitops', lastRequest().number);
    expect(host.read('gitops', 'dev')[INPUTS_RECORD_PATH]).toContain('"format": "kalypso-cdk8s/control-plane/v1"');

    // WHEN two keys of two ConfigMaps change
    writeFiles(
      controlPlane,
      fleetFiles(
        withConfig(withConfig(before, 'dev-config', { ENVIRONMENT: 'development' }), 'region-east-config', {
          REGION: 'eastus',
        }),
      ),
    );
    const dry = await kalypso('--dry-run');
    const second = await kalypso();
    // THEN the request's body is the one the dry run prints, and names both causes with their files
    expect({ code: second.code, stderr: second.stderr }).toEqual({ code: 0, stderr: '' });
    const body = lastRequest().body;
    expect(dry.stdout.endsWith(`\nTitle: Update manifests in dev\n\n${body}`)).toBe(true);
    expect(body).toContain(
      '- **G1** on all 128 assignments, caused by ConfigMap `dev-config` (`dev/configs/dev-config.yaml:7:3`)\n',
    );
    expect(body).toContain(
      '- **G2** on cluster types with `region=east` (4 cluster types, 32 assignments), caused by ConfigMap `region-east-config` (`dev/configs/region-east-config.yaml:7:3`)\n',
    );
    expect(parseFlowchart(mermaidBlock(body)).edges).toEqual([
      ['i1', 'g1'],
      ['i2', 'g2'],
    ]);
    expect(host.read('gitops', 'kalypso/dev')[FULL_REPORT_PATH]).toBeUndefined();
    await host.merge('gitops', lastRequest().number);

    // WHEN every cluster type's own ConfigMap changes: 16 groups, each with its cause
    const renamed = before.clusterTypes.reduce(
      (changed, type) => withConfig(changed, `${type.name}-config`, { CLUSTER_NAME: `${type.name} (renamed)` }),
      withConfig(withConfig(before, 'dev-config', { ENVIRONMENT: 'development' }), 'region-east-config', {
        REGION: 'eastus',
      }),
    );
    writeFiles(controlPlane, fleetFiles(renamed));
    const third = await kalypso();
    expect({ code: third.code, stderr: third.stderr }).toEqual({ code: 0, stderr: '' });
    expect(
      third.stdout.includes(
        'the description folds detail; the full report is .github/kalypso/change-report.md on kalypso/dev\n',
      ),
    ).toBe(title.startsWith('Azure DevOps'));
    const folded = lastRequest().body;
    const head = host.read('gitops', 'kalypso/dev');
    if (title.startsWith('Azure DevOps')) {
      // THEN on Azure DevOps the body folds to its 4,000 characters, and the full report is on the branch, linked
      expect(folded.length).toBeLessThanOrEqual(4_000);
      expect(folded).toMatch(
        /Some detail is folded to fit\. The full report, every assignment and file: \[`\.github\/kalypso\/change-report\.md`\]\(http[^)]*\?path=%2F\.github%2Fkalypso%2Fchange-report\.md&version=GBkalypso%2Fdev\)\./,
      );
      // No group is dropped: folded groups are counted, and named where there is room.
      expect(folded).toContain(
        '- `CLUSTER_NAME` changed: 16 groups (G1, G2 … G16) on 128 assignments; caused by ConfigMap `ct-0000-config`',
      );
      expect(folded).toContain('and 13 more\n');
      const full = head[FULL_REPORT_PATH];
      expect(full).toContain('# Changes to `dev`');
      for (let group = 1; group <= 16; group++) expect(full).toContain(`### G${group}: `);
      expect(full).toContain('- `ct-0015/wl-0001-prod`');
      // WHEN merged, and a change that fits follows: the stale full report goes
      await host.merge('gitops', lastRequest().number);
      writeFiles(controlPlane, fleetFiles(withConfig(renamed, 'dev-config', { LOG_LEVEL: 'debug' })));
      const fourth = await kalypso();
      expect(fourth.stdout).toMatch(/ deleted\)\n$/);
      expect(lastRequest().body).not.toContain('folded');
      expect(host.read('gitops', 'kalypso/dev')[FULL_REPORT_PATH]).toBeUndefined();
    } else {
      // THEN every other host keeps the whole body, and no full report is written
      expect(folded).not.toContain('folded');
      for (let group = 1; group <= 16; group++) expect(folded).toContain(`- **G${group}** on cluster type `);
      expect(head[FULL_REPORT_PATH]).toBeUndefined();
    }
    expect(host.requestsContaining(host.token)).toEqual([]);
  });
});
