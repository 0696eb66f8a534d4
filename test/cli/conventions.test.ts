import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ROOT, runCli } from '../support/cli';
import { readOutputTree, readTree, temporaryFolder } from '../support/temp';
import { TUTORIAL } from '../support/tutorial';

/** A control plane whose input has two warnings and whose config is written as platform-config.sh. */
const WITH_WARNINGS = path.join(ROOT, 'test/fixtures/compat-scenarios/06-config-merge-semantics/control-plane');

/** `{ path → content }` of a stream of `---\n# Source: <path>\n<content>` files. */
function parseStream(stream: string): Record<string, string> {
  expect(stream.startsWith('---\n# Source: ')).toBe(true);
  const files: Record<string, string> = {};
  for (const part of stream.split(/^---\n# Source: /m).slice(1)) {
    const newline = part.indexOf('\n');
    files[part.slice(0, newline)] = part.slice(newline + 1);
  }
  return files;
}

describe('kalypso synth -o, --output', () => {
  test.each([['-o'], ['--output'], ['--out']])('%s names the output folder', async (flag) => {
    const out = temporaryFolder();
    const { code, stderr } = await runCli(['synth', '-c', TUTORIAL, flag, out, '--env', 'dev']);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(Object.keys(readOutputTree(out))).toHaveLength(11);
  });
});

describe('kalypso synth --stdout', () => {
  test('prints every file of the tree, each after a # Source comment, and writes nothing', async () => {
    // GIVEN what synth writes to a folder
    const out = temporaryFolder();
    expect((await runCli(['synth', '-c', TUTORIAL, '-o', out])).code).toBe(0);
    const cwd = temporaryFolder();

    // WHEN
    const { code, stdout, stderr } = await runCli(['synth', '-c', TUTORIAL, '--stdout'], cwd);

    // THEN
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    // (a file that does not end a line gets a newline, so that the next `---` starts a line)
    const withNewline = (content: string) => (content === '' || content.endsWith('\n') ? content : `${content}\n`);
    const written = Object.entries(readOutputTree(out)).map(([file, content]) => [file, withNewline(content)]);
    expect(parseStream(stdout)).toEqual(Object.fromEntries(written));
    expect(stdout.startsWith('---\n# Source: dev/.github/tracking/Promoted_Commit_Id\n')).toBe(true);
    expect(readTree(cwd)).toEqual({});
  });

  test('prints files that are not YAML too, as helm template does', async () => {
    const { code, stdout } = await runCli(['synth', '-c', WITH_WARNINGS, '--stdout']);
    expect(code).toBe(0);
    expect(stdout).toContain('---\n# Source: dev/edge/app-ft/platform-config.sh\nEMPTY_LABEL_VALUE_MATCHES: "true"\n');
  });

  test.each([
    [['--out', 'x'], '--stdout writes nothing; leave out --out and --no-render-cache'],
    [['--json'], '--stdout and --json contradict each other'],
  ])('fails with exit 2 with %j', async (flags, message) => {
    const { code, stdout, stderr } = await runCli(['synth', '-c', TUTORIAL, '--stdout', ...flags]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(`kalypso synth: ${message}; run kalypso synth --help\n`);
  });
});

describe('--strict', () => {
  test('validate fails with exit 1 on warnings, reported as errors', async () => {
    const lenient = await runCli(['validate', '-c', WITH_WARNINGS]);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/^warning {2}dev\/all\.yaml:48:3/);

    const { code, stdout, stderr } = await runCli(['validate', '-c', WITH_WARNINGS, '--strict']);
    expect({ code, stdout }).toEqual({ code: 1, stdout: '' });
    expect(stderr).toMatch(/^error {2}dev\/all\.yaml:48:3 {2}ConfigMap\/b-config {2}data\.X/);
    expect(stderr).toMatch(/\n2 errors, 0 warnings\n$/);
  });

  test('validate --strict --json says the input is not valid', async () => {
    const { code, stdout } = await runCli(['validate', '-c', WITH_WARNINGS, '--strict', '--json']);
    expect(code).toBe(1);
    const json = JSON.parse(stdout);
    expect(json.valid).toBe(false);
    expect(json.problems.map((problem: { severity: string }) => problem.severity)).toEqual(['error', 'error']);
  });

  test('synth fails with exit 1 on warnings, and writes nothing', async () => {
    const strict = path.join(temporaryFolder(), 'strict');
    const { code, stderr } = await runCli(['synth', '-c', WITH_WARNINGS, '-o', strict, '--strict']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/^error {2}dev\/all\.yaml:48:3/);
    expect(stderr).toContain('nothing written');
    expect(fs.existsSync(strict)).toBe(false);
    const out = temporaryFolder();
    expect((await runCli(['synth', '-c', WITH_WARNINGS, '-o', out])).code).toBe(0);
    expect(fs.readdirSync(out)).toContain('dev');
  });

  test('passes a control plane without warnings', async () => {
    expect((await runCli(['validate', '-c', TUTORIAL, '--strict'])).code).toBe(0);
  });
});

describe('kalypso explain --cluster-type', () => {
  test('narrows the matrix to the columns named, without --target', async () => {
    const { code, stdout, stderr } = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--env',
      'dev',
      '--cluster-type',
      'large',
      '--cluster-type',
      'drone',
    ]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: '' });
    expect(stdout).toContain(
      '  deployment target                 drone                   large\n' +
        '  hello-world-app-functional-test   functional-test-policy  ·\n' +
        '  hello-world-app-performance-test  ·                       performance-test-policy\n',
    );
    expect(stdout).not.toMatch(/command-center|small/);
  });

  test('narrows the JSON matrix the same way', async () => {
    const { stdout } = await runCli(['explain', '-c', TUTORIAL, '--cluster-type', 'small', '--json']);
    const [dev, stage] = JSON.parse(stdout).environments;
    expect(dev).toMatchObject({ clusterTypes: ['small'], assignments: [], idleClusterTypes: ['small'] });
    expect(stage).toMatchObject({ clusterTypes: [], assignments: [] });
  });

  test('explains several targets, each on the cluster types named', async () => {
    const { code, stdout } = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--env',
      'dev',
      '--target',
      'hello-world-app-functional-test',
      '--target',
      'hello-world-app-performance-test',
      '--cluster-type',
      'large',
      '--json',
    ]);
    expect(code).toBe(0);
    const explanations = JSON.parse(stdout).explanations;
    expect(
      explanations.map((e: { deploymentTarget: { name: string }; clusterTypes: string[] }) => [
        e.deploymentTarget.name,
        e.clusterTypes,
      ]),
    ).toEqual([
      ['hello-world-app-functional-test', ['large']],
      ['hello-world-app-performance-test', ['large']],
    ]);
  });

  test('with --matrix, --target keeps only those rows of the matrix', async () => {
    const { code, stdout } = await runCli([
      'explain',
      '-c',
      TUTORIAL,
      '--env',
      'dev',
      '--matrix',
      '--target',
      'hello-world-app-performance-test',
      '--cluster-type',
      'large',
      '--cluster-type',
      'drone',
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      '  deployment target                 drone  large\n' +
        '  hello-world-app-performance-test  ·      performance-test-policy\n',
    );
    expect(stdout).not.toContain('hello-world-app-functional-test');
  });

  test('fails with exit 2 on a cluster type no environment has, with a hint', async () => {
    const { code, stderr } = await runCli(['explain', '-c', TUTORIAL, '--cluster-type', 'lage']);
    expect(code).toBe(2);
    expect(stderr).toBe(
      'kalypso explain: unknown cluster type "lage" (the control plane has "command-center", "drone", "large", "small"); did you mean "large"?; run kalypso explain --help\n',
    );
  });
});

describe('file-system mistakes', () => {
  test('a control plane that does not exist', async () => {
    const missing = path.join(temporaryFolder(), 'nonexist');
    const { code, stdout, stderr } = await runCli(['synth', '-c', missing]);
    expect({ code, stdout }).toEqual({ code: 2, stdout: '' });
    expect(stderr).toBe(
      `kalypso synth: the control plane ${missing} does not exist; give --control-plane a folder of branches (main/, <environment>/…) or a git repository; run kalypso synth --help\n`,
    );
  });

  test('a control plane that is a file', async () => {
    const file = path.join(temporaryFolder(), 'plainfile');
    fs.writeFileSync(file, 'not a folder\n');
    const { code, stderr } = await runCli(['synth', '-c', file]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `kalypso synth: the control plane ${file} is a file; give --control-plane a folder of branches (main/, <environment>/…) or a git repository; run kalypso synth --help\n`,
    );
  });

  test.each([
    ['an existing file', (file: string) => file, (file: string) => `${file} is a file`],
    [
      'a path below a file',
      (file: string) => path.join(file, 'dist'),
      (file: string) => `${file} is a file, so ${path.join(file, 'dist')} cannot be a folder`,
    ],
  ])('--out at %s', async (_name, out, where) => {
    const file = path.join(temporaryFolder(), 'taken');
    fs.writeFileSync(file, 'mine\n');
    const { code, stderr } = await runCli(['synth', '-c', TUTORIAL, '--out', out(file)]);
    expect(code).toBe(2);
    expect(stderr).toBe(
      `kalypso synth: --out ${where(file)}; give a folder to write the trees into (new, or written by kalypso before); run kalypso synth --help\n`,
    );
    expect(fs.readFileSync(file, 'utf8')).toBe('mine\n');
  });
});

describe('flags', () => {
  test('an unknown flag is a usage error with the flag meant', async () => {
    const { code, stderr } = await runCli(['explain', '-c', TUTORIAL, '--taget', 'x']);
    expect(code).toBe(2);
    expect(stderr).toBe('kalypso explain: unknown flag --taget; did you mean --target?; run kalypso explain --help\n');
  });

  test.each([
    [['synth', '-x'], 'unknown flag -x'],
    [['synth', '--out'], '--out needs a value (--out DIR)'],
    [['synth', '--json=yes'], '--json takes no value, got "yes"'],
    [['synth', 'dist'], 'unexpected argument "dist"; this command takes only flags'],
    [['promote', '-c', TUTORIAL], '--commit is required'],
  ])('%j fails with exit 2: %s', async (argv, message) => {
    const { code, stderr } = await runCli(argv);
    expect(code).toBe(2);
    expect(stderr).toBe(`kalypso ${argv[0]}: ${message}; run kalypso ${argv[0]} --help\n`);
  });

  test('--help needs no required flag', async () => {
    const { code, stdout } = await runCli(['check', '--help']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Usage: kalypso check --env NAME --commit SHA/);
  });

  test('--jobs above the cores of the machine is capped to them, with a warning', async () => {
    const cores = os.availableParallelism();
    const { code, stdout, stderr } = await runCli(['validate', '-c', TUTORIAL, '--jobs', String(cores + 62)]);
    expect(code).toBe(0);
    expect(stdout).toContain('valid (0 errors, 0 warnings)');
    expect(stderr).toBe(
      `kalypso validate: --jobs ${cores + 62} is more than the ${cores} cores of this machine; rendering in ${cores} threads\n`,
    );
  });
});
