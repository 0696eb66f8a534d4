import { fn, FunctionTable } from '../functions';
import { goTypeOf, reflectKindName } from '../values';
import { deepEqual } from './go-reflect';

/** sprig v2.22.0 `reflect.go` and `deepEqual`. */
export const REFLECTION_FUNCTIONS: FunctionTable = {
  typeOf: fn(['any'], ([v]) => typeName(v)),
  typeIs: fn(['string', 'any'], ([target, v]) => target === typeName(v)),
  typeIsLike: fn(
    ['string', 'any'],
    ([target, v]) => target === typeName(v) || '*' + (target as string) === typeName(v),
  ),
  kindOf: fn(['any'], ([v]) => reflectKindName(v)),
  kindIs: fn(['string', 'any'], ([target, v]) => target === reflectKindName(v)),
  deepEqual: fn(['any', 'any'], ([a, b]) => deepEqual(a, b)),
};

/** `fmt.Sprintf("%T", v)`. */
function typeName(v: unknown): string {
  return v === null || v === undefined ? '<nil>' : goTypeOf(v);
}
