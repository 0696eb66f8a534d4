import { Problem } from '../../core/model/problems';
import { PromotionRefusedError, promote } from '../../app/promotion/promote';
import { gitServices } from '../control-plane';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { parseFlags } from '../options';
import {
  PROMOTION_FLAGS,
  PROMOTION_TARGET_FLAGS,
  PromotionContext,
  PromotionServices,
  commitFlag,
  promotionProblems,
  refusedProblem,
  resolveControlPlane,
} from '../promotion-setup';
import { describePromotion, promotionJson } from '../promotion-report';
import { printJson, reportInputProblems } from '../report';

export const PROMOTE_HELP = `Usage: kalypso promote --commit SHA [--env NAME] [options]

Promotes a commit of the control plane's main branch to an environment (reference §10): writes the BaseRepo "main"
pinning that commit (base-repo.yaml, exactly as upstream Kalypso's cd workflow writes it) onto the environment's
branch of the control plane, and sets the commit status "pending" / "Promoted" with context "<env> environment" on
the commit. Publishing that branch (kalypso publish) then proposes the environment's tree built from the commit.
Promoting the same commit again changes nothing.

Options:
      --commit SHA           the main commit to promote (full id) [required]
  -e, --env NAME             the environment [default: the first one declared on main]
  -c, --control-plane PATH   the control plane: a git repository (local, or a URL) [default: .]
      --push                 write the branch with git push to the --control-plane repository (any host; for the
                             top of a clone, its origin) instead of the GitHub API
      --no-status            set no commit status
      --github-api-url URL   the GitHub API, for GitHub Enterprise Server [default: https://api.github.com]
      --cache DIR            where git repositories are mirrored
      --json                 print the result as JSON (shapes in the README, "JSON output")
  -q, --quiet                no notices
  -h, --help                 show this help

The environment's branch and repository are its Environment's spec.controlPlane (branch, repo); statuses go to that
repository when it is on GitHub, and are skipped with a notice for any other host.

Environment:
  GITHUB_TOKEN               token for the GitHub API (branch write, statuses) and git over https to GitHub

Examples:
  GITHUB_TOKEN=… kalypso promote -c . --commit "$GITHUB_SHA"
  kalypso promote -c ./control-plane.git --env stage --commit 5523a85f37d12c0c7c10ab6616644db089fcd6f7 --push
`;

const FLAGS = {
  ...PROMOTION_TARGET_FLAGS,
  ...PROMOTION_FLAGS,
} as const;

export async function runPromote(
  argv: readonly string[],
  io: CliIO,
  services: PromotionServices = {},
): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(PROMOTE_HELP);
    return ExitCode.SUCCESS;
  }
  const commit = commitFlag(values.commit, '--commit');
  const json = values.json === true;
  const { flags, cache } = resolveControlPlane(values, io);
  const git = gitServices(io, { cache, githubOrigin: flags.githubOrigin });
  const notice = (text: string) => {
    if (!values.quiet) io.stderr(`kalypso promote: ${text}\n`);
  };
  const context = await PromotionContext.open(flags, git, services, notice);
  const selections = await context.environments(commit);
  if (selections.length === 0) throw new UsageError(`${context.source.description} declares no environment`);
  const selection = values.env !== undefined ? context.environment(selections, values.env as string) : selections[0];
  const state = await context.branchState(selection);
  const problems = promotionProblems(selection, state, commit, context.repositoryOf(selection));
  if (problems.length > 0) return reportProblems(problems, json, io);
  const writer = await context.writer(selection);
  const statuses = await context.statusBoard(selection);
  let result;
  try {
    result = await promote({
      environment: selection.name,
      commit,
      repo: context.repositoryOf(selection),
      branch: selection.branch,
      existing: state.existing,
      files: state.files,
      writer,
      statuses,
    });
  } catch (e) {
    if (e instanceof PromotionRefusedError)
      return reportProblems([refusedProblem(selection, e.file, e.message)], json, io);
    throw e;
  }
  if (json) printJson(io, { promoted: true, environment: promotionJson(result), problems: [] });
  else io.stdout(describePromotion(result, writer.description));
  return ExitCode.SUCCESS;
}

function reportProblems(problems: readonly Problem[], json: boolean, io: CliIO): ExitCode {
  return reportInputProblems(io, problems, {
    json,
    failed: { promoted: false, environment: null },
    nothing: 'promoted',
  });
}
