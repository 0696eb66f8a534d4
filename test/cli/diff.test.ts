import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { temporaryFolder } from '../support/temp';
import { TUTORIAL, tutorialCopy } from '../support/tutorial';

/** The tutorial synthesized into a fresh folder, and an editable copy of its control plane. */
async function synthesized(): Promise<{ out: string; copy: string }> {
  const out = temporaryFolder();
  const copy = tutorialCopy();
  expect((await runCli(['synth', '-c', copy, '-o', out])).code).toBe(0);
  return { out, copy };
}

function edit(file: string, from: string, to: string): void {
  const text = fs.readFileSync(file, 'utf8');
  expect(text).toContain(from);
  fs.writeFileSync(file, text.replace(from, to));
}

/** Several kinds of change at once: a config value, a new cluster type in stage, a removed policy in dev. */
function changeSeveralThings(copy: string): void {
  edit(
    path.join(copy, 'stage/cluster-types/china-north-3/china-north-3-config.yaml'),
    'mysql://china-north-3:8806/mysql2',
    'mysql://china-north-3:9906/mysql2',
  );
  fs.writeFileSync(
    path.join(copy, 'stage/cluster-types/small.yaml'),
    'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ClusterType\nmetadata:\n  name: small\n  labels:\n    size: small\nspec:\n  reconciler: arc-flux\n  namespaceService: default\n  configType: configmap\n',
  );
  fs.rmSync(path.join(copy, 'dev/scheduling/performance-test-policy.yaml'));
}

describe('kalypso diff', () => {
  test('exits 0 and says so when the tree equals the plan', async () => {
    const { out, copy } = await synthesized();
    const { code, stdout, stderr } = await runCli(['diff', '-c', copy, '--against', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(`dev: no differences (against ${out}/dev)\nstage: no differences (against ${out}/stage)\n`);
  });

  test('answers what a DATABASE_URL change in china-north-3-config changes: one field of one file, exit 3', async () => {
    const { out, copy } = await synthesized();
    edit(
      path.join(copy, 'stage/cluster-types/china-north-3/china-north-3-config.yaml'),
      'mysql://china-north-3:8806/mysql2',
      'mysql://china-north-3:9906/mysql2',
    );
    const { code, stdout } = await runCli(['diff', '-c', copy, '--against', out]);
    expect(code).toBe(3);
    expect(stdout.split('\n').filter((line) => line !== '' && !line.includes(' (against '))).toEqual([
      'stage/large/hello-world-app-uat-test/platform-config.yaml ConfigMap/platform-config data.DATABASE_URL: "mysql://china-north-3:8806/mysql2" → "mysql://china-north-3:9906/mysql2"',
    ]);
  });

  test.each([
    ['text', []],
    ['JSON', ['--json']],
  ])('lists added, removed and changed files and fields as %s', async (_name, flags) => {
    const { out, copy } = await synthesized();
    changeSeveralThings(copy);
    const { code, stdout, stderr } = await runCli(['diff', '-c', copy, '--against', out, ...flags]);
    expect(code).toBe(3);
    expect(stdout.split(out).join('<against>')).toMatchSnapshot();
    expect(stderr).toBe(
      flags.length > 0
        ? ''
        : 'warning  ./kalypso-app-src/workload/workload.yaml:19:7  Workload/hello-world-app  spec.deploymentTargets[1]  deployment target "hello-world-app-performance-test" is selected by no SchedulingPolicy; closest is "functional-test-policy": edge: "true" required, label is "false"\n',
    );
  });

  test('compares one environment with a checkout of its branch (--against ENV=DIR), ignoring unmanaged files', async () => {
    const { out, copy } = await synthesized();
    fs.writeFileSync(path.join(out, 'stage/README.md'), 'the platform repository\n');
    fs.mkdirSync(path.join(out, 'stage/docs'));
    fs.writeFileSync(path.join(out, 'stage/docs/x.yaml'), 'a: 1\n');
    const { code, stdout } = await runCli(['diff', '-c', copy, '--against', `stage=${out}/stage`]);
    expect(code).toBe(0);
    expect(stdout).toBe(`stage: no differences (against ${out}/stage)\n`);
  });

  test('treats a missing environment folder as an empty tree', async () => {
    const out = temporaryFolder();
    const { code, stdout } = await runCli(['diff', '-c', TUTORIAL, '--env', 'stage', '--against', out]);
    expect(code).toBe(3);
    expect(stdout).toContain('stage/.github/tracking/Promoted_Commit_Id added\n');
    expect(stdout).toContain(`stage: 9 added, 0 changed, 0 removed (against ${out}/stage)\n`);
  });

  test('fails with exit 1 on input problems, comparing nothing', async () => {
    const { out, copy } = await synthesized();
    fs.writeFileSync(path.join(copy, 'dev/configs/dev-config.yaml'), 'not: [yaml');
    const { code, stdout, stderr } = await runCli(['diff', '-c', copy, '--against', out]);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^error {2}dev\/configs\/dev-config\.yaml:1:11 {2}invalid YAML/);
    expect(stderr).toMatch(/1 error, 0 warnings; nothing compared\n$/);
    const json = await runCli(['diff', '-c', copy, '--against', out, '--json']);
    expect(json.code).toBe(1);
    expect(JSON.parse(json.stdout)).toEqual(expect.objectContaining({ equal: null, environments: [] }));
  });

  test.each([
    [[], /name the tree to compare with: --against DIR/],
    [['--against', '/nonexistent/out'], /--against \/nonexistent\/out: no such folder/],
    [['--against', '/tmp', '--against', '/var'], /--against DIR may be given once/],
    [['--against', 'prod=/tmp'], /unknown environment "prod"; the control plane has "dev", "stage"/],
    [
      ['--against', 'stage=/tmp', '--env', 'dev'],
      /--against names no tree for environment "dev"; add --against dev=DIR/,
    ],
  ])('fails with exit 2 on usage errors: %s', async (flags, message) => {
    const { code, stderr } = await runCli(['diff', '-c', TUTORIAL, ...flags]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
