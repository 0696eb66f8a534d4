import * as path from 'path';
import { synthesize } from '../../src/synth/synthesize';
import { copyFolder, temporaryFolder } from './temp';

export const TUTORIAL = path.join(__dirname, '../../examples/tutorial');

/** A scratch copy of the tutorial control plane that a test may edit. */
export function tutorialCopy(): string {
  const copy = path.join(temporaryFolder(), 'control-plane');
  copyFolder(TUTORIAL, copy);
  return copy;
}

/** Every planned file of every environment, as `<environment>/<path>` → content. */
export async function plannedTree(controlPlane: string): Promise<Record<string, string>> {
  const result = await synthesize({ controlPlane });
  expect(result.problems).toEqual([]);
  return Object.fromEntries(result.plans.flatMap((plan) =>
    Object.entries(plan.files).map(([file, content]) => [`${plan.environment}/${file}`, content])));
}
