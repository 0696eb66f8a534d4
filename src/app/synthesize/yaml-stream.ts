import { EnvironmentPlan } from '../../core/plan/plan';

/**
 * The trees of `plans` as one YAML stream: each file as a document introduced by `# Source: <environment>/<path>`,
 * the convention of `helm template`, so a reader (or `kubectl apply -f -`) sees every file and where it goes.
 */
export function treeYamlStream(plans: readonly EnvironmentPlan[]): string {
  const parts: string[] = [];
  for (const plan of plans) {
    for (const [file, content] of Object.entries(plan.files)) {
      const end = content === '' || content.endsWith('\n') ? '' : '\n';
      parts.push(`---\n# Source: ${plan.environment}/${file}\n${content}${end}`);
    }
  }
  return parts.join('');
}
