/*
 * The example's cdk8s app: `npx cdk8s synth` in this folder writes dist/dev and dist/stage.
 */
import { KalypsoApp, ValidationError } from '../../src';
import { definePlatform } from './platform';

async function main(): Promise<void> {
  const app = new KalypsoApp();
  definePlatform(app);
  await app.synth();
}

main().catch((e: unknown) => {
  if (!(e instanceof ValidationError)) throw e;
  process.stderr.write(`${e.message}\n`);
  process.exitCode = 1;
});
