import { SynthOptions, SynthResult, synthesize } from '../app/synthesize/synthesize';
import { GitServices, gitServices, openControlPlane } from './control-plane';
import { CliIO } from './io';
import { createProgress } from './progress';

/**
 * Opens the control plane `--control-plane` names (a folder of branches, a local git repository or a git URL) and
 * runs the pipeline with the command's progress indicator (stderr, terminal only, not with `--quiet`).
 */
export async function runPipeline(
  options: SynthOptions & { readonly controlPlane: string; readonly quiet: boolean; readonly cache?: string },
  io: CliIO,
  git: GitServices = gitServices(io, { cache: options.cache }),
): Promise<SynthResult> {
  const progress = createProgress(io.stderrIsTTY === true, options.quiet, io.stderr);
  try {
    progress.phase(`opening ${options.controlPlane}`);
    const opened = await openControlPlane(options.controlPlane, git);
    return await synthesize({ ...options, ...opened, progress });
  } finally {
    progress.stop();
  }
}
