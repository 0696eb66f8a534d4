import * as fs from 'fs';
import * as path from 'path';
import { STARTER_CONTROL_PLANE } from '../../src/app/init/starter-control-plane';
import { runCli } from '../support/cli';
import { readTree, temporaryFolder } from '../support/temp';

describe('kalypso init', () => {
  test('writes a commented starter control plane that validates without a problem and synthesizes', async () => {
    const root = temporaryFolder();
    const dir = path.join(root, 'control-plane');
    const init = await runCli(['init', 'control-plane'], root);
    expect({ code: init.code, stderr: init.stderr }).toEqual({ code: 0, stderr: '' });
    expect(init.stdout).toMatch(/^Created a starter control plane in control-plane \(16 files\)\. Next:\n/);
    expect(readTree(dir)).toEqual(STARTER_CONTROL_PLANE);
    for (const [file, content] of Object.entries(STARTER_CONTROL_PLANE)) {
      if (file.endsWith('.yaml')) expect(content).toMatch(/^# /);
    }

    const validate = await runCli(['validate', '-c', dir]);
    expect(validate).toEqual({
      code: 0,
      stderr: '',
      stdout:
        'dev: 1 assignment on 2 cluster types, 5 files\nprod: 1 assignment on 1 cluster type, 4 files\nvalid (0 errors, 0 warnings)\n',
    });
    const out = path.join(root, 'platform-gitops');
    expect((await runCli(['synth', '-c', dir, '-o', out])).code).toBe(0);
    expect(Object.keys(readTree(out))).toContain('dev/small/hello-app-test/platform-config.yaml');
  });

  test('gives a first explanation out of the box', async () => {
    const root = temporaryFolder();
    await runCli(['init', 'cp'], root);
    const { code, stdout } = await runCli(['explain', '-c', 'cp', '--env', 'dev', '--target', 'hello-app-test'], root);
    expect(code).toBe(0);
    expect(stdout).toContain('  on small (test-policy)\n  not on large\n');
    expect(stdout).toContain('cluster type "large": size: "small" required, label is "large"\n');
  });

  test('--json says where it wrote what', async () => {
    const root = temporaryFolder();
    const { code, stdout } = await runCli(['init', 'cp', '--json'], root);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual({
      created: path.join(root, 'cp'),
      files: Object.keys(STARTER_CONTROL_PLANE).sort(),
    });
  });

  test('writes into an existing empty folder', async () => {
    const root = temporaryFolder();
    expect((await runCli(['init', '.'], root)).code).toBe(0);
    expect(fs.existsSync(path.join(root, 'main/.environments/dev.yaml'))).toBe(true);
  });

  test.each([
    [
      'a non-empty folder',
      (root: string) => {
        fs.mkdirSync(path.join(root, 'cp'));
        fs.writeFileSync(path.join(root, 'cp/keep.txt'), 'mine');
      },
      'cp',
      /is not empty; init writes only into a new or empty folder and never overwrites/,
    ],
    [
      'a file',
      (root: string) => fs.writeFileSync(path.join(root, 'file'), 'mine'),
      'file',
      /exists and is not a folder/,
    ],
    ['no folder named', () => undefined, undefined, /name the folder to create: kalypso init DIR/],
  ])('fails with exit 2 on %s, touching nothing', async (_name, prepare, dir, message) => {
    const root = temporaryFolder();
    prepare(root);
    const before = readTree(root);
    const { code, stderr } = await runCli(['init', ...(dir ? [dir] : [])], root);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(readTree(root)).toEqual(before);
  });
});

describe('kalypso init --typescript', () => {
  test('writes a cdk8s TypeScript app naming the package as told, with the versions this package is built with', async () => {
    const root = temporaryFolder();
    const init = await runCli(
      ['init', '--typescript', 'platform', '--package', 'file:../kalypso-cdk8s-0.1.0.tgz'],
      root,
    );
    expect({ code: init.code, stderr: init.stderr }).toEqual({ code: 0, stderr: '' });
    expect(init.stdout).toMatch(/^Created a cdk8s TypeScript app in platform \(8 files\)\. Next:\n/);
    const tree = readTree(path.join(root, 'platform'));
    expect(Object.keys(tree)).toEqual([
      '.gitignore',
      'README.md',
      'cdk8s.yaml',
      'main.ts',
      'package.json',
      'platform.ts',
      'test/platform.test.ts',
      'tsconfig.json',
    ]);
    const manifest = JSON.parse(tree['package.json']);
    const own = JSON.parse(fs.readFileSync(path.join(__dirname, '../../package.json'), 'utf8'));
    expect(manifest.dependencies).toEqual({
      'kalypso-cdk8s': 'file:../kalypso-cdk8s-0.1.0.tgz',
      cdk8s: own.devDependencies.cdk8s,
      'cdk8s-plus-28': own.devDependencies['cdk8s-plus-28'],
      constructs: own.devDependencies.constructs,
    });
    expect(tree['main.ts']).toContain('new KalypsoApp()');
    expect(tree['test/platform.test.ts']).toContain('KalypsoTesting.synth(platform)');
  });

  test('refuses a folder that is not empty, and --package without --typescript', async () => {
    const root = temporaryFolder();
    fs.mkdirSync(path.join(root, 'full'));
    fs.writeFileSync(path.join(root, 'full/keep.txt'), 'mine');
    const full = await runCli(['init', '--typescript', 'full'], root);
    expect(full.code).toBe(2);
    expect(full.stderr).toContain('is not empty; init writes only into a new or empty folder and never overwrites');
    expect(fs.readdirSync(path.join(root, 'full'))).toEqual(['keep.txt']);
    const stray = await runCli(['init', 'x', '--package', 'file:y.tgz'], root);
    expect(stray.code).toBe(2);
    expect(stray.stderr).toContain('--package goes with --typescript');
  });
});
