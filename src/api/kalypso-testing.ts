import { loadAll } from 'js-yaml';
import { ControlPlane } from './control-plane';

/** What `KalypsoTesting.synth` returns: each file of the tree by its path, YAML files as their objects. */
export type SynthesizedTree = Record<string, unknown[] | string>;

/**
 * Snapshot-test helpers for control planes, the counterpart of cdk8s' `Testing` (which synthesizes one chart).
 */
export class KalypsoTesting {
  /**
   * The platform GitOps tree of `controlPlane`, planned in this thread, as `{ "<environment>/<path>": content }` sorted
   * by path: a `.yaml` file as the list of its objects, any other file (README.md, platform-config.sh,
   * Promoted_Commit_Id) as its text. Meant for `expect(KalypsoTesting.synth(controlPlane)).toMatchSnapshot()`: a
   * changed platform config value shows in the snapshot diff at the object and key it changed.
   * @throws ValidationError listing every error of the control plane
   */
  public static synth(controlPlane: ControlPlane): SynthesizedTree {
    const tree: SynthesizedTree = {};
    for (const plan of controlPlane.plan()) {
      for (const [file, content] of Object.entries(plan.files)) {
        tree[`${plan.environment}/${file}`] = file.endsWith('.yaml') ? loadAll(content) : content;
      }
    }
    return tree;
  }

  private constructor() {}
}
