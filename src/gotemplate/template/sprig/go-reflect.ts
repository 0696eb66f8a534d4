import { GoMap } from '../../go/go-map';
import { GoCallError } from '../functions';
import {
  bigintOf,
  GoStruct,
  goTypeOf,
  isNilCollection,
  isTrue,
  kindOf,
  mapEntries,
  mapLookup,
  mapSize,
  numberOf,
  reflectKindName,
  typed,
} from '../values';

/**
 * Reflection helpers with the behaviour sprig's list, dict and default functions get from Go's `reflect`:
 * `reflect.DeepEqual`, `copystructure.Copy`, emptiness, and the panics on nil or non-list arguments.
 */

/** sprig `empty`: nil, false, 0, and empty strings, slices and maps are empty; structs never (Go template truth, negated). */
export function isEmpty(v: unknown): boolean {
  return !isTrue(v);
}

/** `reflect.DeepEqual`: same Go type and deeply equal contents (a nil slice differs from an empty one). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) {
    return (a === null || a === undefined) && (b === null || b === undefined);
  }
  if (goTypeOf(a) !== goTypeOf(b)) {
    return false;
  }
  switch (kindOf(a)) {
    case 'bool':
    case 'string':
      return a === b;
    case 'int':
    case 'uint':
      return bigintOf(a) === bigintOf(b);
    case 'float':
      return numberOf(a) === numberOf(b);
    case 'slice': {
      const x = a as unknown[];
      const y = b as unknown[];
      if (isNilCollection(x) !== isNilCollection(y) || x.length !== y.length) {
        return false;
      }
      return x.every((item, i) => deepEqual(item, y[i]));
    }
    case 'map': {
      const x = a as object;
      const y = b as object;
      if (isNilCollection(x) !== isNilCollection(y) || mapSize(x) !== mapSize(y)) {
        return false;
      }
      return mapEntries(x).every(([k, v]) => {
        const w = mapLookup(y, k);
        return w !== undefined && deepEqual(v, w);
      });
    }
    case 'struct':
      return [...(a as GoStruct).fields].every(([k, v]) => deepEqual(v, (b as GoStruct).fields.get(k)));
    default:
      return false;
  }
}

/** `copystructure.Copy`: a deep copy that keeps Go types. */
export function deepCopy(v: unknown): unknown {
  if (Array.isArray(v)) {
    return typed(
      v.map((x: unknown) => deepCopy(x)),
      goTypeOf(v),
    );
  }
  if (v instanceof GoMap) {
    return GoMap.of(v.entries().map(([k, x]) => [k, deepCopy(x)] as const));
  }
  if (kindOf(v) === 'map') {
    const src = v as Record<string, unknown>;
    const out = typed(Object.create(null) as Record<string, unknown>, goTypeOf(v));
    for (const k of Object.keys(src)) {
      out[k] = deepCopy(src[k]);
    }
    return out;
  }
  if (v instanceof GoStruct) {
    return new GoStruct(v.typeName, new Map([...v.fields].map(([k, x]) => [k, deepCopy(x)])));
  }
  return v;
}

/**
 * The list argument of sprig's reflection-based list functions: `reflect.TypeOf(nil).Kind()` crashes, other
 * kinds panic with sprig's message (`Cannot push on type string`).
 */
export function requireList(list: unknown, what: (kind: string) => string): readonly unknown[] {
  if (list === null || list === undefined) {
    throw new GoCallError('runtime error: invalid memory address or nil pointer dereference');
  }
  if (!Array.isArray(list)) {
    throw new GoCallError(what(reflectKindName(list)));
  }
  return list;
}
