import { quote } from '../go/quote';

/** The tokens of Go's `text/template/parse` lexer (`lex.go` `itemType`), keywords last. */
export enum ItemType {
  ERROR,
  BOOL,
  CHAR,
  CHAR_CONSTANT,
  COMMENT,
  COMPLEX,
  ASSIGN,
  DECLARE,
  EOF,
  FIELD,
  IDENTIFIER,
  LEFT_DELIM,
  LEFT_PAREN,
  NUMBER,
  PIPE,
  RAW_STRING,
  RIGHT_DELIM,
  RIGHT_PAREN,
  SPACE,
  STRING,
  TEXT,
  VARIABLE,
  // Keywords come after all the rest.
  KEYWORD,
  BLOCK,
  BREAK,
  CONTINUE,
  DOT,
  DEFINE,
  ELSE,
  END,
  IF,
  NIL,
  RANGE,
  TEMPLATE,
  WITH,
}

export interface Item {
  readonly type: ItemType;
  readonly pos: number;
  readonly val: string;
  readonly line: number;
}

/** Go's `item.String()`, used in "unexpected …" messages. */
export function describeItem(item: Item): string {
  if (item.type === ItemType.EOF) {
    return 'EOF';
  }
  if (item.type === ItemType.ERROR) {
    return item.val;
  }
  if (item.type > ItemType.KEYWORD) {
    return `<${item.val}>`;
  }
  const runes = Array.from(item.val);
  if (runes.length > 10) {
    return quote(runes.slice(0, 10).join('')) + '...';
  }
  return quote(item.val);
}
