/**
 * Go's `strconv.FormatFloat(f, fmt, prec, 64)` for the formats `e`, `E`, `f`, `g` and `G`.
 *
 * `prec` -1 means "the fewest digits that read back as the same float64" (JavaScript's shortest round-trip
 * digits, which are the same digits Go chooses). A fixed precision rounds the exact binary value half to even,
 * as Go does.
 */
export type FloatFormat = 'e' | 'E' | 'f' | 'g' | 'G';

/** Decimal digits `0.d1d2…dn × 10^dp`; no leading or trailing zeros; zero has no digits. */
interface Decimal {
  digits: string;
  dp: number;
}

export function formatFloat(f: number, fmt: FloatFormat, prec: number): string {
  if (Number.isNaN(f)) {
    return 'NaN';
  }
  if (f === Infinity) {
    return '+Inf';
  }
  if (f === -Infinity) {
    return '-Inf';
  }
  const neg = f < 0 || Object.is(f, -0);
  const abs = Math.abs(f);
  const shortest = prec < 0;
  let d: Decimal;
  if (shortest) {
    d = shortestDecimal(abs);
    switch (fmt) {
      case 'e':
      case 'E':
        prec = Math.max(d.digits.length - 1, 0);
        break;
      case 'f':
        prec = Math.max(d.digits.length - d.dp, 0);
        break;
      default:
        prec = d.digits.length;
    }
  } else if (fmt === 'f') {
    d = roundDecimal(exactDecimal(abs), undefined, prec);
  } else {
    let digits = prec;
    if (fmt === 'e' || fmt === 'E') {
      digits++;
    } else if (prec === 0) {
      prec = 1;
      digits = 1;
    }
    d = roundDecimal(exactDecimal(abs), digits, undefined);
  }
  switch (fmt) {
    case 'e':
    case 'E':
      return formatE(neg, d, prec, fmt);
    case 'f':
      return formatF(neg, d, prec);
    default: {
      let eprec = prec;
      if (eprec > d.digits.length && d.digits.length >= d.dp) {
        eprec = d.digits.length;
      }
      if (shortest) {
        eprec = 6;
      }
      const exp = d.dp - 1;
      if (exp < -4 || exp >= eprec) {
        if (prec > d.digits.length) {
          prec = d.digits.length;
        }
        return formatE(neg, d, prec - 1, fmt === 'g' ? 'e' : 'E');
      }
      if (prec > d.dp) {
        prec = d.digits.length;
      }
      return formatF(neg, d, Math.max(prec - d.dp, 0));
    }
  }
}

function formatE(neg: boolean, d: Decimal, prec: number, letter: 'e' | 'E'): string {
  let out = neg ? '-' : '';
  out += d.digits.length > 0 ? d.digits[0] : '0';
  if (prec > 0) {
    out += '.' + d.digits.slice(1, prec + 1).padEnd(prec, '0');
  }
  let exp = d.digits.length === 0 ? 0 : d.dp - 1;
  const sign = exp < 0 ? '-' : '+';
  exp = Math.abs(exp);
  return out + letter + sign + (exp < 10 ? '0' + String(exp) : String(exp));
}

function formatF(neg: boolean, d: Decimal, prec: number): string {
  let out = neg ? '-' : '';
  if (d.dp > 0) {
    out += d.digits.slice(0, d.dp).padEnd(d.dp, '0');
  } else {
    out += '0';
  }
  if (prec > 0) {
    out += '.';
    for (let i = 1; i <= prec; i++) {
      const j = d.dp + i - 1;
      out += j >= 0 && j < d.digits.length ? d.digits[j] : '0';
    }
  }
  return out;
}

/** The shortest digits that identify `abs` (> 0 or 0), from JavaScript's own shortest formatting. */
function shortestDecimal(abs: number): Decimal {
  if (abs === 0) {
    return { digits: '', dp: 0 };
  }
  const [mantissa, exponent] = abs.toExponential().split('e');
  const digits = mantissa.replace('.', '').replace(/0+$/, '');
  return { digits, dp: Number(exponent) + 1 };
}

/** The exact decimal expansion of a finite non-negative double. */
export function exactDecimal(abs: number): Decimal {
  if (abs === 0) {
    return { digits: '', dp: 0 };
  }
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, abs);
  const bits = view.getBigUint64(0);
  const biasedExponent = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & 0xfffffffffffffn;
  let exponent: number;
  if (biasedExponent === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biasedExponent - 1075;
  }
  let digits: string;
  let dp: number;
  if (exponent >= 0) {
    digits = (mantissa << BigInt(exponent)).toString();
    dp = digits.length;
  } else {
    digits = (mantissa * 5n ** BigInt(-exponent)).toString();
    dp = digits.length + exponent;
  }
  return { digits: digits.replace(/0+$/, ''), dp };
}

/**
 * Rounds to `count` significant digits, or (when `count` is undefined) to `fraction` digits after the point,
 * half to even like Go's `decimal.Round`, and trims trailing zeros.
 */
function roundDecimal(d: Decimal, count: number | undefined, fraction: number | undefined): Decimal {
  const nd = count ?? d.dp + (fraction ?? 0);
  if (nd < 0 || nd >= d.digits.length) {
    return d;
  }
  const next = d.digits.charCodeAt(nd) - 48;
  let up: boolean;
  if (next === 5 && nd + 1 === d.digits.length) {
    up = nd > 0 && (d.digits.charCodeAt(nd - 1) - 48) % 2 === 1;
  } else {
    up = next >= 5;
  }
  if (!up) {
    return { digits: d.digits.slice(0, nd).replace(/0+$/, ''), dp: d.dp };
  }
  for (let i = nd - 1; i >= 0; i--) {
    const c = d.digits.charCodeAt(i) - 48;
    if (c < 9) {
      return { digits: d.digits.slice(0, i) + String(c + 1), dp: d.dp };
    }
  }
  return { digits: '1', dp: d.dp + 1 };
}
