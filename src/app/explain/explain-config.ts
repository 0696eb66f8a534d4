import { isConfigObject } from '../../core/model/config-value';
import { ClusterType, DeploymentTarget, EnvironmentModel } from '../../core/model/types';
import {
  ConfigContribution,
  collectConfigSources,
  composePlatformConfig,
  findConfigLabelMismatch,
  isConfigFor,
} from '../../core/config/platform-config';
import { ConfigExplanation, ConfigKeyExplanation, ConfigMapExplanation, byName } from './explanation';

/**
 * The platform config of a target on a cluster type (docs/explanation/scheduling-and-config.md#platform-config): for
 * every key the ConfigMap entry that set it and the ones it replaced or merged into, every platform ConfigMap with why
 * it does (not) apply, and the ConfigSchemas that apply (listing only; validation is the config-validation step's).
 */
export function explainConfig(
  environment: EnvironmentModel,
  clusterType: ClusterType,
  target: DeploymentTarget,
  file?: string,
): ConfigExplanation {
  const sources = collectConfigSources(environment.configMaps);
  const composed = composePlatformConfig(sources, clusterType, target);
  const keys: ConfigKeyExplanation[] = Object.keys(composed.provenance)
    .sort()
    .map((key) => {
      const contributions = composed.provenance[key];
      return {
        key,
        value: composed.data[key],
        setBy: contributions[contributions.length - 1],
        overrides: contributions.slice(0, -1).map((contribution, index) => ({
          contribution,
          merged: merges(contribution, contributions[index + 1]),
        })),
      };
    });
  const locations = new Map(environment.configMaps.map((configMap) => [configMap.name, configMap.source?.location]));
  const configMaps: ConfigMapExplanation[] = sources.map((source) => {
    // A platform ConfigMap applies when its labels hold; an azure-app-config one when the labels of any of its keys do.
    const labelSets = source.entries.some((entry) => Object.keys(entry.keyLabels).length > 0)
      ? source.entries.map((entry) => ({ ...source.labels, ...entry.keyLabels }))
      : [source.labels];
    const mismatches = labelSets.map((labels) => findConfigLabelMismatch(labels, clusterType, target));
    const applied = mismatches.some((mismatch) => mismatch === undefined);
    return {
      name: source.configMap,
      location: locations.get(source.configMap),
      applied,
      ...(applied ? {} : { mismatch: mismatches[0] }),
    };
  });
  const configSchemas = environment.configSchemas
    .filter((schema) => isConfigFor(schema.labels, clusterType, target))
    .map((schema) => ({ name: schema.name, location: schema.source?.location }))
    .sort(byName);
  return {
    clusterType: clusterType.name,
    ...(file ? { file } : {}),
    keys,
    configMaps,
    configSchemas,
    inlineConfigSchemas: target.configSchemas.length,
  };
}

/** Whether the later contribution merged into the earlier one (lists and maps) rather than replacing it. */
function merges(earlier: ConfigContribution, later: ConfigContribution): boolean {
  return (
    (Array.isArray(earlier.value) && Array.isArray(later.value)) ||
    (isConfigObject(earlier.value) && isConfigObject(later.value))
  );
}
