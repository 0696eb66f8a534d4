import { IConstruct } from 'constructs';
import { SourcedDocument } from '../core/model/documents';
import { buildEnvironmentModel, environmentObjects } from '../core/model/environments';
import { Problem, formatProblem, isError } from '../core/model/problems';
import {
  ControlPlaneModel,
  ControlPlaneObject,
  Environment as EnvironmentObject,
  EnvironmentModel,
  Workload as WorkloadModel,
  objectRef,
} from '../core/model/types';
import { validateDocuments } from '../core/model/validate';
import { EnvironmentPlan } from '../core/plan/plan';
import { Environment } from './environment';
import { KalypsoObject } from './kalypso-object';
import { findEnclosing, findEnvironment } from './scope';
import { WorkloadRegistration } from './workload-registration';

/** Validation errors per construct, each `[location  ][Kind/name  ][field  ]message (got …)[  hint]`. */
export type ConstructErrors = Map<IConstruct, string[]>;

/**
 * The constructs of a control plane as the pipeline's input: the model (per environment, the objects defined directly
 * in the control plane, then the environment's own, as `buildEnvironmentModel` does for `main` and a branch), the
 * errors of the constructs themselves, and how to find the construct a pipeline problem is about.
 */
export interface ConstructModel {
  readonly model: ControlPlaneModel;
  /** Errors found in the constructs themselves (shape, names, environments defined twice), per construct. */
  readonly errors: ConstructErrors;
  /** The construct a problem of environment `index`'s plan concerns, for attributing it. */
  readonly concerned: (problem: Problem, index: number, plan: EnvironmentPlan) => IConstruct;
}

/** Records `message` about `construct` once. */
export function reportError(errors: ConstructErrors, construct: IConstruct, message: string): void {
  const messages = errors.get(construct) ?? [];
  if (!messages.includes(message)) messages.push(message);
  errors.set(construct, messages);
}

/** Builds the model of the constructs below `root`, checking each object as the YAML loader checks a document. */
export function buildConstructModel(root: IConstruct): ConstructModel {
  const errors: ConstructErrors = new Map();
  const constructs = root.node.findAll();
  const environments = constructs.filter(Environment.isEnvironment);
  const objects = constructs.filter(KalypsoObject.isKalypsoObject);

  // Each object on its own: the same shape rules as a YAML document of its kind.
  const models = new Map<KalypsoObject, ControlPlaneObject>();
  for (const object of objects) {
    // What the YAML loader read is checked already: checking its manifest again would only cost time.
    const problems = object._isChecked() ? [] : shapeErrors(object.toManifest(), object.source);
    problems.forEach((problem) => reportError(errors, object, formatConstructProblem(problem, objectRef(object))));
    if (problems.length === 0) models.set(object, object.toModel());
  }
  const declarations = new Map<Environment, EnvironmentObject>();
  for (const environment of environments) {
    const manifest = environment.toManifest();
    const problems = manifest ? shapeErrors(manifest, environment.source) : [];
    problems.forEach((problem) =>
      reportError(errors, environment, formatConstructProblem(problem, `Environment/${environment.name}`)),
    );
    const model = environment.toModel();
    if (model && problems.length === 0) declarations.set(environment, model);
  }
  environments.forEach((environment, index) => {
    const first = environments.findIndex((other) => other.name === environment.name);
    if (first !== index) {
      reportError(
        errors,
        environment,
        `environment "${environment.name}" is defined twice: also at ${environments[first].node.path}`,
      );
    }
  });

  // Where each object applies, and the Workloads found through registrations.
  const shared: KalypsoObject[] = [];
  const own = new Map<Environment, KalypsoObject[]>(environments.map((environment) => [environment, []]));
  const registered = new Map<KalypsoObject, KalypsoObject[]>();
  for (const object of objects) {
    if (!models.has(object)) continue;
    const registration =
      object.kind === 'Workload' ? findEnclosing(object, WorkloadRegistration.isWorkloadRegistration) : undefined;
    if (registration) {
      if (!registered.has(registration)) registered.set(registration, []);
      registered.get(registration)!.push(object);
      continue;
    }
    const environment = findEnvironment(object) as Environment | undefined;
    (environment ? own.get(environment)! : shared).push(object);
  }

  const constructOf = new Map<ControlPlaneObject, KalypsoObject>();
  for (const [object, model] of models) constructOf.set(model, object);
  const environmentModels: EnvironmentModel[] = environments.map((environment) => {
    const members = [...shared, ...own.get(environment)!];
    const registeredWorkloads = members
      .filter((object) => object.kind === 'WorkloadRegistration')
      .flatMap((registration) => registered.get(registration) ?? [])
      .map((workload) => models.get(workload) as WorkloadModel);
    return buildEnvironmentModel(
      { name: environment.name, branch: environment.branch, environment: declarations.get(environment) },
      members.map((object) => models.get(object)!),
      registeredWorkloads,
    );
  });

  const byRef = environmentModels.map(
    (environmentModel) =>
      new Map(environmentObjects(environmentModel).map((object) => [objectRef(object), constructOf.get(object)!])),
  );
  const concerned = (problem: Problem, index: number, plan: EnvironmentPlan): IConstruct => {
    const environment = environments[index];
    if (!problem.object) return environment;
    let ref = problem.object;
    if (ref.startsWith('DeploymentTarget/')) {
      const name = ref.slice('DeploymentTarget/'.length);
      const target = [...plan.deploymentTargets].reverse().find((candidate) => candidate.name === name);
      if (target?.fromWorkload) ref = `Workload/${target.fromWorkload}`;
    }
    return byRef[index].get(ref) ?? environment;
  };
  return {
    model: { environments: environmentModels, environmentNames: environments.map((environment) => environment.name) },
    errors,
    concerned,
  };
}

/**
 * Adds the errors of the plans to the constructs they concern; returns the warnings. Load problems (from YAML read
 * by `ControlPlane.fromFolder`) that are errors go to `root`.
 */
export function attributeProblems(
  constructModel: ConstructModel,
  plans: readonly EnvironmentPlan[],
  loadProblems: readonly Problem[],
  root: IConstruct,
  errors: ConstructErrors,
): Problem[] {
  const warnings: Problem[] = [];
  plans.forEach((plan, index) => {
    for (const problem of plan.problems) {
      if (!isError(problem)) {
        warnings.push(problem);
        continue;
      }
      const construct = constructModel.concerned(problem, index, plan);
      reportError(
        errors,
        construct,
        formatConstructProblem(problem, KalypsoObject.isKalypsoObject(construct) ? objectRef(construct) : undefined),
      );
    }
  });
  for (const problem of loadProblems) {
    if (isError(problem)) reportError(errors, root, formatConstructProblem(problem, undefined));
    else warnings.push(problem);
  }
  return warnings;
}

/** The errors the YAML loader would report for `manifest`: names, labels, selectors, required fields. */
function shapeErrors(manifest: Record<string, unknown>, source: SourcedDocument | undefined): Problem[] {
  const document: SourcedDocument = {
    file: source?.file ?? '',
    branch: source?.branch ?? '',
    index: source?.index ?? 0,
    value: manifest,
    location: source?.location ?? { file: '' },
    fieldLocations: source?.fieldLocations ?? new Map(),
  };
  return validateDocuments([document]).problems.filter(isError);
}

/**
 * A problem as a construct validation message: `[location  ][Kind/name  ][field  ]message (got …)[  hint]`, leaving
 * out the object when it is the construct's own.
 */
function formatConstructProblem(problem: Problem, ownRef: string | undefined): string {
  return formatProblem({
    ...problem,
    location: problem.location?.file ? problem.location : undefined,
    object: problem.object !== ownRef ? problem.object : undefined,
  });
}
