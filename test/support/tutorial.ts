import * as fs from 'fs';
import * as path from 'path';
import { synthesize } from '../../src/app/synthesize/synthesize';
import { planTree } from './plans';
import { copyFolder, temporaryFolder } from './temp';

export const TUTORIAL = path.join(__dirname, '../../examples/tutorial');

/** A scratch copy of the tutorial control plane that a test may edit. */
export function tutorialCopy(): string {
  const copy = path.join(temporaryFolder(), 'control-plane');
  copyFolder(TUTORIAL, copy);
  return copy;
}

/**
 * A copy of the tutorial with three mistakes: malformed YAML in dev-config, an unknown reconciler on the dev drone
 * cluster type, and a selector operator that does not exist in the performance-test policy.
 */
export function brokenTutorialCopy(): string {
  const copy = tutorialCopy();
  fs.writeFileSync(
    path.join(copy, 'dev/configs/dev-config.yaml'),
    'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: dev-config\n',
  );
  const drone = path.join(copy, 'dev/cluster-types/drone/drone-cluster-type.yaml');
  fs.writeFileSync(drone, fs.readFileSync(drone, 'utf8').replace('reconciler: arc-flux', 'reconciler: flux2'));
  const policy = path.join(copy, 'dev/scheduling/performance-test-policy.yaml');
  fs.writeFileSync(
    policy,
    fs
      .readFileSync(policy, 'utf8')
      .replace(
        '      matchLabels:\n        size: large',
        '      matchExpressions:\n        - key: size\n          operator: Equals\n          values: [large]',
      ),
  );
  return copy;
}

/** Every planned file of every environment, as `<environment>/<path>` → content. */
export async function plannedTree(controlPlane: string): Promise<Record<string, string>> {
  const result = await synthesize({ controlPlane });
  expect(result.problems).toEqual([]);
  return planTree(result.plans);
}
