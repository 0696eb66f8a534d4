import { analyzeScalar, codePointWidth, isYamlBreak, isYamlPrintable, ScalarAnalysis } from './scalar-analysis';

/** A YAML node as yaml.v3's encoder hands it to the emitter (no tags, anchors or comments). */
export type YamlNode =
  | { readonly kind: 'scalar'; readonly value: string; readonly style: RequestedStyle }
  | { readonly kind: 'sequence'; readonly items: readonly YamlNode[] }
  | { readonly kind: 'mapping'; readonly entries: readonly (readonly [YamlNode, YamlNode])[] };

/** The style the encoder asks for; the emitter may pick a safer one. */
export type RequestedStyle = 'plain' | 'double' | 'literal';

export type Style = 'plain' | 'single' | 'double' | 'literal';

/** The emitter state a child node is emitted from (only "inside a block sequence item" changes indentation). */
type Parent = 'document' | 'sequence-item' | 'other';

export interface NodeContext {
  readonly simpleKey: boolean;
  readonly parent: Parent;
}

export const BEST_INDENT = 4;
const MAX_SIMPLE_KEY_BYTES = 128;

/**
 * A port of the parts of libyaml's emitter (yaml.v3 `emitterc.go`) that `yaml.Marshal` exercises for plain
 * data: one implicit document, block mappings and sequences, empty collections in flow style, and plain,
 * single-quoted, double-quoted and literal scalars, with 4-space indentation and no line wrapping.
 * Output is byte-for-byte what yaml.v3 v3.0.1 writes, including its final newline. Where libyaml writes a character
 * at a time, runs of characters it treats alike are written at once (the column counts code points, as libyaml's).
 */
export function emitDocument(root: YamlNode, emitter = new Emitter()): string {
  emitter.emitNode(root, { simpleKey: false, parent: 'document' });
  emitter.writeIndent();
  return emitter.output();
}

/** The emitter; its scalar writers are what a subclass may write otherwise (the tests' character-by-character one). */
export class Emitter {
  private readonly out: string[] = [];
  protected column = 0;
  protected whitespace = true;
  protected indention = true;
  private indent = -1;
  private readonly indents: number[] = [];

  output(): string {
    return this.out.join('');
  }

  emitNode(node: YamlNode, ctx: NodeContext): void {
    switch (node.kind) {
      case 'scalar':
        this.emitScalar(node.value, node.style, ctx);
        return;
      case 'sequence':
        if (node.items.length === 0) {
          this.emitEmptyFlow('[', ']', ctx);
        } else {
          this.emitBlockSequence(node.items, ctx);
        }
        return;
      case 'mapping':
        if (node.entries.length === 0) {
          this.emitEmptyFlow('{', '}', ctx);
        } else {
          this.emitBlockMapping(node.entries, ctx);
        }
        return;
    }
  }

  private emitEmptyFlow(open: string, close: string, ctx: NodeContext): void {
    this.writeIndicator(open, true, true, false);
    this.increaseIndent(true, ctx.parent);
    this.popIndent();
    if (this.column === 0) {
      this.writeIndent();
    }
    this.writeIndicator(close, false, false, false);
  }

  private emitBlockSequence(items: readonly YamlNode[], ctx: NodeContext): void {
    this.increaseIndent(false, ctx.parent);
    for (const item of items) {
      this.writeIndent();
      this.writeIndicator('-', true, false, true);
      this.emitNode(item, { simpleKey: false, parent: 'sequence-item' });
    }
    this.popIndent();
  }

  private emitBlockMapping(entries: readonly (readonly [YamlNode, YamlNode])[], ctx: NodeContext): void {
    this.increaseIndent(false, ctx.parent);
    for (const [key, value] of entries) {
      this.writeIndent();
      if (isSimpleKey(key)) {
        this.emitNode(key, { simpleKey: true, parent: 'other' });
        this.writeIndicator(':', false, false, false);
      } else {
        this.writeIndicator('?', true, false, true);
        this.emitNode(key, { simpleKey: false, parent: 'other' });
        this.writeIndent();
        this.writeIndicator(':', true, false, true);
      }
      this.emitNode(value, { simpleKey: false, parent: 'other' });
    }
    this.popIndent();
  }

  protected emitScalar(value: string, requested: RequestedStyle, ctx: NodeContext): void {
    const analysis = analyzeScalar(value);
    const style = this.selectStyle(requested, analysis, value.length === 0, ctx.simpleKey);
    this.increaseIndent(true, ctx.parent);
    switch (style) {
      case 'plain':
        this.writePlain(value);
        break;
      case 'single':
        this.writeSingleQuoted(value);
        break;
      case 'double':
        this.writeDoubleQuoted(value);
        break;
      case 'literal':
        this.writeLiteral(value);
        break;
    }
    this.popIndent();
  }

  protected selectStyle(requested: RequestedStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): Style {
    let style: Style = requested;
    if (simpleKey && a.multiline) {
      style = 'double';
    }
    if (style === 'plain') {
      if (!a.blockPlainAllowed) {
        style = 'single';
      }
      if (empty && simpleKey) {
        style = 'single';
      }
    }
    if (style === 'single' && !a.singleQuotedAllowed) {
      style = 'double';
    }
    if (style === 'literal' && (!a.blockAllowed || simpleKey)) {
      style = 'double';
    }
    return style;
  }

  protected increaseIndent(flow: boolean, parent: Parent): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (parent === 'sequence-item') {
      this.indent += 2;
    } else {
      this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
    }
  }

  protected popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  /** Writes `text`, `width` code points long, holding no line break. */
  protected put(text: string, width = text.length): void {
    this.out.push(text);
    this.column += width;
  }

  protected putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  protected writeBreak(c: number): void {
    if (c === 0x0a) {
      this.putBreak();
    } else {
      this.out.push(String.fromCodePoint(c));
      this.column = 0;
      this.indention = true;
    }
  }

  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) {
      this.putBreak();
    }
    if (this.column < indent) {
      this.put(' '.repeat(indent - this.column));
    }
    this.whitespace = true;
  }

  /** Writes an indicator (ASCII, one column per character). */
  protected writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) {
      this.put(' ');
    }
    this.put(indicator);
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  /**
   * The plain and single-quoted writers: spaces as they are, line breaks as libyaml writes them (a first `\n` doubled),
   * other characters after the indentation a line break calls for; `quote` doubles single quotes.
   */
  private writeFlowText(value: string, quote: boolean): void {
    const n = value.length;
    let breaks = false;
    for (let i = 0; i < n;) {
      const c = value.codePointAt(i)!;
      if (c === 0x20) {
        const end = runEnd(value, i, (d) => d === 0x20);
        this.put(value.slice(i, end.index), end.width);
        i = end.index;
      } else if (isYamlBreak(c)) {
        if (!breaks && c === 0x0a) {
          this.putBreak();
        }
        this.writeBreak(c);
        breaks = true;
        i++;
      } else {
        if (breaks) {
          this.writeIndent();
        }
        const end = runEnd(value, i, (d) => d !== 0x20 && !isYamlBreak(d));
        const text = value.slice(i, end.index);
        if (quote && text.includes("'")) {
          const quoted = text.replaceAll("'", "''");
          this.put(quoted, end.width + quoted.length - text.length);
        } else {
          this.put(text, end.width);
        }
        this.indention = false;
        breaks = false;
        i = end.index;
      }
    }
  }

  private writePlain(value: string): void {
    if (value.length > 0 && !this.whitespace) {
      this.put(' ');
    }
    this.writeFlowText(value, false);
    if (value.length > 0) {
      this.whitespace = false;
    }
    this.indention = false;
  }

  private writeSingleQuoted(value: string): void {
    this.writeIndicator("'", true, false, false);
    this.writeFlowText(value, true);
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: string): void {
    this.writeIndicator('"', true, false, false);
    const startsWithBom = value.codePointAt(0) === 0xfeff;
    const escaped = (c: number) => startsWithBom || !isYamlPrintable(c) || isYamlBreak(c) || c === 0x22 || c === 0x5c;
    for (let i = 0; i < value.length;) {
      const c = value.codePointAt(i)!;
      if (escaped(c)) {
        this.put('\\');
        this.putEscape(c);
        i += codePointWidth(c);
      } else {
        const end = runEnd(value, i, (d) => !escaped(d));
        this.put(value.slice(i, end.index), end.width);
        i = end.index;
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  protected putEscape(c: number): void {
    const name = ESCAPES[c];
    if (name !== undefined) {
      this.put(name);
      return;
    }
    const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
    this.put(letter + c.toString(16).toUpperCase().padStart(width, '0'));
  }

  private writeLiteral(value: string): void {
    this.writeIndicator('|', true, false, false);
    const first = value.codePointAt(0);
    if (first !== undefined && (first === 0x20 || isYamlBreak(first))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    const chomp = chompIndicator(value);
    if (chomp !== '') {
      this.writeIndicator(chomp, false, false, false);
    }
    this.whitespace = true;
    let breaks = true;
    for (let i = 0; i < value.length;) {
      const c = value.codePointAt(i)!;
      if (isYamlBreak(c)) {
        this.writeBreak(c);
        breaks = true;
        i++;
      } else {
        if (breaks) {
          this.writeIndent();
        }
        const end = runEnd(value, i, (d) => !isYamlBreak(d));
        this.put(value.slice(i, end.index), end.width);
        this.indention = false;
        breaks = false;
        i = end.index;
      }
    }
  }
}

/** Named escapes of double-quoted scalars. */
const ESCAPES: Readonly<Record<number, string>> = {
  0x00: '0',
  0x07: 'a',
  0x08: 'b',
  0x09: 't',
  0x0a: 'n',
  0x0b: 'v',
  0x0c: 'f',
  0x0d: 'r',
  0x1b: 'e',
  0x22: '"',
  0x5c: '\\',
  0x85: 'N',
  0xa0: '_',
  0x2028: 'L',
  0x2029: 'P',
};

/**
 * Where the run of code points of `value` from code unit `start` for which `inRun` holds ends (the code unit after
 * it), and how many code points it has.
 */
function runEnd(value: string, start: number, inRun: (c: number) => boolean): { index: number; width: number } {
  let index = start;
  let width = 0;
  while (index < value.length) {
    const c = value.codePointAt(index)!;
    if (!inRun(c)) break;
    index += codePointWidth(c);
    width++;
  }
  return { index, width };
}

/** `yaml_emitter_write_block_scalar_hints`: strip (`-`) without a final break, keep (`+`) with two. */
function chompIndicator(value: string): string {
  // A line break is one code unit, never part of a surrogate pair.
  const n = value.length;
  if (n === 0 || !isYamlBreak(value.charCodeAt(n - 1))) {
    return '-';
  }
  if (n === 1 || isYamlBreak(value.charCodeAt(n - 2))) {
    return '+';
  }
  return '';
}

/** A character yaml.v3 reads as a line break (`isYamlBreak`): a key holding one is not simple. */
const YAML_BREAK = /[\r\n\u0085\u2028\u2029]/;

/** `yaml_emitter_check_simple_key` for the nodes the encoder produces as keys. */
function isSimpleKey(key: YamlNode): boolean {
  switch (key.kind) {
    case 'scalar':
      if (YAML_BREAK.test(key.value)) {
        return false;
      }
      return Buffer.byteLength(key.value, 'utf8') <= MAX_SIMPLE_KEY_BYTES;
    case 'sequence':
      return key.items.length === 0;
    case 'mapping':
      return key.entries.length === 0;
  }
}
