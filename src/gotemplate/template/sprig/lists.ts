import { fn, FunctionTable, GoCallError } from '../functions';
import { goTypeOf, nilSlice, SLICE_ANY, typed } from '../values';
import { deepEqual, requireList } from './go-reflect';
import { toInt64 } from './numeric';

/** sprig v2.22.0 `list.go`: list functions over any Go slice, with sprig's panics for other types. */
export const LIST_FUNCTIONS: FunctionTable = {
  list: fn([], (args) => anySlice([...args]), 'any'),
  tuple: fn([], (args) => anySlice([...args]), 'any'),
  append: fn(['any', 'any'], ([list, v]) => anySlice([...requireList(list, (k) => `Cannot push on type ${k}`), v])),
  push: fn(['any', 'any'], ([list, v]) => anySlice([...requireList(list, (k) => `Cannot push on type ${k}`), v])),
  prepend: fn(['any', 'any'], ([list, v]) => anySlice([v, ...requireList(list, (k) => `Cannot prepend on type ${k}`)])),
  first: fn(['any'], ([list]) => {
    const l = requireList(list, (k) => `Cannot find first on type ${k}`);
    return l.length === 0 ? null : l[0];
  }),
  last: fn(['any'], ([list]) => {
    const l = requireList(list, (k) => `Cannot find last on type ${k}`);
    return l.length === 0 ? null : l[l.length - 1];
  }),
  rest: fn(['any'], ([list]) => {
    const l = requireList(list, (k) => `Cannot find rest on type ${k}`);
    return l.length === 0 ? nilSlice() : anySlice(l.slice(1));
  }),
  initial: fn(['any'], ([list]) => {
    const l = requireList(list, (k) => `Cannot find initial on type ${k}`);
    return l.length === 0 ? nilSlice() : anySlice(l.slice(0, -1));
  }),
  reverse: fn(['any'], ([list]) =>
    anySlice([...requireList(list, (k) => `Cannot find reverse on type ${k}`)].reverse()),
  ),
  uniq: fn(['any'], ([list]) => {
    const out: unknown[] = [];
    for (const item of requireList(list, (k) => `Cannot find uniq on type ${k}`)) {
      if (!out.some((x) => deepEqual(item, x))) {
        out.push(item);
      }
    }
    return anySlice(out);
  }),
  without: fn(
    ['any'],
    ([list, ...omit]) =>
      anySlice(
        requireList(list, (k) => `Cannot find without on type ${k}`).filter(
          (item) => !omit.some((o) => deepEqual(item, o)),
        ),
      ),
    'any',
  ),
  has: fn(['any', 'any'], ([needle, haystack]) => {
    if (haystack === null) {
      return false;
    }
    return requireList(haystack, (k) => `Cannot find has on type ${k}`).some((item) => deepEqual(needle, item));
  }),
  slice: fn(
    ['any'],
    ([list, ...indices]) => {
      const l = requireList(list, (k) => `list should be type of slice or array but ${k}`);
      if (l.length === 0) {
        return null;
      }
      const start = indices.length > 0 ? Number(toInt64(indices[0])) : 0;
      const end = indices.length < 2 ? l.length : Number(toInt64(indices[1]));
      if (start < 0 || end < start || end > l.length) {
        throw new GoCallError('reflect.Value.Slice: slice index out of bounds');
      }
      return typed(l.slice(start, end), goTypeOf(list));
    },
    'any',
  ),
  concat: fn(
    [],
    (lists) => {
      const out: unknown[] = [];
      for (const list of lists) {
        out.push(...requireList(list, (k) => `Cannot concat type ${k} as list`));
      }
      return out.length === 0 ? nilSlice() : anySlice(out);
    },
    'any',
  ),
};

function anySlice(items: unknown[]): unknown[] {
  return typed(items, SLICE_ANY);
}
