import { parseFloat64, parseInt64, parseUint } from '../go/parse-number';
import {
  INF_WORDS,
  MERGE_KEY,
  NAN_WORDS,
  NEG_INF_WORDS,
  NULL_WORDS,
  OLD_FALSE_WORDS,
  OLD_TRUE_WORDS,
  V3_FALSE_WORDS,
  V3_TRUE_WORDS,
  YAML_STYLE_FLOAT,
} from './resolve-words';

/**
 * Whether yaml.v3 may write the string `s` as a plain (unquoted) scalar: `resolve("", s)` must give `!!str`,
 * and `s` must not be a YAML 1.1 base-60 float or YAML 1.1 boolean (`encode.go` `stringv`, `resolve.go`).
 * Strings that read back as null, booleans, numbers, timestamps or the merge key are quoted instead.
 */
export function resolvesToPlainString(s: string): boolean {
  return resolvesToString(s) && !isBase60Float(s) && !isOldBool(s);
}

const RESOLVE_MAP = new Set([
  ...V3_TRUE_WORDS,
  ...V3_FALSE_WORDS,
  ...NULL_WORDS,
  ...NAN_WORDS,
  ...INF_WORDS,
  ...NEG_INF_WORDS,
  MERGE_KEY,
]);

/** yaml.v3 `resolve("", s)` returns `!!str`. */
function resolvesToString(s: string): boolean {
  const hint = s === '' ? 'N' : hintOf(s[0]);
  if (hint === undefined) {
    return true;
  }
  if (RESOLVE_MAP.has(s)) {
    return false;
  }
  switch (hint) {
    case '.':
      return parseFloat64(s) === undefined;
    case 'D':
    case 'S': {
      if (isTimestamp(s)) {
        return false;
      }
      const plain = s.replace(/_/g, '');
      if (parseInt64(plain, 0) !== undefined || parseUint(plain, 0) !== undefined) {
        return false;
      }
      if (YAML_STYLE_FLOAT.test(plain) && parseFloat64(plain) !== undefined) {
        return false;
      }
      if (plain.startsWith('0b')) {
        return parseInt64(plain.slice(2), 2) === undefined && parseUint(plain.slice(2), 2) === undefined;
      }
      if (plain.startsWith('-0b')) {
        return parseInt64('-' + plain.slice(3), 2) === undefined;
      }
      if (plain.startsWith('0o')) {
        return parseInt64(plain.slice(2), 8) === undefined && parseUint(plain.slice(2), 8) === undefined;
      }
      if (plain.startsWith('-0o')) {
        return parseInt64('-' + plain.slice(3), 8) === undefined;
      }
      return true;
    }
    default:
      return true;
  }
}

function hintOf(c: string): string | undefined {
  if (c === '+' || c === '-') {
    return 'S';
  }
  if (c >= '0' && c <= '9') {
    return 'D';
  }
  if ('yYnNtTfFoO~'.includes(c)) {
    return 'M';
  }
  if (c === '.') {
    return '.';
  }
  return undefined;
}

const BASE_60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/** YAML 1.1 base-60 notation such as `12:30` (`encode.go` `isBase60Float`). */
export function isBase60Float(s: string): boolean {
  if (s === '') {
    return false;
  }
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) {
    return false;
  }
  return BASE_60_FLOAT.test(s);
}

const OLD_BOOLS = new Set([...OLD_TRUE_WORDS, ...OLD_FALSE_WORDS]);

/** YAML 1.1 booleans that YAML 1.2 reads as strings (`encode.go` `isOldBool`). */
export function isOldBool(s: string): boolean {
  return OLD_BOOLS.has(s);
}

/**
 * yaml.v3 `parseTimestamp`: Go `time.Parse` with the layouts `2006-1-2T15:4:5.999999999Z07:00` (also with a
 * lower-case `t`), `2006-1-2 15:4:5.999999999` and `2006-1-2`.
 */
export function isTimestamp(s: string): boolean {
  const m =
    /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(?:[.,][0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?)?$/.exec(
      s,
    );
  if (!m) {
    return false;
  }
  const [, y, mo, d, sep, h, mi, se, zone] = m;
  if (sep !== undefined) {
    if (sep === ' ' ? zone !== undefined : zone === undefined) {
      return false;
    }
    if (Number(h) >= 24 || Number(mi) >= 60 || Number(se) >= 60) {
      return false;
    }
    if (zone !== undefined && zone !== 'Z' && (Number(zone.slice(1, 3)) > 24 || Number(zone.slice(4)) > 60)) {
      return false;
    }
  }
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1) {
    return false;
  }
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}
