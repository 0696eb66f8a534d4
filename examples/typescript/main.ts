/*
 * The example's cdk8s app: `npx cdk8s synth` in this folder writes dist/dev and dist/stage.
 */
import { App } from 'cdk8s';
import { ValidationError } from '../../src';
import { definePlatform } from './platform';

const platform = definePlatform(new App());
platform.synth({ outdir: process.env.CDK8S_OUTDIR ?? 'dist' }).catch((e: unknown) => {
  if (!(e instanceof ValidationError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
