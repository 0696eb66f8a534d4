import { isConfigObject } from '../model/config-value';
import { didYouMean } from '../model/did-you-mean';
import { assignWaves } from '../rollout/waves';
import { SourcedDocument, locateField } from '../model/documents';
import { FieldPath, formatFieldPath } from '../model/field-path';
import { Problem, warning } from '../model/problems';
import {
  ClusterType,
  ConfigMap,
  DeploymentTarget,
  EnvironmentModel,
  SchedulingPolicy,
  objectRef,
  originRef,
} from '../model/types';
import {
  CLUSTER_TYPE_LABEL,
  DEPLOYMENT_TARGET_LABEL,
  PLATFORM_CONFIG_LABEL,
  WORKLOAD_LABEL,
  assignmentFolder,
  deploymentTargetName,
} from '../layout/names';
import {
  ConfigContribution,
  ConfigEntry,
  ConfigSource,
  isConfigFor,
  isEntryFor,
  selectingLabels,
} from '../config/platform-config';
import { PolicyRejection, PolicyVerdict, judgeClusterType, judgeDeploymentTarget } from '../scheduling/policy-verdict';
import { Assignment } from '../scheduling/schedule';
import { formatMismatch } from '../scheduling/selector';
import { locateDeploymentTarget } from '../scheduling/unfold';
import { compareStrings } from '../model/order';

/*
 * Warnings for input that is valid but probably not what its author meant: a policy that selects nothing, a
 * deployment target no policy selects, a platform ConfigMap that can apply to nothing, and a config value overridden
 * by a broader ConfigMap only because of name order. Pure; run by `planEnvironment` after scheduling.
 *
 * A ClusterType that hosts no deployment target is deliberately not a warning: platform teams declare cluster types
 * before any workload targets them (the tutorial's `command-center` and `small`); `kalypso explain` lists them.
 */

export interface LikelyMistakeContext {
  /** The deployment targets of the environment (written and unfolded). */
  readonly deploymentTargets: readonly DeploymentTarget[];
  readonly assignments: readonly Assignment[];
  readonly configSources: readonly ConfigSource[];
  /** Each assignment that was rendered, with the config sources that apply to it, in order. */
  readonly configs: readonly {
    readonly clusterType: ClusterType;
    readonly deploymentTarget: DeploymentTarget;
    readonly sources: readonly ConfigSource[];
  }[];
  /** Every environment of the control plane, when known: a target naming another one is a typo. */
  readonly environmentNames?: readonly string[];
}

export type LikelyMistakeRule = (environment: EnvironmentModel, context: LikelyMistakeContext) => Problem[];

/** A policy that produces no assignment: names the side that is empty and the closest miss. */
export const policySelectsSomething: LikelyMistakeRule = (environment, { deploymentTargets, assignments }) => {
  const targets = deploymentTargets.filter((target) => target.environment === environment.name);
  const selecting = new Set(assignments.flatMap((assignment) => assignment.policies));
  return environment.schedulingPolicies
    .filter((policy) => !selecting.has(policy.name))
    .flatMap((policy) => {
      const problems: Problem[] = [];
      const clusterTypeVerdicts = environment.clusterTypes.map((clusterType) => ({
        candidate: clusterType,
        verdict: judgeClusterType(policy, clusterType),
      }));
      if (!clusterTypeVerdicts.some(({ verdict }) => verdict.selected)) {
        problems.push(
          emptySide(
            policy,
            'cluster type',
            clusterTypeVerdicts,
            environment.clusterTypes.map((ct) => ct.labels),
            ['spec', 'clusterTypeSelector', 'labelSelector'],
            environment.name,
          ),
        );
      }
      const targetVerdicts = targets.map((target) => ({
        candidate: target,
        verdict: judgeDeploymentTarget(policy, target, environment.name),
      }));
      if (!targetVerdicts.some(({ verdict }) => verdict.selected)) {
        problems.push(
          emptySide(
            policy,
            'deployment target',
            targetVerdicts,
            targets.map((target) => target.labels),
            ['spec', 'deploymentTargetSelector', 'labelSelector'],
            environment.name,
          ),
        );
      }
      return problems;
    });
};

function emptySide(
  policy: SchedulingPolicy,
  side: string,
  verdicts: readonly { candidate: ClusterType | DeploymentTarget; verdict: PolicyVerdict }[],
  candidateLabels: readonly Readonly<Record<string, string>>[],
  selectorField: FieldPath,
  environment: string,
): Problem {
  const closest = closestMiss(verdicts);
  const field = closest?.verdict.field ?? selectorField;
  const message = closest
    ? `selects no ${side}; closest is ${JSON.stringify(closest.candidate.name)}: ${formatMismatch(closest.verdict)}`
    : `selects no ${side}: environment ${JSON.stringify(environment)} has none`;
  return warning(message, {
    location: policy.source ? locateField(policy.source, field) : undefined,
    object: objectRef(policy),
    field: formatFieldPath(field),
    hint: closest
      ? labelHint(closest.verdict, candidateLabels, {
          description: `${side} ${JSON.stringify(closest.candidate.name)}`,
          labels: closest.candidate.labels,
        })
      : undefined,
  });
}

/**
 * The rejected candidate with the fewest failed requirements; on a tie, one that has the label the first failed
 * requirement tests (a wrong value is a nearer miss than a missing label), then the first by name.
 */
function closestMiss<T extends { readonly name: string; readonly labels: Readonly<Record<string, string>> }>(
  verdicts: readonly { candidate: T; verdict: PolicyVerdict }[],
): { candidate: T; verdict: PolicyRejection } | undefined {
  const rank = ({ candidate, verdict }: { candidate: T; verdict: PolicyRejection }): [number, number, string] => [
    verdict.unmet,
    verdict.key !== undefined && verdict.key in candidate.labels ? 0 : 1,
    candidate.name,
  ];
  let best: { candidate: T; verdict: PolicyRejection } | undefined;
  for (const { candidate, verdict } of verdicts) {
    if (verdict.selected) continue;
    const entry = { candidate, verdict };
    if (!best || compareRanks(rank(entry), rank(best)) < 0) best = entry;
  }
  return best;
}

function compareRanks(a: [number, number, string], b: [number, number, string]): number {
  return a[0] - b[0] || a[1] - b[1] || compareStrings(a[2], b[2]);
}

/**
 * `did you mean "restricted"?` when the failing requirement's key (or value) is a near miss of one the candidates have;
 * when the closest candidate is the one that has it, either side may hold the typo, so it asks about that label too.
 */
function labelHint(
  verdict: PolicyRejection,
  candidates: readonly Readonly<Record<string, string>>[],
  closest: { readonly description: string; readonly labels: Readonly<Record<string, string>> },
): string | undefined {
  const { key } = verdict;
  if (key === undefined) return undefined;
  const keys = new Set(candidates.flatMap((labels) => Object.keys(labels)));
  if (!keys.has(key)) {
    const hint = didYouMean(key, keys);
    const near = hint && Object.keys(closest.labels).some((other) => didYouMean(key, [other]) !== undefined);
    return hint && (near ? `${hint} (or is the label of ${closest.description} misspelled?)` : hint);
  }
  if (verdict.expected === undefined) return undefined;
  const values = new Set(candidates.flatMap((labels) => (key in labels ? [labels[key]] : [])));
  const hint = didYouMean(verdict.expected, values);
  const near = key in closest.labels && didYouMean(verdict.expected, [closest.labels[key]]) !== undefined;
  return hint && (near ? `${hint} (or is the label of ${closest.description} misspelled?)` : hint);
}

/** A deployment target of the environment that no policy places anywhere. */
export const deploymentTargetScheduled: LikelyMistakeRule = (environment, { deploymentTargets, assignments }) => {
  const scheduled = new Set(assignments.map((assignment) => assignment.deploymentTarget.name));
  return deploymentTargets
    .filter((target) => target.environment === environment.name)
    .filter((target) => !scheduled.has(target.name))
    .map((target) =>
      warning(
        `deployment target ${JSON.stringify(target.name)} is selected by no SchedulingPolicy${unscheduledReason(environment, target)}`,
        {
          location: locateDeploymentTarget(target),
          object: originRef(target),
          field: target.sourcePath ? formatFieldPath(target.sourcePath) : undefined,
        },
      ),
    );
};

function unscheduledReason(environment: EnvironmentModel, target: DeploymentTarget): string {
  const verdicts = environment.schedulingPolicies.map((policy) => ({
    candidate: policy,
    verdict: judgeDeploymentTarget(policy, target, environment.name),
  }));
  if (verdicts.length === 0) return `: environment ${JSON.stringify(environment.name)} has no SchedulingPolicy`;
  const selecting = verdicts.find(({ verdict }) => verdict.selected);
  if (selecting) return `; ${JSON.stringify(selecting.candidate.name)} selects it but no cluster type`;
  const closest = closestMiss(verdicts)!;
  return `; closest is ${JSON.stringify(closest.candidate.name)}: ${formatMismatch(closest.verdict)}`;
}

/** A platform ConfigMap whose labels hold for no (cluster type, deployment target) pair of the environment. */
export const configMapApplies: LikelyMistakeRule = (environment, { deploymentTargets }) => {
  const targets = deploymentTargets.filter((target) => target.environment === environment.name);
  const clusterTypes = environment.clusterTypes;
  if (targets.length === 0 || clusterTypes.length === 0) return [];
  return environment.configMaps
    .filter((configMap) => configMap.labels[PLATFORM_CONFIG_LABEL] === 'true')
    .filter((configMap) => !appliesToSomePair(configMap.labels, clusterTypes, targets))
    .map((configMap) => {
      const blocking = blockingLabel(configMap, clusterTypes, targets);
      const field = blocking ? ['metadata', 'labels', blocking.key] : ['metadata', 'labels'];
      return warning(
        `applies to no cluster type and deployment target of environment ${JSON.stringify(environment.name)}: ${blocking?.reason ?? 'its labels never hold together'}`,
        {
          location: configMap.source ? locateField(configMap.source, field) : undefined,
          object: objectRef(configMap),
          field: formatFieldPath(field),
          hint: blocking?.hint,
        },
      );
    });
};

/**
 * Whether labels hold for some (cluster type, target) pair; pairs whose cluster type, target or workload the labels
 * name otherwise are not tried (an environment has thousands of pairs and a ConfigMap per cluster type or target).
 */
function appliesToSomePair(
  labels: Readonly<Record<string, string>>,
  clusterTypes: readonly ClusterType[],
  targets: readonly DeploymentTarget[],
): boolean {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(labels, key);
  const candidateTypes = has(CLUSTER_TYPE_LABEL)
    ? clusterTypes.filter((ct) => ct.name === labels[CLUSTER_TYPE_LABEL])
    : clusterTypes;
  let candidateTargets = has(DEPLOYMENT_TARGET_LABEL)
    ? targets.filter((target) => target.name === labels[DEPLOYMENT_TARGET_LABEL])
    : targets;
  if (has(WORKLOAD_LABEL))
    candidateTargets = candidateTargets.filter(
      (target) => (target.labels[WORKLOAD_LABEL] ?? '') === labels[WORKLOAD_LABEL],
    );
  return candidateTypes.some((ct) => candidateTargets.some((target) => isConfigFor(labels, ct, target)));
}

/** The first label (by key) that no pair satisfies on its own, with a did-you-mean hint. */
function blockingLabel(
  configMap: ConfigMap,
  clusterTypes: readonly ClusterType[],
  targets: readonly DeploymentTarget[],
): { key: string; reason: string; hint?: string } | undefined {
  const labels = selectingLabels(configMap.labels);
  for (const key of Object.keys(labels).sort()) {
    const value = labels[key];
    const single = { [key]: value };
    if (clusterTypes.some((ct) => targets.some((target) => isConfigFor(single, ct, target)))) continue;
    const quoted = JSON.stringify(value);
    if (key === CLUSTER_TYPE_LABEL) {
      return {
        key,
        reason: `${key}: ${quoted} names no ClusterType`,
        hint: didYouMean(
          value,
          clusterTypes.map((ct) => ct.name),
        ),
      };
    }
    if (key === DEPLOYMENT_TARGET_LABEL) {
      return {
        key,
        reason: `${key}: ${quoted} names no deployment target`,
        hint: didYouMean(
          value,
          targets.map((target) => target.name),
        ),
      };
    }
    if (key === WORKLOAD_LABEL) {
      return {
        key,
        reason: `${key}: ${quoted} names no workload with a deployment target here`,
        hint: didYouMean(
          value,
          targets.map((target) => target.labels[WORKLOAD_LABEL] ?? ''),
        ),
      };
    }
    const everyLabels = [...clusterTypes.map((ct) => ct.labels), ...targets.map((target) => target.labels)];
    const keys = new Set(everyLabels.flatMap((l) => Object.keys(l)));
    if (!keys.has(key)) {
      return {
        key,
        reason: `no cluster type or deployment target has the label ${JSON.stringify(key)}`,
        hint: didYouMean(key, keys),
      };
    }
    const values = new Set(everyLabels.flatMap((l) => (key in l ? [l[key]] : [])));
    return {
      key,
      reason: `no cluster type or deployment target has ${key}: ${quoted}`,
      hint: didYouMean(value, values),
    };
  }
  return undefined;
}

/**
 * A config value replaced by a later ConfigMap that selects fewer labels than the one it replaces: ConfigMaps apply in
 * name order (docs/explanation/scheduling-and-config.md#order-and-merging), so a broad default whose name sorts last
 * silently beats specific values. Overrides by an equally or more specific ConfigMap are the intended layering and are
 * only shown by `kalypso explain`.
 */
export const configOverridesAreSpecific: LikelyMistakeRule = (_environment, { configSources, configs }) => {
  // Only keys set by more than one entry can be overridden; per source, its entries for such keys.
  const entriesPerKey = new Map<string, number>();
  for (const source of configSources) {
    for (const entry of source.entries) entriesPerKey.set(entry.key, (entriesPerKey.get(entry.key) ?? 0) + 1);
  }
  const specificity = new Map<ConfigContribution, number>();
  const overridable = new Map<
    ConfigSource,
    { entries: ConfigEntry[]; ascending: boolean; least: number; most: number }
  >();
  for (const source of configSources) {
    const entries = source.entries.filter((entry) => entriesPerKey.get(entry.key)! > 1);
    const specificities = entries.map(
      (entry) => Object.keys(selectingLabels(source.labels)).length + Object.keys(entry.keyLabels).length,
    );
    entries.forEach((entry, index) => specificity.set(entry.contribution, specificities[index]));
    overridable.set(source, {
      entries,
      ascending: specificities.every((value, index) => index === 0 || value >= specificities[index - 1]),
      least: Math.min(...specificities),
      most: Math.max(...specificities),
    });
  }
  /** Whether no entry of these sources is less specific than one before it (then there is nothing to report). */
  const neverBroader = (sources: readonly ConfigSource[]) => {
    let most = -Infinity;
    for (const source of sources) {
      const { entries, ascending, least, most: sourceMost } = overridable.get(source)!;
      if (entries.length === 0) continue;
      if (!ascending || least < most) return false;
      most = Math.max(most, sourceMost);
    }
    return true;
  };
  const found = new Map<
    string,
    { later: string; rawKey: string; earlier: string; folders: string[]; location?: Problem['location'] }
  >();
  for (const { clusterType, deploymentTarget, sources } of configs) {
    if (neverBroader(sources)) continue;
    const previous = new Map<string, ConfigContribution>();
    for (const source of sources) {
      for (const entry of overridable.get(source)?.entries ?? []) {
        if (!isEntryFor(entry, clusterType, deploymentTarget)) continue;
        const earlier = previous.get(entry.key);
        const later = entry.contribution;
        previous.set(entry.key, later);
        if (!earlier) continue;
        const merges =
          (Array.isArray(earlier.value) && Array.isArray(later.value)) ||
          (isConfigObject(earlier.value) && isConfigObject(later.value));
        if (merges || specificity.get(later)! >= specificity.get(earlier)!) continue;
        const key = `${later.configMap}\u0000${later.rawKey}\u0000${earlier.configMap}`;
        const warning = found.get(key) ?? {
          later: later.configMap,
          rawKey: later.rawKey,
          earlier: earlier.configMap,
          folders: [],
          location: later.location,
        };
        warning.folders.push(assignmentFolder(clusterType.name, deploymentTarget.name));
        found.set(key, warning);
      }
    }
  }
  return [...found.values()].map(({ later, rawKey, earlier, folders, location }) =>
    warning(
      `overrides the value of the more specific ConfigMap ${JSON.stringify(earlier)} only because ${JSON.stringify(later)} sorts after it, on ${folders.length === 1 ? folders[0] : `${folders.length} assignments (${folders[0]}, …)`}`,
      {
        location,
        object: `ConfigMap/${later}`,
        field: formatFieldPath(['data', rawKey]),
        hint: `ConfigMaps apply in name order; rename one so that ${JSON.stringify(earlier)} sorts last, or remove the key here`,
      },
    ),
  );
};

/** Cluster types no wave selects still roll out (with the last wave), but the policy probably meant to place them. */
export const rolloutWavesCoverClusterTypes: LikelyMistakeRule = (environment) =>
  environment.rolloutPolicies.flatMap((policy) => {
    const { waves, unselected } = assignWaves(policy, environment.clusterTypes);
    return unselected.length === 0
      ? []
      : [
          warning(
            `selects no wave for cluster type${unselected.length === 1 ? '' : 's'} ${unselected.map((name) => JSON.stringify(name)).join(', ')}; ${unselected.length === 1 ? 'it goes' : 'they go'} with the last wave, "${waves[waves.length - 1].name}"`,
            { location: policy.source?.location, object: objectRef(policy) },
          ),
        ];
  });

/**
 * A deployment target whose `environment` names no environment of the control plane is never scheduled anywhere: a
 * typo (`prdo`), or an environment not declared yet. Reported once per target, at its `environment` field.
 */
export const deploymentTargetEnvironmentKnown: LikelyMistakeRule = (environment, { environmentNames }) => {
  if (!environmentNames) return [];
  const unknown = (name: string) => !environmentNames.includes(name);
  const problem = (
    target: string,
    name: string,
    source: SourcedDocument | undefined,
    field: FieldPath,
    object: string,
  ) =>
    warning(
      `deployment target "${target}" is for environment ${JSON.stringify(name)}, which the control plane does not have (it has ${environmentNames.map((known) => JSON.stringify(known)).join(', ')}); it is scheduled nowhere`,
      {
        location: source ? locateField(source, field) : undefined,
        object,
        field: formatFieldPath(field),
        hint: didYouMean(name, environmentNames),
      },
    );
  return [
    ...environment.deploymentTargets
      .filter((target) => unknown(target.environment))
      .map((target) =>
        problem(target.name, target.environment, target.source, ['spec', 'environment'], objectRef(target)),
      ),
    ...environment.workloads.flatMap((workload) =>
      workload.deploymentTargets.flatMap((target, index) =>
        unknown(target.environment)
          ? [
              problem(
                deploymentTargetName(workload.name, target.name),
                target.environment,
                workload.source,
                ['spec', 'deploymentTargets', index, 'environment'],
                objectRef(workload),
              ),
            ]
          : [],
      ),
    ),
  ];
};

export const LIKELY_MISTAKE_RULES: readonly LikelyMistakeRule[] = [
  deploymentTargetEnvironmentKnown,
  policySelectsSomething,
  deploymentTargetScheduled,
  configMapApplies,
  configOverridesAreSpecific,
  rolloutWavesCoverClusterTypes,
];

/** Every likely-mistake warning of an environment. */
export function findLikelyMistakes(environment: EnvironmentModel, context: LikelyMistakeContext): Problem[] {
  return LIKELY_MISTAKE_RULES.flatMap((rule) => rule(environment, context));
}
