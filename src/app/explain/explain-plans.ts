import { didYouMean } from '../../core/model/did-you-mean';
import { deploymentTargetName } from '../../core/layout/names';
import { Problem } from '../../core/model/problems';
import { EnvironmentModel } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';
import { UsageError } from '../errors';
import { problemJson } from '../report/problem-json';
import { SynthResult } from '../synthesize/synthesize';
import { explainEnvironment } from './explain-environment';
import { explainTarget, findDeploymentTarget, knownDeploymentTargets } from './explain-target';
import { EnvironmentExplanation, TargetExplanation } from './explanation';
import { environmentExplanationJson, targetExplanationJson } from './explanation-json';

/** What to explain of a pipeline's result. */
export interface ExplainOptions {
  /**
   * Explain these deployment targets (`<workload>-<target>`): why each is (not) on each cluster type, and where its
   * config comes from.
   * @default - none: the assignment matrix of each environment
   */
  readonly targets?: readonly string[];
  /**
   * Only these cluster types: the matrix's columns, or the cluster types a target is explained on.
   * @default - every cluster type
   */
  readonly clusterTypes?: readonly string[];
  /**
   * Explain a target in every environment of the result, also one it does not belong to (its policies then all turn
   * it away with the environment filter); the command line sets it when `--env` names the environments.
   * @default false - a target is explained in the environments it belongs to
   */
  readonly inEveryEnvironment?: boolean;
  /**
   * The assignment matrix even with `targets`: they then keep only those rows (and `clusterTypes` those columns).
   * @default false - with targets, each target is explained
   */
  readonly matrix?: boolean;
}

/** The explanation `kalypso explain` prints: the assignment matrices, or the deployment targets explained. */
export type ExplainResult =
  | {
      readonly kind: 'matrix';
      readonly environments: readonly EnvironmentExplanation[];
      readonly problems: readonly Problem[];
    }
  | { readonly kind: 'targets'; readonly targets: readonly TargetExplanation[]; readonly problems: readonly Problem[] };

/**
 * Explains a pipeline's result: without targets, the assignment matrix of each environment (deployment targets ×
 * cluster types, each cell naming the policies that placed the target there); with targets, for each, every policy's
 * verdict on it and each cluster type, and its platform config wherever it landed. A target or cluster type that does
 * not exist is a usage error with a did-you-mean hint.
 */
export function explain(
  result: Pick<SynthResult, 'model' | 'plans' | 'problems'>,
  options: ExplainOptions = {},
): ExplainResult {
  const plans = new Map(result.plans.map((plan) => [plan.environment, plan]));
  const environments = result.model.environments.filter((environment) => plans.has(environment.name));
  const clusterTypes = options.clusterTypes ?? [];
  const targets = options.targets ?? [];
  if (targets.length === 0 || options.matrix) {
    checkClusterTypes(clusterTypes, environments);
    for (const name of targets) chooseEnvironments(environments, plans, name, true);
    const matrices = environments.map((environment) => explainEnvironment(environment, plans.get(environment.name)!));
    return {
      kind: 'matrix',
      environments: matrices.map((matrix) => narrowMatrix(matrix, clusterTypes, targets)),
      problems: result.problems,
    };
  }
  const explained = targets.flatMap((name) =>
    chooseEnvironments(environments, plans, name, options.inEveryEnvironment === true).map((environment) => {
      const plan = plans.get(environment.name)!;
      for (const clusterType of clusterTypes) checkClusterType(clusterType, environment);
      const explanation = explainTarget(environment, plan, findDeploymentTarget(environment, plan, name)!);
      return clusterTypes.length > 0 ? narrowTarget(explanation, clusterTypes) : explanation;
    }),
  );
  return { kind: 'targets', targets: explained, problems: result.problems };
}

/** `kalypso explain --json`. */
export function explainJson(result: ExplainResult) {
  return result.kind === 'matrix'
    ? {
        environments: result.environments.map(environmentExplanationJson),
        problems: result.problems.map(problemJson),
      }
    : { explanations: result.targets.map(targetExplanationJson), problems: result.problems.map(problemJson) };
}

/** The matrix with only the columns of `clusterTypes`; its rows stay. */
/** The matrix with only the columns of `clusterTypes` and the rows of `targets` (all, when a list is empty). */
function narrowMatrix(
  matrix: EnvironmentExplanation,
  clusterTypes: readonly string[],
  targets: readonly string[],
): EnvironmentExplanation {
  const column = (name: string) => clusterTypes.length === 0 || clusterTypes.includes(name);
  const row = (name: string) => targets.length === 0 || targets.includes(name);
  return {
    ...matrix,
    clusterTypes: matrix.clusterTypes.filter(column),
    deploymentTargets: matrix.deploymentTargets.filter((target) => row(target.name)),
    assignments: matrix.assignments.filter(
      (assignment) => column(assignment.clusterType) && row(assignment.deploymentTarget),
    ),
    idleClusterTypes: matrix.idleClusterTypes.filter(column),
    unscheduledTargets: matrix.unscheduledTargets.filter(row),
  };
}

/** The explanation of a target on only the cluster types named. */
function narrowTarget(explanation: TargetExplanation, clusterTypes: readonly string[]): TargetExplanation {
  const shown = new Set(clusterTypes);
  return {
    ...explanation,
    clusterTypes: explanation.clusterTypes.filter((name) => shown.has(name)),
    placements: explanation.placements.filter((placement) => shown.has(placement.clusterType)),
    policies: explanation.policies.map((policy) => ({
      ...policy,
      clusterTypes: policy.clusterTypes.filter((entry) => shown.has(entry.clusterType)),
    })),
    configs: explanation.configs.filter((config) => shown.has(config.clusterType)),
  };
}

/** Every cluster type named must be one of some environment's. */
function checkClusterTypes(names: readonly string[], environments: readonly EnvironmentModel[]): void {
  const known = [...new Set(environments.flatMap((e) => e.clusterTypes.map((ct) => ct.name)))].sort();
  for (const name of names) {
    if (known.includes(name)) continue;
    throw new UsageError(
      withHint(
        `unknown cluster type ${JSON.stringify(name)} (the control plane has ${quoted(known)})`,
        didYouMean(name, known),
      ),
    );
  }
}

function checkClusterType(name: string, environment: EnvironmentModel): void {
  const names = environment.clusterTypes.map((ct) => ct.name).sort();
  if (names.includes(name)) return;
  throw new UsageError(
    withHint(
      `unknown cluster type ${JSON.stringify(name)} in environment ${JSON.stringify(environment.name)} (it has ${quoted(names)})`,
      didYouMean(name, names),
    ),
  );
}

/**
 * The environments to explain the target in: with `inEveryEnvironment`, every one where it is known (where a target
 * of another environment is shown turned away by every policy's environment filter), else every environment the
 * target belongs to.
 */
function chooseEnvironments(
  environments: readonly EnvironmentModel[],
  plans: ReadonlyMap<string, EnvironmentPlan>,
  targetName: string,
  inEveryEnvironment: boolean,
): EnvironmentModel[] {
  const found = environments.filter((environment) => {
    const target = findDeploymentTarget(environment, plans.get(environment.name)!, targetName);
    return target && (inEveryEnvironment || target.environment === environment.name);
  });
  if (found.length > 0) return found;
  const declared = declaredEnvironment(environments, targetName);
  if (declared !== undefined) {
    const names = environments.map((environment) => environment.name);
    throw new UsageError(
      withHint(
        `deployment target ${JSON.stringify(targetName)} is for environment ${JSON.stringify(declared)}, which the control plane does not have (it has ${quoted(names)})`,
        didYouMean(declared, names),
      ),
    );
  }
  const known = [
    ...new Set(
      environments.flatMap((environment) => knownDeploymentTargets(environment, plans.get(environment.name)!)),
    ),
  ].sort();
  throw new UsageError(
    withHint(
      `unknown deployment target ${JSON.stringify(targetName)}${inEveryEnvironment ? ` in ${environments.map((e) => JSON.stringify(e.name)).join(', ')}` : ''}`,
      didYouMean(targetName, known) ??
        (known.length > 0 ? `deployment targets are named <workload>-<target>: ${known.join(', ')}` : undefined),
    ),
  );
}

/** The environment a deployment target is written for, wherever it is written (directly or in a Workload). */
function declaredEnvironment(environments: readonly EnvironmentModel[], targetName: string): string | undefined {
  for (const environment of environments) {
    const direct = environment.deploymentTargets.find((target) => target.name === targetName);
    if (direct) return direct.environment;
    for (const workload of environment.workloads) {
      const target = workload.deploymentTargets.find(
        (candidate) => deploymentTargetName(workload.name, candidate.name) === targetName,
      );
      if (target) return target.environment;
    }
  }
  return undefined;
}

function quoted(names: readonly string[]): string {
  return names.map((name) => JSON.stringify(name)).join(', ') || 'none';
}

function withHint(message: string, hint: string | undefined): string {
  return hint ? `${message}; ${hint}` : message;
}
