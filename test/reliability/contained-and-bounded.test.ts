import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { STATE_DIR } from '../../src/io/output/write';
import { runCli, runCliIsolated } from '../support/cli';
import { readTree, temporaryFolder } from '../support/temp';
import { tutorialCopy } from '../support/tutorial';
import { aliasBomb } from './fuzz/properties';

/*
 * Hostile input and unlucky state, each added to a copy of the tutorial and run through the command line: every run
 * ends within 10 seconds with one clear error naming the file (exit 1 for input, 2 for the environment), prints no
 * secret and no stack trace, and changes nothing outside the output folder — or, where the input is fine but was
 * slow to process (a regular expression that backtracks elsewhere), finishes quickly with the right result.
 */

const SECRET = 'planted-secret-9d41';

const template = (name: string, manifest: string) => `apiVersion: scheduler.kalypso.io/v1alpha1
kind: Template
metadata: {name: ${name}}
spec:
  type: reconciler
  manifests:
    - ${JSON.stringify(manifest)}
`;

/** Makes the drone cluster type use the Template named `hostile`. */
function useTemplate(copy: string, manifest: string): void {
  fs.writeFileSync(path.join(copy, 'main/hostile.yaml'), template('hostile', manifest));
  const drone = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
  fs.writeFileSync(drone, fs.readFileSync(drone, 'utf8').replace('reconciler: arc-flux', 'reconciler: hostile'));
}

interface Run {
  readonly code: number;
  readonly output: string;
  readonly errors: string[];
  readonly ms: number;
}

/** A scratch folder with the control plane, the output folder and a folder beside them that nothing may change. */
function setUp(): { root: string; copy: string; out: string; outside: string } {
  const root = temporaryFolder();
  const copy = tutorialCopy();
  const outside = path.join(root, 'outside');
  fs.mkdirSync(outside);
  fs.writeFileSync(path.join(outside, 'token.yaml'), `kind: Workload\ntoken: ${SECRET}\n`);
  fs.mkdirSync(path.join(outside, 'folder'));
  fs.writeFileSync(path.join(outside, 'folder/workload.yaml'), `kind: Workload\nmetadata: {name: ${SECRET}}\n`);
  return { root, copy, out: path.join(root, 'out'), outside };
}

async function synth(copy: string, out: string, extra: string[] = []): Promise<Run> {
  const started = Date.now();
  const { code, stdout, stderr } = await runCli(['synth', '-c', copy, '-o', out, ...extra], copy);
  return {
    code,
    output: stdout + stderr,
    errors: stderr.split('\n').filter((line) => line.startsWith('error') || line.startsWith('kalypso')),
    ms: Date.now() - started,
  };
}

/** What every failing case must hold to. */
function expectCleanFailure(run: Run, code: 1 | 2, message: RegExp): void {
  expect(run.code).toBe(code);
  expect(run.ms).toBeLessThan(10_000);
  expect(run.errors.length).toBeGreaterThanOrEqual(1);
  for (const error of run.errors) expect(error).toMatch(message);
  expect(run.output).not.toMatch(/\n\s+at |internal error|root:x:0:0/);
  expect(run.output).not.toContain(SECRET);
}

type Case = [name: string, spoil: (copy: string, outside: string) => void, message: RegExp];

const INPUT_CASES: Case[] = [
  [
    'a Template whose output is a YAML alias bomb of 7 levels of 9',
    (copy) => useTemplate(copy, aliasBomb(7)),
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}Template "hostile": the output of rendered manifest 1, line 7: aliases expand this document beyond 1000000 nodes/,
  ],
  [
    'a Template whose output is a YAML alias bomb of 10 levels of 9',
    (copy) => useTemplate(copy, aliasBomb(10)),
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}.*aliases expand this document beyond 1000000 nodes/,
  ],
  [
    'a Template whose output aliases a long string many times',
    (copy) => useTemplate(copy, `s: &s "{{ repeat 1000000 "x" }}"\nt: [${Array(40).fill('*s').join(',')}]\n`),
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}.*aliases expand this document beyond 16777216 bytes of text/,
  ],
  [
    'a Template hashing a 10 MB string in a 300,000-step range',
    (copy) => useTemplate(copy, '{{ $s := repeat 10000000 "x" }}{{ range 300000 }}{{ sha256sum $s }}{{ end }}'),
    /^error {2}main\/hostile\.yaml:1:1 {2}Template\/hostile {2}.*execution budget of 1000000 steps exceeded/,
  ],
  [
    'a ConfigSchema pattern that backtracks catastrophically in JavaScript',
    (copy) => {
      fs.writeFileSync(
        path.join(copy, 'main/schema.yaml'),
        'apiVersion: scheduler.kalypso.io/v1alpha1\nkind: ConfigSchema\nmetadata: {name: hostile}\n' +
          'spec: {schema: \'{"properties": {"HOSTILE": {"type": "string", "pattern": "^(a+)+$"}}}\'}\n',
      );
      const config = path.join(copy, 'dev/configs/dev-config.yaml');
      fs.appendFileSync(config, `  HOSTILE: "${'a'.repeat(42)}!"\n`);
    },
    /^error {2}main\/schema\.yaml:4:8 {2}ConfigSchema\/hostile {2}spec\.schema {2}.*HOSTILE: Does not match pattern '\^\(a\+\)\+\$'.* set by ConfigMap dev-config \(dev\/configs\/dev-config\.yaml:\d+:3\)$/,
  ],
  [
    'a .sourceignore line that cannot be used ([z-a])',
    (copy) => fs.writeFileSync(path.join(copy, 'main/.sourceignore'), '# drafts\n[z-a]\n'),
    /^error {2}main\/\.sourceignore:2:1 {2}pattern "\[z-a\]" cannot be used: the character range z-a .* is reversed/,
  ],
  [
    'a workload registration whose repo is a symbolic link to a folder outside the control plane',
    (copy, outside) => {
      fs.rmSync(path.join(copy, 'kalypso-app-src'), { recursive: true });
      fs.symlinkSync(path.join(outside, 'folder'), path.join(copy, 'kalypso-app-src'));
    },
    /^error {2}main\/workloads\/hello-world-app\.yaml:\d+:\d+ {2}WorkloadRegistration\/hello-world-app {2}spec\.workload\.repo {2}cannot read the workload: "\.\/kalypso-app-src" is neither a repository URL nor a folder inside the control plane/,
  ],
  ...(['/etc/passwd', 'TOKEN', '/dev/zero'] as const).map((target): Case => [
    `a workload path that is a symbolic link to ${target === 'TOKEN' ? 'a token file outside' : target}`,
    (copy, outside) => {
      const workload = path.join(copy, 'kalypso-app-src/workload');
      fs.rmSync(workload, { recursive: true });
      fs.symlinkSync(target === 'TOKEN' ? path.join(outside, 'token.yaml') : target, workload);
    },
    /^error {2}main\/workloads\/hello-world-app\.yaml:\d+:\d+ {2}WorkloadRegistration\/hello-world-app {2}spec\.workload\.repo {2}cannot read the workload: path "\.\/workload" leaves the repository folder through a symbolic link/,
  ]),
  [
    'an envfile config key that is not a shell variable name, set by a ConfigMap',
    (copy) => {
      const drone = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
      fs.writeFileSync(drone, fs.readFileSync(drone, 'utf8').replace('configType: configmap', 'configType: envfile'));
      fs.appendFileSync(path.join(copy, 'dev/configs/dev-config.yaml'), '  LOG-LEVEL: debug\n');
    },
    /^error {2}dev\/configs\/dev-config\.yaml:\d+:3 {2}ConfigMap\/dev-config {2}config key "LOG-LEVEL" is not a shell variable name, so it cannot be exported$/,
  ],
  [
    'a config key a ConfigMap cannot hold, set by a ConfigMap',
    (copy) => fs.appendFileSync(path.join(copy, 'dev/configs/dev-config.yaml'), '  "LOG LEVEL": debug\n'),
    /^error {2}dev\/configs\/dev-config\.yaml:\d+:3 {2}ConfigMap\/dev-config {2}config key "LOG LEVEL" is not a valid ConfigMap key/,
  ],
  [
    'a GitOpsRepo branch starting with "-"',
    (copy) => {
      const file = path.join(copy, 'dev/gitops-repo.yaml');
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace('branch: dev', 'branch: --upload-pack=x'));
    },
    /^error {2}dev\/gitops-repo\.yaml:7:3 {2}GitOpsRepo\/dev {2}spec\.branch {2}branch "--upload-pack=x" starts with "-"/,
  ],
];

describe('input that is hostile or broken', () => {
  test.each(INPUT_CASES)(
    'fails cleanly on %s',
    async (_name, spoil, message) => {
      const { root, copy, out, outside } = setUp();
      spoil(copy, outside);
      const before = readTree(outside);
      const run = await synth(copy, out);
      expectCleanFailure(run, 1, message);
      expect(fs.existsSync(out)).toBe(false);
      expect(readTree(outside)).toEqual(before);
      expect(fs.readdirSync(root)).toEqual(['outside']);
    },
    30_000,
  );
});

describe('input that backtracks catastrophically elsewhere, here in linear time', () => {
  test('a Template using regexMatch "^(a+)+$" on 42 a and a "!" renders within seconds, with the right answer', async () => {
    const { copy, out } = setUp();
    useTemplate(
      copy,
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\ndata: {m: "{{ regexMatch "^(a+)+$" "${'a'.repeat(42)}!" }}"}\n`,
    );
    const run = await synth(copy, out);
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(10_000);
    const reconcilers = Object.entries(readTree(out)).filter(
      ([file]) => file.startsWith('dev/drone/') && file.endsWith('reconciler.yaml'),
    );
    expect(reconcilers.length).toBeGreaterThan(0);
    for (const [, content] of reconcilers) expect(content).toContain('m: "false"');
  }, 30_000);

  test('a .sourceignore line *a*a*a*a*a*b against a 200-character file name is matched within seconds', async () => {
    const { copy, out } = setUp();
    fs.writeFileSync(path.join(copy, 'dev/.sourceignore'), '*a*a*a*a*a*b\n*a*a*a*a*a*b.yaml\n');
    const configMap = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: long}\ndata: {}\n';
    fs.writeFileSync(path.join(copy, `dev/${'a'.repeat(195)}.yaml`), configMap);
    fs.writeFileSync(path.join(copy, `dev/${'a'.repeat(190)}b.yaml`), 'kind: [broken\n');
    const run = await synth(copy, out);
    expect(run.output).not.toContain('broken');
    expect(run.code).toBe(0);
    expect(run.ms).toBeLessThan(10_000);
  }, 30_000);
});

describe('state and environment', () => {
  test('a planted journal whose paths leave the output folder is refused (exit 2), naming it; nothing outside changes', async () => {
    const { copy, out, outside } = setUp();
    fs.mkdirSync(path.join(out, STATE_DIR), { recursive: true });
    const journal = path.join(out, STATE_DIR, 'journal.json');
    fs.writeFileSync(
      journal,
      JSON.stringify({ trash: 'trash-0123456789ab', operations: [{ target: '../outside/token.yaml', staged: null }] }),
    );
    const before = readTree(outside);
    const run = await synth(copy, out);
    expectCleanFailure(
      run,
      2,
      new RegExp(
        `${journal.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} is not a journal kalypso wrote \\(operation 0: target "\\.\\./outside/token\\.yaml" is not a path inside the output folder\\)`,
      ),
    );
    expect(readTree(outside)).toEqual(before);
  }, 30_000);

  test('a lock left by a killed run is taken over', async () => {
    const { copy, out } = setUp();
    fs.mkdirSync(path.join(out, STATE_DIR), { recursive: true });
    fs.writeFileSync(path.join(out, STATE_DIR, 'lock'), JSON.stringify({ pid: 2 ** 22 + 4321, host: os.hostname() }));
    const run = await synth(copy, out);
    expect(run.code).toBe(0);
    expect(fs.existsSync(path.join(out, STATE_DIR, 'lock'))).toBe(false);
    expect(Object.keys(readTree(out)).some((file) => file.startsWith('dev/drone/'))).toBe(true);
  }, 30_000);

  test.each([[[] as string[]], [['--json']]])(
    'a password written into a registration URL is never printed (%j)',
    async (extra) => {
      const { copy, root } = setUp();
      const registration = path.join(copy, 'main/workloads/hello-world-app.yaml');
      fs.writeFileSync(
        registration,
        fs
          .readFileSync(registration, 'utf8')
          .replace('repo: ./kalypso-app-src', `repo: https://user:${SECRET}@127.0.0.1:9/org/app.git`),
      );
      const started = Date.now();
      const { code, stdout, stderr } = await runCliIsolated(
        ['synth', '-c', copy, '-o', path.join(root, 'out'), '--cache', path.join(root, 'cache'), ...extra],
        { cwd: copy },
      );
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(code).toBe(1);
      expect(stdout + stderr).toContain('127.0.0.1:9/org/app.git');
      expect(stdout + stderr).not.toContain(SECRET);
      expect(stdout + stderr).not.toMatch(/\n\s+at |internal error/);
    },
    30_000,
  );
});
