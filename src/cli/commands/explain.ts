import { explainEnvironment } from '../../app/explain/explain-environment';
import { explainTarget, findDeploymentTarget, knownDeploymentTargets } from '../../app/explain/explain-target';
import { environmentExplanationJson, targetExplanationJson } from '../../app/explain/explanation-json';
import { renderEnvironmentMarkdown, renderTargetMarkdown } from '../../app/explain/render-markdown';
import { renderEnvironmentText, renderTargetText } from '../../app/explain/render-text';
import { didYouMean } from '../../core/model/did-you-mean';
import { isError } from '../../core/model/problems';
import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { ExitCode, UsageError } from '../exit';
import { CliIO } from '../io';
import { CONTROL_PLANE_FLAGS, CONTROL_PLANE_HELP, controlPlaneOptions, parseFlags } from '../options';
import { formatProblems, printJson, problemJson, stderrPalette } from '../report';
import { runPipeline } from '../run-pipeline';

export const EXPLAIN_HELP = `Usage: kalypso explain [options]
       kalypso explain --env NAME --target DEPLOYMENT_TARGET [--cluster-type NAME] [options]

Without --target: the assignment matrix of each environment, deployment targets × cluster types, each cell naming the
policies that placed the target there.
With --target: for every policy, why it does or does not select the target and each cluster type (environment and
workspace filters, then the first failing label requirement with the labels it was tested against); then, wherever the
target landed, its platform config: for every key the ConfigMap (file:line) that set it and the ones it overrode, the
ConfigMaps that do not apply and why, and the ConfigSchemas that apply.

Options:
${CONTROL_PLANE_HELP}
  -t, --target NAME          explain this deployment target (<workload>-<target>, e.g. hello-world-app-functional-test)
      --cluster-type NAME    only this cluster type (with --target)
  -f, --format FORMAT        table (default), markdown (as in pull requests) or json (same as --json)

Examples:
  kalypso explain -c examples/tutorial
  kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test
  kalypso explain -c examples/tutorial --env dev --target hello-world-app-functional-test --cluster-type large
  kalypso explain -c examples/tutorial --format markdown > matrix.md
`;

const FLAGS = {
  ...CONTROL_PLANE_FLAGS,
  target: { type: 'string', short: 't' },
  'cluster-type': { type: 'string' },
  format: { type: 'string', short: 'f' },
} as const;

const FORMATS = ['table', 'markdown', 'json'] as const;
type Format = (typeof FORMATS)[number];

export async function runExplain(argv: readonly string[], io: CliIO): Promise<ExitCode> {
  const { values } = parseFlags(argv, FLAGS);
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return ExitCode.SUCCESS;
  }
  const options = controlPlaneOptions(values, io.cwd);
  const format = chooseFormat(values.format as string | undefined, options.json);
  const targetName = values.target as string | undefined;
  const clusterTypeName = values['cluster-type'] as string | undefined;
  if (clusterTypeName !== undefined && targetName === undefined) throw new UsageError('--cluster-type needs --target');

  const result = await runPipeline({ ...options }, io);
  const plans = new Map(result.plans.map((plan) => [plan.environment, plan]));
  const environments = result.model.environments.filter((environment) => plans.has(environment.name));
  const failed = result.problems.some(isError);
  io.stderr(format === 'json' ? '' : formatProblems(result.problems, stderrPalette(io)));

  if (targetName === undefined) {
    const explanations = environments.map((environment) =>
      explainEnvironment(environment, plans.get(environment.name)!),
    );
    if (format === 'json') {
      printJson(io, {
        environments: explanations.map(environmentExplanationJson),
        problems: result.problems.map(problemJson),
      });
    } else {
      const render = format === 'markdown' ? renderEnvironmentMarkdown : renderEnvironmentText;
      io.stdout(explanations.map(render).join('\n'));
    }
    return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
  }

  const chosen = chooseEnvironments(environments, plans, targetName, options.environments.length > 0);
  const explanations = chosen.map((environment) => {
    const plan = plans.get(environment.name)!;
    const target = findDeploymentTarget(environment, plan, targetName)!;
    let clusterType;
    if (clusterTypeName !== undefined) {
      clusterType = environment.clusterTypes.find((ct) => ct.name === clusterTypeName);
      if (!clusterType) {
        const names = environment.clusterTypes.map((ct) => ct.name).sort();
        throw new UsageError(
          withHint(
            `unknown cluster type ${JSON.stringify(clusterTypeName)} in environment ${JSON.stringify(environment.name)} (it has ${names.map((n) => JSON.stringify(n)).join(', ') || 'none'})`,
            didYouMean(clusterTypeName, names),
          ),
        );
      }
    }
    return explainTarget(environment, plan, target, clusterType);
  });
  if (format === 'json') {
    printJson(io, {
      explanations: explanations.map(targetExplanationJson),
      problems: result.problems.map(problemJson),
    });
  } else {
    const render = format === 'markdown' ? renderTargetMarkdown : renderTargetText;
    io.stdout(explanations.map(render).join('\n'));
  }
  return failed ? ExitCode.INPUT_PROBLEMS : ExitCode.SUCCESS;
}

function chooseFormat(format: string | undefined, json: boolean): Format {
  if (format === undefined) return json ? 'json' : 'table';
  if (!(FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(
      withHint(
        `--format must be one of ${FORMATS.join(', ')}, got ${JSON.stringify(format)}`,
        didYouMean(format, FORMATS),
      ),
    );
  }
  if (json && format !== 'json') throw new UsageError(`--json and --format ${format} contradict each other`);
  return format as Format;
}

/**
 * The environments to explain the target in: those given with `--env` (where a target of another environment is
 * shown turned away by every policy's environment filter), else every environment the target belongs to.
 */
function chooseEnvironments(
  environments: readonly EnvironmentModel[],
  plans: ReadonlyMap<string, EnvironmentPlan>,
  targetName: string,
  explicit: boolean,
): EnvironmentModel[] {
  const found = environments.filter((environment) => {
    const target = findDeploymentTarget(environment, plans.get(environment.name)!, targetName);
    return target && (explicit || target.environment === environment.name);
  });
  if (found.length > 0) return found;
  const known = [
    ...new Set(
      environments.flatMap((environment) => knownDeploymentTargets(environment, plans.get(environment.name)!)),
    ),
  ].sort();
  throw new UsageError(
    withHint(
      `unknown deployment target ${JSON.stringify(targetName)}${explicit ? ` in ${environments.map((e) => JSON.stringify(e.name)).join(', ')}` : ''}`,
      didYouMean(targetName, known) ??
        (known.length > 0 ? `deployment targets are named <workload>-<target>: ${known.join(', ')}` : undefined),
    ),
  );
}

function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message}; ${hint}` : message;
}
