import { formatDiffCounts, formatTreeDiff, treeDiffJson } from '../../app/diff/format-diff';
import { TreeDiff, diffPlatformTree, isEmptyDiff } from '../../app/diff/tree-diff';
import { error, isError, sortProblems } from '../../core/model/problems';
import { EnvironmentPlan } from '../../core/plan/plan';
import { AgainstTree, againstTree, checkFolderExists, describeTree, parseAgainst, readAgainstTree } from '../against';
import { gitServices } from '../control-plane';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { CONTROL_PLANE_FLAGS, CONTROL_PLANE_HELP, controlPlaneOptions, parseFlags } from '../options';
import { formatProblems, printJson, problemJson, reportInputProblems, stderrPalette } from '../report';
import { runPipeline } from '../run-pipeline';

export const DIFF_HELP = `Usage: kalypso diff --against DIR [options]
       kalypso diff --against ENV=DIR|ENV=REPO#BRANCH [--against …]… [options]
       kalypso diff --against-gitops [options]

Compares what synth would write with an existing platform GitOps tree: files added, removed and changed, and for
changed YAML every object and field that differs (old → new). Only the managed part of the tree is compared
(cluster-type folders and .github/tracking/); other files are ignored. Nothing is written.

  --against DIR              environment E is compared with DIR/E/ (the layout kalypso synth --out DIR writes)
  --against ENV=DIR          environment ENV is compared with DIR itself (a checkout of ENV's platform GitOps branch)
  --against ENV=REPO#BRANCH  environment ENV is compared with BRANCH of a git repository (a URL or a local
                             repository), read from git objects at the repository root; nothing is checked out
  --against-gitops           each environment is compared with the branch of its GitOpsRepo: what kalypso publish
                             would change there
  With only ENV=… trees, only the environments named are compared, unless --env says otherwise.

Options:
${CONTROL_PLANE_HELP}
      --against TREE         the tree to compare with, as above (repeatable for ENV=…)
      --against-gitops       compare with each environment's GitOpsRepo branch (ENV=… trees take precedence)

Environment:
  GITHUB_TOKEN               token for git over https to github.com (private GitOps repositories); never printed

Exit codes: 0 no differences, 3 differences (for CI gates), 1 problems in the input, 2 usage or environment errors.

Examples:
  kalypso synth -c examples/tutorial --out dist && kalypso diff -c examples/tutorial --against dist
  kalypso diff -c ./control-plane --env dev --against dev=../platform-gitops
  kalypso diff -c ./control-plane --against dist --json
  kalypso diff -c ./control-plane --env dev --against dev=https://github.com/org/platform-gitops#dev
  GITHUB_TOKEN=… kalypso diff -c https://github.com/org/control-plane --against-gitops
`;

const FLAGS = {
  ...CONTROL_PLANE_FLAGS,
  against: { type: 'string', multiple: true },
  'against-gitops': { type: 'boolean' },
} as const;

export async function runDiff(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(DIFF_HELP);
    return ExitCode.SUCCESS;
  }
  const againstValues = (values.against as string[] | undefined) ?? [];
  const againstGitOps = values['against-gitops'] === true;
  if (againstValues.length === 0 && !againstGitOps) {
    throw new UsageError(
      'name the tree to compare with: --against DIR (a kalypso synth --out folder), --against ENV=DIR or ENV=REPO#BRANCH, ' +
        "or --against-gitops (each environment's GitOpsRepo)",
    );
  }
  const against = parseAgainst(againstValues, io.cwd, againstGitOps);
  const folders = [...against.perEnvironment.values()].flatMap((tree) => (tree.kind === 'folder' ? [tree.folder] : []));
  for (const folder of [...(against.outFolder ? [against.outFolder] : []), ...folders]) await checkFolderExists(folder);
  let options = controlPlaneOptions(values, io.cwd);
  if (options.environments.length === 0 && !against.outFolder && !againstGitOps) {
    options = { ...options, environments: [...against.perEnvironment.keys()] };
  }
  for (const environment of options.environments) {
    if (!againstGitOps && againstTree(against, { environment }) === undefined) {
      throw new UsageError(
        `--against names no tree for environment "${environment}"; add --against ${environment}=DIR`,
      );
    }
  }

  const git = gitServices(io, { cache: options.cache });
  const result = await runPipeline({ ...options }, io, git);
  const problems = [...result.problems];
  const trees = new Map<EnvironmentPlan, AgainstTree>();
  for (const plan of problems.some(isError) ? [] : result.plans) {
    const tree = againstTree(against, plan)!;
    if ('problem' in tree) problems.push(error(tree.problem, { object: `Environment/${plan.environment}` }));
    else trees.set(plan, tree);
  }
  if (problems.some(isError)) {
    const sorted = sortProblems(problems);
    return reportInputProblems(io, sorted, {
      json: options.json,
      failed: { equal: null, environments: [] },
      nothing: 'compared',
      colors: stderrPalette(io),
    });
  }

  const compared: { environment: string; tree: AgainstTree; diff: TreeDiff }[] = [];
  for (const [plan, tree] of trees) {
    const existing = await readAgainstTree(tree, plan.clusterTypes, git);
    compared.push({
      environment: plan.environment,
      tree,
      diff: diffPlatformTree(existing, plan.files, plan.clusterTypes),
    });
  }
  const equal = compared.every(({ diff }) => isEmptyDiff(diff));

  if (options.json) {
    printJson(io, {
      equal,
      environments: compared.map(({ environment, tree, diff }) => ({
        name: environment,
        against: tree.kind === 'folder' ? tree.folder : { repo: tree.repo, branch: tree.branch },
        equal: isEmptyDiff(diff),
        ...treeDiffJson(diff),
      })),
      problems: result.problems.map(problemJson),
    });
  } else {
    io.stderr(formatProblems(result.problems, stderrPalette(io)));
    const lines = compared.flatMap(({ environment, diff }) => formatTreeDiff(diff, `${environment}/`));
    const summary = compared.map(
      ({ environment, tree, diff }) =>
        `${environment}: ${isEmptyDiff(diff) ? 'no differences' : formatDiffCounts(diff)} (against ${describeTree(tree, io.cwd)})`,
    );
    io.stdout([...lines, ...(lines.length > 0 ? [''] : []), ...summary].map((line) => `${line}\n`).join(''));
  }
  return equal ? ExitCode.SUCCESS : ExitCode.DIFFERENT;
}
