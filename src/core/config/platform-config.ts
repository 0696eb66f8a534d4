import { setOwn } from '../model/own-property';
import { ConfigData, ConfigValue } from '../model/config-value';
import { SourceLocation } from '../model/problems';
import { ClusterType, ConfigMap, DeploymentTarget } from '../model/types';
import { locateField } from '../model/documents';
import { parseConfigValue, mergeConfigValues } from './parse-config-value';
import {
  AZURE_APP_CONFIG_PREFIX,
  CLUSTER_TYPE_LABEL,
  DEPLOYMENT_TARGET_LABEL,
  PLATFORM_CONFIG_LABEL,
  WORKLOAD_LABEL,
} from '../layout/names';
import { compareStrings } from '../model/order';

/** Labels that never restrict which assignments a ConfigMap or ConfigSchema applies to. */
const IGNORED_LABELS = new Set([
  'kustomize.toolkit.fluxcd.io/name',
  'kustomize.toolkit.fluxcd.io/namespace',
  PLATFORM_CONFIG_LABEL,
]);

const hasOwn = Object.prototype.hasOwnProperty;

/** The key labels of entries of platform ConfigMaps (only azure-app-config keys have any). */
const NO_KEY_LABELS: Readonly<Record<string, string>> = Object.freeze({});

/** One entry of a platform ConfigMap, parsed once per environment. */
export interface ConfigEntry {
  /** The key it sets in the composed config (for azure-app-config maps, the part after the last dot). */
  readonly key: string;
  /** The key as written in the ConfigMap. */
  readonly rawKey: string;
  readonly value: ConfigValue;
  /** Labels that must match, besides the ConfigMap's own (azure-app-config keys encode them). */
  readonly keyLabels: Readonly<Record<string, string>>;
  readonly location?: SourceLocation;
  /** What provenance records for this entry (one object, shared by every assignment it applies to). */
  readonly contribution: ConfigContribution;
}

/** A ConfigMap that contributes to platform config, in the order Kalypso applies them. */
export interface ConfigSource {
  readonly configMap: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly entries: readonly ConfigEntry[];
}

/** Where one contribution to a config key came from. */
export interface ConfigContribution {
  /** Name of the ConfigMap. */
  readonly configMap: string;
  /** The key as written in the ConfigMap. */
  readonly rawKey: string;
  /** The value, parsed as YAML. */
  readonly value: ConfigValue;
  /** Where the entry was written; absent for ConfigMaps built in code. */
  readonly location?: SourceLocation;
}

/** The platform config of one assignment, and where each value came from. */
export interface ComposedConfig {
  /** Key → value, after merging every matching ConfigMap in order. */
  readonly data: ConfigData;
  /**
   * Per key, every contribution in the order applied; the last one decides scalars, earlier ones are overridden or
   * merged.
   */
  readonly provenance: Readonly<Record<string, readonly ConfigContribution[]>>;
}

/**
 * The config sources of an environment (docs/explanation/scheduling-and-config.md#order-and-merging): `platform-config:
 * "true"` ConfigMaps in name order, then the `azure-app-config*` ConfigMaps (sorted by name here; upstream leaves their
 * order unspecified) with keys applied shortest first, ties by key, each key's `label.value.` prefixes turned into
 * labels.
 */
export function collectConfigSources(configMaps: readonly ConfigMap[]): ConfigSource[] {
  const byName = [...configMaps].sort((a, b) => compareStrings(a.name, b.name));
  const platform = byName
    .filter((cm) => cm.labels[PLATFORM_CONFIG_LABEL] === 'true')
    .map((cm) => source(cm, Object.keys(cm.data), (key) => ({ key, keyLabels: NO_KEY_LABELS })));
  // Upstream does not look at an azure-app-config map's own labels: only the labels encoded in its keys select.
  const azure = byName
    .filter((cm) => cm.name.startsWith(AZURE_APP_CONFIG_PREFIX))
    .map((cm) => ({ ...source(cm, Object.keys(cm.data).sort(byLengthThenText), splitLabelEncodedKey), labels: {} }));
  return [...platform, ...azure];
}

function source(
  configMap: ConfigMap,
  keys: readonly string[],
  split: (rawKey: string) => { key: string; keyLabels: Record<string, string> },
): ConfigSource {
  return {
    configMap: configMap.name,
    labels: configMap.labels,
    entries: keys.map((rawKey) => {
      const value = parseConfigValue(configMap.data[rawKey]);
      const location = configMap.source ? locateField(configMap.source, ['data', rawKey]) : undefined;
      return {
        ...split(rawKey),
        rawKey,
        value,
        location,
        contribution: { configMap: configMap.name, rawKey, value, location },
      };
    }),
  };
}

function byLengthThenText(a: string, b: string): number {
  return a.length - b.length || compareStrings(a, b);
}

/**
 * `region.west.tier.gold.X` → labels `{region: west, tier: gold}`, key `X`
 * (docs/explanation/scheduling-and-config.md#azure-app-config-configmaps, quirks included).
 */
export function splitLabelEncodedKey(rawKey: string): { key: string; keyLabels: Record<string, string> } {
  const parts = rawKey.split('.');
  const keyLabels: Record<string, string> = {};
  for (let i = 1; i < parts.length - 1; i += 2) keyLabels[parts[i - 1]] = parts[i];
  return { key: parts[parts.length - 1], keyLabels };
}

/** The labels of a ConfigMap or ConfigSchema that restrict which assignments it applies to. */
export function selectingLabels(labels: Readonly<Record<string, string>>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).filter(([key]) => !IGNORED_LABELS.has(key)));
}

/** Why a ConfigMap or ConfigSchema does not apply to a pair: its first label that does not hold, and what was found. */
export interface ConfigLabelMismatch {
  /** e.g. `cluster-type: "large"`. */
  readonly requirement: string;
  /** e.g. `cluster type is "drone"`. */
  readonly reason: string;
  readonly key: string;
}

/**
 * Whether an object with these labels applies to the pair
 * (docs/explanation/scheduling-and-config.md#which-configmaps-apply): every label must hold — `cluster-type` names the
 * cluster type, `deployment-target` the full target name, `workload` the target's workload, any other key a label of
 * the cluster type or of the target (a missing label counts as "").
 */
export function isConfigFor(
  labels: Readonly<Record<string, string>>,
  clusterType: ClusterType,
  target: DeploymentTarget,
): boolean {
  for (const key of Object.keys(labels)) {
    if (!IGNORED_LABELS.has(key) && !labelHolds(key, labels[key], clusterType, target)) return false;
  }
  return true;
}

/** The first label (in key order) that keeps an object with these labels from applying to the pair, or undefined. */
export function findConfigLabelMismatch(
  labels: Readonly<Record<string, string>>,
  clusterType: ClusterType,
  target: DeploymentTarget,
): ConfigLabelMismatch | undefined {
  const key = Object.keys(labels)
    .sort()
    .find(
      (candidate) => !IGNORED_LABELS.has(candidate) && !labelHolds(candidate, labels[candidate], clusterType, target),
    );
  if (key === undefined) return undefined;
  const requirement = `${key}: ${JSON.stringify(labels[key])}`;
  if (key === CLUSTER_TYPE_LABEL)
    return { requirement, reason: `cluster type is ${JSON.stringify(clusterType.name)}`, key };
  if (key === DEPLOYMENT_TARGET_LABEL)
    return { requirement, reason: `deployment target is ${JSON.stringify(target.name)}`, key };
  if (key === WORKLOAD_LABEL)
    return { requirement, reason: `workload is ${JSON.stringify(target.labels[WORKLOAD_LABEL] ?? '')}`, key };
  return {
    requirement,
    reason: `${describeSide('cluster type', clusterType.labels, key)}, ${describeSide('deployment target', target.labels, key)}`,
    key,
  };
}

/**
 * Whether one label of a config object holds for the pair
 * (docs/explanation/scheduling-and-config.md#which-configmaps-apply).
 */
function labelHolds(key: string, value: string, clusterType: ClusterType, target: DeploymentTarget): boolean {
  if (key === CLUSTER_TYPE_LABEL) return value === clusterType.name;
  if (key === DEPLOYMENT_TARGET_LABEL) return value === target.name;
  if (key === WORKLOAD_LABEL) return value === (target.labels[WORKLOAD_LABEL] ?? '');
  return (clusterType.labels[key] ?? '') === value || (target.labels[key] ?? '') === value;
}

function describeSide(side: string, labels: Readonly<Record<string, string>>, key: string): string {
  return Object.prototype.hasOwnProperty.call(labels, key)
    ? `${side} has ${JSON.stringify(labels[key])}`
    : `${side} has none`;
}

/**
 * Config sources looked up by the label that ties a source to one cluster type, deployment target or workload, so an
 * assignment's config is composed from the few sources that can apply instead of all of them (an environment with a
 * ConfigMap per cluster type and per target has hundreds).
 */
export interface ConfigSourceIndex {
  /** Sources that name no cluster type, target or workload: they may apply to any pair. */
  readonly general: readonly number[];
  readonly byLabel: ReadonlyMap<string, readonly number[]>;
  readonly sources: readonly ConfigSource[];
}

const INDEXED_LABELS = [CLUSTER_TYPE_LABEL, DEPLOYMENT_TARGET_LABEL, WORKLOAD_LABEL];

export function indexConfigSources(sources: readonly ConfigSource[]): ConfigSourceIndex {
  const general: number[] = [];
  const byLabel = new Map<string, number[]>();
  sources.forEach((source, index) => {
    const label = INDEXED_LABELS.find((key) => Object.prototype.hasOwnProperty.call(source.labels, key));
    if (label === undefined) {
      general.push(index);
      return;
    }
    const bucket = `${label}\u0000${source.labels[label]}`;
    const indexes = byLabel.get(bucket);
    if (indexes) indexes.push(index);
    else byLabel.set(bucket, [index]);
  });
  return { general, byLabel, sources };
}

/**
 * The sources of the index that apply to the pair, in their order: the others name another cluster type, target or
 * workload, or have a label that does not hold.
 */
export function applicableConfigSources(
  index: ConfigSourceIndex,
  clusterType: ClusterType,
  target: DeploymentTarget,
): ConfigSource[] {
  const indexes = [
    ...index.general,
    ...(index.byLabel.get(`${CLUSTER_TYPE_LABEL}\u0000${clusterType.name}`) ?? []),
    ...(index.byLabel.get(`${DEPLOYMENT_TARGET_LABEL}\u0000${target.name}`) ?? []),
    ...(index.byLabel.get(`${WORKLOAD_LABEL}\u0000${target.labels[WORKLOAD_LABEL] ?? ''}`) ?? []),
  ];
  return indexes
    .sort((a, b) => a - b)
    .map((i) => index.sources[i])
    .filter((source) => isConfigFor(source.labels, clusterType, target));
}

/** Whether an entry of an applicable source applies to the pair (an azure-app-config key's own labels hold). */
export function isEntryFor(
  entry: Pick<ConfigEntry, 'keyLabels'>,
  clusterType: ClusterType,
  target: DeploymentTarget,
): boolean {
  return entry.keyLabels === NO_KEY_LABELS || isConfigFor(entry.keyLabels, clusterType, target);
}

/** What composing config data reads of a config source. */
export interface ComposableConfigSource {
  readonly labels: Readonly<Record<string, string>>;
  readonly entries: readonly Pick<ConfigEntry, 'key' | 'keyLabels' | 'value'>[];
}

/**
 * The platform config data of one assignment: every entry of the applicable sources (`applicableConfigSources`) that
 * applies to the pair, merged in source order.
 */
export function composeConfigData(
  applicable: readonly ComposableConfigSource[],
  clusterType: ClusterType,
  target: DeploymentTarget,
): ConfigData {
  const data: Record<string, ConfigValue> = {};
  for (const configSource of applicable) {
    for (const entry of configSource.entries) {
      if (!isEntryFor(entry, clusterType, target)) continue;
      const { key } = entry;
      setOwn(data, key, hasOwn.call(data, key) ? mergeConfigValues(data[key], entry.value) : entry.value);
    }
  }
  return data;
}

/** The platform config of one assignment: every matching entry merged in source order, with provenance. */
export function composePlatformConfig(
  sources: readonly ConfigSource[],
  clusterType: ClusterType,
  target: DeploymentTarget,
): ComposedConfig {
  const applicable = sources.filter((source) => isConfigFor(source.labels, clusterType, target));
  const provenance: Record<string, ConfigContribution[]> = {};
  for (const configSource of applicable) {
    for (const entry of configSource.entries) {
      if (!isEntryFor(entry, clusterType, target)) continue;
      if (!hasOwn.call(provenance, entry.key)) setOwn(provenance, entry.key, []);
      provenance[entry.key].push(entry.contribution);
    }
  }
  return { data: composeConfigData(applicable, clusterType, target), provenance };
}

/**
 * An assignment's composed config, computed when first asked for: a plan of tens of thousands of assignments keeps
 * only the sources that apply to each, not their merged data and provenance.
 */
export function lazyComposedConfig(
  sources: readonly ConfigSource[],
  clusterType: ClusterType,
  target: DeploymentTarget,
): ComposedConfig {
  return new LazyComposedConfig(sources, clusterType, target);
}

class LazyComposedConfig implements ComposedConfig {
  private composed: ComposedConfig | undefined;

  public constructor(
    private readonly sources: readonly ConfigSource[],
    private readonly clusterType: ClusterType,
    private readonly target: DeploymentTarget,
  ) {}

  public get data(): ConfigData {
    return this.compose().data;
  }

  public get provenance(): Readonly<Record<string, readonly ConfigContribution[]>> {
    return this.compose().provenance;
  }

  private compose(): ComposedConfig {
    return (this.composed ??= composePlatformConfig(this.sources, this.clusterType, this.target));
  }
}
