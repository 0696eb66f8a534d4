import { fn, FunctionTable, walking } from '../functions';
import { JsonEncodeError, marshalJson } from '../json-encode';
import { SLICE_ANY, typed } from '../values';
import { deepCopy, isEmpty, requireList } from './go-reflect';

/** sprig v2.22.0 `defaults.go`: `default`, `empty`, `coalesce`, `compact`, `deepCopy`, `toJson`, `toPrettyJson`, `ternary`. */
export const DEFAULT_FUNCTIONS: FunctionTable = {
  default: fn(['any'], ([d, ...given]) => (given.length === 0 || isEmpty(given[0]) ? d : given[0]), 'any'),
  empty: fn(['any'], ([v]) => isEmpty(v)),
  coalesce: fn([], (args) => args.find((v) => !isEmpty(v)) ?? null, 'any'),
  compact: fn(['any'], ([list]) =>
    typed(
      requireList(list, (k) => `Cannot compact on type ${k}`).filter((v) => !isEmpty(v)),
      SLICE_ANY,
    ),
  ),
  deepCopy: walking(fn(['any'], ([v]) => deepCopy(v))),
  toJson: fn(['any'], ([v]) => jsonOrEmpty(v, false)),
  toPrettyJson: fn(['any'], ([v]) => jsonOrEmpty(v, true)),
  ternary: fn(['any', 'any', 'bool'], ([vt, vf, v]) => (v ? vt : vf)),
};

/** sprig ignores marshalling errors: `toJson` of an unsupported value is the empty string. */
function jsonOrEmpty(v: unknown, indent: boolean): string {
  try {
    return marshalJson(v, indent);
  } catch (e) {
    if (e instanceof JsonEncodeError) {
      return '';
    }
    throw e;
  }
}
