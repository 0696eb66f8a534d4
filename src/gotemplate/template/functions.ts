/**
 * How template functions are declared: Go function signatures (the executor converts and checks arguments the
 * way `text/template` does against a Go function's parameter types) and an implementation over template values.
 */

/**
 * A Go parameter type: `any` is `interface {}`, `value` is `reflect.Value` (Go's own builtins: they receive
 * missing values as invalid rather than nil), `map` is `map[string]interface {}`, `slice` is `[]interface {}`,
 * `strings` is `[]string`.
 */
export type ParamType =
  'any' | 'value' | 'string' | 'int' | 'int64' | 'float64' | 'bool' | 'uint32' | 'map' | 'slice' | 'strings';

export interface TemplateFunction {
  /** The fixed parameters. */
  readonly params: readonly ParamType[];
  /** The element type of a final variadic parameter (`...interface {}` is `any`). */
  readonly variadic?: ParamType;
  /** Runs the function; throws `GoCallError` where the Go function returns an error or panics. */
  readonly call: (args: unknown[], ctx: FunctionContext) => unknown;
  /**
   * Whether the function walks the whole structure of its arguments without building a result of that size
   * (`hash`, `deepCopy`, `merge`): it is charged for every node and byte of them before it runs.
   * @default false - charged for the strings and lists it is given and returns (see `BYTES_PER_STEP`)
   */
  readonly walksArguments?: boolean;
}

/**
 * The execution budget counts work, not only nodes: besides one step per node walked, function call and range
 * iteration, every function call costs one step per this many bytes (or list elements) of the strings and lists it
 * reads and returns, so that hashing or copying large strings in a loop runs out of budget as surely as a long loop.
 */
export const BYTES_PER_STEP = 64;

export type FunctionTable = Readonly<Record<string, TemplateFunction>>;

/** What a function may ask of the running execution. */
export interface FunctionContext {
  /** Counts work against the execution budget (throws when it is exhausted). */
  charge(steps: number): void;
  /** The largest string a function may build, in bytes. */
  readonly maxOutputBytes: number;
}

/** An error a template function returns: reported as `error calling <name>: <message>`. */
export class GoCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'GoCallError';
  }
}

/** A resource limit hit while executing (budget, depth, output size): never a Go error, always ours. */
export class LimitError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'LimitError';
  }
}

export function goTypeNameOf(param: ParamType): string {
  switch (param) {
    case 'any':
      return 'interface {}';
    case 'value':
      return 'reflect.Value';
    case 'map':
      return 'map[string]interface {}';
    case 'slice':
      return '[]interface {}';
    case 'strings':
      return '[]string';
    default:
      return param;
  }
}

/** A function that walks the whole structure of its arguments (see `TemplateFunction.walksArguments`). */
export function walking(f: TemplateFunction): TemplateFunction {
  return { ...f, walksArguments: true };
}

/** Shorthand for declaring a function. */
export function fn(
  params: readonly ParamType[],
  call: TemplateFunction['call'],
  variadic?: ParamType,
): TemplateFunction {
  return variadic === undefined ? { params, call } : { params, variadic, call };
}
