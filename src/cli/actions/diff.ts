import { describeTree } from '../../app/diff/against';
import {
  EnvironmentDiff,
  againstTrees,
  diffEnvironments,
  diffJson,
  environmentsToCompare,
} from '../../app/diff/diff-environments';
import { formatDiffCounts, formatTreeDiff } from '../../app/diff/format-diff';
import { isEmptyDiff } from '../../app/diff/tree-diff';
import { UsageError } from '../../app/errors';
import { renderReviewMarkdown, renderReviewText } from '../../app/review';
import { gitServices } from '../../app/setup/git-services';
import { didYouMean } from '../../core/model/did-you-mean';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import type { DIFF_FLAGS } from '../commands/diff';
import { ExitCode } from '../exit';
import { controlPlaneOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, printJson, reportInputProblems, stderrPalette } from '../report';

const FORMATS = ['text', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export const runDiff: CommandAction<typeof DIFF_FLAGS> = async ({ flags }, { io }) => {
  const format = chooseFormat(flags.format, flags.json, flags.summary);
  const against = await againstTrees(flags.against, { cwd: io.cwd, gitOpsRepos: flags.againstGitops });
  const given = controlPlaneOptions(flags, io.cwd);
  const options = { ...given, environments: environmentsToCompare(against, given.environments) };
  const git = gitServices(io.env, { cache: options.cache });
  const result = await runPipelineShowingProgress(options, io, git);
  const compared = await diffEnvironments(result, { against, git, summary: flags.summary });
  if (compared.problems.some(isError)) {
    return reportInputProblems(io, compared.problems, {
      json: format === 'json' ? diffJson(compared) : undefined,
      nothing: 'compared',
      colors: stderrPalette(io),
    });
  }
  if (format === 'json') {
    printJson(io, diffJson(compared));
  } else {
    io.stderr(formatProblems(compared.problems, stderrPalette(io)));
    const countLine = ({ environment, against: tree, diff }: EnvironmentDiff) =>
      `${environment}: ${isEmptyDiff(diff) ? 'no differences' : formatDiffCounts(diff)} (against ${describeTree(tree, io.cwd)})`;
    if (flags.summary) {
      io.stdout(
        compared.environments
          .map((compared) =>
            format === 'markdown'
              ? `## ${countLine(compared)}\n\n${renderReviewMarkdown(compared.report!, { maxBytes: Infinity }).text}`
              : `${countLine(compared)}\n\n${renderReviewText(compared.report!).text}`,
          )
          .join('\n'),
      );
    } else {
      const lines = compared.environments.flatMap(({ environment, diff }) => formatTreeDiff(diff, `${environment}/`));
      const summary = compared.environments.map(countLine);
      io.stdout([...lines, ...(lines.length > 0 ? [''] : []), ...summary].map((line) => `${line}\n`).join(''));
    }
  }
  return compared.equal ? ExitCode.SUCCESS : ExitCode.DIFFERENT;
};

/** `--format` goes with `--summary`; `--format json` is `--json`. */
function chooseFormat(format: string | undefined, json: boolean, summary: boolean): Format {
  if (format === undefined) return json ? 'json' : 'text';
  const known = FORMATS.find((candidate) => candidate === format);
  if (!known) {
    const hint = didYouMean(format, FORMATS);
    throw new UsageError(
      `--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}${hint ? `; ${hint}` : ''}`,
    );
  }
  if (json && known !== 'json') throw new UsageError(`--json and --format ${known} contradict each other`);
  if (!summary && known !== 'json') throw new UsageError(`--format ${known} only goes with --summary`);
  return known;
}
