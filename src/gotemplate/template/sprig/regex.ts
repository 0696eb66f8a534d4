import { fn, FunctionContext, FunctionTable, GoCallError } from '../functions';
import { nilSlice, SLICE_STRING, typed } from '../values';
import { GoRegexp } from './go-regexp';

/** Finding one match costs several steps of the execution budget (a text with a million matches is refused). */
const STEPS_PER_MATCH = 8;
/**
 * Scanning a text costs a step per this many characters, on top of what every call pays for its arguments: matching
 * costs far more per character than copying, and a loop of regex calls over a long text must run out of budget in
 * about a second, not ten.
 */
const CHARACTERS_PER_SCAN_STEP = 4;

/** Charges the scan of `s` and returns it. */
function scanned(s: unknown, ctx: FunctionContext): string {
  const text = s as string;
  ctx.charge(Math.ceil(text.length / CHARACTERS_PER_SCAN_STEP));
  return text;
}

function charging(ctx: FunctionContext): () => void {
  return () => ctx.charge(STEPS_PER_MATCH);
}

/** sprig v2.22.0 `regex.go`: `regexMatch` treats a bad pattern as no match; the others panic like `MustCompile`. */
export const REGEX_FUNCTIONS: FunctionTable = {
  regexMatch: fn(['string', 'string'], ([regex, s], ctx) => {
    const text = scanned(s, ctx);
    try {
      return GoRegexp.compile(regex as string).matchString(text);
    } catch {
      return false;
    }
  }),
  regexFindAll: fn(['string', 'string', 'int'], ([regex, s, n], ctx) => {
    const matches = mustCompile(regex as string).findAll(scanned(s, ctx), n as number, charging(ctx));
    return matches.length === 0
      ? nilSlice(SLICE_STRING)
      : typed(
          matches.map((m) => m.groups[0] ?? ''),
          SLICE_STRING,
        );
  }),
  regexFind: fn(['string', 'string'], ([regex, s], ctx) => mustCompile(regex as string).findString(scanned(s, ctx))),
  regexReplaceAll: fn(['string', 'string', 'string'], ([regex, s, repl], ctx) =>
    mustCompile(regex as string).replaceAll(scanned(s, ctx), repl as string, false, charging(ctx)),
  ),
  regexReplaceAllLiteral: fn(['string', 'string', 'string'], ([regex, s, repl], ctx) =>
    mustCompile(regex as string).replaceAll(scanned(s, ctx), repl as string, true, charging(ctx)),
  ),
  regexSplit: fn(['string', 'string', 'int'], ([regex, s, n], ctx) => {
    const parts = mustCompile(regex as string).split(scanned(s, ctx), n as number, charging(ctx));
    return parts === undefined ? nilSlice(SLICE_STRING) : typed(parts, SLICE_STRING);
  }),
};

function mustCompile(regex: string): GoRegexp {
  try {
    return GoRegexp.compile(regex);
  } catch (e) {
    throw new GoCallError(GoRegexp.mustCompileMessage(regex, e as Error));
  }
}
