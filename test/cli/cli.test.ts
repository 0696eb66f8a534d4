import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runBin, runCli } from '../support/cli';
import { readOutputTree, readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL, brokenTutorialCopy, tutorialCopy } from '../support/tutorial';

describe('kalypso synth', () => {
  test('writes the tutorial tree and says what it wrote', async () => {
    const out = temporaryFolder();
    const { code, stdout, stderr } = await runCli(['synth', '--control-plane', TUTORIAL, '--out', out]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toBe(
      'dev: 2 assignments on 4 cluster types, 11 files (11 added, 0 changed, 0 removed)\n' +
        'stage: 2 assignments on 2 cluster types, 9 files (9 added, 0 changed, 0 removed)\n',
    );
    expect(Object.keys(readOutputTree(out))).toHaveLength(20);
  });

  test('restricts to --env', async () => {
    const out = temporaryFolder();
    expect((await runCli(['synth', '-c', TUTORIAL, '-o', out, '--env', 'stage'])).code).toBe(0);
    expect(fs.readdirSync(out).filter((entry) => entry !== '.kalypso')).toEqual(['stage']);
  });

  test('--json prints the plan', async () => {
    const out = temporaryFolder();
    const { code, stdout } = await runCli(['synth', '-c', TUTORIAL, '-o', out, '--json']);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.written).toBe(true);
    expect(json.problems).toEqual([]);
    expect(json.environments[0].assignments[0]).toEqual({
      clusterType: 'drone',
      deploymentTarget: 'hello-world-app-functional-test',
      workload: 'hello-world-app',
      namespace: 'dev-drone-hello-world-app-functional-test',
      policies: ['functional-test-policy'],
      files: [
        'drone/hello-world-app-functional-test/namespace.yaml',
        'drone/hello-world-app-functional-test/platform-config.yaml',
        'drone/hello-world-app-functional-test/reconciler.yaml',
      ],
    });
  });

  test('fails with exit 1, every problem listed and nothing written, on a broken copy of the example', async () => {
    const copy = brokenTutorialCopy();
    const out = temporaryFolder();
    fs.rmSync(out, { recursive: true });

    const { code, stdout, stderr } = await runCli(['synth', '-c', copy, '-o', out]);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toBe(
      [
        'error  dev/cluster-types/drone/drone-cluster-type.yaml:10:3  ClusterType/drone  spec.reconciler  names no Template and no built-in reconciler renderer (arc-flux, argocd, flux) (got "flux2")  did you mean "flux"?',
        'error  dev/configs/dev-config.yaml:4:1  invalid YAML: deficient indentation',
        'error  dev/scheduling/performance-test-policy.yaml:15:11  SchedulingPolicy/performance-test-policy  spec.clusterTypeSelector.labelSelector.matchExpressions[0].operator  must be one of In, NotIn, Exists, DoesNotExist (got "Equals")',
        '3 errors, 0 warnings; nothing written',
        '',
      ].join('\n'),
    );
    expect(fs.existsSync(out)).toBe(false);
  });

  test('a failing run leaves the previous output untouched', async () => {
    const out = temporaryFolder();
    await runCli(['synth', '-c', TUTORIAL, '-o', out]);
    const before = readTree(out);
    const copy = tutorialCopy();
    fs.writeFileSync(path.join(copy, 'dev/configs/dev-config.yaml'), 'not: [yaml');
    expect((await runCli(['synth', '-c', copy, '-o', out])).code).toBe(1);
    expect(readTree(out)).toEqual(before);
  });

  test.each([
    ['validate', []],
    ['synth', ['--out', '<out>']],
  ])('%s --json prints the documented shape', async (command, flags) => {
    const out = temporaryFolder();
    const { code, stdout } = await runCli([
      command,
      '-c',
      TUTORIAL,
      '--json',
      ...flags.map((flag) => flag.replace('<out>', out)),
    ]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchSnapshot();
  });

  test('validate checks everything and writes nothing', async () => {
    const { code, stdout } = await runCli(['validate', '-c', TUTORIAL]);
    expect(code).toBe(0);
    expect(stdout).toContain('valid (0 errors, 0 warnings)');
  });

  test.each([
    [['synth', '--bogus'], /unknown flag --bogus/],
    [['synth', '--source', 'no-equals-sign'], /--source takes URL=PATH/],
    [['frobnicate'], /unknown command "frobnicate"/],
    [['synth', '-c', TUTORIAL, '--env', 'prod'], /unknown environment "prod"; the control plane has "dev", "stage"/],
  ])('exits 2 on usage errors: %s', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  test('exits 2 when the control plane folder does not exist, without a stack trace', async () => {
    const { code, stderr } = await runCli(['validate', '-c', '/nonexistent/control-plane']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/^kalypso validate: the control plane \/nonexistent\/control-plane does not exist; /);
    expect(stderr).not.toMatch(/\n\s+at /);
  });

  test.each(['synth', 'validate', 'explain', 'diff', 'init'])('%s --help shows usage and examples', async (command) => {
    const { code, stdout } = await runCli([command, '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(new RegExp(`^Usage: kalypso ${command}`));
    expect(stdout).toMatch(/\nExamples:\n {2}kalypso /);
    expect((await runCli(['help', command])).stdout).toBe(stdout);
  });

  test.each(['synth', 'validate', 'explain', 'diff'])('%s takes the shared control-plane flags', async (command) => {
    const { stdout } = await runCli([command, '--help']);
    for (const flag of [
      '-c, --control-plane PATH',
      '-e, --env NAME',
      '--source URL=PATH',
      '--json',
      '-q, --quiet',
      '-h, --help',
    ]) {
      expect(stdout).toContain(flag);
    }
  });

  test('kalypso --help lists every command, with examples and the exit codes', async () => {
    const { code, stdout } = await runCli(['--help']);
    expect(code).toBe(0);
    for (const command of ['synth', 'validate', 'explain', 'diff', 'init', 'publish', 'promote', 'check', 'rollout'])
      expect(stdout).toMatch(new RegExp(`\n {2}${command} +\\S`));
    expect(stdout).toContain('\nExamples:\n');
    expect(stdout).toContain(
      'Exit codes: 0 success, 1 problems in the input, 2 usage or environment errors, 3 differences (kalypso diff),\n4 not deployed (kalypso check, kalypso rollout).',
    );
  });

  test('suggests the command meant', async () => {
    const { code, stderr } = await runCli(['explian']);
    expect(code).toBe(2);
    expect(stderr).toBe('kalypso: unknown command "explian"; did you mean "explain"?; run kalypso --help\n');
  });

  test.each([
    ['plain when stderr is not a terminal', {}, 'error  dev/'],
    ['plain on a terminal with NO_COLOR', { stderrIsTTY: true, env: { NO_COLOR: '1' } }, 'error  dev/'],
    ['coloured on a terminal', { stderrIsTTY: true, env: {} }, '\u001b[31merror\u001b[39m  dev/'],
    ['coloured with FORCE_COLOR', { env: { FORCE_COLOR: '1' } }, '\u001b[31merror\u001b[39m  dev/'],
  ])('prints problems %s', async (_name, terminal, start) => {
    const copy = tutorialCopy();
    fs.writeFileSync(path.join(copy, 'dev/configs/dev-config.yaml'), 'not: [yaml');
    const { code, stderr } = await runCli(['validate', '-c', copy, '--quiet'], ROOT, terminal);
    expect(code).toBe(1);
    expect(stderr.startsWith(start)).toBe(true);
  });
});

describe('bin/kalypso', () => {
  test('prints its version', () => {
    const { code, stdout } = runBin(['--version']);
    expect(code).toBe(0);
    expect(stdout).toBe(`${JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version}\n`);
  });

  test('prints its version without loading cdk8s', () => {
    const probe = spawnSync(
      process.execPath,
      [
        '-e',
        `
      const { main } = require('./lib/src/cli/cli');
      main(['--version'], { stdout: () => undefined, stderr: () => undefined, cwd: '.' }).then(() => {
        process.stdout.write(String(Object.keys(require.cache).filter((file) => /node_modules[\\\\/](cdk8s|cdk8s-plus-28|constructs)[\\\\/]/.test(file)).length));
      });`,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(probe.stderr).toBe('');
    expect(probe.stdout).toBe('0');
  });

  test('exits 3 from kalypso diff when the tree differs', () => {
    const out = temporaryFolder();
    const { code, stdout } = runBin(['diff', '--control-plane', 'examples/tutorial', '--env', 'dev', '--against', out]);
    expect(code).toBe(3);
    expect(stdout).toContain('dev: 11 added, 0 changed, 0 removed');
  });

  test('synth gives the same tree as cdk8s synth of the embedded example', () => {
    const viaCli = temporaryFolder();
    const viaCdk8s = temporaryFolder();
    expect(runBin(['synth', '--control-plane', 'examples/tutorial', '--out', viaCli]).code).toBe(0);
    const cdk8s = spawnSync(
      path.join(ROOT, 'node_modules/.bin/cdk8s'),
      ['synth', '--no-check-upgrade', '--output', viaCdk8s],
      {
        cwd: ROOT,
        encoding: 'utf8',
      },
    );
    expect(cdk8s.status).toBe(0);
    expect(readOutputTree(viaCdk8s)).toEqual(readOutputTree(viaCli));
    expect(Object.keys(readOutputTree(viaCli))).toHaveLength(20);
  });
});
