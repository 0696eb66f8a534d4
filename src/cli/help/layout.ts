/** Width help text is wrapped to. */
export const HELP_WIDTH = 118;
/** Where the text of a `term  text` entry starts. */
const TEXT_COLUMN = 29;

const KEEP_TOGETHER = '\u00a0';

/** Text whose words `wrap` never puts on different lines. */
export function unbroken(text: string): string {
  return text.replace(/ /g, KEEP_TOGETHER);
}

/**
 * Words of `text` in lines of at most `width` characters (a longer word gets a line of its own); the words of an
 * `unbroken` part stay together.
 */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((text) => text.replace(new RegExp(KEEP_TOGETHER, 'g'), ' '));
}

/** `  term                       text…`, the text wrapped in its column (below the term when the term is long). */
export function entryLines(term: string, text: string): string[] {
  const head = `  ${term}`;
  const indent = ' '.repeat(TEXT_COLUMN);
  const body = wrap(text, HELP_WIDTH - TEXT_COLUMN);
  if (head.length > TEXT_COLUMN - 2) return [head, ...body.map((line) => `${indent}${line}`)];
  return body.length === 0
    ? [head]
    : [`${head.padEnd(TEXT_COLUMN)}${body[0]}`, ...body.slice(1).map((line) => `${indent}${line}`)];
}
