import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { readOutputTree, readTree, temporaryFolder, writeFiles } from './support/temp';

const ROOT = path.join(__dirname, '..');

/** A TypeScript cdk8s app that uses the library only through its package name, with a reconciler of its own. */
const APP_MAIN = `import { App } from 'cdk8s';
import { ConfigMap } from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import {
  AssignmentContext, ClusterType, ControlPlane, Environment, IReconciler, PlatformConfig, SchedulingPolicy, SelectorOperator,
  ValidationError, Workload,
} from 'kalypso-cdk8s';

class NoteReconciler implements IReconciler {
  public render(scope: Construct, context: AssignmentContext): void {
    new ConfigMap(scope, 'Note', {
      metadata: { name: 'note', namespace: context.namespace },
      data: { repo: context.deploymentTarget.manifests.repo },
    });
  }
}

const app = new App();
const platform = new ControlPlane(app, 'Platform');
platform.addReconciler('note', new NoteReconciler());
const dev = new Environment(platform, 'dev', { gitOpsRepo: { repo: 'https://github.com/org/gitops' }, promotedCommit: 'abc123' });
new ClusterType(dev, 'large', { labels: { size: 'large' } });
new ClusterType(dev, 'noted', { labels: { size: 'large' }, reconciler: 'note' });
new PlatformConfig(dev, 'dev-config', { data: { ENVIRONMENT: 'Dev' } });
new SchedulingPolicy(dev, 'large-only', {
  clusterTypeSelector: { matchExpressions: [{ key: 'size', operator: SelectorOperator.IN, values: ['large'] }] },
});
new Workload(platform, 'app', {
  workspace: 'team',
  deploymentTargets: [{ name: 'test', environment: dev, manifests: { repo: 'https://github.com/org/app', branch: 'main', path: './test' } }],
});
platform.synth({ outdir: process.env.CDK8S_OUTDIR ?? 'dist' }).catch((e: unknown) => {
  process.stderr.write(e instanceof ValidationError ? e.message : String(e));
  process.exitCode = 1;
});
`;

/** The first TypeScript example of the README's "Use it from TypeScript" section. */
function readmeExample(): string {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('## Use it from TypeScript'));
  return /```ts\n([\s\S]*?)```/.exec(section)![1];
}

function run(command: string, args: string[], cwd: string) {
  const result = spawnSync(command, args, {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, npm_config_update_notifier: 'false' },
  });
  if (result.status !== 0)
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** Links `name` from the project's node_modules into `nodeModules`, as if npm had installed it there. */
function linkPackage(nodeModules: string, name: string): void {
  const link = path.join(nodeModules, name);
  fs.mkdirSync(path.dirname(link), { recursive: true });
  fs.symlinkSync(path.join(ROOT, 'node_modules', name), link, 'dir');
}

describe('the npm package', () => {
  let files: string[];
  let app: string;
  beforeAll(() => {
    // GIVEN the packed tarball (lib/ is built by `npm test` before Jest runs)
    const packDir = temporaryFolder();
    const [packed] = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT),
    );
    files = packed.files.map((file: { path: string }) => file.path).sort();
    // AND a cdk8s app with the tarball installed, its dependencies resolvable, without the network
    app = temporaryFolder();
    const installed = path.join(app, 'node_modules', 'kalypso-cdk8s');
    fs.mkdirSync(installed, { recursive: true });
    run('tar', ['-xzf', path.join(packDir, packed.filename), '-C', installed, '--strip-components=1'], app);
    const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
    for (const name of [
      ...Object.keys(manifest.dependencies),
      ...Object.keys(manifest.peerDependencies),
      '@types/node',
    ]) {
      linkPackage(path.join(app, 'node_modules'), name);
    }
    writeFiles(app, {
      'package.json': JSON.stringify({ name: 'platform', private: true }),
      'tsconfig.json': JSON.stringify({
        compilerOptions: {
          strict: true,
          target: 'ES2022',
          module: 'node16',
          moduleResolution: 'node16',
          outDir: 'lib',
          rootDir: '.',
          types: ['node'],
        },
        include: ['main.ts', 'readme.ts'],
      }),
      'cdk8s.yaml': 'language: typescript\napp: node lib/main.js\noutput: dist\n',
      'main.ts': APP_MAIN,
      // The README's example, compiled too.
      'readme.ts': `${readmeExample()}\nexport {};\n`,
    });
  }, 120_000);

  test('holds the compiled library with its type declarations, the imports, the command line, README and license, and nothing else', () => {
    expect(files).toEqual(
      expect.arrayContaining([
        'LICENSE',
        'README.md',
        'bin/kalypso',
        'package.json',
        'lib/src/index.js',
        'lib/src/index.d.ts',
        'lib/src/api/control-plane.d.ts',
        'lib/src/cli/cli.js',
        'lib/imports/source.toolkit.fluxcd.io.js',
        'lib/imports/kustomize.toolkit.fluxcd.io.d.ts',
        'lib/imports/argoproj.io.js',
      ]),
    );
    const unexpected = files.filter(
      (file) =>
        !['LICENSE', 'README.md', 'bin/kalypso', 'package.json'].includes(file) &&
        !/^lib\/(src|imports)\/.*\.(js|d\.ts)$/.test(file),
    );
    expect(unexpected).toEqual([]);
    expect(files.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))).toEqual([]);
  });

  test('declares main, types, exports and bin for the files it holds', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(manifest).toMatchObject({
      main: 'lib/src/index.js',
      types: 'lib/src/index.d.ts',
      exports: {
        '.': { types: './lib/src/index.d.ts', default: './lib/src/index.js' },
        './package.json': './package.json',
      },
      bin: { kalypso: 'bin/kalypso' },
    });
    expect(files).toEqual(expect.arrayContaining([manifest.main, manifest.types, manifest.bin.kalypso]));
  });

  test('type-checks (declarations and the README example included) and synthesizes a TypeScript cdk8s app that installed it', () => {
    // WHEN the app is compiled against the packed declarations and run by cdk8s synth
    run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], app);
    run(path.join(ROOT, 'node_modules/.bin/cdk8s'), ['synth', '--no-check-upgrade'], app);
    // THEN it wrote the platform GitOps tree, with the app's own reconciler where a cluster type names it
    const tree = readTree(path.join(app, 'dist'));
    expect(Object.keys(tree)).toEqual([
      'dev/.github/tracking/Promoted_Commit_Id',
      'dev/large/README.md',
      'dev/large/app-test/namespace.yaml',
      'dev/large/app-test/platform-config.yaml',
      'dev/large/app-test/reconciler.yaml',
      'dev/noted/README.md',
      'dev/noted/app-test/namespace.yaml',
      'dev/noted/app-test/platform-config.yaml',
      'dev/noted/app-test/reconciler.yaml',
    ]);
    expect(tree['dev/large/app-test/reconciler.yaml']).toContain('kind: GitRepository');
    expect(tree['dev/noted/app-test/reconciler.yaml']).toBe(
      [
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata:',
        '  name: note',
        '  namespace: dev-noted-app-test',
        'data:',
        '  repo: https://github.com/org/app',
        'immutable: false',
        '',
      ].join('\n'),
    );
  });

  test('refuses deep imports that are not part of its exports', () => {
    const result = spawnSync(process.execPath, ['-e', "require('kalypso-cdk8s/lib/src/api/analysis')"], {
      cwd: app,
      encoding: 'utf8',
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('ERR_PACKAGE_PATH_NOT_EXPORTED');
  });

  test('installs a working kalypso command', () => {
    const out = temporaryFolder();
    run(
      process.execPath,
      [
        path.join(app, 'node_modules/kalypso-cdk8s/bin/kalypso'),
        'synth',
        '-c',
        path.join(ROOT, 'examples/tutorial'),
        '-o',
        out,
      ],
      app,
    );
    expect(Object.keys(readOutputTree(out))).toHaveLength(20);
  });
});

/** Makes `bin` (e.g. `jest`) of the project's node_modules/.bin runnable in `app` as npm would have. */
function linkBin(app: string, bin: string): void {
  const folder = path.join(app, 'node_modules', '.bin');
  fs.mkdirSync(folder, { recursive: true });
  fs.symlinkSync(fs.realpathSync(path.join(ROOT, 'node_modules', '.bin', bin)), path.join(folder, bin));
}

describe('a TypeScript cdk8s app made from the starter, with the packed tarball installed', () => {
  let app: string;
  const npm = (args: string[]) =>
    spawnSync('npm', args, {
      cwd: app,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false', CDK8S_CHECK_UPGRADE: 'false' },
    });

  beforeAll(() => {
    // GIVEN the packed tarball
    const packDir = temporaryFolder();
    const [packed] = JSON.parse(
      run('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', packDir], ROOT),
    );
    const tarball = path.join(packDir, packed.filename);
    // AND the starter app naming it, written by `kalypso init --typescript`
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    app = path.join(temporaryFolder(), 'platform');
    run(
      process.execPath,
      [path.join(ROOT, 'bin/kalypso'), 'init', '--typescript', app, '--package', `file:${tarball}`],
      ROOT,
    );
    // AND its dependencies installed without the network: the tarball unpacked, the rest linked from this project
    const installed = path.join(app, 'node_modules', 'kalypso-cdk8s');
    fs.mkdirSync(installed, { recursive: true });
    run('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1'], app);
    const starter = JSON.parse(fs.readFileSync(path.join(app, 'package.json'), 'utf8'));
    const names = new Set([
      ...Object.keys(manifest.dependencies),
      ...Object.keys(starter.dependencies).filter((name) => name !== 'kalypso-cdk8s'),
      ...Object.keys(starter.devDependencies),
    ]);
    for (const name of names) linkPackage(path.join(app, 'node_modules'), name);
    for (const bin of ['tsc', 'jest', 'cdk8s']) linkBin(app, bin);
  }, 120_000);

  test('npm test passes, and its snapshot test fails once a platform config value changes', () => {
    // WHEN the starter's own tests run (type check, then Jest writing the snapshot), as on a developer's machine:
    // in CI mode, which this suite may run in, Jest never writes a new snapshot
    const first = npm(['test', '--', '--ci=false']);
    expect(first.stderr + first.stdout).toMatch(/Tests:\s+2 passed, 2 total/);
    expect(first.status).toBe(0);
    const snapshot = fs.readFileSync(path.join(app, 'test/__snapshots__/platform.test.ts.snap'), 'utf8');
    expect(snapshot).toContain('"LOG_LEVEL": "debug"');
    // AND a platform ConfigMap value changes
    const platform = path.join(app, 'platform.ts');
    fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace("LOG_LEVEL: 'debug'", "LOG_LEVEL: 'info'"));
    const second = npm(['test', '--', '--ci']);
    // THEN the snapshot test fails, showing the changed value
    expect(second.status).not.toBe(0);
    expect(second.stderr).toContain('-   "LOG_LEVEL": "debug"');
    expect(second.stderr).toContain('+   "LOG_LEVEL": "info"');
    fs.writeFileSync(platform, fs.readFileSync(platform, 'utf8').replace("LOG_LEVEL: 'info'", "LOG_LEVEL: 'debug'"));
  }, 120_000);

  test('cdk8s synth writes the tree, and a second cdk8s synth renders nothing', () => {
    // WHEN cdk8s synth runs twice (it deletes dist/ before each run)
    const first = npm(['run', 'synth']);
    expect(first.status).toBe(0);
    const tree = readTree(path.join(app, 'dist'));
    const second = npm(['run', 'synth']);
    expect(second.status).toBe(0);
    // THEN the tree is the platform's, and the second run took its one assignment from the render cache
    expect(Object.keys(tree)).toEqual([
      'dev/large/README.md',
      'dev/large/hello-world-functional-test/namespace.yaml',
      'dev/large/hello-world-functional-test/platform-config.yaml',
      'dev/large/hello-world-functional-test/reconciler.yaml',
      'dev/small/README.md',
    ]);
    expect(first.stderr).toContain('kalypso: 1 assignments, 1 rendered');
    expect(second.stderr).toContain('kalypso: 1 assignments, 0 rendered');
    expect(readTree(path.join(app, 'dist'))).toEqual(tree);
  }, 120_000);

  test('from the app: Testing.synth of an assignment chart is what app.synth() wrote; explain and diff from code', () => {
    // GIVEN a script of the app's own, using only the package's exports
    writeFiles(app, {
      'check.ts': `import * as fs from 'fs';
import * as path from 'path';
import { Testing } from 'cdk8s';
import { loadAll } from 'js-yaml';
import { KalypsoApp, diffControlPlane, explainControlPlane } from 'kalypso-cdk8s';
import { Platform } from './platform';

async function main(): Promise<void> {
  const outdir = fs.mkdtempSync('out-');
  const app = new KalypsoApp({ outdir });
  const platform = new Platform(app, 'Platform');
  await app.synth();
  const charts = platform.assignments().map((chart) => {
    const folder = path.join(outdir, chart.folder);
    const written = ['namespace.yaml', 'platform-config.yaml', 'reconciler.yaml'].flatMap((file) =>
      loadAll(fs.readFileSync(path.join(folder, file), 'utf8')),
    );
    return { folder: chart.folder, synthesized: Testing.synth(chart), written };
  });
  const explained = explainControlPlane(platform);
  const diff = await diffControlPlane(platform, { out: outdir });
  process.stdout.write(JSON.stringify({ charts, explained, diff }));
}

main();
`,
    });
    const tsconfig = JSON.parse(fs.readFileSync(path.join(app, 'tsconfig.json'), 'utf8'));
    fs.writeFileSync(
      path.join(app, 'tsconfig.json'),
      JSON.stringify({ ...tsconfig, include: [...tsconfig.include, 'check.ts'] }),
    );
    // WHEN it is compiled against the packed declarations and run
    run(process.execPath, [path.join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', app], app);
    const report = JSON.parse(run(process.execPath, ['lib/check.js'], app));
    // THEN the chart synthesizes exactly the objects written to its folder, and explain and diff answer as the CLI does
    expect(report.charts).toHaveLength(1);
    const [{ folder, synthesized, written }] = report.charts;
    expect(folder).toBe('dev/large/hello-world-functional-test');
    expect(synthesized.map((object: { kind: string }) => object.kind)).toEqual([
      'Namespace',
      'ConfigMap',
      'GitRepository',
      'Kustomization',
    ]);
    expect(synthesized).toEqual(written);
    expect(report.explained.environments[0].assignments).toEqual([
      expect.objectContaining({ clusterType: 'large', deploymentTarget: 'hello-world-functional-test' }),
    ]);
    expect(report.diff.equal).toBe(true);
  }, 120_000);
});
