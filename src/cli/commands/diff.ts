import * as path from 'path';
import { formatDiffCounts, formatTreeDiff, treeDiffJson } from '../../diff/format-diff';
import { TreeDiff, diffPlatformTree, isEmptyDiff } from '../../diff/tree-diff';
import { isError } from '../../model/problems';
import { readManagedFiles } from '../../output/write';
import { againstFolder, checkFolderExists, parseAgainst } from '../against';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { CONTROL_PLANE_FLAGS, CONTROL_PLANE_HELP, controlPlaneOptions, parseFlags } from '../options';
import { formatProblems, problemCounts, problemJson, stderrPalette } from '../report';
import { runPipeline } from '../run-pipeline';

export const DIFF_HELP = `Usage: kalypso diff --against DIR [options]
       kalypso diff --against ENV=DIR [--against ENV=DIR]… [options]

Compares what synth would write with an existing platform GitOps tree: files added, removed and changed, and for
changed YAML every object and field that differs (old → new). Only the managed part of the tree is compared
(cluster-type folders and .github/tracking/); other files are ignored. Nothing is written.

  --against DIR        environment E is compared with DIR/E/ (the layout kalypso synth --out DIR writes)
  --against ENV=DIR    environment ENV is compared with DIR itself (a checkout of ENV's platform GitOps branch);
                       only the environments named this way are compared, unless --env says otherwise

Options:
${CONTROL_PLANE_HELP}
      --against TREE         the tree to compare with, as above (repeatable for ENV=DIR)

Exit codes: 0 no differences, 3 differences (for CI gates), 1 problems in the input, 2 usage or environment errors.

Examples:
  kalypso synth -c examples/tutorial --out dist && kalypso diff -c examples/tutorial --against dist
  kalypso diff -c ./control-plane --env dev --against dev=../platform-gitops
  kalypso diff -c ./control-plane --against dist --json
`;

const FLAGS = { ...CONTROL_PLANE_FLAGS, against: { type: 'string', multiple: true } } as const;

export async function runDiff(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(DIFF_HELP);
    return ExitCode.SUCCESS;
  }
  const againstValues = (values.against as string[] | undefined) ?? [];
  if (againstValues.length === 0) {
    throw new UsageError('name the tree to compare with: --against DIR (a kalypso synth --out folder) or --against ENV=DIR (a checkout of that environment\'s branch)');
  }
  const against = parseAgainst(againstValues, io.cwd);
  for (const folder of [...(against.outFolder ? [against.outFolder] : []), ...against.perEnvironment.values()]) await checkFolderExists(folder);
  let options = controlPlaneOptions(values, io.cwd);
  if (options.environments.length === 0 && !against.outFolder) options = { ...options, environments: [...against.perEnvironment.keys()] };
  for (const environment of options.environments) {
    if (!againstFolder(against, environment)) throw new UsageError(`--against names no tree for environment "${environment}"; add --against ${environment}=DIR`);
  }

  const result = await runPipeline({ ...options }, io);
  const failed = result.problems.some(isError);
  if (failed) {
    if (options.json) io.stdout(json({ equal: null, environments: [], problems: result.problems.map(problemJson) }));
    else io.stderr(`${formatProblems(result.problems, stderrPalette(io))}${problemCounts(result.problems)}; nothing compared\n`);
    return ExitCode.INPUT_PROBLEMS;
  }

  const compared: { environment: string; folder: string; diff: TreeDiff }[] = [];
  for (const plan of result.plans) {
    const folder = againstFolder(against, plan.environment)!;
    const existing = (await readManagedFiles(folder, plan.clusterTypes)).files;
    compared.push({ environment: plan.environment, folder, diff: diffPlatformTree(existing, plan.files, plan.clusterTypes) });
  }
  const equal = compared.every(({ diff }) => isEmptyDiff(diff));

  if (options.json) {
    io.stdout(json({
      equal,
      environments: compared.map(({ environment, folder, diff }) => ({ name: environment, against: folder, equal: isEmptyDiff(diff), ...treeDiffJson(diff) })),
      problems: result.problems.map(problemJson),
    }));
  } else {
    io.stderr(formatProblems(result.problems, stderrPalette(io)));
    const lines = compared.flatMap(({ environment, diff }) => formatTreeDiff(diff, `${environment}/`));
    const summary = compared.map(({ environment, folder, diff }) =>
      `${environment}: ${isEmptyDiff(diff) ? 'no differences' : formatDiffCounts(diff)} (against ${displayPath(folder, io.cwd)})`);
    io.stdout([...lines, ...(lines.length > 0 ? [''] : []), ...summary].map((line) => `${line}\n`).join(''));
  }
  return equal ? ExitCode.SUCCESS : ExitCode.DIFFERENT;
}

/** A folder relative to the working folder when it is inside it, else absolute. */
function displayPath(folder: string, cwd: string): string {
  const relative = path.relative(cwd, folder);
  return relative === '' ? '.' : relative.startsWith('..') || path.isAbsolute(relative) ? folder : relative;
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
