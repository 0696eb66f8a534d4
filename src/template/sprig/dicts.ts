import { GoMap } from '../../go/go-map';
import { fn, FunctionTable, GoCallError } from '../functions';
import { sortedEntries, sortedKeys } from '../map-order';
import { hasKey, isMap, isNilCollection, newStringMap, SLICE_ANY, SLICE_STRING, typed } from '../values';
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
  dict: fn([], (args) => {
    const d = newStringMap();
    for (let i = 0; i < args.length; i += 2) {
      d[strval(args[i])] = i + 1 < args.length ? args[i + 1] : '';
    }
    return d;
  }, 'any'),
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
  pluck: fn(['string'], ([key, ...dicts]) =>
    typed(
      dicts.map(readable).filter((d) => hasKey(d, key as string)).map((d) => d[key as string]),
      SLICE_ANY,
    ),
  'map'),
  keys: fn([], (dicts) => typed(dicts.map(readable).flatMap(sortedKeys), SLICE_STRING), 'map'),
  pick: fn(['map'], ([d, ...keys]) => {
    const src = readable(d);
    const out = newStringMap();
    for (const k of keys as string[]) {
      if (hasKey(src, k)) {
        out[k] = src[k];
      }
    }
    return out;
  }, 'string'),
  omit: fn(['map'], ([d, ...keys]) => {
    const src = readable(d);
    const omitted = new Set(keys as string[]);
    const out = newStringMap();
    for (const k of Object.keys(src)) {
      if (!omitted.has(k)) {
        out[k] = src[k];
      }
    }
    return out;
  }, 'string'),
  merge: fn(['map'], ([dst, ...srcs]) => mergeInto(dst, srcs, false), 'map'),
  mergeOverwrite: fn(['map'], ([dst, ...srcs]) => mergeInto(dst, srcs, true), 'map'),
  values: fn(['map'], ([d]) => {
    const map = readable(d);
    return typed(sortedKeys(map).map((k) => map[k]), SLICE_ANY);
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
    mergeMaps(target, src as Record<string, unknown>, overwrite);
  }
  return target;
}

function mergeMaps(dst: Record<string, unknown>, src: Readonly<Record<string, unknown>>, overwrite: boolean): void {
  for (const key of sortedKeys(src)) {
    const srcElement = src[key];
    const present = hasKey(dst, key);
    const dstElement = present ? dst[key] : undefined;
    if (srcElement === null || isNilCollection(srcElement)) {
      if (overwrite) {
        dst[key] = srcElement;
      }
      continue;
    }
    const srcIsCollection = isMap(srcElement) || srcElement instanceof GoMap || Array.isArray(srcElement);
    if (isMap(srcElement) && isMap(dstElement)) {
      mergeMaps(dstElement, srcElement, overwrite);
    } else if (srcElement instanceof GoMap && dstElement instanceof GoMap) {
      dst[key] = mergeGoMaps(dstElement, srcElement, overwrite);
    } else if (Array.isArray(srcElement) && (overwrite || Object.keys(dst).length === 0)) {
      dst[key] = srcElement;
      continue;
    }
    if (present && !isEmpty(dstElement) && srcIsCollection) {
      continue;
    }
    if (overwrite || !present || isEmpty(dstElement)) {
      dst[key] = srcElement;
    }
  }
}

/**
 * `mergeMaps` for two config maps (`map[interface {}]interface {}`), which are shared between renders and so never
 * changed: the merged map is a new one, where mergo would change the destination map in place.
 */
function mergeGoMaps(dst: GoMap, src: GoMap, overwrite: boolean): GoMap {
  const out = GoMap.of(dst.entries());
  for (const [key, srcElement] of sortedEntries(src)) {
    const present = out.has(key);
    const dstElement = out.get(key);
    if (srcElement === null || isNilCollection(srcElement)) {
      if (overwrite) {
        out.set(key, srcElement);
      }
      continue;
    }
    const srcIsCollection = isMap(srcElement) || srcElement instanceof GoMap || Array.isArray(srcElement);
    if (srcElement instanceof GoMap && dstElement instanceof GoMap) {
      out.set(key, mergeGoMaps(dstElement, srcElement, overwrite));
    } else if (Array.isArray(srcElement) && (overwrite || out.size === 0)) {
      out.set(key, srcElement);
      continue;
    }
    if (present && !isEmpty(dstElement) && srcIsCollection) {
      continue;
    }
    if (overwrite || !present || isEmpty(dstElement)) {
      out.set(key, srcElement);
    }
  }
  return out;
}
