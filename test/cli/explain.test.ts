import * as fs from 'fs';
import * as path from 'path';
import { runCli } from '../support/cli';
import { TUTORIAL, tutorialCopy } from '../support/tutorial';

const FUNCTIONAL_TEST = ['--env', 'dev', '--target', 'hello-world-app-functional-test'];

describe('kalypso explain', () => {
  test.each([
    ['a table', []],
    ['Markdown', ['--format', 'markdown']],
    ['JSON', ['--json']],
  ])('prints the assignment matrix of each environment as %s', async (_name, flags) => {
    const { code, stdout, stderr } = await runCli(['explain', '-c', TUTORIAL, ...flags]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchSnapshot();
  });

  test.each([
    ['a table', []],
    ['Markdown', ['--format', 'markdown']],
    ['JSON', ['--format', 'json']],
  ])('explains one deployment target as %s', async (_name, flags) => {
    const { code, stdout, stderr } = await runCli(['explain', '-c', TUTORIAL, ...FUNCTIONAL_TEST, ...flags]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toMatchSnapshot();
  });

  test('answers why functional-test is on drone and not on large', async () => {
    const { stdout } = await runCli(['explain', '-c', TUTORIAL, ...FUNCTIONAL_TEST]);
    expect(stdout).toContain('  on drone (functional-test-policy)\n  not on command-center, large, small\n');
    const [, functionalTest, performanceTest] = stdout.split(/\n  (?=\S+-policy  )/);
    expect(functionalTest).toContain('deployment target: selected\n');
    expect(functionalTest).toContain('cluster type "drone": selected\n');
    expect(functionalTest).toContain('cluster type "large": edge: "true" required, label missing\n');
    expect(performanceTest).toContain('deployment target: edge: "false" required, label is "true"\n');
    expect(performanceTest).toContain('cluster type "large": selected\n');
  });

  test("answers where drone's DATABASE_URL comes from, in dev and, overriding the region's value, in stage", async () => {
    const dev = await runCli(['explain', '-c', TUTORIAL, ...FUNCTIONAL_TEST, '--cluster-type', 'drone']);
    expect(dev.stdout).toMatch(
      /\n {2}DATABASE_URL +"mysql:\/\/restricted-host:3306\/mysqlrty123" +restricted-config +dev\/cluster-types\/restricted-config\.yaml:9:3\n {2}ENVIRONMENT/,
    );
    const stage = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--env',
      'stage',
      '--target',
      'hello-world-app-uat-test',
      '--cluster-type',
      'drone',
      '--json',
    ]);
    const [drone] = JSON.parse(stage.stdout).explanations[0].configs;
    expect(drone.keys.find((key: { key: string }) => key.key === 'DATABASE_URL')).toEqual({
      key: 'DATABASE_URL',
      value: 'mysql://restricted-host:3306/mysqlrty123',
      setBy: {
        configMap: 'restricted-config',
        key: 'DATABASE_URL',
        value: 'mysql://restricted-host:3306/mysqlrty123',
        location: { file: 'stage/cluster-types/restricted-config.yaml', line: 9, column: 3 },
      },
      overrides: [
        {
          configMap: 'china-north-3-config',
          key: 'DATABASE_URL',
          value: 'mysql://china-north-3:8806/mysql2',
          location: { file: 'stage/cluster-types/china-north-3/china-north-3-config.yaml', line: 10, column: 3 },
          merged: false,
        },
      ],
    });
  });

  test('explains a target of another environment as turned away by the environment filter', async () => {
    const { code, stdout } = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--env',
      'dev',
      '--target',
      'hello-world-app-uat-test',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain('deployment target: environment: "dev" required, deployment target is for "stage"\n');
    expect(stdout).toContain('  not on command-center, drone, large, small\n');
  });

  test('finds the environment of a target when --env is not given', async () => {
    const { stdout } = await runCli(['explain', '-c', TUTORIAL, '--target', 'hello-world-app-uat-test']);
    expect(stdout).toMatch(/^deployment target hello-world-app-uat-test in stage\n/);
  });

  test.each([
    [
      ['--target', 'hello-world-app-functionl-test'],
      /unknown deployment target "hello-world-app-functionl-test"; did you mean "hello-world-app-functional-test"\?/,
    ],
    [
      ['--target', 'functional-test'],
      /unknown deployment target "functional-test"; deployment targets are named <workload>-<target>: hello-world-app-functional-test, hello-world-app-performance-test, hello-world-app-uat-test/,
    ],
    [
      [...FUNCTIONAL_TEST, '--cluster-type', 'dron'],
      /unknown cluster type "dron" in environment "dev" \(it has "command-center", "drone", "large", "small"\); did you mean "drone"\?/,
    ],
    [
      ['--cluster-type', 'dron'],
      /unknown cluster type "dron" \(the control plane has "command-center", "drone", "large", "small"\); did you mean "drone"\?/,
    ],
    [
      ['--format', 'markdwn'],
      /--format must be one of table, markdown, json, got "markdwn"; did you mean "markdown"\?/,
    ],
    [['--json', '--format', 'table'], /--json and --format table contradict each other/],
  ])('fails with exit 2 on usage errors: %s', async (flags, message) => {
    const { code, stdout, stderr } = await runCli(['explain', '-c', TUTORIAL, ...flags]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toMatch(message);
    expect(stderr).toMatch(/; run kalypso explain --help\n$/);
  });

  test('fails with exit 1 on input problems, still explaining what it could load', async () => {
    const copy = tutorialCopy();
    const drone = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
    fs.writeFileSync(drone, fs.readFileSync(drone, 'utf8').replace('reconciler: arc-flux', 'reconciler: flux2'));
    const { code, stdout, stderr } = await runCli(['explain', '-c', copy, '--env', 'dev']);
    expect(code).toBe(1);
    expect(stderr).toMatch(
      /^error {2}dev\/cluster-types\/drone\/drone-cluster-type\.yaml:10:3 {2}ClusterType\/drone {2}spec\.reconciler/,
    );
    expect(stdout).toContain('hello-world-app-functional-test   ·               functional-test-policy (failed)');
  });
});
