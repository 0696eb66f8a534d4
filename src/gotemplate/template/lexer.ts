import { isPrint, quote } from '../go/quote';
import { Item, ItemType } from './lex-item';

const KEYWORDS: Readonly<Record<string, ItemType>> = {
  '.': ItemType.DOT,
  block: ItemType.BLOCK,
  break: ItemType.BREAK,
  continue: ItemType.CONTINUE,
  define: ItemType.DEFINE,
  else: ItemType.ELSE,
  end: ItemType.END,
  if: ItemType.IF,
  range: ItemType.RANGE,
  nil: ItemType.NIL,
  template: ItemType.TEMPLATE,
  with: ItemType.WITH,
};

const LEFT_DELIM = '{{';
const RIGHT_DELIM = '}}';
const LEFT_COMMENT = '/*';
const RIGHT_COMMENT = '*/';
const SPACE_CHARS = ' \t\r\n';
const TRIM_MARKER_LENGTH = 2;
const EOF = -1;

type StateFn = (l: Lexer) => StateFn | null;

/**
 * The lexer of Go's `text/template/parse` (`lex.go`), with the default delimiters `{{` and `}}`, trim markers
 * (`{{- ` and ` -}}`), comments, and the keywords of Go 1.22+ (`break`, `continue`, `block`).
 * Positions are UTF-16 offsets into the template text; error messages convert them to Go's byte offsets.
 * Tokenizes the whole template; the last item is EOF or ERROR.
 */
export function lex(input: string): Item[] {
  const l = new Lexer(input);
  const items: Item[] = [];
  for (;;) {
    const item = l.nextItem();
    items.push(item);
    if (item.type === ItemType.EOF || item.type === ItemType.ERROR) {
      return items;
    }
  }
}

class Lexer {
  pos = 0;
  start = 0;
  atEOF = false;
  parenDepth = 0;
  line = 1;
  startLine = 1;
  insideAction = false;
  item: Item | undefined;

  constructor(public input: string) {}

  nextItem(): Item {
    this.item = { type: ItemType.EOF, pos: this.pos, val: 'EOF', line: this.startLine };
    let state: StateFn | null = this.insideAction ? lexInsideAction : lexText;
    while (state !== null) {
      state = state(this);
    }
    return this.item;
  }

  next(): number {
    if (this.pos >= this.input.length) {
      this.atEOF = true;
      return EOF;
    }
    const r = this.input.codePointAt(this.pos) ?? 0;
    this.pos += r > 0xffff ? 2 : 1;
    if (r === 10) {
      this.line++;
    }
    return r;
  }

  peek(): number {
    const r = this.next();
    this.backup();
    return r;
  }

  backup(): void {
    if (!this.atEOF && this.pos > 0) {
      const low = this.input.charCodeAt(this.pos - 1);
      const w = low >= 0xdc00 && low <= 0xdfff && this.pos >= 2 ? 2 : 1;
      this.pos -= w;
      if (low === 10) {
        this.line--;
      }
    }
  }

  thisItem(type: ItemType): Item {
    const item = { type, pos: this.start, val: this.input.slice(this.start, this.pos), line: this.startLine };
    this.start = this.pos;
    this.startLine = this.line;
    return item;
  }

  emit(type: ItemType): StateFn | null {
    return this.emitItem(this.thisItem(type));
  }

  emitItem(item: Item): StateFn | null {
    this.item = item;
    return null;
  }

  ignore(): void {
    this.line += countNewlines(this.input.slice(this.start, this.pos));
    this.start = this.pos;
    this.startLine = this.line;
  }

  accept(valid: string): boolean {
    const r = this.next();
    if (r !== EOF && valid.includes(String.fromCodePoint(r))) {
      return true;
    }
    this.backup();
    return false;
  }

  acceptRun(valid: string): void {
    for (;;) {
      const r = this.next();
      if (r === EOF || !valid.includes(String.fromCodePoint(r))) {
        break;
      }
    }
    this.backup();
  }

  errorf(message: string): StateFn | null {
    this.item = { type: ItemType.ERROR, pos: this.start, val: message, line: this.startLine };
    this.start = 0;
    this.pos = 0;
    this.input = '';
    return null;
  }

  atRightDelim(): { delim: boolean; trimSpaces: boolean } {
    const rest = this.input.slice(this.pos);
    if (hasRightTrimMarker(rest) && rest.slice(TRIM_MARKER_LENGTH).startsWith(RIGHT_DELIM)) {
      return { delim: true, trimSpaces: true };
    }
    if (rest.startsWith(RIGHT_DELIM)) {
      return { delim: true, trimSpaces: false };
    }
    return { delim: false, trimSpaces: false };
  }

  atTerminator(): boolean {
    const r = this.peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF:
      case 0x2e: // .
      case 0x2c: // ,
      case 0x7c: // |
      case 0x3a: // :
      case 0x29: // )
      case 0x28: // (
        return true;
    }
    return this.input.startsWith(RIGHT_DELIM, this.pos);
  }

  scanNumber(): boolean {
    this.accept('+-');
    let digits = '0123456789_';
    if (this.accept('0')) {
      if (this.accept('xX')) {
        digits = '0123456789abcdefABCDEF_';
      } else if (this.accept('oO')) {
        digits = '01234567_';
      } else if (this.accept('bB')) {
        digits = '01_';
      }
    }
    this.acceptRun(digits);
    if (this.accept('.')) {
      this.acceptRun(digits);
    }
    if (digits.length === 10 + 1 && this.accept('eE')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    if (digits.length === 16 + 6 + 1 && this.accept('pP')) {
      this.accept('+-');
      this.acceptRun('0123456789_');
    }
    this.accept('i');
    if (isAlphaNumeric(this.peek())) {
      this.next();
      return false;
    }
    return true;
  }
}

/** The number of line feeds in `s`. */
export function countNewlines(s: string): number {
  let n = 0;
  for (let i = s.indexOf('\n'); i >= 0; i = s.indexOf('\n', i + 1)) {
    n++;
  }
  return n;
}

function isSpace(r: number): boolean {
  return r === 0x20 || r === 0x09 || r === 0x0d || r === 0x0a;
}

const LETTER_OR_DIGIT = /^[\p{L}\p{Nd}]$/u;

function isAlphaNumeric(r: number): boolean {
  if (r === EOF) {
    return false;
  }
  if (r < 0x80) {
    return r === 0x5f || (r >= 48 && r <= 57) || (r >= 65 && r <= 90) || (r >= 97 && r <= 122);
  }
  return LETTER_OR_DIGIT.test(String.fromCodePoint(r));
}

function hasLeftTrimMarker(s: string): boolean {
  return s.length >= 2 && s[0] === '-' && SPACE_CHARS.includes(s[1]);
}

function hasRightTrimMarker(s: string): boolean {
  return s.length >= 2 && SPACE_CHARS.includes(s[0]) && s[1] === '-';
}

function rightTrimLength(s: string): number {
  return s.length - s.replace(/[ \t\r\n]+$/, '').length;
}

function leftTrimLength(s: string): number {
  return s.length - s.replace(/^[ \t\r\n]+/, '').length;
}

/** Go's `%#U` for an unexpected character: `U+0023 '#'`. */
function formatRune(r: number): string {
  const hex = 'U+' + r.toString(16).toUpperCase().padStart(4, '0');
  return isPrint(r) ? `${hex} '${String.fromCodePoint(r)}'` : hex;
}

function lexText(l: Lexer): StateFn | null {
  const x = l.input.indexOf(LEFT_DELIM, l.pos);
  if (x >= 0) {
    if (x > l.pos) {
      l.pos = x;
      let trimLength = 0;
      const delimEnd = l.pos + LEFT_DELIM.length;
      if (hasLeftTrimMarker(l.input.slice(delimEnd))) {
        trimLength = rightTrimLength(l.input.slice(l.start, l.pos));
      }
      l.pos -= trimLength;
      l.line += countNewlines(l.input.slice(l.start, l.pos));
      const item = l.thisItem(ItemType.TEXT);
      l.pos += trimLength;
      l.ignore();
      if (item.val.length > 0) {
        return l.emitItem(item);
      }
    }
    return lexLeftDelim;
  }
  l.pos = l.input.length;
  if (l.pos > l.start) {
    l.line += countNewlines(l.input.slice(l.start, l.pos));
    return l.emit(ItemType.TEXT);
  }
  return l.emit(ItemType.EOF);
}

function lexLeftDelim(l: Lexer): StateFn | null {
  l.pos += LEFT_DELIM.length;
  const trimSpace = hasLeftTrimMarker(l.input.slice(l.pos));
  const afterMarker = trimSpace ? TRIM_MARKER_LENGTH : 0;
  if (l.input.startsWith(LEFT_COMMENT, l.pos + afterMarker)) {
    l.pos += afterMarker;
    l.ignore();
    return lexComment;
  }
  const item = l.thisItem(ItemType.LEFT_DELIM);
  l.insideAction = true;
  l.pos += afterMarker;
  l.ignore();
  l.parenDepth = 0;
  return l.emitItem(item);
}

function lexComment(l: Lexer): StateFn | null {
  l.pos += LEFT_COMMENT.length;
  const x = l.input.indexOf(RIGHT_COMMENT, l.pos);
  if (x < 0) {
    return l.errorf('unclosed comment');
  }
  l.pos = x + RIGHT_COMMENT.length;
  const { delim, trimSpaces } = l.atRightDelim();
  if (!delim) {
    return l.errorf('comment ends before closing delimiter');
  }
  l.line += countNewlines(l.input.slice(l.start, l.pos));
  l.thisItem(ItemType.COMMENT);
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LENGTH;
  }
  l.pos += RIGHT_DELIM.length;
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input.slice(l.pos));
  }
  l.ignore();
  return lexText;
}

function lexRightDelim(l: Lexer): StateFn | null {
  const { trimSpaces } = l.atRightDelim();
  if (trimSpaces) {
    l.pos += TRIM_MARKER_LENGTH;
    l.ignore();
  }
  l.pos += RIGHT_DELIM.length;
  const item = l.thisItem(ItemType.RIGHT_DELIM);
  if (trimSpaces) {
    l.pos += leftTrimLength(l.input.slice(l.pos));
    l.ignore();
  }
  l.insideAction = false;
  return l.emitItem(item);
}

function lexInsideAction(l: Lexer): StateFn | null {
  if (l.atRightDelim().delim) {
    if (l.parenDepth === 0) {
      return lexRightDelim;
    }
    return l.errorf('unclosed left paren');
  }
  const r = l.next();
  if (r === EOF) {
    return l.errorf('unclosed action');
  }
  if (isSpace(r)) {
    l.backup();
    return lexSpace;
  }
  const ch = String.fromCodePoint(r);
  switch (ch) {
    case '=':
      return l.emit(ItemType.ASSIGN);
    case ':':
      if (l.next() !== 0x3d) {
        return l.errorf('expected :=');
      }
      return l.emit(ItemType.DECLARE);
    case '|':
      return l.emit(ItemType.PIPE);
    case '"':
      return lexQuote;
    case '`':
      return lexRawQuote;
    case '$':
      return lexVariable;
    case "'":
      return lexChar;
    case '.':
      if (l.pos < l.input.length) {
        const c = l.input[l.pos];
        if (c < '0' || c > '9') {
          return lexField;
        }
      }
      l.backup();
      return lexNumber;
    case '(':
      l.parenDepth++;
      return l.emit(ItemType.LEFT_PAREN);
    case ')':
      l.parenDepth--;
      if (l.parenDepth < 0) {
        return l.errorf('unexpected right paren');
      }
      return l.emit(ItemType.RIGHT_PAREN);
  }
  if (ch === '+' || ch === '-' || (ch >= '0' && ch <= '9')) {
    l.backup();
    return lexNumber;
  }
  if (isAlphaNumeric(r)) {
    l.backup();
    return lexIdentifier;
  }
  if (r <= 0x7f && r >= 0x20 && r !== 0x7f) {
    return l.emit(ItemType.CHAR);
  }
  return l.errorf(`unrecognized character in action: ${formatRune(r)}`);
}

function lexSpace(l: Lexer): StateFn | null {
  let numSpaces = 0;
  for (;;) {
    const r = l.peek();
    if (!isSpace(r)) {
      break;
    }
    l.next();
    numSpaces++;
  }
  const rest = l.input.slice(l.pos - 1);
  if (hasRightTrimMarker(rest) && rest.slice(TRIM_MARKER_LENGTH).startsWith(RIGHT_DELIM)) {
    l.backup();
    if (numSpaces === 1) {
      return lexRightDelim;
    }
  }
  return l.emit(ItemType.SPACE);
}

function lexIdentifier(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (isAlphaNumeric(r)) {
      continue;
    }
    l.backup();
    const word = l.input.slice(l.start, l.pos);
    if (!l.atTerminator()) {
      return l.errorf(`bad character ${formatRune(r)}`);
    }
    const keyword = KEYWORDS[word];
    if (keyword !== undefined && Object.prototype.hasOwnProperty.call(KEYWORDS, word)) {
      return l.emit(keyword);
    }
    if (word[0] === '.') {
      return l.emit(ItemType.FIELD);
    }
    if (word === 'true' || word === 'false') {
      return l.emit(ItemType.BOOL);
    }
    return l.emit(ItemType.IDENTIFIER);
  }
}

function lexField(l: Lexer): StateFn | null {
  return lexFieldOrVariable(l, ItemType.FIELD);
}

function lexVariable(l: Lexer): StateFn | null {
  if (l.atTerminator()) {
    return l.emit(ItemType.VARIABLE);
  }
  return lexFieldOrVariable(l, ItemType.VARIABLE);
}

function lexFieldOrVariable(l: Lexer, type: ItemType): StateFn | null {
  if (l.atTerminator()) {
    return l.emit(type === ItemType.VARIABLE ? ItemType.VARIABLE : ItemType.DOT);
  }
  let r: number;
  for (;;) {
    r = l.next();
    if (!isAlphaNumeric(r)) {
      l.backup();
      break;
    }
  }
  if (!l.atTerminator()) {
    return l.errorf(`bad character ${formatRune(r)}`);
  }
  return l.emit(type);
}

function lexChar(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === 0x5c) {
      const n = l.next();
      if (n !== EOF && n !== 0x0a) {
        continue;
      }
      return l.errorf('unterminated character constant');
    }
    if (r === EOF || r === 0x0a) {
      return l.errorf('unterminated character constant');
    }
    if (r === 0x27) {
      break;
    }
  }
  return l.emit(ItemType.CHAR_CONSTANT);
}

function lexNumber(l: Lexer): StateFn | null {
  if (!l.scanNumber()) {
    return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
  }
  const sign = l.peek();
  if (sign === 0x2b || sign === 0x2d) {
    if (!l.scanNumber() || l.input[l.pos - 1] !== 'i') {
      return l.errorf(`bad number syntax: ${quote(l.input.slice(l.start, l.pos))}`);
    }
    return l.emit(ItemType.COMPLEX);
  }
  return l.emit(ItemType.NUMBER);
}

function lexQuote(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === 0x5c) {
      const n = l.next();
      if (n !== EOF && n !== 0x0a) {
        continue;
      }
      return l.errorf('unterminated quoted string');
    }
    if (r === EOF || r === 0x0a) {
      return l.errorf('unterminated quoted string');
    }
    if (r === 0x22) {
      break;
    }
  }
  return l.emit(ItemType.STRING);
}

function lexRawQuote(l: Lexer): StateFn | null {
  for (;;) {
    const r = l.next();
    if (r === EOF) {
      return l.errorf('unterminated raw quoted string');
    }
    if (r === 0x60) {
      break;
    }
  }
  return l.emit(ItemType.RAW_STRING);
}
