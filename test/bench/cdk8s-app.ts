import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { ProcessMeasurement, REPO_ROOT, measureProcess, nodeArgs } from './whole-process';

/*
 * A generated TypeScript cdk8s app for the benchmark: a KalypsoApp holding the generated control plane (loaded from
 * its folder into constructs), compiled once with tsc and run by `cdk8s synth` as a user runs it. It imports the
 * built package (lib/src) by path, so no installation (and no network) is needed.
 */

const MAIN_TS = (
  controlPlane: string,
) => `import { ControlPlane, KalypsoApp } from ${JSON.stringify(path.join(REPO_ROOT, 'lib', 'src'))};

async function main(): Promise<void> {
  const app = new KalypsoApp();
  await ControlPlane.fromFolder(app, 'Bench', ${JSON.stringify(controlPlane)});
  await app.synth();
}

main().catch((e: unknown) => {
  process.stderr.write(\`\${(e as Error).message}\\n\`);
  process.exitCode = 1;
});
`;

/** Writes and compiles the app in `appDir`; `cdk8s synth` there writes to `appDir/dist`. */
export function writeCdk8sApp(appDir: string, controlPlane: string): void {
  fs.mkdirSync(appDir, { recursive: true });
  fs.writeFileSync(path.join(appDir, 'main.ts'), MAIN_TS(controlPlane));
  compileApp(appDir);
}

/** Compiles the app's `main.ts` in `appDir` and writes the cdk8s.yaml that runs it, writing to `appDir/dist`. */
export function compileApp(appDir: string): void {
  // The hook reports the app's peak memory (cdk8s runs the app in a process of its own).
  fs.writeFileSync(
    path.join(appDir, 'cdk8s.yaml'),
    `language: typescript\napp: ${JSON.stringify([process.execPath, ...nodeArgs('main.js', [])].join(' '))}\noutput: dist\n`,
  );
  execFileSync(
    process.execPath,
    [
      path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'),
      '--module',
      'commonjs',
      '--target',
      'es2022',
      '--moduleResolution',
      'node',
      '--strict',
      '--skipLibCheck',
      '--types',
      'node',
      '--typeRoots',
      path.join(REPO_ROOT, 'node_modules', '@types'),
      'main.ts',
    ],
    { cwd: appDir, stdio: 'pipe' },
  );
}

/** `cdk8s synth` of the app, with the tool's cache (the render cache among it) in `cacheHome`. */
export function measureCdk8sSynth(appDir: string, cacheHome: string, rssFile: string): ProcessMeasurement {
  return measureProcess(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], {
    cwd: appDir,
    env: { XDG_CACHE_HOME: cacheHome },
    rssFile,
  });
}
