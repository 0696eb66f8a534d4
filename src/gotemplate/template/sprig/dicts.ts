import { GoMap, GoMapKey } from '../../go/go-map';
import { fn, FunctionTable, GoCallError, walking } from '../functions';
import { sortedEntries, sortedKeys } from '../map-order';
import { hasKey, isMap, isNilCollection, mapLookup, newStringMap, SLICE_ANY, SLICE_STRING, typed } from '../values';
import { isEmpty } from './go-reflect';
import { strval } from './strings';

/**
 * sprig v2.22.0 `dict.go`. Their parameters are Go `map[string]interface {}`: `.ConfigData` and maps made by
 * `dict` qualify; `.Labels`, `.Manifests` (`map[string]string`) and nested config maps do not, exactly as in
 * Kalypso.
 *
 * Deviation: Go's map iteration order is random, so upstream `keys` and `values` return an arbitrary order;
 * here they follow the sorted keys, so that output is reproducible.
 */
export const DICT_FUNCTIONS: FunctionTable = {
  dict: fn(
    [],
    (args) => {
      const d = newStringMap();
      for (let i = 0; i < args.length; i += 2) {
        d[strval(args[i])] = i + 1 < args.length ? args[i + 1] : '';
      }
      return d;
    },
    'any',
  ),
  set: fn(['map', 'string', 'any'], ([d, key, value]) => {
    const map = writable(d);
    map[key as string] = value;
    return map;
  }),
  unset: fn(['map', 'string'], ([d, key]) => {
    const map = readable(d);
    if (hasKey(map, key as string)) {
      delete writable(map)[key as string];
    }
    return map;
  }),
  hasKey: fn(['map', 'string'], ([d, key]) => hasKey(readable(d), key as string)),
  pluck: fn(
    ['string'],
    ([key, ...dicts]) =>
      typed(
        dicts
          .map(readable)
          .filter((d) => hasKey(d, key as string))
          .map((d) => d[key as string]),
        SLICE_ANY,
      ),
    'map',
  ),
  keys: fn([], (dicts) => typed(dicts.map(readable).flatMap(sortedKeys), SLICE_STRING), 'map'),
  pick: fn(
    ['map'],
    ([d, ...keys]) => {
      const src = readable(d);
      const out = newStringMap();
      for (const k of keys as string[]) {
        if (hasKey(src, k)) {
          out[k] = src[k];
        }
      }
      return out;
    },
    'string',
  ),
  omit: fn(
    ['map'],
    ([d, ...keys]) => {
      const src = readable(d);
      const omitted = new Set(keys as string[]);
      const out = newStringMap();
      for (const k of Object.keys(src)) {
        if (!omitted.has(k)) {
          out[k] = src[k];
        }
      }
      return out;
    },
    'string',
  ),
  merge: walking(fn(['map'], ([dst, ...srcs]) => mergeInto(dst, srcs, false), 'map')),
  mergeOverwrite: walking(fn(['map'], ([dst, ...srcs]) => mergeInto(dst, srcs, true), 'map')),
  values: fn(['map'], ([d]) => {
    const map = readable(d);
    return typed(
      sortedKeys(map).map((k) => map[k]),
      SLICE_ANY,
    );
  }),
};

/** A `map` parameter: `null` stands for Go's nil map, which reads as empty. */
function readable(d: unknown): Record<string, unknown> {
  return (d ?? {}) as Record<string, unknown>;
}

function writable(d: unknown): Record<string, unknown> {
  if (d === null || d === undefined || isNilCollection(d)) {
    throw new GoCallError('assignment to entry in nil map');
  }
  return d as Record<string, unknown>;
}

/** sprig `merge`/`mergeOverwrite` with mergo's rules for `map[string]interface {}`. */
function mergeInto(dst: unknown, srcs: readonly unknown[], overwrite: boolean): Record<string, unknown> {
  let target = dst === null ? newStringMap() : (dst as Record<string, unknown>);
  for (const src of srcs) {
    if (src === null) {
      continue;
    }
    if (isNilCollection(target)) {
      target = newStringMap();
    }
    mergeMaps(recordTarget(target), src as object, overwrite);
  }
  return target;
}

/** What mergo writes into: a plain map (changed in place) or a copy of a config map. */
interface MergeTarget {
  readonly size: number;
  has(key: GoMapKey): boolean;
  get(key: GoMapKey): unknown;
  set(key: GoMapKey, value: unknown): void;
}

function recordTarget(record: Record<string, unknown>): MergeTarget {
  return {
    get size() {
      return Object.keys(record).length;
    },
    has: (key) => typeof key === 'string' && hasKey(record, key),
    get: (key) => mapLookup(record, key),
    set: (key, value) => {
      record[key as string] = value;
    },
  };
}

/**
 * mergo's deep merge of one map's entries into another. Nested plain maps are merged in place, like mergo; nested
 * config maps (`map[interface {}]interface {}`, shared between renders) are merged into a new map that replaces the
 * destination's, where mergo would change that map in place.
 */
function mergeMaps(dst: MergeTarget, src: object, overwrite: boolean): void {
  for (const [key, srcElement] of sortedEntries(src)) {
    const present = dst.has(key);
    const dstElement = dst.get(key);
    if (srcElement === null || isNilCollection(srcElement)) {
      if (overwrite) {
        dst.set(key, srcElement);
      }
      continue;
    }
    const srcIsCollection = isMap(srcElement) || srcElement instanceof GoMap || Array.isArray(srcElement);
    if (isMap(srcElement) && isMap(dstElement)) {
      mergeMaps(recordTarget(dstElement), srcElement, overwrite);
    } else if (srcElement instanceof GoMap && dstElement instanceof GoMap) {
      const merged = GoMap.of(dstElement.entries());
      mergeMaps(merged, srcElement, overwrite);
      dst.set(key, merged);
    } else if (Array.isArray(srcElement) && (overwrite || dst.size === 0)) {
      dst.set(key, srcElement);
      continue;
    }
    if (present && !isEmpty(dstElement) && srcIsCollection) {
      continue;
    }
    if (overwrite || !present || isEmpty(dstElement)) {
      dst.set(key, srcElement);
    }
  }
}
