/** How one flag is written, parsed and documented; the type of its parsed value follows from it. */
export interface FlagDeclaration {
  /** `string` takes a value (`--out DIR`, `--out=DIR`); `boolean` takes none. */
  readonly type: 'string' | 'boolean';
  /** One letter: `-c`. */
  readonly short?: string;
  /** Other long names accepted for it (`--output` for `--out`). */
  readonly aliases?: readonly string[];
  /** Repeatable: every value is kept, in order. */
  readonly multiple?: boolean;
  /** The value's name in help (`PATH`, `URL=PATH`). */
  readonly value?: string;
  /** What the flag does, in one sentence without a capital or a full stop; help wraps it. */
  readonly description: string;
  /** The flag must be given (strings only); help says so. */
  readonly required?: boolean;
  /** The value when the flag is not given (strings only); shown in help. */
  readonly default?: string;
  /** How help describes the default when it is not a value (`the first one declared on main`). */
  readonly defaultText?: string;
  /** The heading help lists it under. @default 'Options' */
  readonly group?: string;
}

export type FlagDeclarations = Readonly<Record<string, FlagDeclaration>>;

/** `keep-going` → `keepGoing`. */
export type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}`
  ? `${Head}${Capitalize<CamelCase<Tail>>}`
  : S;

/**
 * A boolean is false when absent; a repeatable flag an empty list; a required string, or one with a default, a
 * string.
 */
export type FlagValue<F extends FlagDeclaration> = F['type'] extends 'boolean'
  ? boolean
  : F extends { readonly multiple: true }
    ? readonly string[]
    : F extends { readonly required: true } | { readonly default: string }
      ? string
      : string | undefined;

/** The parsed flags of a declaration, by camel-cased long name: `flags.keepGoing`, `flags.controlPlane`. */
export type FlagValues<D extends FlagDeclarations> = {
  readonly [K in keyof D & string as CamelCase<K>]: FlagValue<D[K]>;
};

/** Declares flags, keeping their literal types so that `FlagValues` can derive the parsed shape. */
export function declareFlags<const D extends FlagDeclarations>(declarations: D): D {
  return declarations;
}

/** `keep-going` → `keepGoing`, as `CamelCase` does for types. */
export function camelCase(name: string): string {
  return name.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
