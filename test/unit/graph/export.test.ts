import { visibleText } from '../../../src/core/present/untrustedText';
import { printColours } from '../../../src/core/present/colours';
import * as assert from 'node:assert/strict';
import { DirectedGraph } from 'graphology';
import { createDependencyGraph } from '../../../src/core/graph/dependencyGraph';
import { escapeDotLabel, escapeMermaidLabel, toDot, toGraphJSON, toMermaid } from '../../../src/core/present/dotAndMermaid';
import { layeredLayout } from '../../../src/core/graph/layout';
import type { Layer, VerdictValue } from '../../../src/core/vocabulary/model';
import { graphOf, shuffled, type NodeSpec } from './fixtures';

const nodes: NodeSpec[] = [
  { key: 'notes/akash.md', layer: 'infrastructure', name: 'Akash', category: 'compute' },
  { key: 'notes/eliza.md', layer: 'middleware', name: 'Eliza', category: 'agent-framework' },
  { key: 'notes/bittensor.md', layer: 'model', name: 'Bittensor' },
  { key: 'notes/defai.md', layer: 'application', name: 'DeFAI bot' },
  { key: 'notes/odd.md', layer: 'unclassified', name: 'Odd' },
];
const edges: Array<[string, string]> = [
  ['notes/defai.md', 'notes/bittensor.md'],
  ['notes/bittensor.md', 'notes/akash.md'],
  ['notes/eliza.md', 'notes/akash.md'],
  ['notes/akash.md', 'notes/defai.md'],
  ['notes/odd.md', 'notes/odd.md'],
];
const atlas = graphOf(nodes, edges);
const verdicts: Record<string, VerdictValue> = {
  'notes/akash.md': 'negative',
  'notes/bittensor.md': 'positive',
  'notes/defai.md': 'mixed',
  'notes/eliza.md': 'not-assessed',
};
const verdictOf = (path: string) => verdicts[path];

const HOSTILE = [
  'Evil"] --> n0["pwned',
  '<script>alert(1)</script>',
  'a]; b[ {c} (d) |e|',
  'line one\nline two\r\u2028three',
  'back\\slash \\N \\l',
  'end',
  '#quot; #60; &lt; &amp;',
  '`**markdown**`',
  "%%{init: {'securityLevel': 'loose'}}%%",
  'digraph x { a -> b }',
  'Ωmega ünïcode 数据 🤖',
];
const hostileGraph = graphOf(
  HOSTILE.map((name, i) => ({ key: `notes/h${i}.md`, layer: (['model', 'application', 'middleware'] as Layer[])[i % 3], name })),
  HOSTILE.slice(1).map((_, i): [string, string] => [`notes/h${i + 1}.md`, `notes/h${i}.md`]),
);

const decodeMermaid = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));
const decodeDot = (label: string) =>
  label.replace(/\\(.)/g, '$1').replace(/&(lt|gt|amp);/g, (_, name: string) => ({ lt: '<', gt: '>', amp: '&' })[name] ?? '');

describe('toMermaid', () => {
  it('draws a bottom-up flowchart with one subgraph per layer, infrastructure first', () => {
    const text = toMermaid(atlas);
    const lines = text.trimEnd().split('\n');
    assert.equal(lines[0], 'flowchart BT');
    const subgraphs = lines.filter((line) => line.trim().startsWith('subgraph')).map((line) => line.trim().split(/[ [\]]/)[1]);
    assert.deepEqual(subgraphs, ['layer_infrastructure', 'layer_middleware', 'layer_model', 'layer_application', 'layer_unclassified']);
    assert.match(text, /subgraph layer_infrastructure\["Infrastructure"\]\n {4}n0\["Akash"\]\n {2}end/);
    // Ids follow sorted paths: akash n0, bittensor n1, defai n2, eliza n3, odd n4.
    assert.deepEqual(lines.filter((line) => line.includes('-->')).map((line) => line.trim()), [
      'n0 --> n2',
      'n1 --> n0',
      'n2 --> n1',
      'n3 --> n0',
      'n4 --> n4',
    ]);
    assert.ok(!text.includes('classDef'), 'no verdict colours without verdictOf');
  });

  it('colours nodes by verdict: positive green, negative red, mixed amber, not assessed grey', () => {
    const text = toMermaid(atlas, { verdictOf });
    assert.match(text, new RegExp(`classDef positive fill:${printColours('positive').fill},stroke:${printColours('positive').stroke}`));
    assert.match(text, /class n1 positive\n/);
    assert.match(text, new RegExp(`classDef negative fill:${printColours('negative').fill},stroke:${printColours('negative').stroke}`));
    assert.match(text, /class n0 negative\n/);
    assert.match(text, new RegExp(`classDef mixed fill:${printColours('mixed').fill},stroke:${printColours('mixed').stroke}`));
    assert.match(text, /class n2 mixed\n/);
    assert.match(text, new RegExp(`classDef notAssessed fill:${printColours('not-assessed').fill},stroke:${printColours('not-assessed').stroke}`));
    assert.match(text, /class n3 notAssessed\n/);
    assert.ok(!/class [^\n]*n4/.test(text), 'a protocol without a verdict stays uncoloured');
  });

  it('ignores a verdict that is not one of the four values', () => {
    const text = toMermaid(atlas, { verdictOf: () => 'great' as VerdictValue });
    assert.ok(!text.includes('classDef') && !/^ {2}class /m.test(text));
  });

  it('keeps hostile names inside their labels, with no markup, losing nothing but showing what is invisible', () => {
    const text = toMermaid(hostileGraph);
    const labelLines = text.split('\n').filter((line) => /^ {4}n\d+\[/.test(line));
    assert.equal(labelLines.length, HOSTILE.length);
    const labels = labelLines.map((line) => {
      const match = /^ {4}n\d+\["([^"[\]{}<>|`\\%#\n]*(?:#\d+;[^"[\]{}<>|`\\%#\n]*)*)"\]$/.exec(line);
      assert.ok(match, `unsafe label line: ${line}`);
      return decodeMermaid(match[1]);
    });
    assert.deepEqual([...labels].sort(), HOSTILE.map(visibleText).sort());
    assert.ok(!text.includes('<') && !text.includes('%%'));
    assert.equal(text.split('\n').filter((line) => line.includes('-->')).length, HOSTILE.length - 1);
  });

  it('escapes every character a label could break out with', () => {
    assert.equal(escapeMermaidLabel('io.net (v2)'), 'io.net (v2)');
    assert.equal(escapeMermaidLabel('a"b'), 'a#34;b');
    assert.equal(escapeMermaidLabel('<b>'), '#60;b#62;');
    assert.equal(escapeMermaidLabel('#1;'), '#35;1#59;');
    // A direction override would reorder the label once Mermaid decodes it: it is shown instead.
    assert.equal(escapeMermaidLabel('\u202Eevil'), '#10216;U+202E#10217;evil');
  });

  it('prints only the header for an empty graph', () => {
    assert.equal(toMermaid(createDependencyGraph()), 'flowchart BT\n');
  });
});

describe('toDot', () => {
  it('uses rankdir=BT and one rank=same cluster per layer, infrastructure first', () => {
    const text = toDot(atlas, { verdictOf });
    assert.match(text, /^digraph protocols \{\n {2}rankdir=BT;/);
    const clusters = [...text.matchAll(/subgraph (cluster_\w+) \{\n {4}label="(\w+)";\n {4}rank=same;/g)].map((match) => [match[1], match[2]]);
    assert.deepEqual(clusters, [
      ['cluster_infrastructure', 'Infrastructure'],
      ['cluster_middleware', 'Middleware'],
      ['cluster_model', 'Model'],
      ['cluster_application', 'Application'],
      ['cluster_unclassified', 'Unclassified'],
    ]);
    assert.match(text, new RegExp(` {4}n0 \\[label="Akash", fillcolor="${printColours('negative').fill}", color="${printColours('negative').stroke}", fontcolor="${printColours('negative').text}"\\];`));
    assert.match(text, new RegExp(` {4}n1 \\[label="Bittensor", fillcolor="${printColours('positive').fill}"`));
    assert.match(text, new RegExp(` {4}n2 \\[label="DeFAI bot", fillcolor="${printColours('mixed').fill}"`));
    assert.match(text, new RegExp(` {4}n3 \\[label="Eliza", fillcolor="${printColours('not-assessed').fill}"`));
    assert.match(text, / {4}n4 \[label="Odd"\];/);
    assert.deepEqual(text.match(/n\d+ -> n\d+;/g), ['n0 -> n2;', 'n1 -> n0;', 'n2 -> n1;', 'n3 -> n0;', 'n4 -> n4;']);
    assert.ok(text.endsWith('}\n'));
  });

  it('keeps hostile names inside their quoted labels, with no markup', () => {
    const text = toDot(hostileGraph);
    const labels = [...text.matchAll(/^ {4}n\d+ \[label="((?:[^"\\\n]|\\.)*)"\];$/gm)].map((match) => match[1]);
    assert.equal(labels.length, HOSTILE.length);
    const expected = HOSTILE.map(visibleText);
    assert.deepEqual(labels.map(decodeDot).sort(), expected.sort());
    assert.ok(!text.includes('<'));
    assert.equal(text.match(/ -> /g)?.length, HOSTILE.length - 1);
  });

  it('escapes quotes, backslashes and markup, and shows line breaks and direction overrides', () => {
    assert.equal(escapeDotLabel('say "hi"\\N'), 'say \\"hi\\"\\\\N');
    assert.equal(escapeDotLabel('<b>&'), '&lt;b&gt;&amp;');
    assert.equal(escapeDotLabel('a\nb\tc'), 'a\u240ab c');
    assert.equal(escapeDotLabel('\u202Eevil'), '⟨U+202E⟩evil');
  });

  it('draws an empty graph as an empty digraph', () => {
    const text = toDot(createDependencyGraph());
    assert.ok(!text.includes('subgraph') && !text.includes('->'));
    assert.match(text, /rankdir=BT;[\s\S]*\}\n$/);
  });
});

describe('toGraphJSON', () => {
  it('round-trips through graphology with positions, verdicts and normalised layers', () => {
    const graph = graphOf(nodes, edges);
    graph.addNode('notes/typo.md', { name: 'Typo', layer: 'modle' as Layer });
    const layout = layeredLayout(graph);
    const json = toGraphJSON(graph, layout, { verdictOf });
    const copy = DirectedGraph.from(JSON.parse(JSON.stringify(json)));
    assert.equal(copy.order, graph.order);
    assert.equal(copy.size, graph.size);
    assert.ok(copy.hasDirectedEdge('notes/odd.md', 'notes/odd.md'));
    assert.deepEqual(copy.getNodeAttributes('notes/akash.md'), {
      name: 'Akash',
      layer: 'infrastructure',
      category: 'compute',
      verdict: 'negative',
      ...layout.positions['notes/akash.md'],
    });
    assert.equal(copy.getNodeAttribute('notes/typo.md', 'layer'), 'unclassified');
    assert.equal(copy.getNodeAttribute('notes/odd.md', 'verdict'), undefined);
  });

  it('leaves out coordinates without a layout and sorts nodes and edges by path', () => {
    const json = toGraphJSON(graphOf(shuffled(nodes, 5), shuffled(edges, 9)));
    assert.deepEqual(json.nodes.map((node) => node.key), [...nodes.map((node) => node.key)].sort());
    assert.ok(json.nodes.every((node) => node.attributes && !('x' in node.attributes)));
    assert.deepEqual(json.edges[0], { source: 'notes/akash.md', target: 'notes/defai.md' });
    assert.deepEqual(toGraphJSON(createDependencyGraph()).nodes, []);
  });
});

describe('exports are deterministic', () => {
  it('give the same text whatever order notes and dependencies were added in', () => {
    for (let seed = 1; seed <= 10; seed++) {
      const graph = graphOf(shuffled(nodes, seed), shuffled(edges, seed + 100));
      assert.equal(toMermaid(graph, { verdictOf }), toMermaid(atlas, { verdictOf }));
      assert.equal(toDot(graph, { verdictOf }), toDot(atlas, { verdictOf }));
      assert.deepEqual(toGraphJSON(graph), toGraphJSON(atlas));
    }
  });
});
