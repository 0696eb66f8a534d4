import { FieldPath } from '../model/field-path';
import { ClusterType, DeploymentTarget, LabelSelector, SchedulingPolicy } from '../model/types';
import { WORKSPACE_LABEL } from '../layout/names';
import { isInWorkspace } from './schedule';
import { Labels, SelectorMismatch, describeLabel, unmetRequirements } from './selector';

/** Which of a policy's filters turned something away (docs/explanation/scheduling-and-config.md#scheduling). */
export enum PolicyFilter {
  /** The deployment target's `spec.environment` is another environment. */
  ENVIRONMENT = 'environment',
  /** The policy's `deploymentTargetSelector.workspace` is not the target's `workspace` label. */
  WORKSPACE = 'workspace',
  /** A label selector requirement does not hold. */
  SELECTOR = 'selector',
}

/** Why a policy does or does not select a cluster type or a deployment target. */
export type PolicyVerdict = { readonly selected: true } | PolicyRejection;

export interface PolicyRejection {
  readonly selected: false;
  readonly filter: PolicyFilter;
  /** The first requirement that failed, e.g. `edge: "true"` or `workspace: "kaizen-app-team"`. */
  readonly requirement: string;
  /** What the labels held, e.g. `label missing`. */
  readonly reason: string;
  /** The label key the failed requirement tests; absent for the environment filter. */
  readonly key?: string;
  /** The exact value the failed requirement wants for `key`, when it wants one (matchLabels, workspace). */
  readonly expected?: string;
  /** Where the failed requirement is written in the policy; absent for the environment filter. */
  readonly field?: FieldPath;
  /** How many requirements failed in all (filters count as one), to find the closest miss. */
  readonly unmet: number;
}

const CLUSTER_TYPE_SELECTOR: FieldPath = ['spec', 'clusterTypeSelector', 'labelSelector'];
const TARGET_SELECTOR: FieldPath = ['spec', 'deploymentTargetSelector', 'labelSelector'];

/** Whether the policy's clusterTypeSelector selects the cluster type, and if not, the first requirement that failed. */
export function judgeClusterType(policy: SchedulingPolicy, clusterType: ClusterType): PolicyVerdict {
  return judgeSelector(clusterType.labels, policy.clusterTypeSelector, CLUSTER_TYPE_SELECTOR, 0);
}

/**
 * Whether the policy selects the deployment target in `environment`: the environment filter, then the workspace filter,
 * then the deploymentTargetSelector (the order upstream applies them in,
 * docs/explanation/scheduling-and-config.md#scheduling).
 */
export function judgeDeploymentTarget(
  policy: SchedulingPolicy,
  target: DeploymentTarget,
  environment: string,
): PolicyVerdict {
  const environmentMiss = target.environment === environment ? 0 : 1;
  const workspaceMiss = isInWorkspace(target, policy) ? 0 : 1;
  const selector = judgeSelector(
    target.labels,
    policy.deploymentTargetSelector,
    TARGET_SELECTOR,
    environmentMiss + workspaceMiss,
  );
  const unmet = selector.selected ? environmentMiss + workspaceMiss : selector.unmet;
  if (environmentMiss) {
    return {
      selected: false,
      filter: PolicyFilter.ENVIRONMENT,
      unmet,
      requirement: `environment: ${JSON.stringify(environment)}`,
      reason: `deployment target is for ${JSON.stringify(target.environment)}`,
    };
  }
  if (workspaceMiss) {
    return {
      selected: false,
      filter: PolicyFilter.WORKSPACE,
      unmet,
      requirement: `workspace: ${JSON.stringify(policy.workspace)}`,
      reason: describeLabel(target.labels, WORKSPACE_LABEL),
      key: WORKSPACE_LABEL,
      expected: policy.workspace,
      field: ['spec', 'deploymentTargetSelector', 'workspace'],
    };
  }
  return selector;
}

function judgeSelector(labels: Labels, selector: LabelSelector, at: FieldPath, extra: number): PolicyVerdict {
  const unmet: SelectorMismatch[] = unmetRequirements(labels, selector);
  if (unmet.length === 0) return { selected: true };
  const [first] = unmet;
  return {
    selected: false,
    filter: PolicyFilter.SELECTOR,
    requirement: first.requirement,
    reason: first.reason,
    key: first.key,
    ...(first.field[0] === 'matchLabels' ? { expected: selector.matchLabels![first.key] } : {}),
    field: [...at, ...first.field],
    unmet: unmet.length + extra,
  };
}
