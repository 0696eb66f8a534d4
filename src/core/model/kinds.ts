import { SourcedDocument } from './documents';
import { FieldPath } from './field-path';
import {
  dnsLabelProblem,
  dnsSubdomainProblem,
  labelKeyProblem,
  labelValueProblem,
  MAX_LABEL_LENGTH,
} from './kubernetes-names';
import { Problem, describeValue } from './problems';
import {
  FieldSpec,
  Shape,
  ShapeContext,
  isMapping,
  list,
  mapOf,
  object,
  oneOf,
  optional,
  report,
  required,
  string,
} from './shape';
import {
  ControlPlaneObject,
  KALYPSO_API_VERSION,
  Kind,
  LabelSelector,
  LabelSelectorRequirement,
  RepositoryRef,
  SelectorOperator,
  TemplateType,
  WorkloadTarget,
} from './types';

/*
 * The shape of every kind the control plane may hold (reference §2, SPEC §2.2), and how a checked document becomes a
 * typed object.
 */

const labelValue: Shape<string> = (value, path, context) => {
  const text = string(value, path, context);
  if (text === undefined) return undefined;
  const problem = labelValueProblem(text);
  if (problem) {
    report(context, path, `label value ${problem}`, { got: describeValue(text) });
    return undefined;
  }
  return text;
};

const labelKey = (key: string, path: FieldPath, context: ShapeContext): boolean => {
  const problem = labelKeyProblem(key);
  if (problem) report(context, path, `label key ${problem}`, { got: describeValue(key) });
  return !problem;
};

export const labels: Shape<Record<string, string>> = (value, path, context) => {
  const checked = mapOf(labelValue)(value, path, context);
  if (checked === undefined) return undefined;
  const valid = Object.keys(checked)
    .map((key) => labelKey(key, [...path, key], context))
    .every(Boolean);
  return valid ? checked : undefined;
};

const stringMap = mapOf(string);
const stringList = list(string);

const OPERATORS = Object.values(SelectorOperator);

const requirement: Shape<LabelSelectorRequirement> = (value, path, context) => {
  const checked = object({
    key: required(string),
    operator: required(oneOf(OPERATORS)),
    values: optional(stringList),
  })(value, path, context);
  if (!checked) return undefined;
  const key = checked.key as string;
  const operator = checked.operator as SelectorOperator;
  const values = checked.values as string[] | undefined;
  let valid = labelKey(key, [...path, 'key'], context);
  const needsValues = operator === SelectorOperator.IN || operator === SelectorOperator.NOT_IN;
  if (needsValues && (!values || values.length === 0)) {
    report(context, [...path, 'values'], `must be a non-empty list for operator ${operator}`);
    valid = false;
  }
  if (!needsValues && values && values.length > 0) {
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
  return valid ? { key, operator, ...(values && values.length > 0 ? { values } : {}) } : undefined;
};

export const labelSelector: Shape<LabelSelector> = (value, path, context) => {
  const checked = object({ matchLabels: optional(labels), matchExpressions: optional(list(requirement)) })(
    value,
    path,
    context,
  );
  if (!checked) return undefined;
  return {
    ...(checked.matchLabels ? { matchLabels: checked.matchLabels as Record<string, string> } : {}),
    ...(checked.matchExpressions ? { matchExpressions: checked.matchExpressions as LabelSelectorRequirement[] } : {}),
  };
};

const repositoryFields: Record<string, FieldSpec> = {
  repo: required(string),
  branch: required(string),
  path: required(string),
};

const repositoryRef = object(repositoryFields);

const workloadTarget: Shape<WorkloadTarget> = (value, path, context) => {
  const checked = object({
    name: required(string),
    labels: optional(labels),
    environment: required(string),
    manifests: required(stringMap),
    configSchemas: optional(stringList),
  })(value, path, context);
  if (!checked) return undefined;
  return {
    name: checked.name as string,
    labels: (checked.labels as Record<string, string>) ?? {},
    environment: checked.environment as string,
    manifests: checked.manifests as Record<string, string>,
    configSchemas: (checked.configSchemas as string[]) ?? [],
  };
};

type Fields = Record<string, unknown>;

interface KindDefinition {
  readonly apiVersion: string;
  /** Fields beside apiVersion/kind/metadata, e.g. `spec` or ConfigMap's `data`. */
  readonly body: Record<string, FieldSpec>;
  /** Names that end up in label values or namespace names must be shorter than 63 characters. */
  readonly nameIsLabelValue?: boolean;
  readonly nameIsNamespace?: boolean;
  readonly build: (
    name: string,
    objectLabels: Record<string, string>,
    body: Fields,
  ) => Omit<ControlPlaneObject, 'source'>;
}

function spec(fields: Record<string, FieldSpec>): Record<string, FieldSpec> {
  return { spec: required(object(fields)), status: optional(() => ({})) };
}

const specOf = (body: Fields): Fields => body.spec as Fields;

export const KINDS: Readonly<Record<Kind, KindDefinition>> = {
  ClusterType: {
    apiVersion: KALYPSO_API_VERSION,
    nameIsLabelValue: true,
    body: spec({ reconciler: required(string), namespaceService: required(string), configType: required(string) }),
    build: (name, objectLabels, body) => ({
      kind: 'ClusterType',
      name,
      labels: objectLabels,
      reconciler: specOf(body).reconciler as string,
      namespaceService: specOf(body).namespaceService as string,
      configType: specOf(body).configType as string,
    }),
  },
  SchedulingPolicy: {
    apiVersion: KALYPSO_API_VERSION,
    nameIsLabelValue: true,
    body: spec({
      deploymentTargetSelector: required(
        object({ workspace: optional(string), labelSelector: required(labelSelector) }),
      ),
      clusterTypeSelector: required(object({ labelSelector: required(labelSelector) })),
    }),
    build: (name, objectLabels, body) => {
      const targets = specOf(body).deploymentTargetSelector as Fields;
      const clusterTypes = specOf(body).clusterTypeSelector as Fields;
      const workspace = targets.workspace as string | undefined;
      return {
        kind: 'SchedulingPolicy',
        name,
        labels: objectLabels,
        ...(workspace ? { workspace } : {}),
        deploymentTargetSelector: targets.labelSelector as LabelSelector,
        clusterTypeSelector: clusterTypes.labelSelector as LabelSelector,
      };
    },
  },
  DeploymentTarget: {
    apiVersion: KALYPSO_API_VERSION,
    nameIsLabelValue: true,
    body: spec({ environment: required(string), manifests: required(stringMap), configSchemas: optional(stringList) }),
    build: (name, objectLabels, body) => ({
      kind: 'DeploymentTarget',
      name,
      labels: objectLabels,
      environment: specOf(body).environment as string,
      manifests: specOf(body).manifests as Record<string, string>,
      configSchemas: (specOf(body).configSchemas as string[]) ?? [],
    }),
  },
  Workload: {
    apiVersion: KALYPSO_API_VERSION,
    nameIsLabelValue: true,
    body: spec({ deploymentTargets: optional(list(workloadTarget)), configSchemas: optional(stringList) }),
    build: (name, objectLabels, body) => ({
      kind: 'Workload',
      name,
      labels: objectLabels,
      deploymentTargets: (specOf(body).deploymentTargets as WorkloadTarget[]) ?? [],
      configSchemas: (specOf(body).configSchemas as string[]) ?? [],
    }),
  },
  WorkloadRegistration: {
    apiVersion: KALYPSO_API_VERSION,
    body: spec({ workload: required(repositoryRef), workspace: optional(string) }),
    build: (name, objectLabels, body) => ({
      kind: 'WorkloadRegistration',
      name,
      labels: objectLabels,
      workload: specOf(body).workload as unknown as RepositoryRef,
      workspace: (specOf(body).workspace as string) ?? '',
    }),
  },
  Environment: {
    apiVersion: KALYPSO_API_VERSION,
    nameIsNamespace: true,
    body: spec({ controlPlane: required(repositoryRef) }),
    build: (name, objectLabels, body) => ({
      kind: 'Environment',
      name,
      labels: objectLabels,
      controlPlane: specOf(body).controlPlane as unknown as RepositoryRef,
    }),
  },
  Template: {
    apiVersion: KALYPSO_API_VERSION,
    body: spec({
      type: required(oneOf(Object.values(TemplateType))),
      contentType: optional(string),
      manifests: required(stringList),
    }),
    build: (name, objectLabels, body) => ({
      kind: 'Template',
      name,
      labels: objectLabels,
      type: specOf(body).type as TemplateType,
      contentType: (specOf(body).contentType as string) || 'configMap',
      manifests: specOf(body).manifests as string[],
    }),
  },
  ConfigSchema: {
    apiVersion: KALYPSO_API_VERSION,
    body: spec({ schema: required(string) }),
    build: (name, objectLabels, body) => ({
      kind: 'ConfigSchema',
      name,
      labels: objectLabels,
      schema: specOf(body).schema as string,
    }),
  },
  BaseRepo: {
    apiVersion: KALYPSO_API_VERSION,
    body: spec({ ...repositoryFields, commit: optional(string) }),
    build: (name, objectLabels, body) => ({
      kind: 'BaseRepo',
      name,
      labels: objectLabels,
      repo: specOf(body).repo as string,
      branch: specOf(body).branch as string,
      path: specOf(body).path as string,
      commit: (specOf(body).commit as string) ?? '',
    }),
  },
  GitOpsRepo: {
    apiVersion: KALYPSO_API_VERSION,
    body: spec(repositoryFields),
    build: (name, objectLabels, body) => ({
      kind: 'GitOpsRepo',
      name,
      labels: objectLabels,
      repo: specOf(body).repo as string,
      branch: specOf(body).branch as string,
      path: specOf(body).path as string,
    }),
  },
  ConfigMap: {
    apiVersion: 'v1',
    body: { data: optional(stringMap), binaryData: optional(stringMap), immutable: optional(() => true) },
    build: (name, objectLabels, body) => ({
      kind: 'ConfigMap',
      name,
      labels: objectLabels,
      data: (body.data as Record<string, string>) ?? {},
    }),
  },
};

export function isKnownKind(kind: unknown): kind is Kind {
  return typeof kind === 'string' && Object.prototype.hasOwnProperty.call(KINDS, kind);
}

const METADATA_FIELDS: Record<string, FieldSpec> = {
  name: required(string),
  labels: optional(labels),
  namespace: optional(string),
  annotations: optional(stringMap),
};

/** Fields the API server fills in; a manifest copied from a cluster may carry them. */
const SERVER_METADATA = [
  'generateName',
  'selfLink',
  'uid',
  'resourceVersion',
  'generation',
  'creationTimestamp',
  'deletionTimestamp',
  'deletionGracePeriodSeconds',
  'ownerReferences',
  'finalizers',
  'managedFields',
];

/** Checks one document of a known kind and builds its object; undefined when it has errors (already reported). */
export function buildObject(
  kind: Kind,
  document: SourcedDocument,
  problems: Problem[],
): ControlPlaneObject | undefined {
  const definition = KINDS[kind];
  const value = document.value as Record<string, unknown>;
  const rawName = isMapping(value.metadata) && typeof value.metadata.name === 'string' ? value.metadata.name : '';
  const context: ShapeContext = { document, object: `${kind}/${rawName || '?'}`, problems };
  const metadata = object(METADATA_FIELDS, SERVER_METADATA)(value.metadata ?? null, ['metadata'], context);
  const body = object(definition.body, ['apiVersion', 'kind', 'metadata'])(value, [], context);
  if (!metadata || !body) return undefined;
  const name = metadata.name as string;
  if (!checkName(definition, name, context)) return undefined;
  return {
    ...definition.build(name, (metadata.labels as Record<string, string>) ?? {}, body),
    source: document,
  } as ControlPlaneObject;
}

function checkName(definition: KindDefinition, name: string, context: ShapeContext): boolean {
  const path = ['metadata', 'name'];
  const problem = definition.nameIsNamespace ? dnsLabelProblem(name) : dnsSubdomainProblem(name);
  if (problem) {
    report(context, path, `name ${problem}`, { got: describeValue(name) });
    return false;
  }
  if (definition.nameIsLabelValue && name.length > MAX_LABEL_LENGTH) {
    report(
      context,
      path,
      `name is ${name.length} characters long; Kalypso uses it as a label value, so at most ${MAX_LABEL_LENGTH} are allowed`,
      { got: describeValue(name) },
    );
    return false;
  }
  return true;
}
