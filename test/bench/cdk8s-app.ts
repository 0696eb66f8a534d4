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

/**
 * Makes `floorDir` an app for `cdk8s synth` that synthesizes nothing: it moves a ready tree into the output folder.
 * Timed with `measureCdk8sCliFloor`, it is what the cdk8s CLI itself costs on a tree of that size.
 */
export function writeCdk8sFloorApp(floorDir: string): void {
  fs.mkdirSync(floorDir, { recursive: true });
  fs.writeFileSync(
    path.join(floorDir, 'floor.js'),
    "require('fs').renameSync(require('path').join(__dirname, 'ready'), process.env.CDK8S_OUTDIR);\n",
  );
  fs.writeFileSync(
    path.join(floorDir, 'cdk8s.yaml'),
    `language: typescript\napp: ${JSON.stringify(`${process.execPath} floor.js`)}\noutput: dist\n`,
  );
}

/**
 * `cdk8s synth` of the floor app (`writeCdk8sFloorApp`) as a re-run of `tree` sees it: the output folder holds the
 * tree (which cdk8s deletes first), and the app puts the same tree back in one rename. What remains is the CLI's own
 * work: its start-up, deleting the old tree, running the app, and listing and printing every manifest.
 */
export function measureCdk8sCliFloor(floorDir: string, tree: string, rssFile: string): ProcessMeasurement {
  for (const name of ['dist', 'ready']) {
    fs.rmSync(path.join(floorDir, name), { recursive: true, force: true });
    fs.cpSync(tree, path.join(floorDir, name), { recursive: true });
  }
  return measureProcess(path.join(REPO_ROOT, 'node_modules', '.bin', 'cdk8s'), ['synth', '--no-check-upgrade'], {
    cwd: floorDir,
    rssFile,
  });
}
