import { GoMap } from '../go/go-map';
import { GoFloat64, GoInt64 } from '../go/go-numbers';
import { toBytes } from '../go/utf8';
import { GoStruct, GoUint8, kindOf } from './values';

const FNV_OFFSET_HI = 0xcbf29ce4;
const FNV_OFFSET_LO = 0x84222325;
/** The FNV prime 0x100000001b3 is 2^40 + 0x1b3. */
const FNV_PRIME_LOW = 0x1b3;

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

/** FNV-1 64-bit over the bytes, computed on two 32-bit halves (BigInt arithmetic per byte is many times slower). */
function fnv1(bytes: Uint8Array): bigint {
  let hi = FNV_OFFSET_HI;
  let lo = FNV_OFFSET_LO;
  for (const b of bytes) {
    // h * 0x100000001b3 = h * 0x1b3 + (h << 40), modulo 2^64
    const low = lo * FNV_PRIME_LOW;
    const carry = Math.floor(low / 0x100000000);
    hi = (hi * FNV_PRIME_LOW + lo * 256 + carry) >>> 0;
    lo = (low >>> 0) ^ b;
    lo >>>= 0;
  }
  return (BigInt(hi) << 32n) | BigInt(lo);
}

/** Scratch space for the little-endian bytes of one or two 64-bit values (hashing allocates nothing per value). */
const SCRATCH = new DataView(new ArrayBuffer(16));
const SCRATCH_8 = new Uint8Array(SCRATCH.buffer, 0, 8);
const SCRATCH_16 = new Uint8Array(SCRATCH.buffer, 0, 16);

function hashInt64(n: bigint): bigint {
  SCRATCH.setBigUint64(0, BigInt.asUintN(64, n), true);
  return fnv1(SCRATCH_8);
}

/** Go's `math.NaN()` (what yaml.v2's `.nan` and `strconv.ParseFloat("NaN")` give); JavaScript has one NaN. */
const GO_NAN_BITS = 0x7ff8000000000001n;

function hashFloat64(f: number): bigint {
  if (Number.isNaN(f)) {
    return hashInt64(GO_NAN_BITS);
  }
  SCRATCH.setFloat64(0, f, true);
  return fnv1(SCRATCH_8);
}

function ordered(a: bigint, b: bigint): bigint {
  SCRATCH.setBigUint64(0, BigInt.asUintN(64, a), true);
  SCRATCH.setBigUint64(8, BigInt.asUintN(64, b), true);
  return fnv1(SCRATCH_16);
}

function visit(v: unknown, ancestors: Set<object>): bigint {
  switch (kindOf(v)) {
    case 'invalid':
    case 'nil':
      return hashInt64(0n);
    case 'bool':
      return fnv1(Uint8Array.of(v ? 1 : 0));
    case 'uint':
      return fnv1(Uint8Array.of((v as GoUint8).value));
    case 'int':
      return hashInt64(v instanceof GoInt64 ? v.value : BigInt(v as number));
    case 'float':
      return hashFloat64(v instanceof GoFloat64 ? v.value : (v as number));
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
