/*
 * The files of a starter cdk8s TypeScript app that defines a small control plane in code (`kalypso init --typescript`):
 * a KalypsoApp in main.ts, the control plane in platform.ts, and a Jest snapshot test of it.
 */

/** What the starter app depends on, and with which versions. */
export interface TypeScriptStarterOptions {
  /** The app's package name. */
  readonly name: string;
  /** How package.json names kalypso-cdk8s: a version range, or `file:<tarball>`. */
  readonly kalypsoCdk8s: string;
  /** Versions of the other packages, from this package's own manifest (name → version). */
  readonly versions: Readonly<Record<string, string>>;
}

const PEERS = ['cdk8s', 'cdk8s-plus-28', 'constructs'];
const DEV = ['cdk8s-cli', 'typescript', 'jest', '@swc/core', '@swc/jest', '@types/jest', '@types/node'];

const PLATFORM_TS = `import { Construct } from 'constructs';
import { ClusterType, ControlPlane, Environment, PlatformConfig, SchedulingPolicy, Workload } from 'kalypso-cdk8s';

/**
 * The control plane: one environment, two cluster types, their platform config, one scheduling policy and one
 * workload. Edit it, then \`npm test\` shows what changed in the platform GitOps tree and \`npm run synth\` writes it.
 */
export class Platform extends ControlPlane {
  public constructor(scope: Construct, id: string) {
    super(scope, id);

    const dev = new Environment(this, 'dev', { gitOpsRepo: { repo: 'https://github.com/my-org/platform-gitops' } });
    new PlatformConfig(dev, 'dev-config', { data: { ENVIRONMENT: 'dev', LOG_LEVEL: 'debug' } });

    // Reconciled by Flux (the default); \`reconciler: 'argocd'\` makes Argo CD Applications instead.
    new ClusterType(dev, 'small', { labels: { size: 'small' } });
    new ClusterType(dev, 'large', { labels: { size: 'large' } });
    new PlatformConfig(dev, 'large-config', { labels: { 'cluster-type': 'large' }, data: { REPLICAS: '3' } });

    // Every deployment target of the environment goes to the large cluster types.
    new SchedulingPolicy(dev, 'large-policy', { clusterTypeSelector: { matchLabels: { size: 'large' } } });

    new Workload(this, 'hello-world', {
      workspace: 'my-team',
      deploymentTargets: [
        {
          name: 'functional-test',
          environment: dev,
          manifests: { repo: 'https://github.com/my-org/hello-world-gitops', branch: 'dev', path: './functional-test' },
        },
      ],
    });
  }
}
`;

const MAIN_TS = `import { KalypsoApp, ValidationError, formatProblem } from 'kalypso-cdk8s';
import { Platform } from './platform';

/** \`npm run synth\` (cdk8s synth) runs this: it writes dist/<environment>/<clusterType>/<deploymentTarget>/. */
async function main(): Promise<void> {
  const app = new KalypsoApp();
  new Platform(app, 'Platform');
  await app.synth();
  for (const warning of app.warnings) process.stderr.write(\`\${formatProblem(warning)}\\n\`);
  for (const { plans, rendered } of app.results) {
    const assignments = plans.reduce((sum, plan) => sum + plan.assignments.length, 0);
    process.stderr.write(\`kalypso: \${assignments} assignments, \${rendered} rendered, the others from the render cache\\n\`);
  }
}

main().catch((e: unknown) => {
  if (!(e instanceof ValidationError)) throw e;
  process.stderr.write(\`\${e.message}\\n\`);
  process.exitCode = 1;
});
`;

const TEST_TS = `import { Testing } from 'cdk8s';
import { KalypsoApp, KalypsoTesting } from 'kalypso-cdk8s';
import { Platform } from '../platform';

describe('the platform', () => {
  test('synthesizes the platform GitOps tree', () => {
    const platform = new Platform(new KalypsoApp(), 'Platform');
    // Every file of dev/…, YAML files as their objects: a changed config value shows in the snapshot diff.
    expect(KalypsoTesting.synth(platform)).toMatchSnapshot();
  });

  test('gives the functional test on large the large cluster type config', () => {
    const platform = new Platform(new KalypsoApp(), 'Platform');
    const chart = platform.assignments().find((assignment) => assignment.folder === 'dev/large/hello-world-functional-test');
    const configMap = Testing.synth(chart!).find((object) => object.kind === 'ConfigMap');
    expect(configMap.data).toEqual({ ENVIRONMENT: 'dev', LOG_LEVEL: 'debug', REPLICAS: '3' });
  });
});
`;

/** The starter app's files, by relative path. */
export function typescriptStarterFiles(options: TypeScriptStarterOptions): Record<string, string> {
  const version = (name: string) => {
    const found = options.versions[name];
    if (!found) throw new Error(`no version of ${name} to write into the starter app`);
    return found;
  };
  const packageJson = {
    name: options.name,
    version: '0.1.0',
    private: true,
    scripts: {
      build: 'tsc',
      synth: 'tsc && cdk8s synth --no-check-upgrade',
      test: 'tsc --noEmit && jest',
    },
    dependencies: {
      'kalypso-cdk8s': options.kalypsoCdk8s,
      ...Object.fromEntries(PEERS.map((name) => [name, version(name)])),
    },
    devDependencies: Object.fromEntries(DEV.map((name) => [name, version(name)])),
    jest: {
      testEnvironment: 'node',
      testMatch: ['**/test/**/*.test.ts'],
      transform: { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' }, module: { type: 'commonjs' } }] },
    },
  };
  const tsconfig = {
    compilerOptions: {
      strict: true,
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      outDir: 'lib',
      rootDir: '.',
      declaration: false,
      skipLibCheck: true,
      types: ['node', 'jest'],
    },
    include: ['main.ts', 'platform.ts', 'test/**/*.ts'],
  };
  return {
    'package.json': `${JSON.stringify(packageJson, null, 2)}\n`,
    'tsconfig.json': `${JSON.stringify(tsconfig, null, 2)}\n`,
    'cdk8s.yaml': 'language: typescript\napp: node lib/main.js\noutput: dist\n',
    '.gitignore': 'node_modules/\nlib/\ndist/\n',
    'platform.ts': PLATFORM_TS,
    'main.ts': MAIN_TS,
    'test/platform.test.ts': TEST_TS,
    'README.md': `# ${options.name}

A Kalypso control plane defined in TypeScript with kalypso-cdk8s (installed from its packed tarball; see \`--package\` of \`kalypso init --typescript\`).

- \`npm test\` — type-checks and runs the snapshot test of the platform GitOps tree (\`test/platform.test.ts\`).
- \`npm run synth\` — writes the tree to \`dist/<environment>/\` with \`cdk8s synth\`; a re-run renders only what changed.

Edit \`platform.ts\`; \`npx jest -u\` accepts a changed tree once you have read the snapshot diff.
`,
  };
}
