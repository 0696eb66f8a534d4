import { isError } from '../../core/model/problems';
import { ExitCode } from '../exit';
import { CliIO } from '../io';
import {
  CONTROL_PLANE_FLAGS,
  CONTROL_PLANE_HELP,
  RENDER_FLAGS,
  RENDER_HELP,
  controlPlaneOptions,
  parseFlags,
  renderOptions,
} from '../options';
import {
  formatProblems,
  formatSummary,
  planJson,
  printJson,
  problemCounts,
  problemJson,
  stderrPalette,
} from '../report';
import { runPipeline } from '../run-pipeline';

export const VALIDATE_HELP = `Usage: kalypso validate [options]

Does everything synth does except writing: reads, checks, schedules and renders, then reports every problem at once.

Options:
${CONTROL_PLANE_HELP}
${RENDER_HELP}

Examples:
  kalypso validate --control-plane examples/tutorial
  kalypso validate -c ./control-plane --json
`;

export async function runValidate(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseFlags(argv, { ...CONTROL_PLANE_FLAGS, ...RENDER_FLAGS });
  if (values.help) {
    io.stdout(VALIDATE_HELP);
    return ExitCode.SUCCESS;
  }
  const options = controlPlaneOptions(values, io.cwd);
  const result = await runPipeline({ ...options, ...renderOptions(values) }, io);
  const failed = result.problems.some(isError);
  if (options.json) {
    printJson(io, {
      valid: !failed,
      environments: result.plans.map((plan) => planJson(plan, undefined)),
      problems: result.problems.map(problemJson),
    });
  } else {
    io.stderr(formatProblems(result.problems, stderrPalette(io)));
    if (failed) io.stderr(`${problemCounts(result.problems)}\n`);
    else io.stdout(`${formatSummary(result.plans, [])}valid (${problemCounts(result.problems)})\n`);
  }
  return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
}
