import { SourcedDocument } from './documents';
import { KindDefinition, specKind, topLevelKind } from './kind';
import { isLabelKey, labels } from './label-shapes';
import { labelValueProblem } from './kubernetes-names';
import { parseDuration } from './duration';
import { Problem, describeValue } from './problems';
import { isTimeZone, parsePercentage } from './units';
import { ConfigRendererName, NamespaceRendererName, ReconcilerName } from './renderer-names';
import {
  Fields,
  anything,
  dropped,
  list,
  mapOf,
  object,
  oneOf,
  optional,
  refine,
  Shape,
  integer,
  report,
  required,
  string,
} from './shape';
import type { ControlPlaneObject, Kind } from './types';

/*
 * Every kind the control plane may hold, each defined once: the fields of its YAML with their doc comments, which
 * `types.ts` turns into the model types and `src/api/` into the construct props. Kalypso's CRDs
 * (`scheduler.kalypso.io/v1alpha1`) are the source of the YAML shapes.
 *
 * To add a field to a kind, add it here with its doc comment (`required`, `optional`, see `shape.ts`): reading and
 * checking YAML, the model type, the construct props, `toModel()` and `toManifest()` all follow. A construct class
 * shows it as a member only if it is given one.
 */

/** apiVersion of every Kalypso kind. */
export const KALYPSO_API_VERSION = 'scheduler.kalypso.io/v1alpha1';

/** A Kalypso kind: its fields are under `spec`. */
function kalypsoKind<K extends string, F extends Fields>(options: {
  readonly kind: K;
  readonly nameIsLabelValue?: boolean;
  readonly nameIsNamespace?: boolean;
  readonly spec: F;
}): KindDefinition<K, F> {
  return specKind({ apiVersion: KALYPSO_API_VERSION, ...options });
}

const stringMap = mapOf(string);
// Renderer names are strings; their types name the built-ins, for the IDE.
const reconcilerName: Shape<ReconcilerName> = string;
const namespaceRendererName: Shape<NamespaceRendererName> = string;
const configRendererName: Shape<ConfigRendererName> = string;
const stringList = list(string);

/** The operators of a label selector requirement (Kubernetes `metav1.LabelSelectorOperator`). */
export enum SelectorOperator {
  IN = 'In',
  NOT_IN = 'NotIn',
  EXISTS = 'Exists',
  DOES_NOT_EXIST = 'DoesNotExist',
}

/** One requirement of a label selector: `key` `operator` `values`. */
export const requirement = refine(
  object({
    /** The label key the requirement applies to. */
    key: required(string),
    /** How the label's value is compared with `values`. */
    operator: required(oneOf(Object.values(SelectorOperator))),
    /**
     * The values to compare with: non-empty for `In` and `NotIn`, empty for `Exists` and `DoesNotExist`.
     * @default - none
     */
    values: optional(stringList),
  }),
  (checked, path, context) => {
    const { key, operator, values } = checked;
    let valid = isLabelKey(key, [...path, 'key'], context);
    const needsValues = operator === SelectorOperator.IN || operator === SelectorOperator.NOT_IN;
    if (needsValues && !values) {
      report(context, [...path, 'values'], `must be a non-empty list for operator ${operator}`);
      valid = false;
    }
    if (!needsValues && values) {
      report(context, [...path, 'values'], `must be empty for operator ${operator}`, { got: describeValue(values) });
      valid = false;
    }
    values?.forEach((element, index) => {
      const problem = labelValueProblem(element);
      if (problem) {
        report(context, [...path, 'values', index], `label value ${problem}`, { got: describeValue(element) });
        valid = false;
      }
    });
    return valid ? checked : undefined;
  },
);

/** A Kubernetes label selector: `matchLabels` and `matchExpressions` are ANDed; `{}` selects everything. */
export const labelSelector = object({
  /**
   * Labels that must be present with exactly these values.
   * @default - none
   */
  matchLabels: optional(labels, { keepEmpty: true }),
  /**
   * Requirements that must all hold.
   * @default - none
   */
  matchExpressions: optional(list(requirement), { keepEmpty: true }),
});

/** Where a repository's content lives (Kalypso's `ManifestsSpec`). */
export const repositoryRef = object({
  /** URL of the repository (or a folder, for local sources). */
  repo: required(string),
  /** Branch of the repository. */
  branch: required(string),
  /** File or folder inside the repository. */
  path: required(string),
});

export const CLUSTER_TYPE = kalypsoKind({
  kind: 'ClusterType',
  nameIsLabelValue: true,
  spec: {
    /**
     * Renders `reconciler.yaml`: a Template of the control plane with this name, else a registered reconciler
     * (built-in: `flux`, also called `arc-flux`, and `argocd`; more with `ControlPlane.addReconciler`).
     * @default "flux" in code; YAML must set it
     */
    reconciler: required(reconcilerName, { propDefault: 'flux' }),
    /**
     * Renders `namespace.yaml`: a Template with this name, else a registered namespace renderer (built-in: `default`).
     * @default "default" in code; YAML must set it
     */
    namespaceService: required(namespaceRendererName, { propDefault: 'default' }),
    /**
     * Renders the platform config file: a Template with this name, else a registered config renderer (built-in:
     * `configmap` for `platform-config.yaml`, `envfile` for `platform-config.sh`).
     * @default "configmap" in code; YAML must set it
     */
    configType: required(configRendererName, { propDefault: 'configmap' }),
  },
});

export const SCHEDULING_POLICY = kalypsoKind({
  kind: 'SchedulingPolicy',
  nameIsLabelValue: true,
  spec: {
    /**
     * Only deployment targets whose `workspace` label equals this (the workspace of their WorkloadRegistration).
     * @default - targets of every workspace
     */
    workspace: optional(string, { at: ['deploymentTargetSelector', 'workspace'] }),
    /**
     * Which deployment targets, by their labels (`matchLabels` and `matchExpressions` are ANDed).
     * @default {} in code: every deployment target; YAML must set it
     */
    deploymentTargetSelector: required(labelSelector, {
      at: ['deploymentTargetSelector', 'labelSelector'],
      propDefault: {},
    }),
    /**
     * Which cluster types, by their labels.
     * @default {} in code: every cluster type; YAML must set it
     */
    clusterTypeSelector: required(labelSelector, { at: ['clusterTypeSelector', 'labelSelector'], propDefault: {} }),
  },
});

/** The fields of a deployment target, written directly or as one of a Workload's (Kalypso's `DeploymentTargetSpec`). */
const deploymentTargetSpec = {
  /** The environment the target is deployed to; it is scheduled in that environment only. */
  environment: required(string),
  /**
   * Where the target's manifests live: by convention `repo`, `branch` and `path`, which the built-in reconcilers need;
   * any other key is passed on to Templates and custom renderers (`.Manifests.<key>`).
   */
  manifests: required(stringMap),
  /**
   * Inline JSON-Schema documents the target's composed platform config must satisfy.
   * @default - none
   */
  configSchemas: optional(stringList, { default: [] }),
};

export const DEPLOYMENT_TARGET = kalypsoKind({
  kind: 'DeploymentTarget',
  nameIsLabelValue: true,
  spec: deploymentTargetSpec,
});

/** One deployment target of a Workload, before unfolding. */
export const workloadTarget = object({
  /** Name of the target; the deployment target is `<workload>-<name>`. */
  name: required(string),
  /**
   * Labels of the target, which scheduling policies select on (the workload's labels override them).
   * @default - no labels
   */
  labels: optional(labels, { default: {} }),
  ...deploymentTargetSpec,
});

export const WORKLOAD = kalypsoKind({
  kind: 'Workload',
  nameIsLabelValue: true,
  spec: {
    /**
     * The workload's deployment targets.
     * @default - none
     */
    deploymentTargets: optional(list(workloadTarget), { default: [], keepEmpty: true }),
    /**
     * Inline JSON-Schema documents added to every deployment target's.
     * @default - none
     */
    configSchemas: optional(stringList, { default: [] }),
  },
});

export const WORKLOAD_REGISTRATION = kalypsoKind({
  kind: 'WorkloadRegistration',
  spec: {
    /** Where the application team keeps its Workload's YAML. */
    workload: required(repositoryRef),
    /**
     * The team's workspace: the `workspace` label of the workload's deployment targets; empty for none.
     * @default "" - no workspace
     */
    workspace: optional(string, { default: '' }),
  },
});

export const ENVIRONMENT = kalypsoKind({
  kind: 'Environment',
  nameIsNamespace: true,
  spec: {
    /** The environment's branch of the control-plane repository. */
    controlPlane: required(repositoryRef),
  },
});

/** The role a Template is written for. */
export enum TemplateType {
  RECONCILER = 'reconciler',
  NAMESPACE = 'namespace',
  CONFIG = 'config',
}

export const TEMPLATE = kalypsoKind({
  kind: 'Template',
  spec: {
    /** The role the template is written for (Kalypso does not enforce it: a ClusterType may use it in any role). */
    type: required(oneOf(Object.values(TemplateType))),
    /**
     * `sh` writes the config file as `platform-config.sh`; anything else as `platform-config.yaml`. Only read when the
     * template renders the platform config.
     * @default "configMap"
     */
    contentType: optional(string, { default: 'configMap' }),
    /** Go `text/template` documents, rendered in order with the assignment's data (`.Namespace`, `.ConfigData`…). */
    manifests: required(stringList),
  },
});

export const CONFIG_SCHEMA = kalypsoKind({
  kind: 'ConfigSchema',
  spec: {
    /** The JSON Schema, as text, the composed platform config of every matching assignment must satisfy. */
    schema: required(string),
  },
});

export const BASE_REPO = kalypsoKind({
  kind: 'BaseRepo',
  spec: {
    /** URL of the repository. */
    repo: required(string),
    /**
     * Branch of the repository.
     * @default "main" in code; YAML must set it
     */
    branch: required(string, { propDefault: 'main' }),
    /**
     * Folder inside the repository.
     * @default "." in code; YAML must set it
     */
    path: required(string, { propDefault: '.' }),
    /**
     * The pinned commit; empty for none. For the BaseRepo named `main` it is the control-plane commit promoted to the
     * environment, written to `.github/tracking/Promoted_Commit_Id`.
     * @default "" - none
     */
    commit: optional(string, { default: '' }),
  },
});

export const GITOPS_REPO = kalypsoKind({
  kind: 'GitOpsRepo',
  spec: {
    /** URL of the platform GitOps repository, e.g. `https://github.com/org/platform-gitops`. */
    repo: required(string),
    /** The environment's branch in that repository: the base of its pull requests. */
    branch: required(string),
    /**
     * Folder inside the repository (Kalypso ignores it: the tree always goes to the root).
     * @default "." in code; YAML must set it
     */
    path: required(string, { propDefault: '.' }),
  },
});

export const CONFIG_MAP = topLevelKind({
  kind: 'ConfigMap',
  apiVersion: 'v1',
  fields: {
    /**
     * The entries. Values are text; Kalypso reads each as YAML, so `"[a, b]"` is a list and `"{x: 1}"` a map that
     * merges with other maps of the same key.
     * @default - none
     */
    data: optional(stringMap, { default: {}, keepEmpty: true }),
    binaryData: dropped(stringMap),
    immutable: dropped(anything),
  },
});

/** How a wave of a rollout is approved before the next one starts. */
export enum ApprovalMethod {
  /** An approving review of the wave's pull request. */
  PULL_REQUEST_REVIEW = 'pullRequestReview',
  /** `kalypso rollout approve`, recorded in the rollout's tracking file. */
  COMMAND = 'command',
}

/** The days of the week, as change windows name them. */
export const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

/** A string that must also pass `test` (`problem` says what it must be). */
function stringThat(test: (text: string) => boolean, problem: string): Shape<string> {
  return refine(string, (text, path, context) => {
    if (test(text)) return text;
    report(context, path, problem, { got: describeValue(text) });
    return undefined;
  });
}

const durationText = stringThat(
  (text) => parseDuration(text) !== undefined,
  'must be a duration such as 30s, 10m, 1h30m',
);
const percentage = stringThat((text) => parsePercentage(text) !== undefined, 'must be a percentage from 1% to 100%');
const clockTime = stringThat((text) => /^([01]\d|2[0-3]):[0-5]\d$/.test(text), 'must be a time of day, HH:MM');
const timeZone = stringThat(isTimeZone, 'must be an IANA time zone, e.g. Europe/Berlin');
const dateTime = stringThat(
  (text) =>
    /^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:\d\d)$/.test(text) && !Number.isNaN(Date.parse(text)),
  'must be an ISO 8601 date-time with its offset, e.g. 2026-12-24T00:00:00Z',
);

/** One wave of a rollout: the cluster types it holds and the gate the next wave waits for. */
export const rolloutWave = object({
  /** Name of the wave, e.g. `canary`. */
  name: required(string),
  /**
   * Cluster types whose labels match join the wave (when no earlier wave took them).
   * @default - none by labels
   */
  clusterTypeSelector: optional(labelSelector, { keepEmpty: true }),
  /**
   * Cluster types by name.
   * @default - none by name
   */
  clusterTypes: optional(stringList),
  /**
   * How long the wave's clusters must have been compliant before the next wave starts, e.g. `30m`.
   * @default - no bake time
   */
  bakeTime: optional(durationText),
  /**
   * Who must approve the wave before the next one starts, and how.
   * @default - no approval
   */
  approval: optional(
    object({
      /** An approving review of the wave's pull request, or `kalypso rollout approve`. */
      method: required(oneOf(Object.values(ApprovalMethod))),
      /**
       * The accounts whose approval counts.
       * @default - anyone
       */
      approvers: optional(stringList),
    }),
  ),
  /**
   * Clusters of the wave that may fail while the wave still passes.
   * @default 0
   */
  maxFailures: optional(integer(0)),
  /**
   * Share of the wave's clusters that must be compliant for it to pass, e.g. `95%`.
   * @default "100%"
   */
  quorum: optional(percentage),
});

/** A weekly window in which waves may start. */
export const allowedWindow = object({
  /**
   * Days of the week, `Sun` to `Sat`.
   * @default - every day
   */
  days: optional(list(oneOf(WEEKDAYS))),
  /** `HH:MM`, inclusive. */
  start: required(clockTime),
  /** `HH:MM`, exclusive; before `start` for a window across midnight. */
  end: required(clockTime),
  /**
   * An IANA time zone.
   * @default "UTC"
   */
  timeZone: optional(timeZone),
});

/** A period in which no wave starts, e.g. a holiday freeze. */
export const freezeWindow = object({
  /** Start, an ISO 8601 date-time with its offset, inclusive. */
  from: required(dateTime),
  /** End, an ISO 8601 date-time with its offset, exclusive. */
  to: required(dateTime),
  /**
   * Why, for messages.
   * @default - none
   */
  reason: optional(string),
});

export const ROLLOUT_POLICY = kalypsoKind({
  kind: 'RolloutPolicy',
  spec: {
    /** The waves, in order: a change reaches the cluster types of one wave only once the waves before it passed. */
    waves: required(
      refine(list(rolloutWave), (waves, path, context) => {
        if (waves.length > 0) return waves;
        report(context, path, 'must list at least one wave');
        return undefined;
      }),
    ),
    /**
     * When waves may start: inside an allowed window (when there are any) and outside every freeze.
     * @default - at any time
     */
    windows: optional(
      object({
        /**
         * Weekly windows in which waves may start.
         * @default - any time
         */
        allowed: optional(list(allowedWindow)),
        /**
         * Periods in which no wave starts.
         * @default - none
         */
        freezes: optional(list(freezeWindow)),
      }),
    ),
  },
});

/** Every kind, by its name. */
export const KINDS = {
  ClusterType: CLUSTER_TYPE,
  SchedulingPolicy: SCHEDULING_POLICY,
  DeploymentTarget: DEPLOYMENT_TARGET,
  Workload: WORKLOAD,
  WorkloadRegistration: WORKLOAD_REGISTRATION,
  Environment: ENVIRONMENT,
  Template: TEMPLATE,
  ConfigSchema: CONFIG_SCHEMA,
  BaseRepo: BASE_REPO,
  GitOpsRepo: GITOPS_REPO,
  ConfigMap: CONFIG_MAP,
  RolloutPolicy: ROLLOUT_POLICY,
};

export function isKnownKind(kind: unknown): kind is Kind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind);
}

/** Checks one document of a known kind and builds its object; undefined when it has errors (already reported). */
export function buildObject(
  kind: Kind,
  document: SourcedDocument,
  problems: Problem[],
): ControlPlaneObject | undefined {
  return KINDS[kind].read(document, problems);
}
