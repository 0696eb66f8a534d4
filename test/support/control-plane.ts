import { ControlPlane } from '../../src/api';
import { readTree, temporaryFolder } from './temp';

/** Synthesizes the control plane into a fresh folder and reads back every file written. */
export async function synthesizedTree(controlPlane: ControlPlane): Promise<Record<string, string>> {
  const outdir = temporaryFolder();
  const result = await controlPlane.synth({ outdir });
  expect(result.warnings).toEqual([]);
  return readTree(outdir);
}
