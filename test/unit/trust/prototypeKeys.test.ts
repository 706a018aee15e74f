import * as assert from 'node:assert/strict';
import { Atlas } from '../../../src/core/atlas';
import { buildReport } from '../../../src/core/present/report';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { readIndexCache, reusableNote } from '../../../src/core/persist/indexCache';
import { createIndexCache } from '../workspace/indexCacheReference';
import { toDot, toGraphJSON, toMermaid } from '../../../src/core/present/dotAndMermaid';
import { layeredLayout } from '../../../src/core/graph/layout';
import { buildGraphView } from '../graphView/wholeView';
import { parseFramework } from '../../../src/core/framework/parseFramework';
import { compareFrameworks } from '../../../src/core/framework';
import { compareReportMarkdown } from '../../../src/core/present/compareReport';
import { LAYERS, VERDICT_VALUES } from '../../../src/core/vocabulary/model';

// Note text is a key into many lookups (verdict words, layers, categories, names, rule keys). A
// plain object answers `constructor`, `toString` or `__proto__` with Object's own members, so each
// of these words goes into every field and must come out as text or as a diagnostic.
const PROTOTYPE_KEYS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf', '__defineGetter__'];
const LAYER_VALUES = new Set<string>([...LAYERS, 'unclassified']);

function hostileNote(key: string): string {
  return [
    '---',
    `protocol: ${key}`,
    `aliases: [${key}, "${key} alias"]`,
    `layer: ${key}`,
    `category: ${key}`,
    `depends_on: [${key}, "[[${key}]]", io.net]`,
    `tags: [${key}, "layer/${key}"]`,
    `funding: ${key}`,
    'impact:',
    `  verdict: ${key}`,
    `  reason: ${key}`,
    '---',
    `# ${key}`,
    '',
    `[[${key}]] and [${key}](${key}.md) #layer/${key}`,
  ].join('\n');
}

function hostileAtlas(): Atlas {
  const index = new ProtocolIndex();
  index.build([
    ...PROTOTYPE_KEYS.map((key, i) => ({ path: `notes/${i}-${key}.md`, text: hostileNote(key) })),
    { path: 'infrastructure/io-net.md', text: '---\nprotocol: io.net\nlayer: infrastructure\ncategory: compute\n---\n' },
  ]);
  return new Atlas({ index });
}

describe('prototype keys in note text', () => {
  it('never become verdicts, layers or categories, and each is reported on its line', () => {
    const atlas = hostileAtlas();
    for (const protocol of atlas.protocols()) {
      assert.ok(LAYER_VALUES.has(protocol.layer.value), `${protocol.path}: layer ${String(protocol.layer.value)}`);
      assert.equal(typeof protocol.name.value, 'string');
      if (protocol.category) assert.equal(typeof protocol.category.value, 'string');
      const verdict = atlas.verdictOf(protocol.path);
      assert.ok(VERDICT_VALUES.includes(verdict.value), `${protocol.path}: verdict ${String(verdict.value)}`);
      assert.equal(typeof verdict.rationale, 'string');
    }
    const codes = new Set(atlas.index.diagnostics().map((d) => d.code));
    for (const code of ['unknown-layer', 'invalid-override']) assert.ok(codes.has(code as never), `no ${code} diagnostic`);
  });

  it('come out of the report, the exports and the graph view as plain strings', () => {
    const atlas = hostileAtlas();
    const report = buildReport(atlas);
    const json = JSON.stringify(report);
    assert.doesNotMatch(json, /native code|function /);
    for (const protocol of report.protocols) assert.ok(VERDICT_VALUES.includes(protocol.verdict.value));
    const verdictOf = (path: string) => atlas.verdictOf(path).value;
    for (const text of [toMermaid(atlas.index.graph, { verdictOf }), toDot(atlas.index.graph, { verdictOf }), JSON.stringify(toGraphJSON(atlas.index.graph, layeredLayout(atlas.index.graph), { verdictOf }))]) {
      assert.doesNotMatch(text, /native code|function /);
    }
    const view = buildGraphView(atlas);
    assert.equal(view.nodes.length, PROTOTYPE_KEYS.length + 1);
    for (const node of view.nodes) assert.ok(VERDICT_VALUES.includes(node.verdict.value), `${node.id}: ${String(node.verdict.value)}`);
  });

  it('survive the index cache round trip', () => {
    const atlas = hostileAtlas();
    const stamps = new Map(atlas.index.paths().map((path) => [path, { size: 1, mtime: 1 }]));
    const cache = readIndexCache(JSON.parse(JSON.stringify(createIndexCache(atlas.index, stamps))));
    assert.ok(cache, 'the cache reads back');
    for (const path of atlas.index.paths()) {
      assert.deepEqual(reusableNote(cache, path, { size: 1, mtime: 1 }), atlas.index.note(path), path);
    }
  });

  it('as framework ids, rule keys and verdicts are rejected or kept as text', () => {
    for (const key of PROTOTYPE_KEYS) {
      const text = [
        `id: ${key}`,
        `title: ${key}`,
        'source: x',
        'rules:',
        `  - id: ${key}`,
        `    match: { layer: ${key}, category: ${key}, tags: [${key}] }`,
        `    verdict: ${key}`,
        `    rationale: ${key}`,
        `  - id: ok-${key}`,
        '    match: { layer: infrastructure }',
        '    verdict: negative',
        `    rationale: ${key}`,
      ].join('\n');
      const { framework, diagnostics } = parseFramework(text, `${key}.yaml`);
      if (!framework) {
        assert.ok(diagnostics.length > 0, `${key}: no framework and no diagnostic`);
        continue;
      }
      const atlas = hostileAtlas();
      atlas.setFramework(framework);
      for (const protocol of atlas.protocols()) assert.ok(VERDICT_VALUES.includes(atlas.verdictOf(protocol.path).value), key);
      const subjects = atlas.protocols().map((p) => ({ path: p.path, name: p.name.value, layer: p.layer.value, category: p.category?.value, tags: p.tags, override: p.override }));
      const comparison = compareFrameworks(hostileAtlas().framework, framework, subjects);
      assert.doesNotMatch(compareReportMarkdown(comparison, () => 'unclassified'), /native code/);
    }
  });
});
