import { BEST_INDENT, Emitter, NodeContext, RequestedStyle } from '../../../../src/gotemplate/yaml/emitter';
import { isYamlBreak, isYamlPrintable } from '../../../../src/gotemplate/yaml/scalar-analysis';
import { analyzeScalar } from './scalar-analysis';

/*
 * The emitter with its scalars written a character at a time, as libyaml's emitterc.go writes them (and as this port
 * first did): the oracle ../emitter.test.ts holds the emitter's writing of runs against. Not used by the program.
 */
export class CharacterByCharacterEmitter extends Emitter {
  protected override emitScalar(value: string, requested: RequestedStyle, ctx: NodeContext): void {
    const codePoints = Array.from(value, (ch) => ch.codePointAt(0) ?? 0);
    const analysis = analyzeScalar(codePoints);
    const style = this.selectStyle(requested, analysis, codePoints.length === 0, ctx.simpleKey);
    this.increaseIndent(true, ctx.parent);
    switch (style) {
      case 'plain':
        this.writePlainCharacters(codePoints);
        break;
      case 'single':
        this.writeSingleQuotedCharacters(codePoints);
        break;
      case 'double':
        this.writeDoubleQuotedCharacters(codePoints);
        break;
      case 'literal':
        this.writeLiteralCharacters(codePoints);
        break;
    }
    this.popIndent();
  }

  /** One character. */
  private putCharacter(ch: string): void {
    this.put(ch, 1);
  }

  private writePlainCharacters(value: readonly number[]): void {
    if (value.length > 0 && !this.whitespace) {
      this.putCharacter(' ');
    }
    let breaks = false;
    for (const c of value) {
      if (c === 0x20) {
        this.putCharacter(' ');
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
        this.putCharacter(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    if (value.length > 0) {
      this.whitespace = false;
    }
    this.indention = false;
  }

  private writeSingleQuotedCharacters(value: readonly number[]): void {
    this.writeIndicator("'", true, false, false);
    let breaks = false;
    for (const c of value) {
      if (c === 0x20) {
        this.putCharacter(' ');
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
          this.putCharacter("'");
        }
        this.putCharacter(String.fromCodePoint(c));
        this.indention = false;
        breaks = false;
      }
    }
    this.writeIndicator("'", false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeDoubleQuotedCharacters(value: readonly number[]): void {
    this.writeIndicator('"', true, false, false);
    const startsWithBom = value[0] === 0xfeff;
    for (const c of value) {
      if (!isYamlPrintable(c) || startsWithBom || isYamlBreak(c) || c === 0x22 || c === 0x5c) {
        this.putCharacter('\\');
        this.putEscape(c);
      } else {
        this.putCharacter(String.fromCodePoint(c));
      }
    }
    this.writeIndicator('"', false, false, false);
    this.whitespace = false;
    this.indention = false;
  }

  private writeLiteralCharacters(value: readonly number[]): void {
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
        this.putCharacter(String.fromCodePoint(c));
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
