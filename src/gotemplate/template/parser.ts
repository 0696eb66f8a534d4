import { parseFloat64, parseInt64, parseUint } from '../go/parse-number';
import { quote, unquote, unquoteChar } from '../go/quote';
import {
  ActionNode,
  BranchNode,
  CommandNode,
  ElseNode,
  EndNode,
  ListNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
  nodeString,
} from './ast';
import { describeItem, Item, ItemType } from './lex-item';
import { lex } from './lexer';

/** A parse failure, with Go's message (`template: <name>:<line>: <problem>`). */
export class ParseError extends Error {
  constructor(
    readonly goMessage: string,
    readonly line: number,
  ) {
    super(goMessage);
    this.name = 'ParseError';
  }
}

/** The templates defined by one text: the top-level one under its name, plus every `define` and `block`. */
export interface ParsedTemplates {
  /** The top-level template's name (Go's `ParseName`, used in error locations). */
  readonly name: string;
  readonly text: string;
  readonly trees: ReadonlyMap<string, ListNode>;
}

/** Maximum nesting of parenthesized expressions (Go allows 10000, or 1000 on WebAssembly). */
const MAX_STACK_DEPTH = 1000;

/**
 * Parses template text like Go's `template.New(name).Funcs(…).Parse(text)`: `isFunction` says which function
 * names exist (an unknown one is the parse error `function "x" not defined`).
 */
export function parseTemplates(name: string, text: string, isFunction: (name: string) => boolean): ParsedTemplates {
  const source = new TokenSource(lex(text));
  const treeSet = new Map<string, ListNode>();
  const tree = new Tree(name, name, source, treeSet, isFunction);
  tree.parse();
  tree.add();
  return { name, text, trees: treeSet };
}

class TokenSource {
  private index = 0;

  constructor(private readonly items: readonly Item[]) {}

  nextItem(): Item {
    const item = this.items[Math.min(this.index, this.items.length - 1)];
    this.index++;
    return item;
  }
}

class Tree {
  root: ListNode | undefined;
  private readonly token: Item[] = [];
  private peekCount = 0;
  private vars: string[] = ['$'];
  private actionLine = 0;
  private rangeDepth = 0;
  private stackDepth = 0;

  constructor(
    private name: string,
    private readonly parseName: string,
    private readonly lexer: TokenSource,
    private readonly treeSet: Map<string, ListNode>,
    private readonly isFunction: (name: string) => boolean,
  ) {}

  // --- token handling (three-token lookahead, as in Go) ---

  private next(): Item {
    if (this.peekCount > 0) {
      this.peekCount--;
    } else {
      this.token[0] = this.lexer.nextItem();
    }
    return this.token[this.peekCount];
  }

  private backup(): void {
    this.peekCount++;
  }

  private backup2(t1: Item): void {
    this.token[1] = t1;
    this.peekCount = 2;
  }

  private backup3(t2: Item, t1: Item): void {
    this.token[1] = t1;
    this.token[2] = t2;
    this.peekCount = 3;
  }

  private peek(): Item {
    if (this.peekCount > 0) {
      return this.token[this.peekCount - 1];
    }
    this.peekCount = 1;
    this.token[0] = this.lexer.nextItem();
    return this.token[0];
  }

  private nextNonSpace(): Item {
    for (;;) {
      const token = this.next();
      if (token.type !== ItemType.SPACE) {
        return token;
      }
    }
  }

  private peekNonSpace(): Item {
    const token = this.nextNonSpace();
    this.backup();
    return token;
  }

  // --- errors ---

  private errorf(message: string): never {
    const line = this.token[0]?.line ?? 1;
    throw new ParseError(`template: ${this.parseName}:${line}: ${message}`, line);
  }

  private expect(expected: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected) {
      this.unexpected(token, context);
    }
    return token;
  }

  private expectOneOf(expected1: ItemType, expected2: ItemType, context: string): Item {
    const token = this.nextNonSpace();
    if (token.type !== expected1 && token.type !== expected2) {
      this.unexpected(token, context);
    }
    return token;
  }

  private unexpected(token: Item, context: string): never {
    if (token.type === ItemType.ERROR) {
      let extra = '';
      if (this.actionLine !== 0 && this.actionLine !== token.line) {
        extra = ` in action started at ${this.parseName}:${this.actionLine}`;
        if (token.val.endsWith(' action')) {
          extra = extra.slice(' in action'.length);
        }
      }
      this.errorf(`${describeItem(token)}${extra}`);
    }
    this.errorf(`unexpected ${describeItem(token)} in ${context}`);
  }

  // --- trees ---

  add(): void {
    const root = this.root as ListNode;
    const existing = this.treeSet.get(this.name);
    if (existing === undefined || isEmptyTree(existing)) {
      this.treeSet.set(this.name, root);
      return;
    }
    if (!isEmptyTree(root)) {
      this.errorf(`template: multiple definition of template ${quote(this.name)}`);
    }
  }

  parse(): void {
    this.root = newList(this.peek().pos);
    while (this.peek().type !== ItemType.EOF) {
      if (this.peek().type === ItemType.LEFT_DELIM) {
        const delim = this.next();
        if (this.nextNonSpace().type === ItemType.DEFINE) {
          const definition = new Tree('definition', this.parseName, this.lexer, this.treeSet, this.isFunction);
          definition.parseDefinition();
          continue;
        }
        this.backup2(delim);
      }
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') {
        this.errorf(`unexpected ${nodeString(n)}`);
      }
      this.root.nodes.push(n);
    }
  }

  private parseDefinition(): void {
    const context = 'define clause';
    const nameToken = this.expectOneOf(ItemType.STRING, ItemType.RAW_STRING, context);
    this.name = this.unquoteOrFail(nameToken.val);
    this.expect(ItemType.RIGHT_DELIM, context);
    const [list, end] = this.itemList();
    this.root = list;
    if (end.type !== 'end') {
      this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    }
    this.add();
  }

  private itemList(): [ListNode, EndNode | ElseNode] {
    const list = newList(this.peekNonSpace().pos);
    while (this.peekNonSpace().type !== ItemType.EOF) {
      const n = this.textOrAction();
      if (n.type === 'end' || n.type === 'else') {
        return [list, n];
      }
      list.nodes.push(n);
    }
    this.errorf('unexpected EOF');
  }

  private textOrAction(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.TEXT:
        return { type: 'text', pos: token.pos, text: token.val };
      case ItemType.LEFT_DELIM:
        this.actionLine = token.line;
        try {
          return this.action();
        } finally {
          this.actionLine = 0;
        }
      case ItemType.COMMENT:
        return { type: 'comment', pos: token.pos, text: token.val };
      default:
        this.unexpected(token, 'input');
    }
  }

  private action(): Node {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.BLOCK:
        return this.blockControl();
      case ItemType.BREAK:
        return this.breakControl(token.pos, token.line);
      case ItemType.CONTINUE:
        return this.continueControl(token.pos, token.line);
      case ItemType.ELSE:
        return this.elseControl();
      case ItemType.END:
        return this.endControl();
      case ItemType.IF:
        return this.branchControl('if');
      case ItemType.RANGE:
        return this.branchControl('range');
      case ItemType.TEMPLATE:
        return this.templateControl();
      case ItemType.WITH:
        return this.branchControl('with');
    }
    this.backup();
    const first = this.peek();
    const action: ActionNode = {
      type: 'action',
      pos: first.pos,
      line: first.line,
      pipe: this.pipeline('command', ItemType.RIGHT_DELIM),
    };
    return action;
  }

  private breakControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.type !== ItemType.RIGHT_DELIM) {
      this.unexpected(token, '{{break}}');
    }
    if (this.rangeDepth === 0) {
      this.errorf('{{break}} outside {{range}}');
    }
    return { type: 'break', pos, line };
  }

  private continueControl(pos: number, line: number): Node {
    const token = this.nextNonSpace();
    if (token.type !== ItemType.RIGHT_DELIM) {
      this.unexpected(token, '{{continue}}');
    }
    if (this.rangeDepth === 0) {
      this.errorf('{{continue}} outside {{range}}');
    }
    return { type: 'continue', pos, line };
  }

  private pipeline(context: string, end: ItemType): PipeNode {
    const first = this.peekNonSpace();
    const pipe: PipeNode = { type: 'pipe', pos: first.pos, line: first.line, isAssign: false, decl: [], cmds: [] };
    for (;;) {
      const v = this.peekNonSpace();
      if (v.type !== ItemType.VARIABLE) {
        break;
      }
      this.next();
      const tokenAfterVariable = this.peek();
      const next = this.peekNonSpace();
      if (next.type === ItemType.ASSIGN || next.type === ItemType.DECLARE) {
        pipe.isAssign = next.type === ItemType.ASSIGN;
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
      } else if (next.type === ItemType.CHAR && next.val === ',') {
        this.nextNonSpace();
        pipe.decl.push({ type: 'variable', pos: v.pos, ident: v.val.split('.') });
        this.vars.push(v.val);
        if (context === 'range' && pipe.decl.length < 2) {
          const after = this.peekNonSpace().type;
          if (after === ItemType.VARIABLE || after === ItemType.RIGHT_DELIM || after === ItemType.RIGHT_PAREN) {
            continue;
          }
          this.errorf('range can only initialize variables');
        }
        this.errorf(`too many declarations in ${context}`);
      } else if (tokenAfterVariable.type === ItemType.SPACE) {
        this.backup3(v, tokenAfterVariable);
      } else {
        this.backup2(v);
      }
      break;
    }
    for (;;) {
      const token = this.nextNonSpace();
      switch (token.type) {
        case end:
          this.checkPipeline(pipe, context);
          return pipe;
        case ItemType.BOOL:
        case ItemType.CHAR_CONSTANT:
        case ItemType.COMPLEX:
        case ItemType.DOT:
        case ItemType.FIELD:
        case ItemType.IDENTIFIER:
        case ItemType.NUMBER:
        case ItemType.NIL:
        case ItemType.RAW_STRING:
        case ItemType.STRING:
        case ItemType.VARIABLE:
        case ItemType.LEFT_PAREN:
          this.backup();
          pipe.cmds.push(this.command());
          break;
        default:
          this.unexpected(token, context);
      }
    }
  }

  private checkPipeline(pipe: PipeNode, context: string): void {
    if (pipe.cmds.length === 0) {
      this.errorf(`missing value for ${context}`);
    }
    pipe.cmds.slice(1).forEach((c, i) => {
      switch (c.args[0].type) {
        case 'bool':
        case 'dot':
        case 'nil':
        case 'number':
        case 'string':
          this.errorf(`non executable command in pipeline stage ${i + 2}`);
      }
    });
  }

  private parseControl(context: 'if' | 'range' | 'with'): BranchNode {
    const varsLength = this.vars.length;
    try {
      const pipe = this.pipeline(context, ItemType.RIGHT_DELIM);
      if (context === 'range') {
        this.rangeDepth++;
      }
      const [list, firstEnd] = this.itemList();
      let next: EndNode | ElseNode = firstEnd;
      if (context === 'range') {
        this.rangeDepth--;
      }
      let elseList: ListNode | undefined;
      if (next.type === 'else') {
        if (context === 'if' && this.peek().type === ItemType.IF) {
          this.next();
          elseList = newList(next.pos);
          elseList.nodes.push(this.branchControl('if'));
        } else if (context === 'with' && this.peek().type === ItemType.WITH) {
          this.next();
          elseList = newList(next.pos);
          elseList.nodes.push(this.branchControl('with'));
        } else {
          [elseList, next] = this.itemList();
          if (next.type !== 'end') {
            this.errorf(`expected end; found ${nodeString(next)}`);
          }
        }
      }
      return { type: context, pos: pipe.pos, line: pipe.line, pipe, list, elseList };
    } finally {
      this.vars.length = varsLength;
    }
  }

  private branchControl(context: 'if' | 'range' | 'with'): BranchNode {
    return this.parseControl(context);
  }

  private endControl(): EndNode {
    return { type: 'end', pos: this.expect(ItemType.RIGHT_DELIM, 'end').pos };
  }

  private elseControl(): ElseNode {
    const peek = this.peekNonSpace();
    if (peek.type === ItemType.IF || peek.type === ItemType.WITH) {
      return { type: 'else', pos: peek.pos, line: peek.line };
    }
    const token = this.expect(ItemType.RIGHT_DELIM, 'else');
    return { type: 'else', pos: token.pos, line: token.line };
  }

  private blockControl(): TemplateNode {
    const context = 'block clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    const pipe = this.pipeline(context, ItemType.RIGHT_DELIM);
    const block = new Tree(name, this.parseName, this.lexer, this.treeSet, this.isFunction);
    const [list, end] = block.itemList();
    block.root = list;
    if (end.type !== 'end') {
      this.errorf(`unexpected ${nodeString(end)} in ${context}`);
    }
    block.add();
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private templateControl(): TemplateNode {
    const context = 'template clause';
    const token = this.nextNonSpace();
    const name = this.parseTemplateName(token, context);
    let pipe: PipeNode | undefined;
    if (this.nextNonSpace().type !== ItemType.RIGHT_DELIM) {
      this.backup();
      pipe = this.pipeline(context, ItemType.RIGHT_DELIM);
    }
    return { type: 'template', pos: token.pos, line: token.line, name, pipe };
  }

  private parseTemplateName(token: Item, context: string): string {
    if (token.type === ItemType.STRING || token.type === ItemType.RAW_STRING) {
      return this.unquoteOrFail(token.val);
    }
    this.unexpected(token, context);
  }

  private unquoteOrFail(literal: string): string {
    const result = unquote(literal);
    if (!result.ok) {
      this.errorf(result.error);
    }
    return result.value;
  }

  private command(): CommandNode {
    const cmd: CommandNode = { type: 'command', pos: this.peekNonSpace().pos, args: [] };
    for (;;) {
      this.peekNonSpace();
      const operand = this.operand();
      if (operand !== undefined) {
        cmd.args.push(operand);
      }
      const token = this.next();
      if (token.type === ItemType.SPACE) {
        continue;
      }
      if (token.type === ItemType.RIGHT_DELIM || token.type === ItemType.RIGHT_PAREN) {
        this.backup();
      } else if (token.type !== ItemType.PIPE) {
        this.unexpected(token, 'operand');
      }
      break;
    }
    if (cmd.args.length === 0) {
      this.errorf('empty command');
    }
    return cmd;
  }

  private operand(): Node | undefined {
    const node = this.term();
    if (node === undefined) {
      return undefined;
    }
    if (this.peek().type !== ItemType.FIELD) {
      return node;
    }
    const pos = this.peek().pos;
    const fields: string[] = [];
    while (this.peek().type === ItemType.FIELD) {
      fields.push(this.next().val.slice(1));
    }
    switch (node.type) {
      case 'field':
        return { type: 'field', pos, ident: [...node.ident, ...fields] };
      case 'variable':
        return { type: 'variable', pos, ident: [...node.ident, ...fields] };
      case 'bool':
      case 'string':
      case 'number':
      case 'nil':
      case 'dot':
        this.errorf(`unexpected . after term ${quote(nodeString(node))}`);
    }
    return { type: 'chain', pos, node, field: fields };
  }

  private term(): Node | undefined {
    const token = this.nextNonSpace();
    switch (token.type) {
      case ItemType.IDENTIFIER:
        if (!this.isFunction(token.val)) {
          this.errorf(`function ${quote(token.val)} not defined`);
        }
        return { type: 'identifier', pos: token.pos, ident: token.val };
      case ItemType.DOT:
        return { type: 'dot', pos: token.pos };
      case ItemType.NIL:
        return { type: 'nil', pos: token.pos };
      case ItemType.VARIABLE:
        return this.useVar(token.pos, token.val);
      case ItemType.FIELD:
        return { type: 'field', pos: token.pos, ident: token.val.slice(1).split('.') };
      case ItemType.BOOL:
        return { type: 'bool', pos: token.pos, value: token.val === 'true' };
      case ItemType.CHAR_CONSTANT:
      case ItemType.COMPLEX:
      case ItemType.NUMBER:
        return this.newNumber(token);
      case ItemType.LEFT_PAREN: {
        if (this.stackDepth >= MAX_STACK_DEPTH) {
          this.errorf('max expression depth exceeded');
        }
        this.stackDepth++;
        try {
          return this.pipeline('parenthesized pipeline', ItemType.RIGHT_PAREN);
        } finally {
          this.stackDepth--;
        }
      }
      case ItemType.STRING:
      case ItemType.RAW_STRING:
        return { type: 'string', pos: token.pos, quoted: token.val, text: this.unquoteOrFail(token.val) };
    }
    this.backup();
    return undefined;
  }

  private useVar(pos: number, name: string): VariableNode {
    const ident = name.split('.');
    if (!this.vars.includes(ident[0])) {
      this.errorf(`undefined variable ${quote(ident[0])}`);
    }
    return { type: 'variable', pos, ident };
  }

  private newNumber(token: Item): NumberNode {
    const text = token.val;
    const base = { type: 'number' as const, pos: token.pos, text };
    if (token.type === ItemType.CHAR_CONSTANT) {
      const r = unquoteChar(text.slice(1), text[0]);
      if (r === undefined) {
        this.errorf('invalid syntax');
      }
      if (r.tail !== "'") {
        this.errorf(`malformed character constant: ${text}`);
      }
      const code = r.value.codePointAt(0) ?? 0;
      return {
        ...base,
        isInt: true,
        isUint: true,
        isFloat: true,
        isComplex: false,
        int64: BigInt(code),
        uint64: BigInt(code),
        float64: code,
      };
    }
    const zero = { ...base, isInt: false, isUint: false, isFloat: false, int64: 0n, uint64: 0n, float64: 0 };
    if (token.type === ItemType.COMPLEX || (text.endsWith('i') && parseFloat64(text.slice(0, -1)) !== undefined)) {
      return { ...zero, isComplex: true };
    }
    const u = parseUint(text, 0);
    const i = parseInt64(text, 0);
    let isInt = i !== undefined;
    let isUint = u !== undefined;
    let int64 = i ?? 0n;
    let uint64 = u ?? 0n;
    if (i === 0n) {
      isUint = true;
      uint64 = u ?? 0n;
    }
    let isFloat = false;
    let float64 = 0;
    if (isInt) {
      isFloat = true;
      float64 = Number(int64);
    } else if (isUint) {
      isFloat = true;
      float64 = Number(uint64);
    } else {
      const f = parseFloat64(text);
      if (f !== undefined) {
        if (!/[.eEpP]/.test(text)) {
          this.errorf(`integer overflow: ${text}`);
        }
        isFloat = true;
        float64 = f;
        if (Number.isInteger(f) && Math.abs(f) < 2 ** 63) {
          isInt = true;
          int64 = BigInt(f);
        }
        if (Number.isInteger(f) && f >= 0 && f < 2 ** 64) {
          isUint = true;
          uint64 = BigInt(f);
        }
      }
    }
    if (!isInt && !isUint && !isFloat) {
      this.errorf(`illegal number syntax: ${quote(text)}`);
    }
    return { ...zero, isInt, isUint, isFloat, isComplex: false, int64, uint64, float64 };
  }
}

function newList(pos: number): ListNode {
  return { type: 'list', pos, nodes: [] };
}

/** Go's `parse.IsEmptyTree`: only whitespace text and comments. */
function isEmptyTree(list: ListNode): boolean {
  return list.nodes.every((n) => (n.type === 'text' ? n.text.trim() === '' : n.type === 'comment'));
}
