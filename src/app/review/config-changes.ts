import {
  ConfigContribution,
  ConfigEntry,
  ConfigSource,
  ConfigSourceIndex,
  applicableConfigSources,
  collectConfigSources,
  composeConfigData,
  indexConfigSources,
  isConfigFor,
  isEntryFor,
  splitLabelEncodedKey,
} from '../../core/config/platform-config';
import { ConfigValue } from '../../core/model/config-value';
import { ClusterType, ConfigMap, DeploymentTarget } from '../../core/model/types';
import { PlannedAssignment } from '../../core/plan/plan';
import { configValueText } from '../../render/constructs/config-text';
import type { IndexedState } from './review-context';

/*
 * Which platform config keys of a kept assignment changed, without composing its whole config twice: only the keys
 * that a changed ConfigMap sets, or that a ConfigMap that starts or stops applying sets, can change, and each is
 * composed from the entries for that key alone (composing merges key by key, so this gives the same value). A
 * fleet-wide change of one key on 50,000 assignments costs one small composition per assignment and side.
 */

/** One config key that differs, with the contributions that made its value on each side. */
export interface ConfigKeyDifference {
  readonly key: string;
  readonly from?: string;
  readonly to?: string;
  readonly before: readonly ConfigContribution[];
  readonly after: readonly ConfigContribution[];
}

/** The config sources of one side, indexed once. */
class SideConfig {
  public readonly index: ConfigSourceIndex;
  public readonly byName: ReadonlyMap<string, ConfigSource>;
  /** Per composed key, the sources setting it, in the order they apply, each with its entries for that key. */
  private readonly setters = new Map<string, Setter[]>();
  /** Keys composed from the same sources, which compose alike for every pair. */
  private readonly composed = new Map<string, ComposedKey>();

  /**
   * @param keys the keys that may have changed: only the ConfigMaps setting one of them are read (parsing every value
   *   of every ConfigMap would cost more than the comparison)
   */
  public constructor(
    public readonly state: IndexedState,
    keys: ReadonlySet<string>,
  ) {
    const setsAKey = (configMap: ConfigMap) =>
      Object.keys(configMap.data).some((rawKey) => keys.has(rawKey) || keys.has(splitLabelEncodedKey(rawKey).key));
    const sources = collectConfigSources(state.state.model.configMaps.filter(setsAKey));
    this.index = indexConfigSources(sources);
    this.byName = new Map(sources.map((source) => [source.configMap, source]));
    for (const source of sources) {
      for (const entry of source.entries) {
        let setters = this.setters.get(entry.key);
        if (!setters) this.setters.set(entry.key, (setters = []));
        const last = setters[setters.length - 1];
        const pairFree = Object.keys(entry.keyLabels).length === 0;
        if (last?.source === source) {
          last.entries.push(entry);
          last.pairFree &&= pairFree;
        } else setters.push({ source, entries: [entry], pairFree });
      }
    }
  }

  /**
   * The value of one key for a pair and its contributions, composed from the entries for that key of the sources that
   * apply: few sources set most keys, so they are tested directly; a key many sources set is looked up through the
   * index (`applicable`, computed once per pair).
   */
  public compose(
    key: string,
    clusterType: ClusterType,
    target: DeploymentTarget,
    applicable: () => ReadonlySet<ConfigSource>,
  ): ComposedKey {
    const setters = this.setters.get(key) ?? [];
    const direct = setters.length <= DIRECT_TEST_LIMIT;
    const applying: number[] = [];
    setters.forEach(({ source }, index) => {
      if (direct ? isConfigFor(source.labels, clusterType, target) : applicable().has(source)) applying.push(index);
    });
    // The same sources give the same value, unless an entry's own labels (azure-app-config keys) depend on the pair.
    const pairFree = applying.every((index) => setters[index].pairFree);
    const cacheKey = `${key}\u0000${applying.join(',')}`;
    const cached = pairFree ? this.composed.get(cacheKey) : undefined;
    if (cached) return cached;
    const only = applying.map((index) => ({ labels: setters[index].source.labels, entries: setters[index].entries }));
    const data = composeConfigData(only, clusterType, target);
    const contributions = only.flatMap((source) =>
      source.entries.filter((entry) => isEntryFor(entry, clusterType, target)).map((entry) => entry.contribution),
    );
    const value = Object.prototype.hasOwnProperty.call(data, key) ? data[key] : undefined;
    const composed: ComposedKey = { text: value === undefined ? undefined : valueText(value), contributions };
    if (pairFree) this.composed.set(cacheKey, composed);
    return composed;
  }
}

/** A source setting one key, with its entries for that key. */
interface Setter {
  readonly source: ConfigSource;
  readonly entries: ConfigEntry[];
  /** None of the entries has labels of its own (azure-app-config keys may), so they apply to every pair the source does. */
  pairFree: boolean;
}

/** One key composed for a pair: its text in the platform-config file (none when no entry sets it), and its sources. */
interface ComposedKey {
  readonly text?: string;
  readonly contributions: readonly ConfigContribution[];
}

/** Keys set by at most this many sources are composed by testing each source's labels. */
const DIRECT_TEST_LIMIT = 16;

/** The keys set by each ConfigMap that changed, or every key of it when it appeared, went or was relabelled. */
function changedKeys(before: ConfigSource | undefined, after: ConfigSource | undefined): Set<string> {
  const keys = new Set<string>();
  const entries = (source: ConfigSource | undefined) => new Map(source?.entries.map((entry) => [entry.rawKey, entry]));
  if (!before || !after || JSON.stringify(before.labels) !== JSON.stringify(after.labels)) {
    for (const entry of [...(before?.entries ?? []), ...(after?.entries ?? [])]) keys.add(entry.key);
    return keys;
  }
  const old = entries(before);
  const now = entries(after);
  for (const rawKey of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(rawKey);
    const b = now.get(rawKey);
    if (!a || !b || valueText(a.value) !== valueText(b.value))
      for (const entry of [a, b]) if (entry) keys.add(entry.key);
  }
  return keys;
}

const objectTexts = new WeakMap<object, string>();

/** A config value as the platform-config file holds it; lists and maps are emitted once per value object. */
export function valueText(value: ConfigValue): string {
  if (typeof value !== 'object' || value === null) return configValueText(value);
  let text = objectTexts.get(value);
  if (text === undefined) objectTexts.set(value, (text = configValueText(value)));
  return text;
}

export class ConfigComparison {
  private readonly previous: SideConfig;
  private readonly next: SideConfig;
  private readonly keysOfChangedMaps = new Map<string, Set<string>>();

  /**
   * @param changedConfigMaps names of the ConfigMaps that were added, removed or changed
   * @param placementChanged whether the cluster type or deployment target of an assignment changed (then its whole
   *   config is compared, as composed by the plan)
   */
  public constructor(
    previous: IndexedState,
    next: IndexedState,
    changedConfigMaps: Iterable<string>,
    private readonly placementChanged: (assignment: PlannedAssignment) => boolean,
  ) {
    const sourceOf = (state: IndexedState, name: string) => {
      const configMap = state.state.model.configMaps.find((candidate) => candidate.name === name);
      return configMap ? collectConfigSources([configMap])[0] : undefined;
    };
    const keys = new Set<string>();
    for (const name of changedConfigMaps) {
      const changed = changedKeys(sourceOf(previous, name), sourceOf(next, name));
      this.keysOfChangedMaps.set(name, changed);
      for (const key of changed) keys.add(key);
    }
    this.previous = new SideConfig(previous, keys);
    this.next = new SideConfig(next, keys);
  }

  /** The config keys that differ between the two sides of a kept assignment, sorted by key. */
  public differences(before: PlannedAssignment, after: PlannedAssignment): ConfigKeyDifference[] {
    if (this.placementChanged(after)) return wholeConfigDifferences(before, after);
    const oldType = this.previous.state.clusterTypes.get(before.clusterType);
    const newType = this.next.state.clusterTypes.get(after.clusterType);
    const oldTarget = this.previous.state.targets.get(before.deploymentTarget);
    const newTarget = this.next.state.targets.get(after.deploymentTarget);
    if (!oldType || !newType || !oldTarget || !newTarget) return wholeConfigDifferences(before, after);
    // The cluster type and target did not change, so only the ConfigMaps that changed can change the config: the keys
    // they set (every key of one that appeared, went or was relabelled), where they apply on either side.
    const candidates = new Set<string>();
    for (const [name, keys] of this.keysOfChangedMaps) {
      const old = this.previous.byName.get(name);
      const now = this.next.byName.get(name);
      const applies =
        (old !== undefined && isConfigFor(old.labels, oldType, oldTarget)) ||
        (now !== undefined && isConfigFor(now.labels, newType, newTarget));
      if (applies) for (const key of keys) candidates.add(key);
    }
    if (candidates.size === 0) return [];
    let oldApplicable: ReadonlySet<ConfigSource> | undefined;
    let newApplicable: ReadonlySet<ConfigSource> | undefined;
    const differences: ConfigKeyDifference[] = [];
    for (const key of [...candidates].sort()) {
      const a = this.previous.compose(
        key,
        oldType,
        oldTarget,
        () => (oldApplicable ??= new Set(applicableConfigSources(this.previous.index, oldType, oldTarget))),
      );
      const b = this.next.compose(
        key,
        newType,
        newTarget,
        () => (newApplicable ??= new Set(applicableConfigSources(this.next.index, newType, newTarget))),
      );
      if (a.text !== b.text) differences.push(difference(key, a.text, b.text, a.contributions, b.contributions));
    }
    return differences;
  }
}

function difference(
  key: string,
  from: string | undefined,
  to: string | undefined,
  before: readonly ConfigContribution[],
  after: readonly ConfigContribution[],
): ConfigKeyDifference {
  return { key, ...(from === undefined ? {} : { from }), ...(to === undefined ? {} : { to }), before, after };
}

/** Every key of the configs the plans composed, for an assignment whose cluster type or target changed. */
function wholeConfigDifferences(before: PlannedAssignment, after: PlannedAssignment): ConfigKeyDifference[] {
  const from = before.config.data;
  const to = after.config.data;
  const has = (data: object, key: string) => Object.prototype.hasOwnProperty.call(data, key);
  const differences: ConfigKeyDifference[] = [];
  for (const key of [...new Set([...Object.keys(from), ...Object.keys(to)])].sort()) {
    const old = has(from, key) ? valueText(from[key]) : undefined;
    const now = has(to, key) ? valueText(to[key]) : undefined;
    if (old !== now)
      differences.push(
        difference(key, old, now, before.config.provenance[key] ?? [], after.config.provenance[key] ?? []),
      );
  }
  return differences;
}
