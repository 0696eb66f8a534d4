import { formatMismatch } from '../../core/scheduling/selector';
import { PolicyVerdict } from '../../core/scheduling/policy-verdict';
import {
  AssignmentSummary,
  ConfigExplanation,
  EnvironmentExplanation,
  PolicyExplanation,
  TargetExplanation,
} from './explanation';
import { formatValue, formatWhere } from './format-value';
import { formatTable } from './text-table';

/** Shown in an empty matrix cell. */
const EMPTY_CELL = '·';

/**
 * The assignment matrix of an environment for a terminal: one row per deployment target, one column per cluster type.
 */
export function renderEnvironmentText(explanation: EnvironmentExplanation): string {
  const lines = [`${explanation.environment}: ${summaryLine(explanation)}`];
  if (explanation.gitOpsRepo)
    lines.push(`  platform GitOps repository ${explanation.gitOpsRepo.repo}, branch ${explanation.gitOpsRepo.branch}`);
  lines.push('');
  if (explanation.deploymentTargets.length === 0 || explanation.clusterTypes.length === 0) {
    lines.push(`  no ${explanation.clusterTypes.length === 0 ? 'cluster types' : 'deployment targets'}`);
  } else {
    const rows = explanation.deploymentTargets.map((target) => [
      target.name,
      ...explanation.clusterTypes.map(
        (clusterType) => cellText(explanation.assignments, clusterType, target.name) || EMPTY_CELL,
      ),
    ]);
    lines.push(...formatTable([['deployment target', ...explanation.clusterTypes], ...rows], '  '));
  }
  lines.push(...notes(explanation).map((note) => (note ? `  ${note}` : note)));
  return `${lines.join('\n')}\n`;
}

/** `2 assignments of 2 deployment targets on 4 cluster types` */
export function summaryLine(explanation: EnvironmentExplanation): string {
  const count = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  return `${count(explanation.assignments.length, 'assignment')} of ${count(explanation.deploymentTargets.length, 'deployment target')} on ${count(explanation.clusterTypes.length, 'cluster type')}`;
}

/** The policies of one matrix cell, or '' when the target is not on that cluster type. */
export function cellText(
  assignments: readonly AssignmentSummary[],
  clusterType: string,
  deploymentTarget: string,
): string {
  const assignment = assignments.find((a) => a.clusterType === clusterType && a.deploymentTarget === deploymentTarget);
  if (!assignment) return '';
  return `${assignment.policies.join(', ')}${assignment.failed ? ' (failed)' : ''}`;
}

/** Informational lines under a matrix. */
export function notes(explanation: EnvironmentExplanation): string[] {
  const lines: string[] = [];
  if (explanation.idleClusterTypes.length > 0 || explanation.unscheduledTargets.length > 0) lines.push('');
  if (explanation.idleClusterTypes.length > 0)
    lines.push(`cluster types with no deployment target: ${explanation.idleClusterTypes.join(', ')}`);
  if (explanation.unscheduledTargets.length > 0)
    lines.push(`deployment targets no policy selects: ${explanation.unscheduledTargets.join(', ')}`);
  return lines;
}

/** Why a deployment target is (not) on each cluster type, then where each config value came from, for a terminal. */
export function renderTargetText(explanation: TargetExplanation): string {
  const target = explanation.deploymentTarget;
  const lines = [
    `deployment target ${target.name} in ${explanation.environment}`,
    `  workload ${target.workload || '(none)'}, workspace ${target.workspace || '(none)'}, environment ${target.environment}, defined at ${formatWhere(target.location)}`,
    `  labels ${
      Object.keys(target.labels)
        .sort()
        .map((key) => `${key}=${target.labels[key]}`)
        .join(', ') || '(none)'
    }`,
    ...placementLines(explanation).map((line) => `  ${line}`),
    '',
    'scheduling policies',
  ];
  if (explanation.policies.length === 0) lines.push(`  none in environment ${explanation.environment}`);
  for (const policy of explanation.policies) lines.push(...policyLines(policy).map((line) => `  ${line}`));
  for (const config of explanation.configs) lines.push('', ...configLines(config));
  return `${lines.join('\n')}\n`;
}

/** `on drone (functional-test-policy)` and `not on command-center, large, small`. */
export function placementLines(explanation: TargetExplanation): string[] {
  const placed = explanation.placements.map(
    (p) => `${p.clusterType} (${p.policies.join(', ')}${p.failed ? '; failed to render' : ''})`,
  );
  const elsewhere = explanation.clusterTypes.filter(
    (name) => !explanation.placements.some((p) => p.clusterType === name),
  );
  return [
    ...(placed.length > 0 ? [`on ${placed.join(', ')}`] : []),
    ...(elsewhere.length > 0 ? [`not on ${elsewhere.join(', ')}`] : []),
    ...(explanation.clusterTypes.length === 0 ? ['on no cluster type: the environment has none'] : []),
  ];
}

/**
 * `deployment target: selected`, then `cluster type "large": edge: "true" required, label missing` per cluster type.
 */
export function policyVerdictLines(policy: PolicyExplanation): string[] {
  return [
    `deployment target: ${verdictText(policy.deploymentTarget)}`,
    ...policy.clusterTypes.map(
      ({ clusterType, verdict }) => `cluster type ${JSON.stringify(clusterType)}: ${verdictText(verdict)}`,
    ),
  ];
}

function policyLines(policy: PolicyExplanation): string[] {
  const workspace = policy.workspace ? `, workspace ${JSON.stringify(policy.workspace)}` : '';
  return [
    `${policy.policy}  (${formatWhere(policy.location)}${workspace})`,
    ...policyVerdictLines(policy).map((line) => `  ${line}`),
  ];
}

/** `selected`, or the first failed requirement: `edge: "true" required, label missing`. */
export function verdictText(verdict: PolicyVerdict): string {
  return verdict.selected ? 'selected' : formatMismatch(verdict);
}

function configLines(config: ConfigExplanation): string[] {
  const lines = [`platform config on ${config.clusterType}${config.file ? `  (${config.file})` : ''}`];
  if (config.keys.length === 0) lines.push('  empty: no ConfigMap entry applies');
  else {
    const rows: string[][] = [['key', 'value', 'set by', 'at']];
    for (const key of config.keys) {
      rows.push([key.key, formatValue(key.value), key.setBy.configMap, formatWhere(key.setBy.location)]);
      for (const { contribution, merged } of [...key.overrides].reverse()) {
        rows.push([
          '',
          `${merged ? 'merged into' : 'overrides'} ${formatValue(contribution.value)}`,
          contribution.configMap,
          formatWhere(contribution.location),
        ]);
      }
    }
    lines.push(...formatTable(rows, '  '));
  }
  lines.push('', '  ConfigMaps, in the order applied');
  if (config.configMaps.length === 0) lines.push('    none');
  lines.push(
    ...formatTable(
      config.configMaps.map((configMap) => [
        configMap.name,
        configMap.applied
          ? 'applied'
          : `not applied: ${configMap.mismatch ? formatMismatch(configMap.mismatch) : 'no entry applies'}`,
      ]),
      '    ',
    ),
  );
  lines.push('', `  ConfigSchemas: ${configSchemasText(config)}`);
  return lines;
}

/** `none`, or the ConfigSchema objects and inline schemas that apply. */
export function configSchemasText(config: ConfigExplanation): string {
  const parts = config.configSchemas.map((schema) => `${schema.name} (${formatWhere(schema.location)})`);
  if (config.inlineConfigSchemas > 0) parts.push(`${config.inlineConfigSchemas} inline from the deployment target`);
  return parts.length > 0 ? parts.join(', ') : 'none';
}
