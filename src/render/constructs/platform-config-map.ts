import { ApiObject, JsonPatch } from 'cdk8s';
import * as kplus from 'cdk8s-plus-28';
import { Construct } from 'constructs';
import { setOwn } from '../../core/model/own-property';
import type { Manifest, ManifestObject } from '../serialize/serialize';
import { AssignmentContext } from './assignment-context';
import { configValueText } from './config-text';
import { PlainRenderer, sanitized, sanitizedMetadata } from './plain-manifest';
import { ConfigKeyError } from './render-error';
import { ConfigFileType, IConfigRenderer } from './renderer';

/** Name of the ConfigMap holding an assignment's platform config. */
export const PLATFORM_CONFIG_NAME = 'platform-config';
const CONFIG_MAP_KEY = /^[-._a-zA-Z0-9]+$/;

/**
 * Whether `key` can be a key of the ConfigMap's data: Kubernetes accepts it, and cdk8s can write it (a JavaScript
 * object cannot hold a key named "__proto__" the way cdk8s copies objects).
 */
function isConfigMapKey(key: string): boolean {
  return CONFIG_MAP_KEY.test(key) && key.length <= 253 && key !== '__proto__';
}

function invalidKeyProblem(key: string): string {
  if (key === '__proto__') {
    return 'config key "__proto__" cannot be a key of the platform ConfigMap: cdk8s cannot write a key of that name (rename it, or use the envfile config type)';
  }
  return `config key ${JSON.stringify(key)} is not a valid ConfigMap key (letters, digits, "-", "_" and ".", at most 253)`;
}

/** Props of a `PlatformConfigMap`. */
export interface PlatformConfigMapProps {
  /** Namespace the ConfigMap is created in (the assignment's target namespace). */
  readonly namespace: string;
  /**
   * Kubernetes name of the ConfigMap.
   * @default "platform-config"
   */
  readonly name?: string;
}

/**
 * What cdk8s-plus' generated `KubeConfigMap.toJson()` returns, computed in time linear in the number of keys.
 *
 * The generated method resolves the object (`ApiObject.toJson()`: lazy values, sorted keys, JSON patches) and then
 * passes it through `toJson_KubeConfigMapProps`, which copies the data map once per key (`reduce` over the entries with
 * an object spread), so a ConfigMap of n keys costs n² copies, most of synth's time with a few hundred keys. It runs
 * after the patches, so no patch avoids it. This function does what that one does — metadata through cdk8s-plus' own
 * `toJson_ObjectMeta`, `binaryData` and `data` without undefined values, `immutable`, in that order after apiVersion
 * and kind, undefined fields left out — with one copy. It replaces `toJson` on this one ApiObject instance only;
 * nothing global changes. test/render/constructs/built-in-renderers.test.ts checks that both give the same object.
 */
export function configMapJson(resource: ApiObject): Record<string, unknown> {
  return configMapJsonOf(ApiObject.prototype.toJson.call(resource));
}

/** `configMapJson` of the object as `ApiObject.toJson` resolves it. */
function configMapJsonOf(resolved: {
  readonly metadata?: kplus.k8s.ObjectMeta;
  readonly binaryData?: Record<string, unknown>;
  readonly data?: Record<string, unknown>;
  readonly immutable?: boolean;
}): ManifestObject {
  const fields: Record<string, unknown> = {
    metadata: kplus.k8s.toJson_ObjectMeta(resolved.metadata),
    binaryData: withoutUndefinedValues(resolved.binaryData),
    data: withoutUndefinedValues(resolved.data),
    immutable: resolved.immutable,
  };
  return { ...kplus.k8s.KubeConfigMap.GVK, ...withoutUndefinedValues(fields) };
}

function withoutUndefinedValues(map: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (map === undefined) return undefined;
  // The resolved data is a fresh object, usually without undefined values: then it is the copy.
  if (!hasUndefinedValue(map)) return map;
  const result: Record<string, unknown> = {};
  for (const key of Object.keys(map)) {
    const value = map[key];
    if (value !== undefined) setOwn(result, key, value);
  }
  return result;
}

function hasUndefinedValue(map: Record<string, unknown>): boolean {
  for (const key in map) if (map[key] === undefined) return true;
  return false;
}

/** The `platform-config` ConfigMap of an assignment; every value a string. */
export class PlatformConfigMap extends Construct {
  private readonly configMap: kplus.ConfigMap;
  /** Keys that are not valid ConfigMap keys, as they were added. */
  private readonly badKeys: string[] = [];

  public constructor(scope: Construct, id: string, props: PlatformConfigMapProps) {
    super(scope, id);
    this.configMap = new kplus.ConfigMap(this, 'Resource', {
      metadata: { name: props.name ?? PLATFORM_CONFIG_NAME, namespace: props.namespace },
    });
    const resource = ApiObject.of(this.configMap);
    resource.addJsonPatch(JsonPatch.remove('/immutable'));
    // cdk8s-plus leaves out data whose values are all "" (its `undefinedIfEmpty`); Kalypso's template writes them.
    resource.toJson = () => configMapJsonOf({ ...ApiObject.prototype.toJson.call(resource), data: this.sortedData() });
    this.node.addValidation({ validate: () => this.invalidKeys() });
  }

  /** Adds a key; a key can be set once (cdk8s-plus refuses a second value for it). */
  public addEntry(key: string, value: string): void {
    this.configMap.addData(key, value);
    if (!isConfigMapKey(key)) this.badKeys.push(key);
  }

  /** The entries. */
  public get data(): Record<string, string> {
    return this.configMap.data;
  }

  private sortedData(): Record<string, unknown> | undefined {
    const data = this.configMap.data;
    return Object.keys(data).length > 0 ? (sanitized(data) as Record<string, unknown>) : undefined;
  }

  private invalidKeys(): string[] {
    return this.badKeys.map(invalidKeyProblem);
  }
}

/**
 * The built-in `configmap` config renderer: the ConfigMap of the sample `configmap` template, except that lists and
 * maps are written as YAML text so every value is a string (docs/explanation/compatibility.md). Renders nothing for an
 * empty config.
 */
export class ConfigMapRenderer implements IConfigRenderer, PlainRenderer {
  /** `platform-config.yaml`. */
  public readonly fileType = ConfigFileType.YAML;

  /** A `PlatformConfigMap` of the composed config; nothing when it is empty. */
  public render(scope: Construct, context: AssignmentContext): void {
    const keys = Object.keys(context.config).sort();
    if (keys.length === 0) return;
    const invalid = keys.filter((key) => !isConfigMapKey(key)).map((key) => ({ key, problem: invalidKeyProblem(key) }));
    if (invalid.length > 0) throw new ConfigKeyError(invalid);
    const configMap = new PlatformConfigMap(scope, 'ConfigMap', { namespace: context.namespace });
    for (const key of keys) configMap.addEntry(key, configValueText(context.config[key]));
  }

  /**
   * The JSON of the PlatformConfigMap: the data sorted as `ApiObject.toJson` sorts it. Undefined for a key `render`
   * reports.
   */
  public plainManifests(context: AssignmentContext): readonly Manifest[] | undefined {
    const keys = Object.keys(context.config).sort();
    if (keys.length === 0) return [];
    if (!keys.every(isConfigMapKey)) return undefined;
    const data: Record<string, string> = {};
    for (const key of keys) data[key] = configValueText(context.config[key]);
    const metadata = sanitizedMetadata({ name: PLATFORM_CONFIG_NAME, namespace: context.namespace });
    return [{ object: configMapJsonOf({ metadata, data }) }];
  }
}
