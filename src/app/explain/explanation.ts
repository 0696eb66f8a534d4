import { compareStrings } from '../../core/model/order';
import { ConfigValue } from '../../core/model/config-value';
import { Problem, SourceLocation } from '../../core/model/problems';
import { ConfigContribution, ConfigLabelMismatch } from '../../core/config/platform-config';
import { PolicyVerdict } from '../../core/scheduling/policy-verdict';

/*
 * What `kalypso explain` knows, as data: built once from the loaded environment and its plan, rendered as a terminal
 * table, Markdown (pull-request bodies) or JSON. Every rendering reads only these types.
 */

/** A deployment target as a reader needs it. */
export interface TargetSummary {
  readonly name: string;
  readonly workload: string;
  readonly workspace: string;
  /** The environment its `spec.environment` names. */
  readonly environment: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly location?: SourceLocation;
}

/** One cell of the assignment matrix that holds something. */
export interface AssignmentSummary {
  readonly clusterType: string;
  readonly deploymentTarget: string;
  /** Every policy that placed the target there, sorted. */
  readonly policies: readonly string[];
  /** The assignment could not be rendered (see the problems); its files are not in the plan. */
  readonly failed: boolean;
}

/** The assignment matrix of one environment: cluster types × deployment targets. */
export interface EnvironmentExplanation {
  readonly environment: string;
  readonly gitOpsRepo?: { readonly repo: string; readonly branch: string };
  readonly promotedCommit?: string;
  /** Every ClusterType of the environment, sorted: the matrix columns. */
  readonly clusterTypes: readonly string[];
  /** Every deployment target of the environment, sorted by name: the matrix rows. */
  readonly deploymentTargets: readonly TargetSummary[];
  /** The cells that hold an assignment, sorted by cluster type, then deployment target. */
  readonly assignments: readonly AssignmentSummary[];
  /** Cluster types that host no deployment target (informational, not a warning). */
  readonly idleClusterTypes: readonly string[];
  /** Deployment targets no policy places anywhere. */
  readonly unscheduledTargets: readonly string[];
  /** The plan's problems (warnings included), sorted. */
  readonly problems: readonly Problem[];
}

/** How one policy treats a deployment target and each cluster type. */
export interface PolicyExplanation {
  readonly policy: string;
  readonly location?: SourceLocation;
  /** The policy's workspace filter, when it has one. */
  readonly workspace?: string;
  /** Environment filter, then workspace filter, then deploymentTargetSelector. */
  readonly deploymentTarget: PolicyVerdict;
  /** The clusterTypeSelector against every cluster type explained. */
  readonly clusterTypes: readonly { readonly clusterType: string; readonly verdict: PolicyVerdict }[];
}

/** One key of a composed platform config and where it came from. */
export interface ConfigKeyExplanation {
  readonly key: string;
  /** The composed value. */
  readonly value: ConfigValue;
  /** The last contribution, the one that decided the value (or merged last). */
  readonly setBy: ConfigContribution;
  /** Earlier contributions, in the order applied: replaced (scalars) or merged into (lists, maps). */
  readonly overrides: readonly { readonly contribution: ConfigContribution; readonly merged: boolean }[];
}

/** A ConfigMap feeding platform config, and whether it applies to the pair. */
export interface ConfigMapExplanation {
  readonly name: string;
  readonly location?: SourceLocation;
  readonly applied: boolean;
  /** Why it does not apply: its first label that does not hold. */
  readonly mismatch?: ConfigLabelMismatch;
}

/** The platform config of a deployment target on one cluster type. */
export interface ConfigExplanation {
  readonly clusterType: string;
  /** The platform-config file written for the pair, when there is one. */
  readonly file?: string;
  /** Sorted by key. */
  readonly keys: readonly ConfigKeyExplanation[];
  /** Every platform ConfigMap of the environment, in the order Kalypso applies them. */
  readonly configMaps: readonly ConfigMapExplanation[];
  /** ConfigSchema objects whose labels select the pair (docs/explanation/scheduling-and-config.md#configschemas). */
  readonly configSchemas: readonly { readonly name: string; readonly location?: SourceLocation }[];
  /** Inline schemas of the target's (and its workload's) `configSchemas`. */
  readonly inlineConfigSchemas: number;
}

/** Why a deployment target is (not) on each cluster type, and where its config comes from. */
export interface TargetExplanation {
  readonly environment: string;
  readonly deploymentTarget: TargetSummary;
  /** Cluster types explained: the one asked for, or all of the environment. */
  readonly clusterTypes: readonly string[];
  /** Where it landed (among the cluster types explained). */
  readonly placements: readonly AssignmentSummary[];
  readonly policies: readonly PolicyExplanation[];
  /** One per placement that was rendered. */
  readonly configs: readonly ConfigExplanation[];
}

/** Orders objects by name (code-unit order, as the matrix and its JSON list them). */
export function byName(a: { readonly name: string }, b: { readonly name: string }): number {
  return compareStrings(a.name, b.name);
}
