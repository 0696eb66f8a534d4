import { SynthOptions, SynthResult, synthesize } from '../synth/synthesize';
import { CliIO } from './io';
import { createProgress } from './progress';

/** Runs the pipeline with the command's progress indicator (stderr, terminal only, not with `--quiet`). */
export async function runPipeline(options: SynthOptions & { readonly quiet: boolean }, io: CliIO): Promise<SynthResult> {
  const progress = createProgress(io.stderrIsTTY === true, options.quiet, io.stderr);
  try {
    return await synthesize({ ...options, progress });
  } finally {
    progress.stop();
  }
}
