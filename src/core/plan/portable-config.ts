import { GoMap } from '../../gotemplate';
import { GoFloat64 } from '../../gotemplate';
import { ConfigValue } from '../model/config-value';

/*
 * Config values keep their Go types in classes (`GoMap` with typed keys, `GoFloat64`), which neither a structured
 * clone (to a worker thread) nor JSON (a render cache identity) keeps. Here they are written as plain, tagged data and
 * read back: `{ m: [[key, value]…] }` for a map, `{ f: number }` for a float64, `{ n: "NaN" }` for the numbers JSON
 * cannot write (NaN, ±Infinity, -0). Equal values give equal JSON, and different values different JSON.
 */

type PortableNumber = number | { readonly n: string };

/** A config value as plain data that keeps its Go types. */
export type PortableConfigValue =
  | string
  | boolean
  | null
  | PortableNumber
  | { readonly f: PortableNumber }
  | { readonly m: readonly (readonly [PortableConfigValue, PortableConfigValue])[] }
  | readonly PortableConfigValue[];

function portableNumber(value: number): PortableNumber {
  return Number.isFinite(value) && !Object.is(value, -0) ? value : { n: Object.is(value, -0) ? '-0' : String(value) };
}

function numberOf(value: PortableNumber): number {
  return typeof value === 'number' ? value : Number(value.n);
}

export function toPortableConfigValue(value: ConfigValue): PortableConfigValue {
  if (typeof value === 'number') return portableNumber(value);
  if (value instanceof GoFloat64) return { f: portableNumber(value.value) };
  if (value instanceof GoMap) {
    return {
      m: value.entries().map(([key, element]) => [toPortableConfigValue(key), toPortableConfigValue(element)] as const),
    };
  }
  if (Array.isArray(value)) return value.map(toPortableConfigValue);
  return value as string | boolean | null;
}

export function fromPortableConfigValue(value: PortableConfigValue): ConfigValue {
  if (Array.isArray(value)) return value.map(fromPortableConfigValue);
  if (typeof value !== 'object' || value === null) return value as string | number | boolean | null;
  if ('n' in value) return numberOf(value);
  if ('f' in value) return new GoFloat64(numberOf(value.f));
  return GoMap.of(
    (value as { m: readonly (readonly [PortableConfigValue, PortableConfigValue])[] }).m.map(
      ([key, element]) =>
        [
          fromPortableConfigValue(key) as string | number | boolean | null | GoFloat64,
          fromPortableConfigValue(element),
        ] as const,
    ),
  );
}
