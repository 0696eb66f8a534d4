/*
 * A parser for the subset of Mermaid flowcharts the change report emits, so that tests check the picture's nodes and
 * edges rather than its text: a `flowchart <direction>` header, then one statement per line, each a node
 * (`id["label"]`, `id(["label"])` or `id{{"label"}}`) or an edge (`a --> b`). Labels are quoted, lines split by
 * `<br/>`, entity codes (`#35;`, `#quot;`) decoded. Anything else is an error naming the line, as Mermaid would fail.
 */

export type NodeShape = 'rectangle' | 'stadium' | 'hexagon';

export interface MermaidNode {
  readonly id: string;
  readonly shape: NodeShape;
  readonly lines: readonly string[];
}

export interface Flowchart {
  readonly direction: string;
  readonly nodes: ReadonlyMap<string, MermaidNode>;
  readonly edges: readonly (readonly [string, string])[];
}

const NODE = /^([A-Za-z][A-Za-z0-9_]*)(\["(.*)"\]|\(\["(.*)"\]\)|\{\{"(.*)"\}\})$/;
const EDGE = /^([A-Za-z][A-Za-z0-9_]*) --> ([A-Za-z][A-Za-z0-9_]*)$/;
const NAMED_ENTITIES: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>' };

export function parseFlowchart(source: string): Flowchart {
  const lines = source.split('\n').filter((line) => line.trim() !== '');
  const header = /^flowchart (LR|RL|TB|TD|BT)$/.exec(lines[0] ?? '');
  if (!header) throw new Error(`line 1: expected "flowchart <direction>", got ${JSON.stringify(lines[0])}`);
  const nodes = new Map<string, MermaidNode>();
  const edges: [string, string][] = [];
  lines.slice(1).forEach((raw, index) => {
    const line = raw.trim();
    const where = `line ${index + 2}`;
    const node = NODE.exec(line);
    if (node) {
      const [, id, , rectangle, stadium, hexagon] = node;
      if (nodes.has(id)) throw new Error(`${where}: node ${id} defined twice`);
      const label = rectangle ?? stadium ?? hexagon;
      if (label.includes('"')) throw new Error(`${where}: unescaped quote in the label of ${id}`);
      const shape: NodeShape = rectangle !== undefined ? 'rectangle' : stadium !== undefined ? 'stadium' : 'hexagon';
      nodes.set(id, { id, shape, lines: label.split('<br/>').map(decodeEntities) });
      return;
    }
    const edge = EDGE.exec(line);
    if (edge) {
      edges.push([edge[1], edge[2]]);
      return;
    }
    throw new Error(`${where}: not a node or an edge: ${JSON.stringify(line)}`);
  });
  for (const [from, to] of edges) {
    for (const id of [from, to]) if (!nodes.has(id)) throw new Error(`edge ${from} --> ${to}: no node ${id}`);
  }
  return { direction: header[1], nodes, edges };
}

function decodeEntities(text: string): string {
  if (/[<>]/.test(text)) throw new Error(`unescaped < or > in label text ${JSON.stringify(text)}`);
  return text.replace(/#([a-z]+|[0-9]+);/g, (entity, code: string) => {
    if (/^[0-9]+$/.test(code)) return String.fromCharCode(Number(code));
    const named = NAMED_ENTITIES[code];
    if (named === undefined) throw new Error(`unknown entity ${entity}`);
    return named;
  });
}

/** The first line of each node an edge leads to from the node whose first line is `from`. */
export function targetsOf(chart: Flowchart, from: string): string[] {
  const ids = [...chart.nodes.values()].filter((node) => node.lines[0] === from).map((node) => node.id);
  return chart.edges
    .filter(([source]) => ids.includes(source))
    .map(([, target]) => chart.nodes.get(target)!.lines[0])
    .sort();
}

/** The fenced ```mermaid block of a Markdown text. */
export function mermaidBlock(markdown: string): string {
  const match = /```mermaid\n([\s\S]*?)\n```/.exec(markdown);
  if (!match) throw new Error('no ```mermaid block');
  return match[1];
}
