import {
  CHOMPING_MODE,
  EVENT_ID,
  Event,
  SCALAR_STYLE,
  YAMLException,
  constructFromEvents,
  getScalarValue,
  parseEvents,
} from 'js-yaml';
import { SourcedDocument } from './documents';
import { FieldPath, fieldPathKey } from './field-path';
import { Problem, SourceLocation, error } from './problems';
import { GO_YAML_V3_SCHEMA } from '../../gotemplate';

/** Limits that keep hostile YAML from exhausting memory or time. */
export interface YamlLimits {
  /** Deepest nesting of collections. */
  readonly maxDepth: number;
  /** Nodes a document may have once aliases are expanded ("billion laughs" protection). */
  readonly maxExpandedNodes: number;
  /** Longest mapping key, in characters. */
  readonly maxKeyLength: number;
  /** Characters of scalars a document may have once aliases are expanded (an alias of a long string, many times). */
  readonly maxExpandedBytes: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = {
  maxDepth: 64,
  maxExpandedNodes: 1_000_000,
  maxKeyLength: 4096,
  maxExpandedBytes: 16 * 1024 * 1024,
};

export interface ParsedYamlFile {
  readonly documents: SourcedDocument[];
  readonly problems: Problem[];
}

/**
 * Parses every document of a YAML file with the YAML typing Flux applies it with (yaml.v3) and records where each field was written.
 * Empty documents are skipped. A syntax error is one problem with its line and column; a document that fails to build
 * (duplicate key, alias bomb) is one problem and the file's other documents are still returned.
 */
export function parseYamlDocuments(
  text: string,
  file: string,
  branch: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
): ParsedYamlFile {
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth });
  } catch (e) {
    return { documents: [], problems: [yamlProblem(e, file)] };
  }
  const lines = lineStarts(text);
  const documents: SourcedDocument[] = [];
  const problems: Problem[] = [];
  for (const [index, documentEvents] of splitDocuments(events).entries()) {
    const scan = scanDocument(text, documentEvents, lines, file, limits);
    if (scan.problem) {
      problems.push(scan.problem);
      continue;
    }
    let value: unknown;
    try {
      [value] = constructFromEvents(documentEvents, { source: text, filename: file, schema: GO_YAML_V3_SCHEMA });
    } catch (e) {
      problems.push(yamlProblem(e, file));
      continue;
    }
    value = withoutAddedLineBreak(value, scan.blockAtEndOfFile);
    if (value === null || value === undefined) continue;
    documents.push({ file, branch, index, value, location: scan.location, fieldLocations: scan.fieldLocations });
  }
  return { documents, problems };
}

/** The values of a YAML text read with the loader's limits, or why it cannot be read. */
export type LimitedYaml =
  { readonly values: unknown[] } | { readonly invalid: Problem } | { readonly overLimit: Problem };

/**
 * Every document of a text (an empty one as null) with the limits that guard the loader: depth, expanded nodes and
 * bytes (checked on the parser's events, before anything is built), key length and number of documents. For text
 * that was not read from a file but produced, such as a Template's rendered output: `file` names it in messages.
 */
export function loadYamlWithLimits(
  text: string,
  file: string,
  limits: YamlLimits = DEFAULT_YAML_LIMITS,
  maxDocuments = Number.POSITIVE_INFINITY,
): LimitedYaml {
  let events: Event[];
  try {
    events = parseEvents(text, { filename: file, maxDepth: limits.maxDepth });
  } catch (e) {
    const problem = yamlProblem(e, file);
    return /exceeded maxDepth/i.test(problem.message) ? { overLimit: problem } : { invalid: problem };
  }
  const documents = splitDocuments(events);
  if (documents.length > maxDocuments) {
    return {
      overLimit: error(`text holds ${documents.length} documents; the limit is ${maxDocuments}`, {
        location: { file },
      }),
    };
  }
  const lines = lineStarts(text);
  const values: unknown[] = [];
  for (const documentEvents of documents) {
    const scan = scanDocument(text, documentEvents, lines, file, limits);
    if (scan.problem) return scan.overLimit ? { overLimit: scan.problem } : { invalid: scan.problem };
    try {
      [values[values.length]] = constructFromEvents(documentEvents, {
        source: text,
        filename: file,
        schema: GO_YAML_V3_SCHEMA,
      });
    } catch (e) {
      return { invalid: yamlProblem(e, file) };
    }
  }
  return { values };
}

function splitDocuments(events: readonly Event[]): Event[][] {
  const documents: Event[][] = [];
  let depth = 0;
  let current: Event[] = [];
  for (const event of events) {
    if (event.type === EVENT_ID.DOCUMENT && depth === 0) current = [];
    current.push(event);
    if (event.type === EVENT_ID.DOCUMENT || event.type === EVENT_ID.MAPPING || event.type === EVENT_ID.SEQUENCE)
      depth++;
    if (event.type === EVENT_ID.POP && --depth === 0) documents.push(current);
  }
  return documents;
}

interface Frame {
  readonly kind: 'mapping' | 'sequence';
  readonly path: FieldPath;
  nextIndex: number;
  expectingKey: boolean;
  key?: string;
  readonly anchor?: string;
  readonly nodesBefore: number;
  readonly bytesBefore: number;
}

interface DocumentScan {
  readonly location: SourceLocation;
  readonly fieldLocations: Map<string, SourceLocation>;
  readonly problem?: Problem;
  /** Whether the problem is an exceeded limit (as opposed to YAML that Kalypso's objects cannot hold). */
  readonly overLimit?: boolean;
  /** A block scalar ending the file with no line break after it (see `withoutAddedLineBreak`). */
  readonly blockAtEndOfFile?: FieldPath;
}

/** Walks one document's events: field positions, expanded size (aliases count as copies), key lengths. */
function scanDocument(
  text: string,
  events: readonly Event[],
  lines: readonly number[],
  file: string,
  limits: YamlLimits,
): DocumentScan {
  const fieldLocations = new Map<string, SourceLocation>();
  const anchorSizes = new Map<string, { nodes: number; bytes: number }>();
  const stack: Frame[] = [];
  let location: SourceLocation | undefined;
  let blockAtEndOfFile: FieldPath | undefined;
  let nodes = 0;
  let bytes = 0;
  const at = (offset: number): SourceLocation => ({ file, ...lineAndColumn(lines, offset) });
  const fail = (offset: number, message: string, overLimit = false): DocumentScan => ({
    location: location ?? at(offset),
    fieldLocations,
    problem: error(message, { location: at(offset) }),
    overLimit,
  });
  const overExpanded = (offset: number): DocumentScan | undefined => {
    if (nodes > limits.maxExpandedNodes) {
      return fail(
        offset,
        `aliases expand this document beyond ${limits.maxExpandedNodes} nodes (an alias bomb?)`,
        true,
      );
    }
    if (bytes > limits.maxExpandedBytes) {
      return fail(
        offset,
        `aliases expand this document beyond ${limits.maxExpandedBytes} bytes of text (an alias bomb?)`,
        true,
      );
    }
    return undefined;
  };

  const childPath = (): FieldPath | undefined => {
    const top = stack[stack.length - 1];
    if (!top) return [];
    if (top.kind === 'sequence') return [...top.path, top.nextIndex];
    return top.key === undefined ? undefined : [...top.path, top.key];
  };
  const record = (path: FieldPath | undefined, offset: number) => {
    if (offset < 0 || !path) return;
    location ??= at(offset);
    const key = fieldPathKey(path);
    if (!fieldLocations.has(key)) fieldLocations.set(key, at(offset));
  };
  const valueDone = () => {
    const top = stack[stack.length - 1];
    if (!top) return;
    if (top.kind === 'sequence') top.nextIndex++;
    else {
      top.expectingKey = true;
      top.key = undefined;
    }
  };
  const anchorName = (start: number, end: number) => (start >= 0 ? text.slice(start, end) : undefined);

  for (const event of events) {
    switch (event.type) {
      case EVENT_ID.MAPPING:
      case EVENT_ID.SEQUENCE: {
        nodes++;
        const top = stack[stack.length - 1];
        if (top?.kind === 'mapping' && top.expectingKey) {
          return fail(event.start, 'complex mapping keys (a mapping or sequence used as a key) are not supported');
        }
        const path = childPath() ?? [];
        record(path, event.start);
        stack.push({
          kind: event.type === EVENT_ID.MAPPING ? 'mapping' : 'sequence',
          path,
          nextIndex: 0,
          expectingKey: true,
          anchor: anchorName(event.anchorStart, event.anchorEnd),
          nodesBefore: nodes,
          bytesBefore: bytes,
        });
        break;
      }
      case EVENT_ID.SCALAR: {
        nodes++;
        const size = event.valueStart >= 0 ? event.valueEnd - event.valueStart : 0;
        bytes += size;
        if (endsFileWithoutLineBreak(text, event)) blockAtEndOfFile = childPath();
        const top = stack[stack.length - 1];
        if (top?.kind === 'mapping' && top.expectingKey) {
          const key = event.valueStart >= 0 ? getScalarValue(text, event) : '';
          if (key.length > limits.maxKeyLength) {
            return fail(
              event.valueStart,
              `mapping key is ${key.length} characters long; the limit is ${limits.maxKeyLength}`,
              true,
            );
          }
          top.key = key;
          top.expectingKey = false;
          record([...top.path, key], scalarStart(event));
        } else {
          record(childPath(), scalarStart(event));
          const anchor = anchorName(event.anchorStart, event.anchorEnd);
          if (anchor) anchorSizes.set(anchor, { nodes: 1, bytes: size });
          valueDone();
        }
        break;
      }
      case EVENT_ID.ALIAS: {
        const anchor = text.slice(event.anchorStart, event.anchorEnd);
        const top = stack[stack.length - 1];
        if (top?.kind === 'mapping' && top.expectingKey) {
          top.key = `*${anchor}`;
          top.expectingKey = false;
        } else {
          valueDone();
        }
        const size = anchorSizes.get(anchor);
        nodes += size?.nodes ?? 1;
        bytes += size?.bytes ?? 0;
        const over = overExpanded(event.anchorStart);
        if (over) return over;
        break;
      }
      case EVENT_ID.POP: {
        const frame = stack.pop();
        if (frame) {
          if (frame.anchor) {
            anchorSizes.set(frame.anchor, { nodes: nodes - frame.nodesBefore + 1, bytes: bytes - frame.bytesBefore });
          }
          valueDone();
        }
        break;
      }
      default:
        break;
    }
  }
  return { location: location ?? { file, line: 1, column: 1 }, fieldLocations, blockAtEndOfFile };
}

function endsFileWithoutLineBreak(text: string, event: { style: number; chomping: number; valueEnd: number }): boolean {
  const block = event.style === SCALAR_STYLE.LITERAL_BLOCK || event.style === SCALAR_STYLE.FOLDED_BLOCK;
  return block && event.chomping !== CHOMPING_MODE.STRIP && event.valueEnd === text.length && !text.endsWith('\n');
}

/**
 * A block scalar that ends the file without a line break has no final line break in Go's YAML (there is none to
 * keep), while js-yaml adds one. Template text must be read as Kalypso reads it, so the added one is removed.
 */
function withoutAddedLineBreak(value: unknown, path: FieldPath | undefined): unknown {
  if (!path || path.length === 0) return typeof value === 'string' ? value.replace(/\n$/, '') : value;
  let parent = value as Record<string | number, unknown>;
  for (const segment of path.slice(0, -1)) parent = parent?.[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (parent && typeof parent[last] === 'string') parent[last] = (parent[last] as string).replace(/\n$/, '');
  return value;
}

/** Where a scalar starts, its opening quote included. */
function scalarStart(event: { valueStart: number; style: number }): number {
  const quoted = event.style === SCALAR_STYLE.SINGLE_QUOTED || event.style === SCALAR_STYLE.DOUBLE_QUOTED;
  return quoted && event.valueStart > 0 ? event.valueStart - 1 : event.valueStart;
}

function yamlProblem(e: unknown, file: string): Problem {
  if (e instanceof YAMLException) {
    const mark = e.mark;
    return error(`invalid YAML: ${e.reason}`, {
      location: mark ? { file, line: mark.line + 1, column: mark.column + 1 } : { file },
    });
  }
  return error(`invalid YAML: ${e instanceof Error ? e.message : String(e)}`, { location: { file } });
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

function lineAndColumn(starts: readonly number[], offset: number): { line: number; column: number } {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - starts[low] + 1 };
}
