import { ControlPlane } from '../../src/control-plane';
import { EnvironmentPlan } from '../../src/output/plan';
import { readTree, temporaryFolder } from './temp';

/** Every planned file as `<environment>/<path>` → content. */
export function planTree(plans: readonly EnvironmentPlan[]): Record<string, string> {
  return Object.fromEntries(plans.flatMap((plan) =>
    Object.entries(plan.files).map(([file, content]) => [`${plan.environment}/${file}`, content])));
}

/** Synthesizes the control plane into a fresh folder and reads back every file written. */
export async function synthesizedTree(controlPlane: ControlPlane): Promise<Record<string, string>> {
  const outdir = temporaryFolder();
  const result = await controlPlane.synth({ outdir });
  expect(result.warnings).toEqual([]);
  return readTree(outdir);
}
