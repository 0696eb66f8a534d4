import { RE2JS } from 're2js';
import { canBackquote, quote } from '../../go/quote';

const MAX_COMPILED = 1000;
const COMPILED = new Map<string, GoRegexp | Error>();

/** One match: where it starts and ends (UTF-16 offsets) and the text of each group (undefined when it took no part). */
export interface GoMatch {
  readonly index: number;
  readonly end: number;
  /** `[0]` is the whole match, `[i]` group `i`. */
  readonly groups: readonly (string | undefined)[];
}

/**
 * Go's `regexp` on RE2JS, a port of RE2 (the engine Go's `regexp` implements): the same syntax, the same error
 * messages, and matching in time linear in the text, so that a pattern from a Template (`^(a+)+$`) can never
 * backtrack for ever. On top of it, Go's rules for successive matches (an empty match right after a previous match
 * is skipped) and for replacement templates (`$1`, `${name}`, `$$`).
 *
 * Where Go and RE2JS differ: offsets count UTF-16 units rather than UTF-8 bytes (only strings are returned, so no
 * template sees the difference); invalid UTF-8 cannot occur in a JavaScript string.
 */
export class GoRegexp {
  private constructor(
    private readonly re: RE2JS,
    readonly groupNames: readonly string[],
  ) {}

  /**
   * `regexp.Compile`; throws `Error` with Go's `error parsing regexp: …` message when the pattern is invalid.
   * Compiled patterns are kept (the latest 1000): a template calls its regex functions once per assignment.
   */
  static compile(expr: string): GoRegexp {
    const cached = COMPILED.get(expr);
    if (cached instanceof GoRegexp) return cached;
    if (cached) throw cached;
    let compiled: GoRegexp | Error;
    try {
      compiled = GoRegexp.compileUncached(expr);
    } catch (e) {
      compiled = e as Error;
    }
    if (COMPILED.size >= MAX_COMPILED) COMPILED.delete(COMPILED.keys().next().value as string);
    COMPILED.set(expr, compiled);
    if (compiled instanceof Error) throw compiled;
    return compiled;
  }

  private static compileUncached(expr: string): GoRegexp {
    let re: RE2JS;
    try {
      re = RE2JS.compile(expr);
    } catch (e) {
      const message = (e as Error).message;
      throw new Error(message.startsWith('error parsing regexp: ') ? message : `error parsing regexp: ${message}`);
    }
    const names: string[] = Array.from({ length: re.groupCount() }, () => '');
    for (const [name, index] of Object.entries(re.namedGroups() as Record<string, number>)) names[index - 1] = name;
    return new GoRegexp(re, names);
  }

  /** `regexp.MustCompile` panic text. */
  static mustCompileMessage(expr: string, err: Error): string {
    return `regexp: Compile(${goQuoteExpr(expr)}): ${err.message}`;
  }

  matchString(s: string): boolean {
    return this.re.matcher(s).find(0);
  }

  findString(s: string): string {
    const matcher = this.re.matcher(s);
    return matcher.find(0) ? (matcher.group(0) ?? '') : '';
  }

  /** Go's `FindAll…` successive matches, at most `n` (all when `n` < 0); `onMatch` is told of each one found. */
  findAll(s: string, n: number, onMatch: () => void = () => undefined): GoMatch[] {
    const out: GoMatch[] = [];
    if (n < 0) {
      n = s.length + 1;
    }
    const matcher = this.re.matcher(s);
    let pos = 0;
    let prevMatchEnd = -1;
    while (out.length < n && pos <= s.length) {
      const m = this.matchAt(matcher, pos);
      if (m === undefined) {
        break;
      }
      onMatch();
      let accept = true;
      if (m.end === pos) {
        if (m.index === prevMatchEnd) {
          accept = false;
        }
        pos += runeWidthAt(s, pos);
      } else {
        pos = m.end;
      }
      prevMatchEnd = m.end;
      if (accept) {
        out.push(m);
      }
    }
    return out;
  }

  /** `ReplaceAllString` (template expansion) or `ReplaceAllLiteralString`; `onMatch` is told of each match. */
  replaceAll(s: string, repl: string, literal: boolean, onMatch: () => void = () => undefined): string {
    const matcher = this.re.matcher(s);
    let out = '';
    let lastMatchEnd = 0;
    let searchPos = 0;
    while (searchPos <= s.length) {
      const m = this.matchAt(matcher, searchPos);
      if (m === undefined) {
        break;
      }
      onMatch();
      out += s.slice(lastMatchEnd, m.index);
      if (m.end > lastMatchEnd || m.index === 0) {
        out += literal ? repl : this.expand(repl, m);
      }
      lastMatchEnd = m.end;
      const width = runeWidthAt(s, searchPos);
      if (searchPos + width > m.end) {
        searchPos += width;
      } else if (searchPos + 1 > m.end) {
        searchPos++;
      } else {
        searchPos = m.end;
      }
    }
    return out + s.slice(lastMatchEnd);
  }

  /** `Split(s, n)`; `onMatch` is told of each match. */
  split(s: string, n: number, onMatch: () => void = () => undefined): string[] | undefined {
    if (n === 0) {
      return undefined;
    }
    if (this.re.pattern() !== '' && s === '') {
      return [''];
    }
    const parts: string[] = [];
    let beg = 0;
    let end = 0;
    for (const m of this.findAll(s, n, onMatch)) {
      if (n > 0 && parts.length === n - 1) {
        break;
      }
      end = m.index;
      if (m.end !== 0) {
        parts.push(s.slice(beg, end));
      }
      beg = m.end;
    }
    if (end !== s.length) {
      parts.push(s.slice(beg));
    }
    return parts;
  }

  /** The leftmost match starting at or after `pos`, the whole text being the context (`^` still means offset 0). */
  private matchAt(matcher: ReturnType<RE2JS['matcher']>, pos: number): GoMatch | undefined {
    if (!matcher.find(pos)) {
      return undefined;
    }
    const groups: (string | undefined)[] = [];
    for (let i = 0; i <= this.groupNames.length; i++) {
      groups.push(matcher.start(i) < 0 ? undefined : (matcher.group(i) ?? undefined));
    }
    return { index: matcher.start(0), end: matcher.end(0), groups };
  }

  /** Go's `Regexp.Expand` for one match. */
  private expand(template: string, m: GoMatch): string {
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
        out += m.groups[ref.num] ?? '';
      } else {
        const index = this.groupNames.indexOf(ref.name);
        if (index >= 0) {
          out += m.groups[index + 1] ?? '';
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
