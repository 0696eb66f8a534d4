import { warningsAsErrors } from '../../app/report/problem-json';
import { validateJson } from '../../app/report/synth-json';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import type { VALIDATE_FLAGS } from '../commands/validate';
import { ExitCode } from '../exit';
import { controlPlaneOptions, renderOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, formatSummary, printJson, problemCounts, stderrPalette } from '../report';

export const runValidate: CommandAction<typeof VALIDATE_FLAGS> = async ({ flags }, { io }) => {
  const options = controlPlaneOptions(flags, io.cwd);
  const result = await runPipelineShowingProgress(
    { ...options, ...renderOptions(flags, (text) => io.stderr(`kalypso validate: ${text}\n`)) },
    io,
  );
  const problems = flags.strict ? warningsAsErrors(result.problems) : result.problems;
  const failed = problems.some(isError);
  if (options.json) {
    printJson(io, validateJson(result, problems));
  } else {
    io.stderr(formatProblems(problems, stderrPalette(io)));
    if (failed) io.stderr(`${problemCounts(problems)}\n`);
    else io.stdout(`${formatSummary(result.plans, [])}valid (${problemCounts(problems)})\n`);
  }
  return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
};
