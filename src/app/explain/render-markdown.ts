import { formatMismatch } from '../../core/scheduling/selector';
import { ConfigExplanation, EnvironmentExplanation, TargetExplanation } from './explanation';
import { formatValue, formatWhere } from './format-value';
import { cellText, configSchemasText, placementLines, summaryLine, verdictText } from './render-text';

/** Inline code, with a fence longer than any run of backticks inside. */
export function code(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 || text.startsWith(' ') || text.endsWith(' ')
    ? `${fence} ${text} ${fence}`
    : `${fence}${text}${fence}`;
}

/** A table cell: pipes escaped (GitHub reads `\|` as a pipe even inside code), line breaks flattened. */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

export function markdownTable(header: readonly string[], rows: readonly (readonly string[])[]): string[] {
  return [
    `| ${header.map(cell).join(' | ')} |`,
    `| ${header.map(() => '---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
  ];
}

/** The heading, summary and assignment matrix rows of an environment (rows separate, so they can be truncated). */
export function environmentMarkdownParts(explanation: EnvironmentExplanation): {
  head: string[];
  table: string[];
  rows: string[];
  tail: string[];
} {
  const head = [
    `### ${explanation.environment}`,
    '',
    `${summaryLine(explanation)}${
      explanation.gitOpsRepo
        ? ` · platform GitOps repository ${code(explanation.gitOpsRepo.repo)}, branch ${code(explanation.gitOpsRepo.branch)}`
        : ''
    }`,
    '',
  ];
  const tail: string[] = [];
  if (explanation.idleClusterTypes.length > 0)
    tail.push(`Cluster types with no deployment target: ${explanation.idleClusterTypes.map(code).join(', ')}.`);
  if (explanation.unscheduledTargets.length > 0)
    tail.push(`Deployment targets no policy selects: ${explanation.unscheduledTargets.map(code).join(', ')}.`);
  if (explanation.deploymentTargets.length === 0 || explanation.clusterTypes.length === 0) {
    return {
      head,
      table: [],
      rows: [`No ${explanation.clusterTypes.length === 0 ? 'cluster types' : 'deployment targets'}.`],
      tail,
    };
  }
  const [header, separator, ...rows] = markdownTable(
    ['deployment target', ...explanation.clusterTypes],
    explanation.deploymentTargets.map((target) => [
      code(target.name),
      ...explanation.clusterTypes.map((clusterType) => cellText(explanation.assignments, clusterType, target.name)),
    ]),
  );
  return { head, table: [header, separator], rows, tail };
}

/** The assignment matrix of an environment as Markdown: a table of deployment targets × cluster types. */
export function renderEnvironmentMarkdown(explanation: EnvironmentExplanation): string {
  const { head, table, rows, tail } = environmentMarkdownParts(explanation);
  return `${[...head, ...table, ...rows, ...(tail.length > 0 ? ['', ...tail] : [])].join('\n')}\n`;
}

/** Why a deployment target is (not) on each cluster type and where its config comes from, as Markdown. */
export function renderTargetMarkdown(explanation: TargetExplanation): string {
  const target = explanation.deploymentTarget;
  const lines = [
    `### ${code(target.name)} in ${explanation.environment}`,
    '',
    `Workload ${code(target.workload || '(none)')}, workspace ${code(target.workspace || '(none)')}, environment ${code(target.environment)}, defined at ${code(formatWhere(target.location))}.`,
    '',
    `${placementLines(explanation)
      .map((line) => `${line[0].toUpperCase()}${line.slice(1)}.`)
      .join(' ')}`,
    '',
    '#### Scheduling policies',
    '',
  ];
  if (explanation.policies.length === 0) lines.push(`None in environment ${code(explanation.environment)}.`);
  for (const policy of explanation.policies) {
    const workspace = policy.workspace ? `, workspace ${code(policy.workspace)}` : '';
    lines.push(`- **${policy.policy}** (${code(formatWhere(policy.location))}${workspace})`);
    lines.push(`  - deployment target: ${verdictText(policy.deploymentTarget)}`);
    for (const { clusterType, verdict } of policy.clusterTypes)
      lines.push(`  - cluster type ${code(clusterType)}: ${verdictText(verdict)}`);
  }
  for (const config of explanation.configs) lines.push('', ...configMarkdown(config));
  return `${lines.join('\n')}\n`;
}

function configMarkdown(config: ConfigExplanation): string[] {
  const lines = [
    `#### Platform config on ${code(config.clusterType)}${config.file ? ` (${code(config.file)})` : ''}`,
    '',
  ];
  if (config.keys.length === 0) lines.push('Empty: no ConfigMap entry applies.');
  else {
    lines.push(
      ...markdownTable(
        ['key', 'value', 'set by', 'overrides'],
        config.keys.map((key) => [
          code(key.key),
          code(formatValue(key.value)),
          `${code(key.setBy.configMap)} ${code(formatWhere(key.setBy.location))}`,
          [...key.overrides]
            .reverse()
            .map(
              ({ contribution, merged }) =>
                `${merged ? 'merged into ' : ''}${code(contribution.configMap)} ${code(formatValue(contribution.value))} ${code(formatWhere(contribution.location))}`,
            )
            .join('<br>'),
        ]),
      ),
    );
  }
  lines.push(
    '',
    ...markdownTable(
      ['ConfigMap, in the order applied', 'applies'],
      config.configMaps.map((configMap) => [
        code(configMap.name),
        configMap.applied
          ? 'yes'
          : `no: ${configMap.mismatch ? formatMismatch(configMap.mismatch) : 'no entry applies'}`,
      ]),
    ),
  );
  lines.push('', `ConfigSchemas: ${configSchemasText(config)}.`);
  return lines;
}
