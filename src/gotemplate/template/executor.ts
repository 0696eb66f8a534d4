import { GoMap } from '../go/go-map';
import { GoFloat64, GoInt64 } from '../go/go-numbers';
import { quote } from '../go/quote';
import { byteLength } from '../go/utf8';
import {
  BranchNode,
  ChainNode,
  CommandNode,
  FieldNode,
  IdentifierNode,
  Node,
  NumberNode,
  PipeNode,
  TemplateNode,
  VariableNode,
  nodeString,
} from './ast';
import { BUILTINS } from './builtins';
import { countNewlines } from './lexer';
import { formatV, sprint } from './fmt';
import {
  BYTES_PER_STEP,
  FunctionContext,
  FunctionTable,
  goTypeNameOf,
  GoCallError,
  LimitError,
  ParamType,
  TemplateFunction,
} from './functions';
import { sortedEntries } from './map-order';
import { ParsedTemplates } from './parser';
import {
  bigintOf,
  elementType,
  GoStruct,
  goTypeOf,
  isTrue,
  kindOf,
  mapLookup,
  nilSlice,
  SLICE_ANY,
  SLICE_STRING,
} from './values';

/** An execution failure, with Go's message (`template: <name>:<line>:<col>: executing "<name>" at <…>: …`). */
export class ExecError extends Error {
  constructor(
    readonly goMessage: string,
    readonly line: number | undefined,
    readonly column: number | undefined,
  ) {
    super(goMessage);
    this.name = 'ExecError';
  }
}

export interface ExecuteLimits {
  /** Work units (nodes, calls, iterations) one execution may spend. */
  readonly maxSteps: number;
  /** Bytes of output (and of any string a function builds). */
  readonly maxOutputBytes: number;
  /** Nested `{{template}}` calls (Go allows 100000). */
  readonly maxTemplateDepth: number;
}

/** A value together with whether its static Go type is `interface {}` (for Go's error messages). */
interface Slot {
  readonly v: unknown;
  readonly iface: boolean;
}

interface Variable {
  readonly name: string;
  value: Slot;
}

const MISSING = Symbol('missing');

/** Hashing or copying one node of a structure costs about as much as walking a few template nodes. */
const STEPS_PER_WALKED_NODE = 4;
type Final = unknown;

const enum Flow {
  NORMAL,
  BREAK,
  CONTINUE,
}

/**
 * Executes the template `name` of `parsed` against `data`, like Go's `Template.Execute`: Go's semantics for
 * fields, maps, variables, control structures, function calls (with Go's argument type checks) and printing.
 * Function lookup: `funcs` first, then Go's builtins.
 */
export function executeTemplate(
  parsed: ParsedTemplates,
  name: string,
  data: unknown,
  funcs: FunctionTable,
  limits: ExecuteLimits,
): string {
  const root = parsed.trees.get(name);
  const state = new State(parsed, name, funcs, limits);
  if (root === undefined) {
    return state.errorf(`${quote(name)} is an incomplete or empty template`);
  }
  state.vars.push({ name: '$', value: { v: data, iface: false } });
  state.walk({ v: data, iface: false }, root);
  return state.output();
}

class State implements FunctionContext {
  vars: Variable[] = [];
  private node: Node | undefined;
  private depth = 0;
  private steps = 0;
  /** Bytes read or built by functions that have not yet made up a whole step. */
  private pendingBytes = 0;
  private readonly out: string[] = [];
  private outBytes = 0;

  constructor(
    private readonly parsed: ParsedTemplates,
    private templateName: string,
    private readonly funcs: FunctionTable,
    private readonly limits: ExecuteLimits,
  ) {}

  get maxOutputBytes(): number {
    return this.limits.maxOutputBytes;
  }

  output(): string {
    return this.out.join('');
  }

  charge(steps: number): void {
    this.steps += steps;
    if (this.steps > this.limits.maxSteps) {
      throw new LimitError(
        `execution budget of ${this.limits.maxSteps} steps exceeded (a range or template recursion too large, ` +
          `or too many bytes hashed, copied or built?)`,
      );
    }
  }

  /** Charges the strings and lists a function reads or returns, one step per `BYTES_PER_STEP` bytes or elements. */
  private chargeData(value: unknown): void {
    const size = typeof value === 'string' || Array.isArray(value) ? value.length : 0;
    if (size === 0) return;
    this.pendingBytes += size;
    const steps = Math.floor(this.pendingBytes / BYTES_PER_STEP);
    this.pendingBytes -= steps * BYTES_PER_STEP;
    this.charge(steps);
  }

  /**
   * Charges the whole structure of a value (each node `STEPS_PER_WALKED_NODE` steps, strings also by their length),
   * stopping at the limit.
   */
  private chargeStructure(value: unknown): void {
    const pending: unknown[] = [value];
    const seen = new Set<object>();
    while (pending.length > 0) {
      const v = pending.pop();
      this.charge(STEPS_PER_WALKED_NODE);
      if (typeof v === 'string') {
        this.chargeData(v);
        continue;
      }
      if (typeof v !== 'object' || v === null || seen.has(v)) continue;
      seen.add(v);
      if (Array.isArray(v)) for (const item of v) pending.push(item);
      else if (v instanceof GoStruct) for (const item of v.fields.values()) pending.push(item);
      else if (v instanceof GoMap) for (const [key, item] of v.entries()) pending.push(key, item);
      else if (Object.getPrototypeOf(v) === null || Object.getPrototypeOf(v) === Object.prototype) {
        for (const key of Object.keys(v)) pending.push(key, (v as Record<string, unknown>)[key]);
      }
    }
  }

  private write(text: string): void {
    this.outBytes += byteLength(text);
    if (this.outBytes > this.limits.maxOutputBytes) {
      throw new LimitError(`output exceeds ${this.limits.maxOutputBytes} bytes`);
    }
    this.out.push(text);
  }

  // --- variables ---

  private mark(): number {
    return this.vars.length;
  }

  private pop(mark: number): void {
    this.vars.length = mark;
  }

  private setVar(name: string, value: Slot): void {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        this.vars[i].value = value;
        return;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  private setTopVar(n: number, value: Slot): void {
    this.vars[this.vars.length - n].value = value;
  }

  private varValue(name: string): Slot {
    for (let i = this.vars.length - 1; i >= 0; i--) {
      if (this.vars[i].name === name) {
        return this.vars[i].value;
      }
    }
    this.errorf(`undefined variable: ${name}`);
  }

  // --- errors ---

  private at(node: Node): void {
    this.node = node;
  }

  errorf(message: string): never {
    if (this.node === undefined) {
      throw new ExecError(`template: ${this.templateName}: ${message}`, undefined, undefined);
    }
    const text = this.parsed.text;
    const pos = this.node.pos;
    const before = text.slice(0, pos);
    const lastNewline = before.lastIndexOf('\n');
    const line = 1 + countNewlines(before);
    const column = byteLength(lastNewline < 0 ? before : before.slice(lastNewline + 1));
    const location = `${this.parsed.name}:${line}:${column}`;
    throw new ExecError(
      `template: ${location}: executing ${quote(this.templateName)} at <${nodeString(this.node)}>: ${message}`,
      line,
      column,
    );
  }

  // --- walking ---

  walk(dot: Slot, node: Node): Flow {
    this.at(node);
    this.charge(1);
    switch (node.type) {
      case 'action': {
        const val = this.evalPipeline(dot, node.pipe);
        if (node.pipe.decl.length === 0) {
          this.printValue(node, val);
        }
        return Flow.NORMAL;
      }
      case 'break':
        return Flow.BREAK;
      case 'continue':
        return Flow.CONTINUE;
      case 'comment':
        return Flow.NORMAL;
      case 'if':
      case 'with':
        return this.walkIfOrWith(node, dot);
      case 'list':
        for (const n of node.nodes) {
          const flow = this.walk(dot, n);
          if (flow !== Flow.NORMAL) {
            return flow;
          }
        }
        return Flow.NORMAL;
      case 'range':
        this.walkRange(dot, node);
        return Flow.NORMAL;
      case 'template':
        this.walkTemplate(dot, node);
        return Flow.NORMAL;
      case 'text':
        this.write(node.text);
        return Flow.NORMAL;
      default:
        this.errorf(`unknown node: ${nodeString(node)}`);
    }
  }

  private walkIfOrWith(node: BranchNode, dot: Slot): Flow {
    const mark = this.mark();
    try {
      const val = this.evalPipeline(dot, node.pipe);
      if (isTrue(val)) {
        return this.walk(node.type === 'with' ? { v: val, iface: false } : dot, node.list);
      }
      if (node.elseList !== undefined) {
        return this.walk(dot, node.elseList);
      }
      return Flow.NORMAL;
    } finally {
      this.pop(mark);
    }
  }

  private walkRange(dot: Slot, r: BranchNode): void {
    this.at(r);
    const outerMark = this.mark();
    try {
      const val = this.evalPipeline(dot, r.pipe);
      const mark = this.mark();
      const decl = r.pipe.decl;
      const oneIteration = (index: Slot, elem: Slot): Flow => {
        this.charge(1);
        if (decl.length > 0) {
          if (r.pipe.isAssign) {
            this.setVar(decl[0].ident[0], decl.length > 1 ? index : elem);
          } else {
            this.setTopVar(1, elem);
          }
        }
        if (decl.length > 1) {
          if (r.pipe.isAssign) {
            this.setVar(decl[1].ident[0], elem);
          } else {
            this.setTopVar(2, index);
          }
        }
        try {
          return this.walk(elem, r.list);
        } finally {
          this.pop(mark);
        }
      };
      switch (kindOf(val)) {
        case 'slice': {
          const items = val as readonly unknown[];
          if (items.length === 0) {
            break;
          }
          const iface = elementType(goTypeOf(val)) === 'interface {}';
          for (let i = 0; i < items.length; i++) {
            if (oneIteration({ v: i, iface: false }, { v: items[i], iface }) === Flow.BREAK) {
              return;
            }
          }
          return;
        }
        case 'map': {
          const entries = sortedEntries(val as object);
          if (entries.length === 0) {
            break;
          }
          const type = goTypeOf(val);
          const keyIface = type.startsWith('map[interface {}]');
          const valueIface = type.endsWith(']interface {}');
          for (const [k, v] of entries) {
            if (oneIteration({ v: k, iface: keyIface }, { v, iface: valueIface }) === Flow.BREAK) {
              return;
            }
          }
          return;
        }
        case 'int':
        case 'uint': {
          if (decl.length > 1) {
            this.errorf(`can't use ${formatV(val)} to iterate over more than one variable`);
          }
          const n = bigintOf(val);
          if (n <= 0n) {
            break;
          }
          for (let i = 0n; i < n; i++) {
            const elem = val instanceof GoInt64 ? new GoInt64(i) : Number(i);
            if (oneIteration({ v: undefined, iface: false }, { v: elem, iface: false }) === Flow.BREAK) {
              return;
            }
          }
          return;
        }
        case 'invalid':
          break;
        default:
          this.errorf(`range can't iterate over ${formatV(val)}`);
      }
      if (r.elseList !== undefined) {
        this.walk(dot, r.elseList);
      }
    } finally {
      this.pop(outerMark);
    }
  }

  private walkTemplate(dot: Slot, t: TemplateNode): void {
    this.at(t);
    const tree = this.parsed.trees.get(t.name);
    if (tree === undefined) {
      this.errorf(`template ${quote(t.name)} not defined`);
    }
    if (this.depth >= this.limits.maxTemplateDepth) {
      this.errorf(`exceeded maximum template depth (${this.limits.maxTemplateDepth})`);
    }
    const newDot = this.evalPipeline(dot, t.pipe);
    const saved = { vars: this.vars, name: this.templateName };
    this.depth++;
    this.templateName = t.name;
    this.vars = [{ name: '$', value: { v: newDot, iface: false } }];
    try {
      this.walk({ v: newDot, iface: false }, tree);
    } finally {
      this.depth--;
      this.vars = saved.vars;
      this.templateName = saved.name;
    }
  }

  // --- evaluation ---

  private evalPipeline(dot: Slot, pipe: PipeNode | undefined): unknown {
    if (pipe === undefined) {
      return undefined;
    }
    this.at(pipe);
    let value: unknown = MISSING;
    for (const cmd of pipe.cmds) {
      value = this.evalCommand(dot, cmd, value);
      if (value === null) {
        // A nil interface{} digs down to the invalid value.
        value = undefined;
      }
    }
    for (const variable of pipe.decl) {
      if (pipe.isAssign) {
        this.setVar(variable.ident[0], { v: value, iface: false });
      } else {
        this.vars.push({ name: variable.ident[0], value: { v: value, iface: false } });
      }
    }
    return value;
  }

  private notAFunction(args: readonly Node[], final: Final): void {
    if (args.length > 1 || final !== MISSING) {
      this.errorf(`can't give argument to non-function ${nodeString(args[0])}`);
    }
  }

  private evalCommand(dot: Slot, cmd: CommandNode, final: Final): unknown {
    const first = cmd.args[0];
    switch (first.type) {
      case 'field':
        return this.evalFieldNode(dot, first, cmd.args, final).v;
      case 'chain':
        return this.evalChainNode(dot, first, cmd.args, final).v;
      case 'identifier':
        return this.evalFunction(dot, first, cmd, cmd.args, final);
      case 'pipe':
        this.notAFunction(cmd.args, final);
        return this.evalPipeline(dot, first);
      case 'variable':
        return this.evalVariableNode(first, cmd.args, final).v;
    }
    this.at(first);
    this.notAFunction(cmd.args, final);
    switch (first.type) {
      case 'bool':
        return first.value;
      case 'dot':
        return dot.v;
      case 'nil':
        this.errorf('nil is not a command');
      case 'number':
        return this.idealConstant(first);
      case 'string':
        return first.text;
    }
    this.errorf(`can't evaluate command ${quote(nodeString(first))}`);
  }

  private idealConstant(constant: NumberNode): unknown {
    this.at(constant);
    if (constant.isComplex) {
      this.errorf(`complex number ${constant.text} is not supported by kalypso-cdk8s templates`);
    }
    const text = constant.text;
    const isHexInt = text.length > 2 && text[0] === '0' && (text[1] === 'x' || text[1] === 'X') && !/[pP]/.test(text);
    const isRuneInt = text.length > 0 && text[0] === "'";
    if (constant.isFloat && !isHexInt && !isRuneInt && /[.eEpP]/.test(text)) {
      return new GoFloat64(constant.float64);
    }
    if (constant.isInt) {
      return Number(constant.int64);
    }
    if (constant.isUint) {
      this.errorf(`${text} overflows int`);
    }
    return undefined;
  }

  private evalFieldNode(dot: Slot, field: FieldNode, args: readonly Node[] | undefined, final: Final): Slot {
    this.at(field);
    return this.evalFieldChain(dot, field.ident, args, final);
  }

  private evalChainNode(dot: Slot, chain: ChainNode, args: readonly Node[] | undefined, final: Final): Slot {
    this.at(chain);
    if (chain.node.type === 'nil') {
      this.errorf(`indirection through explicit nil in ${nodeString(chain)}`);
    }
    const pipe = this.evalArg(dot, undefined, chain.node);
    return this.evalFieldChain({ v: pipe, iface: false }, chain.field, args, final);
  }

  private evalVariableNode(variable: VariableNode, args: readonly Node[] | undefined, final: Final): Slot {
    this.at(variable);
    const value = this.varValue(variable.ident[0]);
    if (variable.ident.length === 1) {
      this.notAFunction(args ?? [], final);
      return value;
    }
    return this.evalFieldChain(value, variable.ident.slice(1), args, final);
  }

  private evalFieldChain(
    receiver: Slot,
    ident: readonly string[],
    args: readonly Node[] | undefined,
    final: Final,
  ): Slot {
    const n = ident.length;
    for (let i = 0; i < n - 1; i++) {
      receiver = this.evalField(ident[i], undefined, MISSING, receiver);
    }
    return this.evalField(ident[n - 1], args, final, receiver);
  }

  private evalField(fieldName: string, args: readonly Node[] | undefined, final: Final, receiver: Slot): Slot {
    const value = receiver.v;
    if (value === undefined) {
      return { v: undefined, iface: false };
    }
    const typ = receiver.iface ? 'interface {}' : goTypeOf(value);
    if (value === null) {
      this.errorf(`nil pointer evaluating ${typ}.${fieldName}`);
    }
    const hasArgs = (args?.length ?? 0) > 1 || final !== MISSING;
    switch (kindOf(value)) {
      case 'struct': {
        const fields = (value as GoStruct).fields;
        if (fields.has(fieldName)) {
          if (hasArgs) {
            this.errorf(`${fieldName} has arguments but cannot be invoked as function`);
          }
          return { v: fields.get(fieldName), iface: false };
        }
        break;
      }
      case 'map': {
        if (hasArgs) {
          this.errorf(`${fieldName} is not a method but has arguments`);
        }
        const map = value as object;
        const iface = goTypeOf(map).endsWith(']interface {}');
        return { v: mapLookup(map, fieldName), iface };
      }
    }
    this.errorf(`can't evaluate field ${fieldName} in type ${typ}`);
  }

  private lookupFunction(name: string): { fn: TemplateFunction; isBuiltin: boolean } | undefined {
    if (Object.prototype.hasOwnProperty.call(this.funcs, name)) {
      return { fn: this.funcs[name], isBuiltin: false };
    }
    if (Object.prototype.hasOwnProperty.call(BUILTINS, name)) {
      return { fn: BUILTINS[name], isBuiltin: true };
    }
    return undefined;
  }

  private evalFunction(
    dot: Slot,
    node: IdentifierNode,
    cmd: Node,
    args: readonly Node[] | undefined,
    final: Final,
  ): unknown {
    this.at(node);
    const name = node.ident;
    const found = this.lookupFunction(name);
    if (found === undefined) {
      this.errorf(`${quote(name)} is not a defined function`);
    }
    return this.evalCall(dot, found.fn, found.isBuiltin, cmd, name, args, final);
  }

  private evalCall(
    dot: Slot,
    fun: TemplateFunction,
    isBuiltin: boolean,
    node: Node,
    name: string,
    allArgs: readonly Node[] | undefined,
    final: Final,
  ): unknown {
    this.charge(1);
    const args = allArgs === undefined ? [] : allArgs.slice(1);
    let numIn = args.length;
    if (final !== MISSING) {
      numIn++;
    }
    let numFixed = args.length;
    if (fun.variadic !== undefined) {
      numFixed = fun.params.length;
      if (numIn < numFixed) {
        this.errorf(`wrong number of args for ${name}: want at least ${numFixed} got ${args.length}`);
      }
    } else if (numIn !== fun.params.length) {
      this.errorf(`wrong number of args for ${name}: want ${fun.params.length} got ${numIn}`);
    }

    if (isBuiltin && (name === 'and' || name === 'or')) {
      let v: unknown = undefined;
      for (const arg of args) {
        v = this.evalArg(dot, 'value', arg);
        if (isTrue(v) === (name === 'or')) {
          return v;
        }
      }
      if (final !== MISSING) {
        v = this.validateType(final, 'value');
      }
      return v;
    }

    const argv: unknown[] = [];
    let i = 0;
    for (; i < numFixed && i < args.length; i++) {
      argv.push(this.evalArg(dot, fun.params[i], args[i]));
    }
    if (fun.variadic !== undefined) {
      for (; i < args.length; i++) {
        argv.push(this.evalArg(dot, fun.variadic, args[i]));
      }
    }
    if (final !== MISSING) {
      let t: ParamType;
      if (fun.variadic !== undefined) {
        t = numIn - 1 < numFixed ? fun.params[numIn - 1] : fun.variadic;
      } else {
        t = fun.params[fun.params.length - 1];
      }
      argv.push(this.validateType(final, t));
    }

    if (isBuiltin && name === 'call') {
      const calleeName =
        args.length > 0 ? nodeString(args[0]) : typeof final === 'string' ? final : `<${goTypeOf(final)} Value>`;
      const callee = argv[0];
      this.at(node);
      if (callee === undefined || callee === null) {
        this.errorf('error calling call: call of nil');
      }
      this.errorf(`error calling call: non-function ${calleeName} of type ${goTypeOf(callee)}`);
    }

    for (const arg of argv) {
      if (fun.walksArguments) this.chargeStructure(arg);
      else this.chargeData(arg);
    }
    let result: unknown;
    try {
      result = fun.call(argv, this);
    } catch (e) {
      if (e instanceof GoCallError) {
        this.at(node);
        this.errorf(`error calling ${name}: ${e.message}`);
      }
      if (e instanceof RangeError && /call stack|Invalid string length|Invalid array length/i.test(e.message)) {
        throw new LimitError(`${name} needs more memory or stack than is available`);
      }
      throw e;
    }
    if (typeof result === 'string' && result.length > this.limits.maxOutputBytes) {
      throw new LimitError(`${name} built a string larger than ${this.limits.maxOutputBytes} bytes`);
    }
    this.chargeData(result);
    return result;
  }

  /** Go's `validateType`: checks that a value fits a parameter type (nil fits only nilable types). */
  private validateType(value: unknown, typ: ParamType | undefined): unknown {
    if (typ === undefined) {
      return value;
    }
    if (value === undefined) {
      switch (typ) {
        case 'any':
          return null;
        case 'value':
          return undefined;
        case 'map':
          return null;
        case 'slice':
          return nilSlice(SLICE_ANY);
        case 'strings':
          return nilSlice(SLICE_STRING);
        default:
          this.errorf(`invalid value; expected ${goTypeNameOf(typ)}`);
      }
    }
    if (typ === 'any' || typ === 'value' || fitsParam(value, typ)) {
      return value;
    }
    this.errorf(`wrong type for value; expected ${goTypeNameOf(typ)}; got ${goTypeOf(value)}`);
  }

  private evalArg(dot: Slot, typ: ParamType | undefined, n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'dot':
        return this.validateType(dot.v, typ);
      case 'nil':
        if (
          typ === undefined ||
          typ === 'any' ||
          typ === 'value' ||
          typ === 'map' ||
          typ === 'slice' ||
          typ === 'strings'
        ) {
          return this.validateType(undefined, typ);
        }
        this.errorf(`cannot assign nil to ${goTypeNameOf(typ)}`);
      case 'field':
        return this.validateType(this.evalFieldNode(dot, n, [n], MISSING).v, typ);
      case 'variable':
        return this.validateType(this.evalVariableNode(n, undefined, MISSING).v, typ);
      case 'pipe':
        return this.validateType(this.evalPipeline(dot, n), typ);
      case 'identifier':
        return this.validateType(this.evalFunction(dot, n, n, undefined, MISSING), typ);
      case 'chain':
        return this.validateType(this.evalChainNode(dot, n, undefined, MISSING).v, typ);
    }
    switch (typ) {
      case 'bool':
        if (n.type === 'bool') {
          return n.value;
        }
        this.errorf(`expected bool; found ${nodeString(n)}`);
      case 'float64':
        if (n.type === 'number' && n.isFloat) {
          return new GoFloat64(n.float64);
        }
        this.errorf(`expected float; found ${nodeString(n)}`);
      case 'int':
      case 'int64':
        if (n.type === 'number' && n.isInt) {
          return typ === 'int' ? Number(n.int64) : new GoInt64(n.int64);
        }
        this.errorf(`expected integer; found ${nodeString(n)}`);
      case 'uint32':
        if (n.type === 'number' && n.isUint && n.uint64 < 2n ** 32n) {
          return Number(n.uint64);
        }
        this.errorf(`expected unsigned integer; found ${nodeString(n)}`);
      case 'string':
        if (n.type === 'string') {
          return n.text;
        }
        this.errorf(`expected string; found ${nodeString(n)}`);
      case 'any':
      case 'value':
      case undefined:
        return this.evalEmptyInterface(n);
      default:
        this.errorf(`can't handle ${nodeString(n)} for arg of type ${goTypeNameOf(typ)}`);
    }
  }

  private evalEmptyInterface(n: Node): unknown {
    this.at(n);
    switch (n.type) {
      case 'bool':
        return n.value;
      case 'number':
        return this.idealConstant(n);
      case 'string':
        return n.text;
    }
    this.errorf(`can't handle assignment of ${nodeString(n)} to empty interface argument`);
  }

  private printValue(node: Node, v: unknown): void {
    this.at(node);
    this.write(v === undefined ? '<no value>' : sprint([v]));
  }
}

/** Whether a (non-nil) value is assignable to a concrete Go parameter type. */
function fitsParam(value: unknown, typ: ParamType): boolean {
  switch (typ) {
    case 'string':
      return typeof value === 'string';
    case 'bool':
      return typeof value === 'boolean';
    case 'int':
      return typeof value === 'number' && Number.isInteger(value);
    case 'int64':
      return value instanceof GoInt64;
    case 'float64':
      return value instanceof GoFloat64 || (typeof value === 'number' && !Number.isInteger(value));
    case 'uint32':
      return false;
    case 'map':
      return goTypeOf(value) === 'map[string]interface {}' && kindOf(value) === 'map';
    case 'slice':
      return goTypeOf(value) === SLICE_ANY && kindOf(value) === 'slice';
    case 'strings':
      return goTypeOf(value) === SLICE_STRING && kindOf(value) === 'slice';
    default:
      return true;
  }
}
