import { describeTree } from '../../app/diff/against';
import { againstTrees, diffEnvironments, diffJson, environmentsToCompare } from '../../app/diff/diff-environments';
import { formatDiffCounts, formatTreeDiff } from '../../app/diff/format-diff';
import { isEmptyDiff } from '../../app/diff/tree-diff';
import { gitServices } from '../../app/setup/git-services';
import { isError } from '../../core/model/problems';
import { CommandAction } from '../command';
import type { DIFF_FLAGS } from '../commands/diff';
import { ExitCode } from '../exit';
import { controlPlaneOptions } from '../options';
import { runPipelineShowingProgress } from '../pipeline';
import { formatProblems, printJson, reportInputProblems, stderrPalette } from '../report';

export const runDiff: CommandAction<typeof DIFF_FLAGS> = async ({ flags }, { io }) => {
  const against = await againstTrees(flags.against, { cwd: io.cwd, gitOpsRepos: flags.againstGitops });
  const given = controlPlaneOptions(flags, io.cwd);
  const options = { ...given, environments: environmentsToCompare(against, given.environments) };
  const git = gitServices(io.env, { cache: options.cache });
  const result = await runPipelineShowingProgress(options, io, git);
  const compared = await diffEnvironments(result, { against, git });
  if (compared.problems.some(isError)) {
    return reportInputProblems(io, compared.problems, {
      json: options.json ? diffJson(compared) : undefined,
      nothing: 'compared',
      colors: stderrPalette(io),
    });
  }
  if (options.json) {
    printJson(io, diffJson(compared));
  } else {
    io.stderr(formatProblems(compared.problems, stderrPalette(io)));
    const lines = compared.environments.flatMap(({ environment, diff }) => formatTreeDiff(diff, `${environment}/`));
    const summary = compared.environments.map(
      ({ environment, against: tree, diff }) =>
        `${environment}: ${isEmptyDiff(diff) ? 'no differences' : formatDiffCounts(diff)} (against ${describeTree(tree, io.cwd)})`,
    );
    io.stdout([...lines, ...(lines.length > 0 ? [''] : []), ...summary].map((line) => `${line}\n`).join(''));
  }
  return compared.equal ? ExitCode.SUCCESS : ExitCode.DIFFERENT;
};
