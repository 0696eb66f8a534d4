import { fn, FunctionTable, GoCallError } from '../functions';
import { CASE_FUNCTIONS } from './case-conversion';
import { DEFAULT_FUNCTIONS } from './defaults';
import { DICT_FUNCTIONS } from './dicts';
import { DISABLED_FUNCTIONS } from './disabled';
import { ENCODING_FUNCTIONS } from './encoding';
import { LIST_FUNCTIONS } from './lists';
import { NUMERIC_FUNCTIONS } from './numeric';
import { PATH_FUNCTIONS } from './paths';
import { REFLECTION_FUNCTIONS } from './reflection';
import { REGEX_FUNCTIONS } from './regex';
import { STRING_FUNCTIONS } from './strings';
import { URL_FUNCTIONS } from './urls';

/**
 * `sprig.TxtFuncMap()` of github.com/Masterminds/sprig v2.22.0 — the version Kalypso builds with — as template
 * functions. Every name of that map is defined, so templates parse exactly as upstream; the functions in
 * `DISABLED_FUNCTIONS` fail when called. Functions added in sprig v3 (`get`, `fromJson`, `toRawJson`, `must*`,
 * `dig`, …) and Helm's (`required`, `toYaml`, `tpl`) are not part of v2.22.0 and so are "not defined", as they
 * are for Kalypso (Kalypso adds its own `toYaml`).
 */
export const SPRIG_FUNCTIONS: FunctionTable = {
  hello: fn([], () => 'Hello!'),
  fail: fn(['string'], ([msg]) => {
    throw new GoCallError(msg as string);
  }),
  ...STRING_FUNCTIONS,
  ...CASE_FUNCTIONS,
  ...NUMERIC_FUNCTIONS,
  ...DEFAULT_FUNCTIONS,
  ...REFLECTION_FUNCTIONS,
  ...PATH_FUNCTIONS,
  ...ENCODING_FUNCTIONS,
  ...DICT_FUNCTIONS,
  ...LIST_FUNCTIONS,
  ...REGEX_FUNCTIONS,
  ...URL_FUNCTIONS,
  ...DISABLED_FUNCTIONS,
};
