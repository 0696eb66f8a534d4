import { analyzeScalar, isYamlBreak, isYamlPrintable, ScalarAnalysis } from './scalar-analysis';

/** A YAML node as yaml.v3's encoder hands it to the emitter (no tags, anchors or comments). */
export type YamlNode =
  | { readonly kind: 'scalar'; readonly value: string; readonly style: RequestedStyle }
  | { readonly kind: 'sequence'; readonly items: readonly YamlNode[] }
  | { readonly kind: 'mapping'; readonly entries: readonly (readonly [YamlNode, YamlNode])[] };

/** The style the encoder asks for; the emitter may pick a safer one. */
export type RequestedStyle = 'plain' | 'double' | 'literal';

type Style = 'plain' | 'single' | 'double' | 'literal';

/** The emitter state a child node is emitted from (only "inside a block sequence item" changes indentation). */
type Parent = 'document' | 'sequence-item' | 'other';

interface NodeContext {
  readonly simpleKey: boolean;
  readonly parent: Parent;
}

const BEST_INDENT = 4;
const MAX_SIMPLE_KEY_BYTES = 128;

/**
 * A port of the parts of libyaml's emitter (yaml.v3 `emitterc.go`) that `yaml.Marshal` exercises for plain
 * data: one implicit document, block mappings and sequences, empty collections in flow style, and plain,
 * single-quoted, double-quoted and literal scalars, with 4-space indentation and no line wrapping.
 * Output is byte-for-byte what yaml.v3 v3.0.1 writes, including its final newline.
 */
export function emitDocument(root: YamlNode): string {
  const emitter = new Emitter();
  emitter.emitNode(root, { simpleKey: false, parent: 'document' });
  emitter.writeIndent();
  return emitter.output();
}

class Emitter {
  private readonly out: string[] = [];
  private column = 0;
  private whitespace = true;
  private indention = true;
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

  private emitScalar(value: string, requested: RequestedStyle, ctx: NodeContext): void {
    const codePoints = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
    const analysis = analyzeScalar(codePoints);
    const style = this.selectStyle(requested, analysis, codePoints.length === 0, ctx.simpleKey);
    this.increaseIndent(true, ctx.parent);
    switch (style) {
      case 'plain':
        this.writePlain(codePoints);
        break;
      case 'single':
        this.writeSingleQuoted(codePoints);
        break;
      case 'double':
        this.writeDoubleQuoted(codePoints);
        break;
      case 'literal':
        this.writeLiteral(codePoints);
        break;
    }
    this.popIndent();
  }

  private selectStyle(requested: RequestedStyle, a: ScalarAnalysis, empty: boolean, simpleKey: boolean): Style {
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

  private increaseIndent(flow: boolean, parent: Parent): void {
    this.indents.push(this.indent);
    if (this.indent < 0) {
      this.indent = flow ? BEST_INDENT : 0;
    } else if (parent === 'sequence-item') {
      this.indent += 2;
    } else {
      this.indent = BEST_INDENT * Math.floor((this.indent + BEST_INDENT) / BEST_INDENT);
    }
  }

  private popIndent(): void {
    this.indent = this.indents.pop() ?? -1;
  }

  private put(ch: string): void {
    this.out.push(ch);
    this.column++;
  }

  private putBreak(): void {
    this.out.push('\n');
    this.column = 0;
    this.indention = true;
  }

  private writeBreak(c: number): void {
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
    while (this.column < indent) {
      this.put(' ');
    }
    this.whitespace = true;
  }

  private writeIndicator(
    indicator: string,
    needWhitespace: boolean,
    isWhitespace: boolean,
    isIndention: boolean,
  ): void {
    if (needWhitespace && !this.whitespace) {
      this.put(' ');
    }
    for (const ch of indicator) {
      this.put(ch);
    }
    this.whitespace = isWhitespace;
    this.indention = this.indention && isIndention;
  }

  private writePlain(value: readonly number[]): void {
    if (value.length > 0 && !this.whitespace) {
      this.put(' ');
    }
    let breaks = false;
    for (const c of value) {
      if (c === 0x20) {
        this.put(' ');
      } else if (isYamlBreak(c)) {
        if (!breaks && c === 0x0a) {
          this.putBreak();
        }
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
        }
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    if (value.length > 0) {
      this.whitespace = false;
    }
    this.indention = false;
  }

  private writeSingleQuoted(value: readonly number[]): void {
    this.writeIndicator("'", true, false, false);
    let breaks = false;
    for (const c of value) {
      if (c === 0x20) {
        this.put(' ');
      } else if (isYamlBreak(c)) {
        if (!breaks && c === 0x0a) {
          this.putBreak();
        }
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
        }
        if (c === 0x27) {
          this.put("'");
        }
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuoted(value: readonly number[]): void {
    this.writeIndicator('"', true, false, false);
    const startsWithBom = value[0] === 0xfeff;
    for (const c of value) {
      if (!isYamlPrintable(c) || startsWithBom || isYamlBreak(c) || c === 0x22 || c === 0x5c) {
        this.put('\\');
        this.putEscape(c);
      } else {
        this.put(String.fromCodePoint(c));
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private putEscape(c: number): void {
    const named: Record<number, string> = {
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
    const name = named[c];
    if (name !== undefined) {
      this.put(name);
      return;
    }
    const [letter, width] = c <= 0xff ? ['x', 2] : c <= 0xffff ? ['u', 4] : ['U', 8];
    this.put(letter);
    for (const digit of c.toString(16).toUpperCase().padStart(width, '0')) {
      this.put(digit);
    }
  }

  private writeLiteral(value: readonly number[]): void {
    this.writeIndicator('|', true, false, false);
    if (value.length > 0 && (value[0] === 0x20 || isYamlBreak(value[0]))) {
      this.writeIndicator(String(BEST_INDENT), false, false, false);
    }
    const chomp = chompIndicator(value);
    if (chomp !== '') {
      this.writeIndicator(chomp, false, false, false);
    }
    this.whitespace = true;
    let breaks = true;
    for (const c of value) {
      if (isYamlBreak(c)) {
        this.writeBreak(c);
        breaks = true;
      } else {
        if (breaks) {
          this.writeIndent();
        }
        this.put(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
  }
}

/** `yaml_emitter_write_block_scalar_hints`: strip (`-`) without a final break, keep (`+`) with two. */
function chompIndicator(value: readonly number[]): string {
  const n = value.length;
  if (n === 0 || !isYamlBreak(value[n - 1])) {
    return '-';
  }
  if (n === 1 || isYamlBreak(value[n - 2])) {
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
