import { canBackquote, quote } from '../../go/quote';

/**
 * Go's `regexp` (RE2 syntax) on top of JavaScript regular expressions: the pattern is translated (named groups
 * `(?P<n>…)`, leading flags `(?i)`/`(?s)`/`(?m)`, `\A`, `\z`, `\Q…\E`, `\pL`, POSIX classes `[[:alpha:]]`, RE2's
 * ASCII `\s` and `.` that stops only at `\n`), and matching follows Go's rules for successive matches (an empty
 * match right after a previous match is skipped) and for replacement templates (`$1`, `${name}`, `$$`).
 *
 * Deviations: RE2-only constructs that JavaScript lacks (inline flag groups such as `(?i:…)`, `(?U)`) are
 * reported as compile errors; the text of other compile errors is JavaScript's, not RE2's.
 */
export class GoRegexp {
  private constructor(
    private readonly source: RegExp,
    readonly groupNames: readonly string[],
  ) {}

  /** `regexp.Compile`; throws `Error` with Go's `error parsing regexp: …` prefix when the pattern is invalid. */
  static compile(expr: string): GoRegexp {
    const { pattern, flags, names } = translate(expr);
    let re: RegExp;
    try {
      re = new RegExp(pattern, 'gu' + flags);
    } catch (e) {
      throw new Error(
        `error parsing regexp: ${(e as Error).message.replace(/^Invalid regular expression: /, '')}: ${goQuoteExpr(expr)}`,
      );
    }
    return new GoRegexp(re, names);
  }

  /** `regexp.MustCompile` panic text. */
  static mustCompileMessage(expr: string, err: Error): string {
    return `regexp: Compile(${goQuoteExpr(expr)}): ${err.message}`;
  }

  /** The first match at or after `pos` (whole-string context), or undefined. */
  private execAt(s: string, pos: number): RegExpExecArray | undefined {
    this.source.lastIndex = pos;
    return this.source.exec(s) ?? undefined;
  }

  matchString(s: string): boolean {
    return this.execAt(s, 0) !== undefined;
  }

  findString(s: string): string {
    return this.execAt(s, 0)?.[0] ?? '';
  }

  /** `FindAllIndex`-style successive matches: `[start, end, groups]`, at most `n` (all when `n` < 0). */
  findAll(s: string, n: number): RegExpExecArray[] {
    const out: RegExpExecArray[] = [];
    if (n < 0) {
      n = s.length + 1;
    }
    let pos = 0;
    let prevMatchEnd = -1;
    while (out.length < n && pos <= s.length) {
      const m = this.execAt(s, pos);
      if (m === undefined) {
        break;
      }
      const start = m.index;
      const end = start + m[0].length;
      let accept = true;
      if (end === pos) {
        if (start === prevMatchEnd) {
          accept = false;
        }
        pos += runeWidthAt(s, pos);
      } else {
        pos = end;
      }
      prevMatchEnd = end;
      if (accept) {
        out.push(m);
      }
    }
    return out;
  }

  /** `ReplaceAllString` (template expansion) or `ReplaceAllLiteralString`. */
  replaceAll(s: string, repl: string, literal: boolean): string {
    let out = '';
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= s.length) {
      const m = this.execAt(s, searchPos);
      if (m === undefined) {
        break;
      }
      const start = m.index;
      const end = start + m[0].length;
      out += s.slice(lastMatchEnd, start);
      if (end > lastMatchEnd || start === 0) {
        out += literal ? repl : this.expand(repl, m);
      }
      lastMatchEnd = end;
      const width = runeWidthAt(s, searchPos);
      if (searchPos + width > end) {
        searchPos += width;
      } else if (searchPos + 1 > end) {
        searchPos++;
      } else {
        searchPos = end;
      }
    }
    return out + s.slice(lastMatchEnd);
  }

  /** `Split(s, n)`. */
  split(s: string, n: number): string[] | undefined {
    if (n === 0) {
      return undefined;
    }
    if (this.source.source !== '(?:)' && s === '') {
      return [''];
    }
    const parts: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.findAll(s, n)) {
      if (n > 0 && parts.length === n - 1) {
        break;
      }
      end = m.index;
      const matchEnd = m.index + m[0].length;
      if (matchEnd !== 0) {
        parts.push(s.slice(beg, end));
      }
      beg = matchEnd;
    }
    if (end !== s.length) {
      parts.push(s.slice(beg));
    }
    return parts;
  }

  /** Go's `Regexp.Expand` for one match. */
  private expand(template: string, m: RegExpExecArray): string {
    let out = '';
    while (template.length > 0) {
      const i = template.indexOf('$');
      if (i < 0) {
        break;
      }
      out += template.slice(0, i);
      template = template.slice(i + 1);
      if (template.startsWith('$')) {
        out += '$';
        template = template.slice(1);
        continue;
      }
      const ref = extractReference(template);
      if (ref === undefined) {
        out += '$';
        continue;
      }
      template = ref.rest;
      if (ref.num >= 0) {
        out += m[ref.num] ?? '';
      } else {
        const index = this.groupNames.indexOf(ref.name);
        if (index >= 0) {
          out += m[index + 1] ?? '';
        }
      }
    }
    return out + template;
  }
}

function runeWidthAt(s: string, i: number): number {
  if (i >= s.length) {
    return 1;
  }
  const c = s.charCodeAt(i);
  return c >= 0xd800 && c <= 0xdbff && i + 1 < s.length ? 2 : 1;
}

function extractReference(template: string): { name: string; num: number; rest: string } | undefined {
  if (template.length < 2 && !/^[\p{L}\p{Nd}_]/u.test(template)) {
    return undefined;
  }
  let brace = false;
  if (template[0] === '{') {
    brace = true;
    template = template.slice(1);
  }
  const m = /^[\p{L}\p{Nd}_]+/u.exec(template);
  if (!m) {
    return undefined;
  }
  const name = m[0];
  let rest = template.slice(name.length);
  if (brace) {
    if (!rest.startsWith('}')) {
      return undefined;
    }
    rest = rest.slice(1);
  }
  let num = -1;
  if (/^[0-9]+$/.test(name) && name.length < 9) {
    num = Number(name);
  }
  return { name, num, rest };
}

/** How Go's regexp quotes an expression in errors: backquoted when possible. */
function goQuoteExpr(expr: string): string {
  return canBackquote(expr) ? '`' + expr + '`' : quote(expr);
}

const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const PERL_CLASSES: Readonly<Record<string, string>> = {
  d: '0-9',
  s: '\\t\\n\\f\\r ',
  w: '0-9A-Za-z_',
};

/** Translates RE2 syntax to an equivalent JavaScript `u`-mode pattern. */
function translate(expr: string): { pattern: string; flags: string; names: string[] } {
  let flags = '';
  let i = 0;
  const leading = /^\(\?([imsU]+)\)/.exec(expr);
  if (leading) {
    if (leading[1].includes('U')) {
      throw new Error(`error parsing regexp: the (?U) flag is not supported by kalypso-cdk8s: ${goQuoteExpr(expr)}`);
    }
    flags = [...new Set(leading[1])].join('');
    i = leading[0].length;
  }
  const dotAll = flags.includes('s');
  const names: string[] = [];
  let out = '';
  let inClass = false;
  while (i < expr.length) {
    const c = expr[i];
    if (c === '\\') {
      const next = expr[i + 1];
      if (next === undefined) {
        throw new Error(`error parsing regexp: trailing backslash at end of expression: \`\``);
      }
      if (next === 'Q') {
        const endQ = expr.indexOf('\\E', i + 2);
        const literal = endQ < 0 ? expr.slice(i + 2) : expr.slice(i + 2, endQ);
        out += Array.from(literal, (ch) => escapeLiteral(ch, inClass)).join('');
        i = endQ < 0 ? expr.length : endQ + 2;
        continue;
      }
      if (next in PERL_CLASSES) {
        out += inClass ? PERL_CLASSES[next] : `[${PERL_CLASSES[next]}]`;
        i += 2;
        continue;
      }
      if ('DSW'.includes(next)) {
        const cls = PERL_CLASSES[next.toLowerCase()];
        if (inClass) {
          throw new Error(
            `error parsing regexp: negated Perl class inside a character class is not supported: ${goQuoteExpr(expr)}`,
          );
        }
        out += `[^${cls}]`;
        i += 2;
        continue;
      }
      if (next === 'p' || next === 'P') {
        if (expr[i + 2] === '{') {
          const close = expr.indexOf('}', i + 3);
          out += `\\${next}{${expr.slice(i + 3, close)}}`;
          i = close + 1;
        } else {
          out += `\\${next}{${expr[i + 2]}}`;
          i += 3;
        }
        continue;
      }
      if (next === 'A') {
        out += '(?<![\\s\\S])';
        i += 2;
        continue;
      }
      if (next === 'z') {
        out += '(?![\\s\\S])';
        i += 2;
        continue;
      }
      if (next === 'a') {
        out += '\\x07';
        i += 2;
        continue;
      }
      if (next === 'x') {
        if (expr[i + 2] === '{') {
          const close = expr.indexOf('}', i + 3);
          out += `\\u{${expr.slice(i + 3, close)}}`;
          i = close + 1;
        } else {
          out += `\\x${expr.slice(i + 2, i + 4)}`;
          i += 4;
        }
        continue;
      }
      if (/[0-7]/.test(next)) {
        const oct = /^[0-7]{1,3}/.exec(expr.slice(i + 1))?.[0] ?? '0';
        out += `\\u{${Number.parseInt(oct, 8).toString(16)}}`;
        i += 1 + oct.length;
        continue;
      }
      if (/[A-Za-z]/.test(next) && !'bBnrtfv'.includes(next)) {
        throw new Error(`error parsing regexp: invalid escape sequence: \`\\${next}\``);
      }
      out += /[A-Za-z]/.test(next) ? '\\' + next : escapeLiteral(next, inClass);
      i += 2;
      continue;
    }
    if (inClass) {
      if (c === '[' && expr[i + 1] === ':') {
        const close = expr.indexOf(':]', i + 2);
        if (close > 0) {
          let name = expr.slice(i + 2, close);
          const negated = name.startsWith('^');
          if (negated) {
            name = name.slice(1);
          }
          const cls = POSIX_CLASSES[name];
          if (cls === undefined) {
            throw new Error(`error parsing regexp: invalid character class range: \`[:${name}:]\``);
          }
          if (negated) {
            throw new Error(`error parsing regexp: negated POSIX classes are not supported: ${goQuoteExpr(expr)}`);
          }
          out += cls;
          i = close + 2;
          continue;
        }
      }
      if (c === ']') {
        inClass = false;
      }
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }
    if (c === '[') {
      inClass = true;
      out += c;
      i++;
      if (expr[i] === '^') {
        out += '^';
        i++;
      }
      if (expr[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }
    if (c === '(' && expr[i + 1] === '?') {
      const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(expr.slice(i));
      if (named) {
        names.push(named[1]);
        out += `(?<${named[1]}>`;
        i += named[0].length;
        continue;
      }
      if (expr[i + 2] === ':') {
        out += '(?:';
        i += 3;
        continue;
      }
      throw new Error(
        `error parsing regexp: inline flags are supported only at the start of the expression: ${goQuoteExpr(expr)}`,
      );
    }
    if (c === '(') {
      names.push('');
    }
    if (c === '.') {
      out += dotAll ? '[\\s\\S]' : '[^\\n]';
      i++;
      continue;
    }
    out += c;
    i++;
  }
  return { pattern: out, flags: flags.replace('s', ''), names };
}

/** A literal character in JavaScript `u`-mode syntax (which rejects escapes of non-syntax characters). */
function escapeLiteral(ch: string, inClass: boolean): string {
  if (/[\\^$.*+?()[\]{}|/]/.test(ch) || (inClass && ch === '-')) {
    return '\\' + ch;
  }
  return ch;
}
