/*
 * The cdk8s app: `npm run synth` (`cdk8s synth`) synthesizes the embedded tutorial control plane into the platform
 * GitOps tree, one folder per environment under cdk8s' output folder (dist/). It is the same pipeline as
 * `kalypso synth`.
 */
import * as path from 'path';
import { formatProblems } from './src/cli/report';
import { isError } from './src/model/problems';
import { synthesize } from './src/synth/synthesize';

const controlPlane = path.join(__dirname.endsWith(`${path.sep}lib`) ? path.dirname(__dirname) : __dirname, 'examples', 'tutorial');

synthesize({ controlPlane, out: process.env.CDK8S_OUTDIR ?? 'dist' }).then((result) => {
  process.stderr.write(formatProblems(result.problems));
  if (result.problems.some(isError)) process.exitCode = 1;
});
