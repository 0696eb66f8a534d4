import { GoMap } from '../go/go-map';
import { GoFloat64, GoInt64 } from '../go/go-numbers';
import { toBytes } from '../go/utf8';
import { GoStruct, GoUint8, kindOf } from './values';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/**
 * `hashstructure.Hash(v, nil)` of github.com/mitchellh/hashstructure v1.1.0 (Kalypso's `hash` function):
 * FNV-1 (not 1a) 64-bit. Strings hash their UTF-8 bytes; ints (and int64) their 8-byte little-endian value;
 * floats their IEEE-754 bits; bools one byte; nil hashes like the int 0; slices fold element hashes in order;
 * maps XOR the hash of each (key, value) pair, so key order does not matter, and keys hash by their type (the
 * boolean key `true` as one byte 1, the string key `"true"` as four bytes); structs start from the hash of the type
 * name. Returns the unsigned 64-bit hash.
 */
export function hashStructure(v: unknown): bigint {
  return visit(v, new Set());
}

function fnv1(bytes: Uint8Array): bigint {
  let h = FNV_OFFSET;
  for (const b of bytes) {
    h = (h * FNV_PRIME) & MASK;
    h ^= BigInt(b);
  }
  return h;
}

function int64Bytes(n: bigint): Uint8Array {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt.asUintN(64, n), true);
  return new Uint8Array(view.buffer);
}

/** Go's `math.NaN()` (what yaml.v2's `.nan` and `strconv.ParseFloat("NaN")` give); JavaScript has one NaN. */
const GO_NAN_BITS = 0x7ff8000000000001n;

function float64Bytes(f: number): Uint8Array {
  if (Number.isNaN(f)) {
    return int64Bytes(GO_NAN_BITS);
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, f, true);
  return new Uint8Array(view.buffer);
}

function ordered(a: bigint, b: bigint): bigint {
  const bytes = new Uint8Array(16);
  bytes.set(int64Bytes(a), 0);
  bytes.set(int64Bytes(b), 8);
  return fnv1(bytes);
}

function visit(v: unknown, ancestors: Set<object>): bigint {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return fnv1(int64Bytes(0n));
    case 'bool':
      return fnv1(Uint8Array.of(v ? 1 : 0));
    case 'uint':
      return fnv1(Uint8Array.of((v as GoUint8).value));
    case 'int':
      return fnv1(int64Bytes(v instanceof GoInt64 ? v.value : BigInt(v as number)));
    case 'float':
      return fnv1(float64Bytes(v instanceof GoFloat64 ? v.value : (v as number)));
    case 'string':
      return fnv1(toBytes(v as string));
    default:
      break;
  }
  const obj = v as object;
  if (ancestors.has(obj)) {
    throw new Error('cannot hash cyclic data');
  }
  ancestors.add(obj);
  try {
    if (Array.isArray(obj)) {
      return obj.reduce<bigint>((h, item) => ordered(h, visit(item, ancestors)), 0n);
    }
    if (obj instanceof GoStruct) {
      let h = visit(obj.typeName.replace(/^.*\./, ''), ancestors);
      for (const [name, value] of obj.fields) {
        h ^= ordered(visit(name, ancestors), visit(value, ancestors));
      }
      return h;
    }
    if (obj instanceof GoMap) {
      let h = 0n;
      for (const [k, x] of obj.entries()) {
        // v.MapIndex(k): a NaN key finds nothing, so its value hashes as nil does.
        h ^= ordered(visit(k, ancestors), visit(obj.has(k) ? x : null, ancestors));
      }
      return h;
    }
    const map = obj as Record<string, unknown>;
    let h = 0n;
    for (const k of Object.keys(map)) {
      h ^= ordered(visit(k, ancestors), visit(map[k], ancestors));
    }
    return h;
  } finally {
    ancestors.delete(obj);
  }
}
