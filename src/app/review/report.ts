import { SourceLocation } from '../../core/model/problems';
import { EnvironmentModel, Kind } from '../../core/model/types';
import { EnvironmentPlan } from '../../core/plan/plan';

/*
 * The change report of one environment, as data: what changed in the control plane (objects), what that changes in
 * the platform GitOps tree (per assignment), which input change caused each output change, and the output changes
 * grouped so that a fleet-wide change reads as a few facts. Built once by `buildChangeReport`; the pull-request body,
 * the plain-text summary, the JSON and the full per-file report all render only these types.
 */

/** An environment as the pipeline leaves it: the loaded objects and their plan. */
export interface ReviewState {
  readonly model: EnvironmentModel;
  readonly plan: EnvironmentPlan;
}

/** Paths of the environment's tree (relative to the environment root) that publishing adds, changes or deletes. */
export interface TreeChangeSet {
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly deleted: readonly string[];
}

/** What a change report compares. */
export interface ReviewInput {
  /**
   * The environment at the previously published control-plane commit.
   * @default - nothing was published before: every object and every assignment is new
   */
  readonly previous?: ReviewState;
  /** The environment as it is now. */
  readonly next: ReviewState;
  /**
   * What publishing changes on the branch. When given, the report describes exactly these changes: output changes the
   * branch already has are left out, and changed files the two plans do not explain are reported as such.
   * @default - the difference between the two plans
   */
  readonly tree?: TreeChangeSet;
  /**
   * What `previous` is: the control plane the branch was published from (`'control-plane'`), or — when that is not
   * recorded — the branch's tree with the current objects (`'tree'`, see `treeState`): then no input change is known,
   * causes cannot be named, and config keys are compared as the branch's platform-config files hold them.
   * @default 'control-plane'
   */
  readonly baseline?: Baseline;
}

/** What a change report compares with: the previous control plane, or the branch's tree alone. */
export type Baseline = 'control-plane' | 'tree';

export type ChangeType = 'added' | 'removed' | 'changed';

/** One object of the control plane that was added, removed or changed. */
export interface InputChange {
  /** `Kind/name`, how causes name it. */
  readonly ref: string;
  readonly kind: Kind;
  readonly name: string;
  readonly change: ChangeType;
  /** Where it is written now (where it was written, for a removed object); absent for objects built in code. */
  readonly location?: SourceLocation;
  /** The fields that differ, e.g. `data.ENVIRONMENT`, `labels.region`, `reconciler` (changed objects only). */
  readonly fields: readonly string[];
}

/** A deployment target on a cluster type. */
export interface AssignmentRef {
  readonly clusterType: string;
  readonly deploymentTarget: string;
}

/** What changed in the output of an assignment. */
export type OutputChange =
  | {
      readonly type: 'assignment';
      readonly change: 'added' | 'removed';
      /** The policies that place it now (added) or placed it before (removed). */
      readonly policies: readonly string[];
      /** Why it appears or goes although no placement changed: it failed to render before, or fails now. */
      readonly note?: 'failed-before' | 'fails-now';
    }
  | {
      readonly type: 'config';
      readonly key: string;
      /** The value as the platform-config file holds it; absent when the key was added. */
      readonly from?: string;
      /** Absent when the key was removed. */
      readonly to?: string;
    }
  | {
      readonly type: 'file';
      /** File name inside the assignment folder, e.g. `reconciler.yaml`. */
      readonly file: string;
      readonly change: ChangeType;
    };

/** Which cluster types a scope covers. */
export type ClusterTypeSelection =
  | { readonly by: 'all' }
  | { readonly by: 'labels'; readonly labels: Readonly<Record<string, string>> }
  | { readonly by: 'renderer'; readonly field: RendererField; readonly renderer: string }
  | { readonly by: 'names'; readonly names: readonly string[] };

/** The ClusterType fields naming a renderer. */
export type RendererField = 'reconciler' | 'namespaceService' | 'configType';

/** Which deployment targets a scope covers. */
export type TargetSelection =
  | { readonly by: 'all' }
  | { readonly by: 'workload'; readonly workload: string }
  | { readonly by: 'labels'; readonly labels: Readonly<Record<string, string>> }
  | { readonly by: 'names'; readonly names: readonly string[] };

/**
 * The smallest exact description of a set of assignments, relative to the assignments it is taken from (all
 * assignments now, for added and changed ones; all assignments before, for removed ones).
 */
export type Scope =
  | { readonly type: 'all'; readonly assignments: number; readonly of: 'environment' | 'kept' }
  | {
      readonly type: 'selection';
      readonly clusterTypes: ClusterTypeSelection;
      readonly deploymentTargets: TargetSelection;
      /** The cluster types and deployment targets the assignments are on, sorted. */
      readonly clusterTypeNames: readonly string[];
      readonly deploymentTargetNames: readonly string[];
      readonly assignments: number;
    }
  | { readonly type: 'list'; readonly assignments: number };

/** Identical output changes of several assignments with the same causes. */
export interface ChangeGroup {
  /** `G1`, `G2`…: how the diagram and the matrix refer to it. */
  readonly id: string;
  /** One or more output changes, each of which every assignment of the group has. */
  readonly changes: readonly OutputChange[];
  /** `Kind/name` of the input changes that caused them, sorted; empty when no input change explains them. */
  readonly causes: readonly string[];
  /** Set when the branch differs from the previous plan, so that the control plane cannot explain the change. */
  readonly drift?: boolean;
  /** Sorted by cluster type, then deployment target. */
  readonly assignments: readonly AssignmentRef[];
  readonly scope: Scope;
  /** How the changed files of the group's first assignment differ, object by object (file changes only). */
  readonly example?: FileExample;
}

/** The differences of the changed files of one assignment, as `Kind/name field: before → after` lines. */
export interface FileExample {
  readonly assignment: AssignmentRef;
  readonly files: readonly {
    readonly file: string;
    /** At most `MAX_EXAMPLE_LINES`; `more` counts the others. */
    readonly lines: readonly string[];
    readonly more: number;
  }[];
}

/** Everything a reviewer needs to approve one environment's pull request. */
export interface ChangeReport {
  readonly environment: string;
  /** See `ReviewInput.baseline`. */
  readonly baseline: Baseline;
  /** Objects of the control plane that changed, sorted by kind and name. */
  readonly inputs: readonly InputChange[];
  /** Sorted by the number of assignments (most first), then by id. */
  readonly groups: readonly ChangeGroup[];
  readonly assignments: {
    /** Assignments before and now. */
    readonly before: number;
    readonly after: number;
    readonly added: number;
    readonly removed: number;
    /** Assignments kept whose output changed. */
    readonly changed: number;
  };
  /** Set when the promoted control-plane commit changes, with the input that changed it. */
  readonly promotedCommit?: { readonly from?: string; readonly to?: string; readonly causes: readonly string[] };
  /** Changed paths of the tree that belong to no assignment (cluster-type READMEs, stray files). */
  readonly otherFiles: readonly string[];
  /** Counts of the tree change set, when one was given. */
  readonly files?: { readonly added: number; readonly changed: number; readonly deleted: number };
}
