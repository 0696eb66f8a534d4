import { PipelineOptions, runPipeline } from '../app/setup/run-pipeline';
import { GitServices, gitServices } from '../app/setup/git-services';
import { SynthResult } from '../app/synthesize/synthesize';
import { CliIO } from './io';
import { createProgress } from './progress';

/**
 * Runs the pipeline on the control plane `--control-plane` names with the command's progress indicator (stderr,
 * terminal only, not with `--quiet`).
 */
export async function runPipelineShowingProgress(
  options: PipelineOptions & { readonly quiet: boolean; readonly cache?: string },
  io: CliIO,
  git: GitServices = gitServices(io.env, { cache: options.cache }),
): Promise<SynthResult> {
  const progress = createProgress(io.stderrIsTTY === true, options.quiet, io.stderr);
  try {
    return await runPipeline({ ...options, progress }, git);
  } finally {
    progress.stop();
  }
}
