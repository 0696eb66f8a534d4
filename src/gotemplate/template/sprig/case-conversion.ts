import { fn, FunctionTable } from '../functions';
import { isSpace, isUpper, toLowerRune, toUpperRune } from './go-strings';

/** sprig's `camelcase`, `snakecase` and `kebabcase` (`github.com/huandu/xstrings` v1.4.0). */
export const CASE_FUNCTIONS: FunctionTable = {
  camelcase: fn(['string'], ([s]) => toCamelCase(s as string)),
  snakecase: fn(['string'], ([s]) => camelCaseToLowerCase(s as string, '_')),
  kebabcase: fn(['string'], ([s]) => camelCaseToLowerCase(s as string, '-')),
};

function isConnector(r: string): boolean {
  return r === '-' || r === '_' || isSpace(r.codePointAt(0) ?? 0);
}

function isPunct(r: string): boolean {
  return /^\p{P}$/u.test(r);
}

function isNumber(r: string): boolean {
  return /^\p{N}$/u.test(r);
}

/** A letter that is not a CJK ideograph. */
function isAlphabet(r: string): boolean {
  if (!/^\p{L}$/u.test(r)) {
    return false;
  }
  const c = r.codePointAt(0) ?? 0;
  if (c < 0x3400) {
    return true;
  }
  return !((c >= 0x4e00 && c <= 0x9fcc) || (c >= 0x3400 && c <= 0x4d85) || (c >= 0x20000 && c <= 0x2b81d));
}

/** xstrings `ToCamelCase`: `some_words` → `SomeWords`. */
export function toCamelCase(s: string): string {
  const runes = Array.from(s);
  if (runes.length === 0) {
    return '';
  }
  let out = '';
  let i = 0;
  let r0 = '';
  while (i < runes.length) {
    r0 = runes[i++];
    if (!isConnector(r0)) {
      r0 = toUpperRune(r0);
      break;
    }
    out += r0;
  }
  if (i >= runes.length) {
    // xstrings writes the last rune here even when it is a connector ("__" → "___").
    return out + r0;
  }
  while (i < runes.length) {
    const r1 = r0;
    r0 = runes[i++];
    if (isConnector(r0) && isConnector(r1)) {
      out += r1;
      continue;
    }
    if (isConnector(r1)) {
      r0 = toUpperRune(r0);
    } else {
      out += r1;
    }
  }
  return out + r0;
}

type WordType = 'invalid' | 'number' | 'upper' | 'alphabet' | 'connector' | 'punct' | 'other';

interface Word {
  readonly type: WordType;
  readonly text: string;
  readonly next: number;
}

function nextWord(runes: readonly string[], start: number): Word {
  const n = runes.length;
  if (start >= n) {
    return { type: 'invalid', text: '', next: start };
  }
  const r = runes[start];
  let end = start + 1;
  const run = (pred: (x: string) => boolean): void => {
    while (end < n && pred(runes[end])) {
      end++;
    }
  };
  let type: WordType;
  if (isConnector(r)) {
    type = 'connector';
    run(isConnector);
  } else if (isPunct(r)) {
    type = 'punct';
    run(isPunct);
  } else if (isUpper(r)) {
    type = 'upper';
    if (end < n) {
      if (isUpper(runes[end])) {
        run(isUpper);
        if (end < n && isAlphabet(runes[end])) {
          end--;
        }
      } else if (isAlphabet(runes[end])) {
        run((x) => isAlphabet(x) && !isUpper(x));
      }
    }
  } else if (isAlphabet(r)) {
    type = 'alphabet';
    run((x) => isAlphabet(x) && !isUpper(x));
  } else if (isNumber(r)) {
    type = 'number';
    run(isNumber);
  } else {
    type = 'other';
    run((x) => !(isConnector(x) || isAlphabet(x) || isNumber(x) || isPunct(x)));
  }
  return { type, text: runes.slice(start, end).join(''), next: end };
}

function lower(type: WordType, text: string, connector: string): string {
  if (type !== 'upper' && type !== 'connector') {
    return text;
  }
  return Array.from(text, (r) => (isConnector(r) ? connector : isUpper(r) ? toLowerRune(r) : r)).join('');
}

/** xstrings `camelCaseToLowerCase`: `HTTPServer` → `http_server`. */
function camelCaseToLowerCase(s: string, connector: string): string {
  const runes = Array.from(s);
  if (runes.length === 0) {
    return '';
  }
  let out = '';
  let w = nextWord(runes, 0);
  while (w.next < runes.length) {
    if (w.type !== 'connector') {
      out += lower(w.type, w.text, connector);
    }
    const prev = w;
    w = nextWord(runes, w.next);
    switch (prev.type) {
      case 'number':
        while (w.type === 'alphabet' || w.type === 'number') {
          out += lower(w.type, w.text, connector);
          w = nextWord(runes, w.next);
        }
        if (w.type !== 'invalid' && w.type !== 'punct' && w.type !== 'connector') {
          out += connector;
        }
        break;
      case 'connector':
        out += lower(prev.type, prev.text, connector);
        break;
      case 'punct':
        break;
      default: {
        if (w.type !== 'number') {
          if (w.type !== 'connector' && w.type !== 'punct') {
            out += connector;
          }
          break;
        }
        if (w.next >= runes.length) {
          break;
        }
        const last = w;
        w = nextWord(runes, w.next);
        if (w.type !== 'alphabet') {
          out += lower('number', last.text, connector);
          if (w.type !== 'connector' && w.type !== 'punct') {
            out += connector;
          }
          break;
        }
        out += connector + lower('number', last.text, connector);
        while (w.type === 'alphabet' || w.type === 'number') {
          out += lower(w.type, w.text, connector);
          w = nextWord(runes, w.next);
        }
        if (w.type !== 'invalid' && w.type !== 'connector' && w.type !== 'punct') {
          out += connector;
        }
      }
    }
  }
  return out + lower(w.type, w.text, connector);
}
