// examples/web3-ai-500 is what the large-vault e2e test opens and what a researcher can open with
// `npm start -- examples/web3-ai-500`: it must be the generator's output (an edit by hand would be
// lost on the next run) and keep the shapes it exists for, or the e2e test stops proving much.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DirectedGraph } from 'graphology';
import { stronglyConnectedComponents } from 'graphology-components';
import { Atlas } from '../../../src/core/atlas';
import { reportDiagnostics } from '../../../src/core/present/report';
import { indexFolder } from '../../../src/node/indexFolder';
import { generate } from '../../../scripts/generate-example-vault';

const VAULT = path.resolve(__dirname, '../../../examples/web3-ai-500');

function filesBelow(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? filesBelow(path.join(dir, entry.name), relative) : [relative];
  });
}

describe('the 500-protocol example vault (examples/web3-ai-500)', () => {
  const { index } = indexFolder(VAULT);
  const protocols = index.protocols();
  const graph = index.graph;

  it('is exactly what scripts/generate-example-vault.js writes', () => {
    const generated = generate();
    assert.deepEqual(filesBelow(VAULT).sort(), generated.map((note) => note.path).sort(), 'the same files');
    for (const note of generated) assert.equal(fs.readFileSync(path.join(VAULT, note.path), 'utf8'), note.text, `${note.path} as generated`);
  });

  it('holds 500 protocols, a band of 200 and 20 unclassified notes without front matter', () => {
    assert.equal(protocols.length, 500);
    const byLayer = new Map<string, number>();
    for (const protocol of protocols) byLayer.set(protocol.layer.value, (byLayer.get(protocol.layer.value) ?? 0) + 1);
    assert.equal(Math.max(...byLayer.values()), 200, `band sizes: ${JSON.stringify([...byLayer])}`);
    const unclassified = protocols.filter((protocol) => protocol.layer.value === 'unclassified');
    assert.equal(unclassified.length, 20);
    for (const protocol of unclassified) assert.ok(!fs.readFileSync(path.join(VAULT, protocol.path), 'utf8').startsWith('---'), `${protocol.path} has no front matter`);
  });

  it('has a hub 150 protocols depend on, and more hubs under it', () => {
    const dependents = graph.mapNodes((id) => graph.inDegree(id)).sort((a, b) => b - a);
    assert.ok(dependents[0] >= 140 && dependents[0] <= 160, `the biggest hub has ${dependents[0]} dependents`);
    assert.ok(dependents[5] >= 30, `six hubs of 30 or more: ${dependents.slice(0, 8).join(', ')}`);
  });

  it('has a strongly connected component of about 40 notes and a chain of 30 wrappers', () => {
    const copy = new DirectedGraph();
    graph.forEachNode((id) => copy.addNode(id));
    graph.forEachEdge((_edge, _attributes, source, target) => copy.mergeEdge(source, target));
    const largest = Math.max(...stronglyConnectedComponents(copy).map((component) => component.length));
    assert.ok(largest >= 35 && largest <= 50, `the largest cycle holds ${largest} notes`);
    // The longest run of protocols each depending on exactly one, which depends on the next.
    let longest = 0;
    graph.forEachNode((start) => {
      let length = 1;
      for (let at = start; graph.outDegree(at) === 1 && length <= 500; length++) at = graph.outNeighbors(at)[0];
      longest = Math.max(longest, length);
    });
    assert.ok(longest >= 30, `the longest chain is ${longest} long`);
  });

  it('has long names and Chinese names, aliases and overrides, and checks with no error', () => {
    const names = protocols.map((protocol) => protocol.name.value);
    assert.ok(names.filter((name) => name.length >= 45).length >= 5, 'long names');
    assert.ok(names.filter((name) => /\p{Script=Han}/u.test(name)).length >= 10, 'Chinese names');
    assert.ok(protocols.filter((protocol) => protocol.override).length >= 5, 'overrides');
    assert.ok(protocols.filter((protocol) => protocol.aliases.length > 0).length >= 200, 'aliases');
    const atlas = new Atlas({ index });
    const diagnostics = reportDiagnostics(atlas);
    atlas.dispose();
    assert.deepEqual(diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual([...new Set(diagnostics.map((d) => d.code))], ['dependency-cycle'], 'the only warnings are the intended cycle');
  });
});
