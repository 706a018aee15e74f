// The dependency graph as text other tools draw: Mermaid (pasted into notes and READMEs), Graphviz
// DOT, and graphology's JSON (for scripts and the webview). Names come from researchers' notes,
// which may hold anything, so nothing from a note reaches the output unescaped: node ids are
// generated (n0, n1, ...) and labels pass through a format-specific escape.
//
// Output is deterministic (nodes and edges sorted by path), so an exported diagram committed
// next to the notes only changes when the notes do.
import { layerTitle } from '../vocabulary/labels';
import { printColours } from './colours';
import { visibleText } from './untrustedText';
import type { SerializedGraph } from 'graphology-types';
import { VERDICT_VALUES, type Layer, type VerdictValue } from '../vocabulary/model';
import type { DependencyGraph } from '../graph/dependencyGraph';
import type { GraphLayout } from '../graph/layout';
import { BAND_LAYERS, bandOfLayer, compareStrings } from '../graph/layoutIndex';

export interface ExportOptions {
  /** Colours each protocol by its verdict; protocols it returns undefined for stay uncoloured. */
  verdictOf?: (path: string) => VerdictValue | undefined;
}

export interface ExportedNodeAttributes {
  name: string;
  /** Normalised: a value that is not a known layer is exported as 'unclassified'. */
  layer: Layer;
  category?: string;
  verdict?: VerdictValue;
  x?: number;
  y?: number;
}

/** The verdicts' colours on a white page (present/colours.ts), under a class name each format accepts. */
const VERDICT_STYLE: Record<VerdictValue, { className: string; fill: string; stroke: string; text: string }> = {
  positive: { className: 'positive', ...printColours('positive') },
  negative: { className: 'negative', ...printColours('negative') },
  mixed: { className: 'mixed', ...printColours('mixed') },
  'not-assessed': { className: 'notAssessed', ...printColours('not-assessed') },
};

interface ExportNode {
  key: string;
  id: string;
  name: string;
  layer: Layer;
  category?: string;
  verdict?: VerdictValue;
}

interface ExportModel {
  nodes: ExportNode[];
  /** Pairs of ExportNode indices, dependent first. */
  edges: Array<[number, number]>;
}

function collect(graph: DependencyGraph, options: ExportOptions = {}): ExportModel {
  const entries: Array<{ key: string; name: string; layer: Layer; category?: string }> = [];
  graph.forEachNode((key, attributes) => {
    const name = typeof attributes?.name === 'string' && attributes.name.trim() !== '' ? attributes.name : key;
    const category = typeof attributes?.category === 'string' ? attributes.category : undefined;
    entries.push({ key, name, layer: BAND_LAYERS[bandOfLayer(attributes?.layer)], category });
  });
  entries.sort((a, b) => compareStrings(a.key, b.key));

  const verdictOf = typeof options?.verdictOf === 'function' ? options.verdictOf : undefined;
  const nodes = entries.map((entry, i): ExportNode => {
    const verdict = verdictOf?.(entry.key);
    return { ...entry, id: `n${i}`, verdict: VERDICT_VALUES.includes(verdict as VerdictValue) ? verdict : undefined };
  });

  const indexOf = new Map(nodes.map((node, i) => [node.key, i]));
  const edges: Array<[number, number]> = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    const s = indexOf.get(source);
    const t = indexOf.get(target);
    if (s !== undefined && t !== undefined) edges.push([s, t]);
  });
  edges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { nodes, edges };
}

/** Nodes of each layer, bottom layer first, each list by name then path; empty layers are left out. */
function byLayer(nodes: ExportNode[]): Array<[Layer, ExportNode[]]> {
  const groups = BAND_LAYERS.map((layer): [Layer, ExportNode[]] => [layer, nodes.filter((node) => node.layer === layer)]);
  for (const [, members] of groups) members.sort((a, b) => compareStrings(a.name, b.name) || compareStrings(a.key, b.key));
  return groups.filter(([, members]) => members.length > 0);
}

/**
 * Mermaid keeps letters, digits and a little punctuation as they are; everything else becomes a
 * `#code;` entity, which Mermaid decodes to plain text. That covers quotes and brackets (which
 * would end the label), `<`/`>`/`&` (HTML labels), backslashes and `<br>` (line breaks),
 * backticks (markdown strings), `#` itself, and control or direction-override characters.
 */
export function escapeMermaidLabel(text: string): string {
  let escaped = '';
  // Decoded entities would still reorder or hide text: first make those characters visible.
  for (const char of visibleText(text)) escaped += /^[\p{L}\p{M}\p{N} .,:_+/()'-]$/u.test(char) ? char : `#${char.codePointAt(0)};`;
  return escaped;
}

/**
 * A DOT double-quoted string: backslashes (Graphviz's own escapes such as \N and \l) and quotes
 * are escaped; `<`, `>` and `&` become entities, which Graphviz decodes, so the source never holds
 * markup; control, direction-override and zero-width characters are shown (visibleText).
 */
export function escapeDotLabel(text: string): string {
  return visibleText(text)
    .replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
    .replace(/[\\"]/g, (char) => `\\${char}`)
    .replace(/[<>&]/g, (char) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;' })[char] ?? char);
}

/** Mermaid `flowchart BT`: one subgraph per layer, infrastructure at the bottom, edges dependent --> dependency. */
export function toMermaid(graph: DependencyGraph, options: ExportOptions = {}): string {
  const { nodes, edges } = collect(graph, options);
  const lines = ['flowchart BT'];
  for (const [layer, members] of byLayer(nodes)) {
    lines.push(`  subgraph layer_${layer}["${escapeMermaidLabel(layerTitle(layer))}"]`);
    for (const node of members) lines.push(`    ${node.id}["${escapeMermaidLabel(node.name)}"]`);
    lines.push('  end');
  }
  for (const [s, t] of edges) lines.push(`  ${nodes[s].id} --> ${nodes[t].id}`);
  for (const verdict of VERDICT_VALUES) {
    const ids = nodes.filter((node) => node.verdict === verdict).map((node) => node.id);
    if (ids.length === 0) continue;
    const style = VERDICT_STYLE[verdict];
    lines.push(`  classDef ${style.className} fill:${style.fill},stroke:${style.stroke},color:${style.text}`);
    lines.push(`  class ${ids.join(',')} ${style.className}`);
  }
  return `${lines.join('\n')}\n`;
}

/** Graphviz DOT, `rankdir=BT`: one `rank=same` cluster per layer, infrastructure at the bottom. */
export function toDot(graph: DependencyGraph, options: ExportOptions = {}): string {
  const { nodes, edges } = collect(graph, options);
  const lines = [
    'digraph protocols {',
    '  rankdir=BT;',
    '  node [shape=box, style="rounded,filled", fillcolor="#ffffff", color="#616161", fontcolor="#212121"];',
  ];
  for (const [layer, members] of byLayer(nodes)) {
    lines.push(`  subgraph cluster_${layer} {`, `    label="${escapeDotLabel(layerTitle(layer))}";`, '    rank=same;');
    for (const node of members) {
      const style = node.verdict ? VERDICT_STYLE[node.verdict] : undefined;
      const colours = style ? `, fillcolor="${style.fill}", color="${style.stroke}", fontcolor="${style.text}"` : '';
      lines.push(`    ${node.id} [label="${escapeDotLabel(node.name)}"${colours}];`);
    }
    lines.push('  }');
  }
  for (const [s, t] of edges) lines.push(`  ${nodes[s].id} -> ${nodes[t].id};`);
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

/**
 * graphology's serialisation format (read back with `DirectedGraph.from`), with the layout's x/y
 * and the verdicts in the node attributes when given. A plain object: JSON.stringify it to save.
 * Edge keys are left out because graphology's generated keys differ from run to run.
 */
export function toGraphJSON(
  graph: DependencyGraph,
  layout?: Pick<GraphLayout, 'positions'>,
  options: ExportOptions = {},
): SerializedGraph<ExportedNodeAttributes> {
  const { nodes, edges } = collect(graph, options);
  const positions = layout?.positions;
  return {
    attributes: {},
    options: { type: 'directed', multi: false, allowSelfLoops: true },
    nodes: nodes.map((node) => {
      const attributes: ExportedNodeAttributes = { name: node.name, layer: node.layer };
      if (node.category !== undefined) attributes.category = node.category;
      if (node.verdict !== undefined) attributes.verdict = node.verdict;
      const position = positions && Object.prototype.hasOwnProperty.call(positions, node.key) ? positions[node.key] : undefined;
      if (position && Number.isFinite(position.x) && Number.isFinite(position.y)) {
        attributes.x = position.x;
        attributes.y = position.y;
      }
      return { key: node.key, attributes };
    }),
    edges: edges.map(([s, t]) => ({ source: nodes[s].key, target: nodes[t].key })),
  };
}
