import { formatFieldPath } from '../../core/model/field-path';
import { configValueJson } from '../../core/model/config-value';
import { SourceLocation } from '../../core/model/problems';
import { ConfigContribution } from '../../core/config/platform-config';
import { PolicyVerdict } from '../../core/scheduling/policy-verdict';
import { ConfigExplanation, EnvironmentExplanation, TargetExplanation, TargetSummary } from './explanation';

/*
 * The stable JSON shapes of `kalypso explain --json` (README, "JSON output"). Every key is always present; absent
 * values are null. Change them only together with the README and the snapshot tests.
 */

/** `{ file, line, column }`, null for objects built in code. */
export function locationJson(location: SourceLocation | undefined) {
  return location ? { file: location.file, line: location.line ?? null, column: location.column ?? null } : null;
}

export function targetSummaryJson(target: TargetSummary) {
  return {
    name: target.name,
    workload: target.workload,
    workspace: target.workspace,
    environment: target.environment,
    labels: sortedRecord(target.labels),
    location: locationJson(target.location),
  };
}

export function environmentExplanationJson(explanation: EnvironmentExplanation) {
  return {
    name: explanation.environment,
    gitOpsRepo: explanation.gitOpsRepo
      ? { repo: explanation.gitOpsRepo.repo, branch: explanation.gitOpsRepo.branch }
      : null,
    promotedCommit: explanation.promotedCommit ?? null,
    clusterTypes: explanation.clusterTypes,
    deploymentTargets: explanation.deploymentTargets.map(targetSummaryJson),
    assignments: explanation.assignments.map((assignment) => ({
      clusterType: assignment.clusterType,
      deploymentTarget: assignment.deploymentTarget,
      policies: assignment.policies,
      failed: assignment.failed,
    })),
    idleClusterTypes: explanation.idleClusterTypes,
    unscheduledDeploymentTargets: explanation.unscheduledTargets,
  };
}

/** `{ selected: true, … nulls }` or the filter that turned it away and the first failed requirement. */
export function verdictJson(verdict: PolicyVerdict) {
  if (verdict.selected) return { selected: true, filter: null, requirement: null, reason: null, field: null };
  return {
    selected: false,
    filter: verdict.filter,
    requirement: verdict.requirement,
    reason: verdict.reason,
    field: verdict.field ? formatFieldPath(verdict.field) : null,
  };
}

function contributionJson(contribution: ConfigContribution) {
  return {
    configMap: contribution.configMap,
    key: contribution.rawKey,
    value: configValueJson(contribution.value),
    location: locationJson(contribution.location),
  };
}

export function configExplanationJson(config: ConfigExplanation) {
  return {
    clusterType: config.clusterType,
    file: config.file ?? null,
    keys: config.keys.map((key) => ({
      key: key.key,
      value: configValueJson(key.value),
      setBy: contributionJson(key.setBy),
      overrides: key.overrides.map(({ contribution, merged }) => ({ ...contributionJson(contribution), merged })),
    })),
    configMaps: config.configMaps.map((configMap) => ({
      name: configMap.name,
      location: locationJson(configMap.location),
      applied: configMap.applied,
      requirement: configMap.mismatch?.requirement ?? null,
      reason: configMap.mismatch?.reason ?? null,
    })),
    configSchemas: config.configSchemas.map((schema) => ({
      name: schema.name,
      location: locationJson(schema.location),
    })),
    inlineConfigSchemas: config.inlineConfigSchemas,
  };
}

export function targetExplanationJson(explanation: TargetExplanation) {
  return {
    environment: explanation.environment,
    deploymentTarget: targetSummaryJson(explanation.deploymentTarget),
    clusterTypes: explanation.clusterTypes,
    placements: explanation.placements.map((placement) => ({
      clusterType: placement.clusterType,
      policies: placement.policies,
      failed: placement.failed,
    })),
    policies: explanation.policies.map((policy) => ({
      name: policy.policy,
      location: locationJson(policy.location),
      workspace: policy.workspace ?? null,
      deploymentTarget: verdictJson(policy.deploymentTarget),
      clusterTypes: policy.clusterTypes.map(({ clusterType, verdict }) => ({ clusterType, ...verdictJson(verdict) })),
    })),
    configs: explanation.configs.map(configExplanationJson),
  };
}

function sortedRecord(record: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(
    Object.keys(record)
      .sort()
      .map((key) => [key, record[key]]),
  );
}
