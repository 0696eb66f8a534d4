/*
 * The cdk8s app of this project, and the shortest example of its TypeScript API: `npm run synth` (`cdk8s synth`)
 * loads the embedded tutorial control plane into constructs and writes its platform GitOps tree, one folder per
 * environment, to cdk8s' output folder (dist/) — exactly what `kalypso synth -c examples/tutorial` writes.
 * examples/typescript/ defines the same control plane in code.
 */
import * as path from 'path';
import { ControlPlane, KalypsoApp, ValidationError, formatProblem } from './src';

const root = __dirname.endsWith(`${path.sep}lib`) ? path.dirname(__dirname) : __dirname;

async function main(): Promise<void> {
  const app = new KalypsoApp();
  // One construct per YAML object; code could add environments, cluster types or configs to it here.
  await ControlPlane.fromFolder(app, 'Tutorial', path.join(root, 'examples', 'tutorial'));
  // Validates every construct (all problems at once), schedules, renders and writes <outdir>/<environment>/….
  await app.synth();
  for (const warning of app.warnings) process.stderr.write(`${formatProblem(warning)}\n`);
}

main().catch((e: unknown) => {
  if (!(e instanceof ValidationError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
