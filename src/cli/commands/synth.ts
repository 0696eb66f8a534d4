import * as path from 'path';
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

export const SYNTH_HELP = `Usage: kalypso synth [options]

Reads the control plane and writes each environment's platform GitOps tree to <out>/<environment>/.
Only cluster-type folders and .github/tracking/ are ever changed; nothing is written when the input has errors.

Options:
${CONTROL_PLANE_HELP}
  -o, --out DIR              output folder [default: dist]
      --keep-going           write the good assignments even when others fail (failed ones keep their files)
${RENDER_HELP}
      --no-render-cache      render every assignment, ignoring the render cache in <out>/.kalypso/

Examples:
  kalypso synth --control-plane examples/tutorial --out dist
  kalypso synth -c ./control-plane --env dev --source https://github.com/org/app=../app
  kalypso synth -c ./control-plane --out dist --shard 2/4
`;

const FLAGS = {
  ...CONTROL_PLANE_FLAGS,
  ...RENDER_FLAGS,
  out: { type: 'string', short: 'o' },
  'keep-going': { type: 'boolean' },
  'no-render-cache': { type: 'boolean' },
} as const;

export async function runSynth(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(SYNTH_HELP);
    return ExitCode.SUCCESS;
  }
  const options = controlPlaneOptions(values, io.cwd);
  const out = path.resolve(io.cwd, (values.out as string | undefined) ?? 'dist');
  const result = await runPipeline(
    {
      ...options,
      ...renderOptions(values),
      out,
      keepGoing: values['keep-going'] === true,
      renderCache: values['no-render-cache'] !== true,
    },
    io,
  );
  const failed = result.problems.some(isError);
  if (options.json) {
    printJson(io, {
      written: result.written.length > 0,
      environments: result.plans.map((plan) =>
        planJson(
          plan,
          result.written.find((r) => r.environment === plan.environment),
        ),
      ),
      problems: result.problems.map(problemJson),
    });
  } else {
    io.stderr(formatProblems(result.problems, stderrPalette(io)));
    if (failed && result.written.length === 0) io.stderr(`${problemCounts(result.problems)}; nothing written\n`);
    else io.stdout(formatSummary(result.plans, result.written));
  }
  return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
}
