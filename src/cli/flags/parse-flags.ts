import { UsageError } from '../../app/errors';
import { didYouMean } from '../../core/model/did-you-mean';
import { FlagDeclaration, FlagDeclarations, FlagValues, camelCase } from './flag-declaration';

/** A command line parsed against its declaration. */
export interface ParsedArguments<D extends FlagDeclarations> {
  readonly flags: FlagValues<D>;
  /** The arguments that are not flags (after `--`, everything). */
  readonly positionals: readonly string[];
}

/**
 * Parses `argv` against the declared flags: `--name value`, `--name=value`, `-n value`, `-nvalue`, grouped boolean
 * letters (`-qh`), aliases, and `--` before arguments that start with `-`. An unknown flag, a missing or unexpected
 * value, and an argument where the command takes none are usage errors; an unknown flag gets a did-you-mean hint.
 */
export function parseFlags<D extends FlagDeclarations>(
  argv: readonly string[],
  declarations: D,
  options: { readonly positionals?: boolean } = {},
): ParsedArguments<D> {
  const byLong = new Map<string, [string, FlagDeclaration]>();
  const byShort = new Map<string, [string, FlagDeclaration]>();
  for (const [name, declaration] of Object.entries(declarations)) {
    byLong.set(name, [name, declaration]);
    for (const alias of declaration.aliases ?? []) byLong.set(alias, [name, declaration]);
    if (declaration.short) byShort.set(declaration.short, [name, declaration]);
  }
  const values = new Map<string, string | boolean | string[]>();
  const positionals: string[] = [];
  const set = ([name, declaration]: [string, FlagDeclaration], value: string | true) => {
    if (declaration.multiple)
      values.set(name, [...((values.get(name) as string[] | undefined) ?? []), value as string]);
    else values.set(name, value);
  };
  const takeValue = (flag: string, declaration: FlagDeclaration, index: number): string => {
    const next = argv[index];
    if (next === undefined || (next.startsWith('-') && next !== '-'))
      throw new UsageError(`${flag} needs a value${declaration.value ? ` (${flag} ${declaration.value})` : ''}`);
    return next;
  };

  for (let index = 0; index < argv.length; index++) {
    const argument = argv[index];
    if (argument === '--') {
      positionals.push(...argv.slice(index + 1));
      break;
    }
    if (argument.startsWith('--')) {
      const equals = argument.indexOf('=');
      const name = argument.slice(2, equals < 0 ? undefined : equals);
      const found = byLong.get(name);
      if (!found)
        throw unknownFlag(
          `--${name}`,
          [...byLong.keys()].map((long) => `--${long}`),
        );
      const flag = `--${name}`;
      if (found[1].type === 'boolean') {
        if (equals >= 0)
          throw new UsageError(`${flag} takes no value, got ${JSON.stringify(argument.slice(equals + 1))}`);
        set(found, true);
      } else {
        set(found, equals >= 0 ? argument.slice(equals + 1) : takeValue(flag, found[1], ++index));
      }
    } else if (argument.startsWith('-') && argument !== '-') {
      for (let at = 1; at < argument.length; at++) {
        const letter = argument[at];
        const found = byShort.get(letter);
        if (!found)
          throw unknownFlag(
            `-${letter}`,
            [...byShort.keys()].map((short) => `-${short}`),
          );
        if (found[1].type === 'boolean') {
          set(found, true);
          continue;
        }
        const rest = argument.slice(at + 1).replace(/^=/, '');
        set(found, rest !== '' ? rest : takeValue(`-${letter}`, found[1], ++index));
        break;
      }
    } else {
      positionals.push(argument);
    }
  }
  if (positionals.length > 0 && !options.positionals)
    throw new UsageError(`unexpected argument ${JSON.stringify(positionals[0])}; this command takes only flags`);

  const flags: Record<string, unknown> = {};
  for (const [name, declaration] of Object.entries(declarations)) {
    const value = values.get(name);
    flags[camelCase(name)] =
      declaration.type === 'boolean'
        ? value === true
        : declaration.multiple
          ? (value ?? [])
          : (value ?? declaration.default);
  }
  return { flags: flags as FlagValues<D>, positionals };
}

/** Refuses a command line without a required flag (checked after parsing, so that `--help` needs none). */
export function checkRequired(declarations: FlagDeclarations, flags: object): void {
  for (const [name, declaration] of Object.entries(declarations)) {
    if (declaration.required && (flags as Record<string, unknown>)[camelCase(name)] === undefined)
      throw new UsageError(`--${name} is required`);
  }
}

function unknownFlag(flag: string, known: readonly string[]): UsageError {
  const hint = didYouMean(flag, known);
  return new UsageError(`unknown flag ${flag}${hint ? `; ${hint.replace(/"/g, '')}` : ''}`);
}
