/**
 * The change report through the command line: the example (40 cluster types × 20 deployment targets, two keys
 * of two ConfigMaps changed) published with git push, then changed and shown by `publish --dry-run` and by
 * `diff --summary` in its three formats. The branch records what it was published from, so causes are named.
 */
import { FULL_REPORT_PATH } from '../../src/app/review';
import { INPUTS_RECORD_PATH } from '../../src/app/review/inputs-record';
import { baseFleet, fleetFiles, withConfig } from '../app/review/fleet';
import { mermaidBlock, parseFlowchart } from '../app/review/parse-mermaid';
import { runBin, runCliIsolated } from '../support/cli';
import { BareRepository, ISOLATED_GIT_ENV, commitFiles, createBareRepository, readBranchFiles } from '../support/git';
import { temporaryFolder, writeFiles } from '../support/temp';

const BEFORE = baseFleet();
const AFTER = withConfig(withConfig(BEFORE, 'dev-config', { ENVIRONMENT: 'development' }), 'region-east-config', {
  REGION: 'eastus',
});

/** The body `publish --dry-run` prints: everything after its `Title:` line and the blank line after it. */
function dryRunBody(stdout: string): { title: string; body: string } {
  const match = /\nTitle: (.*)\n\n/.exec(stdout);
  if (!match) throw new Error(`no Title: line in ${stdout}`);
  return { title: match[1], body: stdout.slice(match.index + match[0].length) };
}

describe('the change report of the issue example, offline', () => {
  let controlPlane: string;
  let gitops: BareRepository;
  let cache: string;
  const publish = (...flags: string[]) =>
    runCliIsolated([
      'publish',
      '-c',
      controlPlane,
      '--env',
      'dev',
      '--push',
      '--repo',
      gitops.path,
      '--branch',
      'dev',
      '--cache',
      cache,
      ...flags,
    ]);

  beforeAll(async () => {
    // GIVEN the fleet published straight onto its GitOps branch, which then records the objects it was built from
    controlPlane = temporaryFolder('kalypso-fleet-');
    writeFiles(controlPlane, fleetFiles(BEFORE));
    gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', { 'README.md': '# dev\n' });
    cache = temporaryFolder();
    // (the built command: writing 2,441 files is faster there than inside Jest)
    const first = runBin(
      [
        'publish',
        '-c',
        controlPlane,
        '--env',
        'dev',
        '--push',
        '--direct',
        '--repo',
        gitops.path,
        '--branch',
        'dev',
      ].concat(['--cache', cache]),
      { env: ISOLATED_GIT_ENV },
    );
    expect({ code: first.code, stderr: first.stderr }).toEqual({ code: 0, stderr: '' });
    expect(readBranchFiles(gitops, 'dev')[INPUTS_RECORD_PATH]).toContain('"environment": "dev"');
    // WHEN two keys of two ConfigMaps change
    writeFiles(controlPlane, fleetFiles(AFTER));
  }, 60_000);

  test('publish --dry-run prints Title: then a body under 3,000 characters naming both ConfigMaps, 800 and 200', async () => {
    const { code, stdout, stderr } = await publish('--dry-run');
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain('(0 added, 801 changed, 0 deleted; dry run, nothing changed)');
    const { title, body } = dryRunBody(stdout);
    expect(title).toBe('Update manifests in dev');
    expect(body.length).toBeLessThan(3_000);
    expect(body).toContain(
      '- **G1** on all 800 assignments, caused by ConfigMap `dev-config` (`dev/configs/dev-config.yaml:7:3`)\n  - `ENVIRONMENT`: `dev` → `development`\n',
    );
    expect(body).toContain(
      '- **G2** on cluster types with `region=east` (10 cluster types, 200 assignments), caused by ConfigMap `region-east-config` (`dev/configs/region-east-config.yaml:7:3`)\n  - `REGION`: `east` → `eastus`\n',
    );
    expect(body).not.toContain('left out');
    expect(body).not.toContain('not recorded');
    const chart = parseFlowchart(mermaidBlock(body));
    expect(chart.edges).toEqual([
      ['i1', 'g1'],
      ['i2', 'g2'],
    ]);
  });

  test('diff --summary prints the same report: Markdown as the body has it, text, and JSON with every assignment', async () => {
    const against = `dev=${gitops.path}#dev`;
    const diff = (...flags: string[]) =>
      runCliIsolated(['diff', '-c', controlPlane, '--against', against, '--cache', cache, '--summary', ...flags]);
    const [markdown, text, json, dry] = await Promise.all([
      diff('--format', 'markdown'),
      diff(),
      diff('--json'),
      publish('--dry-run'),
    ]);
    for (const run of [markdown, text, json])
      expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 3, stderr: '' });

    // The Markdown is the body without the request's first lines: one source.
    const { body } = dryRunBody(dry.stdout);
    const report = body.slice(body.indexOf('**Summary:**'));
    expect(markdown.stdout).toBe(
      `## dev: 0 added, 800 changed, 0 removed (against ${gitops.path} branch dev)\n\n${report}`,
    );

    expect(text.stdout).toContain(
      'Summary: 2 control-plane changes → 2 groups of changes; assignments 800 changed (800 now).\n',
    );
    expect(text.stdout).toContain(
      '- G2 on cluster types with region=east (10 cluster types, 200 assignments), caused by ConfigMap region-east-config (dev/configs/region-east-config.yaml:7:3)\n',
    );

    const [environment] = JSON.parse(json.stdout).environments;
    expect(environment.summary).toMatchObject({
      environment: 'dev',
      baseline: 'control-plane',
      inputs: [
        { ref: 'ConfigMap/dev-config', location: { file: 'dev/configs/dev-config.yaml', line: 7, column: 3 } },
        {
          ref: 'ConfigMap/region-east-config',
          location: { file: 'dev/configs/region-east-config.yaml', line: 7, column: 3 },
        },
      ],
      assignments: { before: 800, after: 800, added: 0, removed: 0, changed: 800 },
    });
    expect(
      environment.summary.groups.map((group: { causes: string[]; assignments: unknown[] }) => [
        group.causes,
        group.assignments.length,
      ]),
    ).toEqual([
      [['ConfigMap/dev-config'], 800],
      [['ConfigMap/region-east-config'], 200],
    ]);
  });

  test('--format goes with --summary, and does not contradict --json', async () => {
    const diff = (...flags: string[]) =>
      runCliIsolated(['diff', '-c', controlPlane, '--against', 'dev=/tmp', ...flags]);
    expect(await diff('--format', 'markdown')).toEqual({
      code: 2,
      stdout: '',
      stderr: 'kalypso diff: --format markdown only goes with --summary; run kalypso diff --help\n',
    });
    expect((await diff('--summary', '--json', '--format', 'text')).stderr).toBe(
      'kalypso diff: --json and --format text contradict each other; run kalypso diff --help\n',
    );
    expect((await diff('--summary', '--format', 'html')).stderr).toBe(
      'kalypso diff: --format must be one of text, markdown, json, got "html"; run kalypso diff --help\n',
    );
  });
});

describe('a branch without a record', () => {
  test('is compared with its tree alone, and the report says so', async () => {
    const controlPlane = temporaryFolder('kalypso-fleet-');
    const fleet = baseFleet({ clusterTypes: 8, workloads: 2 });
    writeFiles(controlPlane, fleetFiles(fleet));
    const out = temporaryFolder();
    expect((await runCliIsolated(['synth', '-c', controlPlane, '-o', out])).code).toBe(0);
    writeFiles(controlPlane, fleetFiles(withConfig(fleet, 'dev-config', { LOG_LEVEL: 'debug' })));
    const { code, stdout } = await runCliIsolated(['diff', '-c', controlPlane, '--against', out, '--summary']);
    expect(code).toBe(3);
    expect(stdout).toContain('The branch has no record of the control plane it was published from');
    expect(stdout).toContain(
      '- G1 on all 64 assignments, cause unknown (the previous control plane is not recorded)\n  - LOG_LEVEL: info → debug\n',
    );
    expect(stdout).not.toContain(FULL_REPORT_PATH);
  });

  test('publish warns when the record cannot be read, and compares with the tree alone', async () => {
    // GIVEN a branch published with a record, which someone then broke
    const controlPlane = temporaryFolder('kalypso-fleet-');
    const fleet = baseFleet({ clusterTypes: 4, workloads: 1 });
    writeFiles(controlPlane, fleetFiles(fleet));
    const gitops = createBareRepository('gitops.git');
    commitFiles(gitops, 'dev', { 'README.md': '# dev\n' });
    const argv = ['publish', '-c', controlPlane, '--env', 'dev', '--push', '--repo', gitops.path, '--branch', 'dev'];
    const cache = ['--cache', temporaryFolder()];
    expect((await runCliIsolated([...argv, ...cache, '--direct'])).code).toBe(0);
    commitFiles(gitops, 'dev', {
      ...readBranchFiles(gitops, 'dev'),
      [INPUTS_RECORD_PATH]: '{"format": "kalypso-cdk8s/control-plane/v0"}',
    });
    writeFiles(controlPlane, fleetFiles(withConfig(fleet, 'dev-config', { LOG_LEVEL: 'debug' })));
    // WHEN
    const { code, stdout, stderr } = await runCliIsolated([...argv, ...cache, '--dry-run']);
    // THEN
    expect(code).toBe(0);
    expect(stderr).toBe(
      `kalypso publish: dev: ${INPUTS_RECORD_PATH} is not a record of format kalypso-cdk8s/control-plane/v1; compared with the branch's tree alone\n`,
    );
    expect(stdout).toContain('The branch has no record of the control plane it was published from that can be read');
    expect(stdout).toContain(
      '- **G1** on all 16 assignments, cause unknown (the previous control plane is not recorded)\n  - `LOG_LEVEL`: `info` → `debug`\n',
    );
    expect(stdout).toContain(`  change  ${INPUTS_RECORD_PATH}\n`);
  });
});
