import * as path from 'path';
import { UsageError } from '../../app/errors';
import { warningsAsErrors } from '../../app/report/problem-json';
import { synthJson } from '../../app/report/synth-json';
import { treeYamlStream } from '../../app/synthesize/yaml-stream';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import { DEFAULT_OUT, type SYNTH_FLAGS } from '../commands/synth';
import { ExitCode } from '../exit';
import { controlPlaneOptions, renderOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, formatSummary, printJson, problemCounts, stderrPalette } from '../report';

export const runSynth: CommandAction<typeof SYNTH_FLAGS> = async ({ flags }, { io }) => {
  const options = controlPlaneOptions(flags, io.cwd);
  if (flags.stdout && flags.json) throw new UsageError('--stdout and --json contradict each other');
  if (flags.stdout && (flags.out !== undefined || flags.noRenderCache))
    throw new UsageError('--stdout writes nothing; leave out --out and --no-render-cache');
  const out = flags.stdout ? undefined : path.resolve(io.cwd, flags.out ?? DEFAULT_OUT);
  const result = await runPipelineShowingProgress(
    {
      ...options,
      ...renderOptions(flags, (text) => io.stderr(`kalypso synth: ${text}\n`)),
      out,
      keepGoing: flags.keepGoing,
      strict: flags.strict,
      renderCache: !flags.noRenderCache,
    },
    io,
  );
  const problems = flags.strict ? warningsAsErrors(result.problems) : result.problems;
  const failed = problems.some(isError);
  if (options.json) {
    printJson(io, synthJson(result, problems));
    return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
  }
  io.stderr(formatProblems(problems, stderrPalette(io)));
  if (flags.stdout) {
    if (failed && !flags.keepGoing) io.stderr(`${problemCounts(problems)}; nothing printed\n`);
    else io.stdout(treeYamlStream(result.plans));
  } else if (failed && result.written.length === 0) {
    io.stderr(`${problemCounts(problems)}; nothing written\n`);
  } else {
    io.stdout(formatSummary(result.plans, result.written));
  }
  return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
};
