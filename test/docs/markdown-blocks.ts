/**
 * The fenced code blocks of a Markdown document, for tests that run what the docs show. In the tutorial
 * (docs/tutorial/), a block fenced as ```sh is a command to run, in order; every other block (```text output, ```bash
 * set-up steps a test cannot run, ```yaml…) is for reading only.
 */

/** One fenced block: its info string (`sh`, `text`…), its first line of code (1-based) and its text. */
export interface CodeBlock {
  readonly language: string;
  readonly line: number;
  readonly code: string;
}

/** Every fenced block of `markdown`, in order. An unterminated fence is an error naming its line. */
export function codeBlocks(markdown: string): CodeBlock[] {
  const lines = markdown.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^(`{3,})\s*([\w-]*)/.exec(lines[i]);
    if (!open) continue;
    const end = lines.findIndex((text, j) => j > i && text.trim() === open[1]);
    if (end < 0) throw new Error(`line ${i + 1}: code block never closed`);
    blocks.push({ language: open[2], line: i + 2, code: lines.slice(i + 1, end).join('\n') });
    i = end;
  }
  return blocks;
}

/** The blocks to run: those fenced as ```sh. */
export function shellBlocks(markdown: string): CodeBlock[] {
  return codeBlocks(markdown).filter((block) => block.language === 'sh');
}
