import { quote } from '../go/quote';

/**
 * The parse tree of Go's `text/template/parse` (`node.go`). `pos` is the UTF-16 offset of the node in the
 * template text. `nodeString` prints a node the way Go's `Node.String()` does; execution errors quote it
 * (`executing "template" at <.Repo>: …`).
 */
export type Node =
  | ListNode
  | TextNode
  | ActionNode
  | CommentNode
  | PipeNode
  | CommandNode
  | IdentifierNode
  | VariableNode
  | DotNode
  | NilNode
  | FieldNode
  | ChainNode
  | BoolNode
  | NumberNode
  | StringNode
  | EndNode
  | ElseNode
  | BranchNode
  | BreakNode
  | ContinueNode
  | TemplateNode;

export interface ListNode {
  readonly type: 'list';
  readonly pos: number;
  readonly nodes: Node[];
}

export interface TextNode {
  readonly type: 'text';
  readonly pos: number;
  readonly text: string;
}

export interface CommentNode {
  readonly type: 'comment';
  readonly pos: number;
  readonly text: string;
}

export interface ActionNode {
  readonly type: 'action';
  readonly pos: number;
  readonly line: number;
  readonly pipe: PipeNode;
}

export interface PipeNode {
  readonly type: 'pipe';
  readonly pos: number;
  readonly line: number;
  isAssign: boolean;
  readonly decl: VariableNode[];
  readonly cmds: CommandNode[];
}

export interface CommandNode {
  readonly type: 'command';
  readonly pos: number;
  readonly args: Node[];
}

export interface IdentifierNode {
  readonly type: 'identifier';
  readonly pos: number;
  readonly ident: string;
}

export interface VariableNode {
  readonly type: 'variable';
  readonly pos: number;
  readonly ident: string[];
}

export interface DotNode {
  readonly type: 'dot';
  readonly pos: number;
}

export interface NilNode {
  readonly type: 'nil';
  readonly pos: number;
}

export interface FieldNode {
  readonly type: 'field';
  readonly pos: number;
  readonly ident: string[];
}

export interface ChainNode {
  readonly type: 'chain';
  readonly pos: number;
  readonly node: Node;
  readonly field: string[];
}

export interface BoolNode {
  readonly type: 'bool';
  readonly pos: number;
  readonly value: boolean;
}

/** A number literal with every Go type it can be read as (`1` is int, uint and float; `1.5` only float). */
export interface NumberNode {
  readonly type: 'number';
  readonly pos: number;
  readonly text: string;
  readonly isInt: boolean;
  readonly isUint: boolean;
  readonly isFloat: boolean;
  readonly isComplex: boolean;
  readonly int64: bigint;
  readonly uint64: bigint;
  readonly float64: number;
}

export interface StringNode {
  readonly type: 'string';
  readonly pos: number;
  readonly quoted: string;
  readonly text: string;
}

export interface EndNode {
  readonly type: 'end';
  readonly pos: number;
}

export interface ElseNode {
  readonly type: 'else';
  readonly pos: number;
  readonly line: number;
}

/** `if`, `range` and `with`. */
export interface BranchNode {
  readonly type: 'if' | 'range' | 'with';
  readonly pos: number;
  readonly line: number;
  readonly pipe: PipeNode;
  readonly list: ListNode;
  readonly elseList: ListNode | undefined;
}

export interface BreakNode {
  readonly type: 'break';
  readonly pos: number;
  readonly line: number;
}

export interface ContinueNode {
  readonly type: 'continue';
  readonly pos: number;
  readonly line: number;
}

export interface TemplateNode {
  readonly type: 'template';
  readonly pos: number;
  readonly line: number;
  readonly name: string;
  readonly pipe: PipeNode | undefined;
}

/** Go's `Node.String()`. */
export function nodeString(node: Node): string {
  switch (node.type) {
    case 'list':
      return node.nodes.map(nodeString).join('');
    case 'text':
      return node.text;
    case 'comment':
      return node.text;
    case 'action':
      return '{{' + nodeString(node.pipe) + '}}';
    case 'pipe': {
      let s = '';
      if (node.decl.length > 0) {
        s = node.decl.map(nodeString).join(', ') + (node.isAssign ? ' = ' : ' := ');
      }
      return s + node.cmds.map(nodeString).join(' | ');
    }
    case 'command':
      return node.args.map((arg) => (arg.type === 'pipe' ? '(' + nodeString(arg) + ')' : nodeString(arg))).join(' ');
    case 'identifier':
      return node.ident;
    case 'variable':
      return node.ident.join('.');
    case 'dot':
      return '.';
    case 'nil':
      return 'nil';
    case 'field':
      return node.ident.map((id) => '.' + id).join('');
    case 'chain': {
      const head = node.node.type === 'pipe' ? '(' + nodeString(node.node) + ')' : nodeString(node.node);
      return head + node.field.map((f) => '.' + f).join('');
    }
    case 'bool':
      return node.value ? 'true' : 'false';
    case 'number':
      return node.text;
    case 'string':
      return node.quoted;
    case 'end':
      return '{{end}}';
    case 'else':
      return '{{else}}';
    case 'if':
    case 'range':
    case 'with': {
      const elsePart = node.elseList !== undefined ? '{{else}}' + nodeString(node.elseList) : '';
      return `{{${node.type} ${nodeString(node.pipe)}}}${nodeString(node.list)}${elsePart}{{end}}`;
    }
    case 'break':
      return '{{break}}';
    case 'continue':
      return '{{continue}}';
    case 'template':
      return node.pipe === undefined
        ? `{{template ${quote(node.name)}}}`
        : `{{template ${quote(node.name)} ${nodeString(node.pipe)}}}`;
  }
}
