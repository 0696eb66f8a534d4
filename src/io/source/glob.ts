/*
 * gitignore globs matched without regular expressions: a glob becomes a small automaton whose set of states is
 * advanced one character at a time, so matching costs at most (path length × pattern length) steps whatever the
 * pattern (`*a*a*a*a*a*b` against a long name included), where a backtracking engine may take exponential time.
 */

/** One step of a glob: what a character must be to move on, or a star that may stay. */
type Step =
  | { readonly kind: 'char'; readonly char: string }
  | { readonly kind: 'any' }
  | { readonly kind: 'class'; readonly negated: boolean; readonly ranges: readonly (readonly [string, string])[] }
  /** `*`: any characters but `/`. */
  | { readonly kind: 'star' }
  /** `**` not followed by `/`: any characters. */
  | { readonly kind: 'globstar' }
  /** `**​/`: nothing, or any characters ending with `/`. */
  | { readonly kind: 'folders' };

/** A compiled glob; `matches` tests a whole `/`-separated path. */
export interface Glob {
  matches(path: string): boolean;
}

/** Why a glob cannot be used. */
export class GlobError extends Error {}

/**
 * Compiles a gitignore glob (without its `!`, trailing `/` or leading `/`, which the caller handles): `*`, `?`,
 * `[…]` classes (`!` or `^` negates; ranges; `\` escapes), `**` and `**​/`. A class never matches `/`. With
 * `anyFolder`, the glob may match after any leading folders (an unanchored gitignore pattern). Throws `GlobError`
 * for a class range whose ends are reversed (`[z-a]`), which could never match anything.
 */
export function compileGlob(glob: string, anyFolder: boolean): Glob {
  const steps: Step[] = anyFolder ? [{ kind: 'folders' }] : [];
  for (let i = 0; i < glob.length; i++) {
    const character = glob[i];
    if (character === '*' && glob[i + 1] === '*') {
      const slashAfter = glob[i + 2] === '/';
      steps.push({ kind: slashAfter ? 'folders' : 'globstar' });
      i += slashAfter ? 2 : 1;
    } else if (character === '*') steps.push({ kind: 'star' });
    else if (character === '?') steps.push({ kind: 'any' });
    else if (character === '\\' && i + 1 < glob.length) steps.push({ kind: 'char', char: glob[++i] });
    else if (character === '[') {
      const parsed = parseClass(glob, i);
      if (parsed) {
        steps.push(parsed.step);
        i = parsed.end;
      } else steps.push({ kind: 'char', char: '[' });
    } else steps.push({ kind: 'char', char: character });
  }
  return { matches: (path) => run(steps, path) };
}

/** The class starting at `start` (a `[`) and the index of its `]`; undefined when it is not closed (a literal `[`). */
function parseClass(glob: string, start: number): { step: Step; end: number } | undefined {
  let i = start + 1;
  const negated = glob[i] === '!' || glob[i] === '^';
  if (negated) i++;
  const ranges: [string, string][] = [];
  let first = true;
  while (i < glob.length && (glob[i] !== ']' || first)) {
    first = false;
    let low = glob[i];
    if (low === '\\' && i + 1 < glob.length) low = glob[++i];
    i++;
    let high = low;
    if (glob[i] === '-' && i + 1 < glob.length && glob[i + 1] !== ']') {
      high = glob[i + 1];
      if (high === '\\' && i + 2 < glob.length) high = glob[++i + 1];
      i += 2;
      if (high < low)
        throw new GlobError(`the character range ${low}-${high} in [${glob.slice(start + 1, i)}… is reversed`);
    }
    ranges.push([low, high]);
  }
  if (i >= glob.length) return undefined;
  return { step: { kind: 'class', negated, ranges }, end: i };
}

function accepts(step: Step, character: string): boolean {
  switch (step.kind) {
    case 'char':
      return step.char === character;
    case 'any':
    case 'star':
      return character !== '/';
    case 'class':
      return (
        character !== '/' && step.ranges.some(([low, high]) => low <= character && character <= high) !== step.negated
      );
    default:
      return true;
  }
}

/**
 * Runs the automaton: state `2k` is "before step k", state `2k + 1` is "inside a `**​/` at step k" (having taken
 * some characters but not yet the `/` that ends them); the glob matches when the state after the last step is
 * reached at the end of the path.
 */
function run(steps: readonly Step[], path: string): boolean {
  const size = 2 * steps.length + 2;
  let current = new Uint8Array(size);
  let next = new Uint8Array(size);
  const add = (set: Uint8Array, state: number): void => {
    // Closure: stars and `**​/` may take nothing.
    while (!set[state]) {
      set[state] = 1;
      if (state % 2 === 1) return;
      const step = steps[state / 2];
      if (!step || (step.kind !== 'star' && step.kind !== 'globstar' && step.kind !== 'folders')) return;
      state += 2;
    }
  };
  add(current, 0);
  for (const character of path) {
    next.fill(0);
    let alive = false;
    for (let state = 0; state < size - 2; state++) {
      if (!current[state]) continue;
      const step = steps[state >> 1];
      if (state % 2 === 1) {
        // Inside `**​/`: a `/` may end it; any character may continue it.
        if (character === '/') add(next, state + 1);
        add(next, state);
        alive = true;
        continue;
      }
      if (!accepts(step, character)) continue;
      alive = true;
      if (step.kind === 'star' || step.kind === 'globstar') add(next, state);
      else if (step.kind === 'folders') {
        if (character === '/') add(next, state + 2);
        add(next, state + 1);
      } else add(next, state + 2);
    }
    if (!alive) return false;
    [current, next] = [next, current];
  }
  return current[2 * steps.length] === 1;
}
