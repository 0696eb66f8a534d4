import { UsageError } from '../../app/errors';
import { explain, explainJson } from '../../app/explain/explain-plans';
import { renderEnvironmentMarkdown, renderTargetMarkdown } from '../../app/explain/render-markdown';
import { renderEnvironmentText, renderTargetText } from '../../app/explain/render-text';
import { explainRollouts, renderRolloutText } from '../../app/explain/explain-rollouts';
import { problemJson } from '../../app/report/problem-json';
import { gitServices } from '../../app/setup/git-services';
import { didYouMean } from '../../core/model/did-you-mean';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import type { EXPLAIN_FLAGS } from '../commands/explain';
import { ExitCode } from '../exit';
import { controlPlaneOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, printJson, stderrPalette } from '../report';

const FORMATS = ['table', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const runExplain: CommandAction<typeof EXPLAIN_FLAGS> = async ({ flags }, { io }) => {
  const options = controlPlaneOptions(flags, io.cwd);
  const format = chooseFormat(flags.format, options.json);
  if (flags.rollout && (flags.target.length > 0 || flags.clusterType.length > 0))
    throw new UsageError('--rollout explains the waves of whole environments; leave out --target and --cluster-type');
  if (flags.rollout && format === 'markdown') throw new UsageError('--rollout prints a table or JSON, not markdown');
  const git = gitServices(io.env, { cache: options.cache });
  const result = await runPipelineShowingProgress(options, io, git);
  io.stderr(format === 'json' ? '' : formatProblems(result.problems, stderrPalette(io)));
  if (flags.rollout) {
    const rollouts = await explainRollouts(result, git, io.cwd);
    if (format === 'json') printJson(io, { rollouts, problems: result.problems.map(problemJson) });
    else io.stdout(rollouts.map(renderRolloutText).join('\n'));
    return result.problems.some(isError) ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
  }
  const explained = explain(result, {
    targets: flags.target,
    clusterTypes: flags.clusterType,
    inEveryEnvironment: options.environments.length > 0,
    matrix: flags.matrix,
  });
  if (format === 'json') printJson(io, explainJson(explained));
  else if (explained.kind === 'matrix')
    io.stdout(
      explained.environments.map(format === 'markdown' ? renderEnvironmentMarkdown : renderEnvironmentText).join('\n'),
    );
  else io.stdout(explained.targets.map(format === 'markdown' ? renderTargetMarkdown : renderTargetText).join('\n'));
  return result.problems.some(isError) ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
};

function chooseFormat(format: string | undefined, json: boolean): Format {
  if (format === undefined) return json ? 'json' : 'table';
  const known = FORMATS.find((candidate) => candidate === format);
  if (!known) {
    const hint = didYouMean(format, FORMATS);
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}${hint ? `; ${hint}` : ''}`,
    );
  }
  if (json && known !== 'json') throw new UsageError(`--json and --format ${known} contradict each other`);
  return known;
}
