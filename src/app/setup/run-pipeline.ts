import { SynthOptions, SynthResult, synthesize } from '../synthesize/synthesize';
import { openControlPlane } from './control-plane';
import { GitServices } from './git-services';
import { checkOutputFolder } from './output-folder';

/** What `runPipeline` reads: `synthesize`'s options, with the control plane given by its location. */
export interface PipelineOptions extends Omit<SynthOptions, 'controlPlane' | 'remote'> {
  /** A folder of branches, a local git repository or a git URL (see `openControlPlane`). */
  readonly controlPlane: string;
}

/**
 * Opens the control plane at `options.controlPlane` — a folder of branches, a local git repository or a git URL,
 * mirrored with `git` — and runs the pipeline on it.
 */
export async function runPipeline(options: PipelineOptions, git: GitServices): Promise<SynthResult> {
  if (options.out !== undefined) checkOutputFolder(options.out);
  options.progress?.phase(`opening ${options.controlPlane}`);
  const opened = await openControlPlane(options.controlPlane, git);
  // One cache folder for the run: git mirrors and render caches side by side.
  return synthesize({ cacheDir: git.cache.root, ...options, ...opened });
}
