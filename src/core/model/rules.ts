import { didYouMean } from './did-you-mean';
import { locateField } from './documents';
import { environmentObjects } from './environments';
import { Problem, describeValue, error, formatLocation, warning } from './problems';
import { ClusterType, ControlPlaneObject, DeploymentTarget, EnvironmentModel, objectRef, originRef } from './types';

/** The renderer names each ClusterType field may use besides Templates (built-ins and code-registered renderers). */
export interface RendererCatalog {
  readonly reconciler: readonly string[];
  readonly namespace: readonly string[];
  readonly config: readonly string[];
}

/** One check across the objects of an environment. */
export type Rule = (environment: EnvironmentModel, context: RuleContext) => Problem[];

export interface RuleContext {
  readonly renderers: RendererCatalog;
  /** The environment's deployment targets: written directly and unfolded from workloads. */
  readonly deploymentTargets: readonly DeploymentTarget[];
}

function describeSource(object: ControlPlaneObject | DeploymentTarget): string {
  return object.source ? formatLocation(object.source.location) : 'code';
}

/** Two objects of one kind with the same name in one environment (main and the environment branch together). */
export const uniqueNamesPerKind: Rule = (environment) => {
  return duplicates(environmentObjects(environment), (object) => objectRef(object)).map(([first, second]) =>
    error(
      `${objectRef(second)} is defined twice in environment "${environment.name}": also at ${describeSource(first)}`,
      {
        location: second.source?.location,
        object: objectRef(second),
      },
    ),
  );
};

/** Two deployment targets with one name, e.g. workload `a` target `b-c` and workload `a-b` target `c`. */
export const uniqueDeploymentTargetNames: Rule = (environment, { deploymentTargets }) =>
  duplicates(
    deploymentTargets.filter((target) => target.environment === environment.name),
    (target) => target.name,
  ).map(([first, second]) =>
    error(
      `deployment target "${second.name}" is produced twice: by ${describeTarget(first)} and by ${describeTarget(second)}`,
      { location: second.source?.location, object: `DeploymentTarget/${second.name}` },
    ),
  );

function describeTarget(target: DeploymentTarget): string {
  const origin = originRef(target);
  return `${origin} (${describeSource(target)})`;
}

const RENDERER_FIELDS = [
  { field: 'reconciler', role: 'reconciler' },
  { field: 'namespaceService', role: 'namespace' },
  { field: 'configType', role: 'config' },
] as const;

/**
 * Each ClusterType renderer name must name a Template or a built-in renderer of that role
 * (docs/explanation/scheduling-and-config.md#renderers-and-templates).
 */
export const clusterTypeRenderersKnown: Rule = (environment, { renderers }) => {
  const templates = environment.templates.map((template) => template.name);
  return environment.clusterTypes.flatMap((clusterType: ClusterType) =>
    RENDERER_FIELDS.flatMap(({ field, role }) => {
      const name = clusterType[field];
      const builtIns = renderers[role];
      if (templates.includes(name) || builtIns.includes(name)) return [];
      const details = {
        location: clusterType.source ? locateField(clusterType.source, ['spec', field]) : undefined,
        object: objectRef(clusterType),
        field: `spec.${field}`,
      };
      if (name === '') {
        return [error(`is empty; name a Template or a built-in ${role} renderer (${builtIns.join(', ')})`, details)];
      }
      return [
        error(`names no Template and no built-in ${role} renderer (${builtIns.join(', ')})`, {
          ...details,
          got: describeValue(name),
          hint: didYouMean(name, [...templates, ...builtIns]),
        }),
      ];
    }),
  );
};

/** Upstream sends the whole environment to every GitOpsRepo; more than one is almost always a mistake. */
export const singleGitOpsRepo: Rule = (environment) =>
  environment.gitOpsRepos.length > 1
    ? environment.gitOpsRepos
        .slice(1)
        .map((repo) =>
          warning(
            `environment "${environment.name}" has ${environment.gitOpsRepos.length} GitOpsRepos; each receives the whole environment`,
            { location: repo.source?.location, object: objectRef(repo) },
          ),
        )
    : [];

/** One RolloutPolicy orders an environment's waves; two would contradict each other. */
export const singleRolloutPolicy: Rule = (environment) =>
  environment.rolloutPolicies
    .slice(1)
    .map((policy) =>
      error(
        `environment "${environment.name}" has ${environment.rolloutPolicies.length} RolloutPolicies; one orders its waves`,
        { location: policy.source?.location, object: objectRef(policy) },
      ),
    );

/** Waves are named in messages, the tracking file and approvals: each name once. */
export const uniqueWaveNames: Rule = (environment) =>
  environment.rolloutPolicies.flatMap((policy) =>
    policy.waves.flatMap((wave, index) =>
      policy.waves.findIndex((other) => other.name === wave.name) === index
        ? []
        : [
            error(`wave "${wave.name}" is defined twice`, {
              location: policy.source ? locateField(policy.source, ['spec', 'waves', index, 'name']) : undefined,
              object: objectRef(policy),
              field: `spec.waves[${index}].name`,
            }),
          ],
    ),
  );

/** A wave naming a cluster type the environment does not have is a typo, or a cluster type removed. */
export const waveClusterTypesKnown: Rule = (environment) => {
  const names = environment.clusterTypes.map((clusterType) => clusterType.name);
  return environment.rolloutPolicies.flatMap((policy) =>
    policy.waves.flatMap((wave, waveIndex) =>
      (wave.clusterTypes ?? []).flatMap((name, index) =>
        names.includes(name)
          ? []
          : [
              warning(`names no ClusterType of environment "${environment.name}"`, {
                location: policy.source
                  ? locateField(policy.source, ['spec', 'waves', waveIndex, 'clusterTypes', index])
                  : undefined,
                object: objectRef(policy),
                field: `spec.waves[${waveIndex}].clusterTypes[${index}]`,
                got: describeValue(name),
                hint: didYouMean(name, names),
              }),
            ],
      ),
    ),
  );
};

export const RULES: readonly Rule[] = [
  uniqueNamesPerKind,
  uniqueDeploymentTargetNames,
  clusterTypeRenderersKnown,
  singleGitOpsRepo,
  singleRolloutPolicy,
  uniqueWaveNames,
  waveClusterTypesKnown,
];

export function checkEnvironment(environment: EnvironmentModel, context: RuleContext): Problem[] {
  return RULES.flatMap((rule) => rule(environment, context));
}

function duplicates<T>(items: readonly T[], keyOf: (item: T) => string): [T, T][] {
  const first = new Map<string, T>();
  const pairs: [T, T][] = [];
  for (const item of items) {
    const key = keyOf(item);
    const seen = first.get(key);
    if (seen) pairs.push([seen, item]);
    else first.set(key, item);
  }
  return pairs;
}
