// One batch of generated notes through everything the product does with notes: parse, index,
// verdicts, exposure, report, layout, graph view, exports, the cache, and an incremental edit
// that must equal a fresh build. Shared by the fuzz tests and `npm run soak`.
import * as assert from 'node:assert/strict';
import { Atlas } from '../../src/core/atlas';
import { buildReport } from '../../src/core/present/report';
import { ProtocolIndex } from '../../src/core/index/protocolIndex';
import { parseNote } from '../../src/core/note/parseNote';
import { readIndexCache, reusableNote } from '../../src/core/persist/indexCache';
import { createIndexCache } from '../unit/workspace/indexCacheReference';
import { layeredLayout } from '../../src/core/graph/layout';
import { buildGraphView } from '../unit/graphView/wholeView';
import { toDot, toMermaid } from '../../src/core/present/dotAndMermaid';
import { graphViewToHtml } from '../../src/core/present/graphHtml';
import { LAYERS, VERDICT_VALUES } from '../../src/core/vocabulary/model';
import { snapshot, withoutSuggestions } from '../unit/index/snapshot';

const LAYER_VALUES = new Set<string>([...LAYERS, 'unclassified']);

export interface BatchFigures {
  notes: number;
  /** The slowest single note's parse, in ms. */
  slowestParseMs: number;
  slowestNote?: string;
  diagnostics: number;
  cycles: number;
}

export function exerciseBatch(notes: Array<{ path: string; text: string }>, perNoteLimitMs: number): BatchFigures {
  let slowestParseMs = 0;
  let slowestNote: string | undefined;
  for (const note of notes) {
    const started = performance.now();
    const parsed = parseNote(note.path, note.text);
    const elapsed = performance.now() - started;
    if (elapsed > slowestParseMs) [slowestParseMs, slowestNote] = [elapsed, note.text.slice(0, 200)];
    assert.ok(LAYER_VALUES.has(parsed.layer.value), `layer ${String(parsed.layer.value)}`);
    assert.equal(typeof parsed.name.value, 'string');
    if (parsed.override) assert.ok(VERDICT_VALUES.includes(parsed.override.verdict));
  }
  assert.ok(slowestParseMs < perNoteLimitMs, `a note took ${slowestParseMs.toFixed(0)} ms to parse: ${JSON.stringify(slowestNote)}`);

  const index = new ProtocolIndex();
  index.build(notes);
  const atlas = new Atlas({ index });
  for (const protocol of atlas.protocols()) assert.ok(VERDICT_VALUES.includes(atlas.verdictOf(protocol.path).value));
  const exposure = atlas.exposureCounts();
  for (const [, each] of exposure) assert.ok(Number.isInteger(each.count) && each.count >= 0);
  const report = buildReport(atlas);
  JSON.stringify(report);
  const layout = layeredLayout(index.graph);
  for (const position of Object.values(layout.positions)) assert.ok(Number.isFinite(position.x) && Number.isFinite(position.y));
  // The HTML export opens in a browser: whatever the notes say, its only scripts are its own two.
  const html = graphViewToHtml(buildGraphView(atlas), { aliasesOf: (path) => index.note(path)?.aliases ?? [] });
  assert.equal(html.match(/<script/gi)?.length, 2, 'the HTML export has only its own two script elements');
  assert.equal(html.match(/<\/script/gi)?.length, 2, 'no note ends a script element in the HTML export');
  const verdictOf = (path: string) => atlas.verdictOf(path).value;
  toDot(index.graph, { verdictOf });
  toMermaid(index.graph, { verdictOf });

  const stamps = new Map(index.paths().map((path, i) => [path, { size: i, mtime: i }]));
  const cache = readIndexCache(JSON.parse(JSON.stringify(createIndexCache(index, stamps))));
  assert.ok(cache, 'the cache reads back');
  for (const path of index.paths()) assert.deepEqual(reusableNote(cache, path, stamps.get(path)!), index.note(path), path);

  // Edit a third of the notes in place (another note's text), delete a few: equal to a fresh build.
  const edited = notes.map((note, i) => (i % 3 === 0 ? { path: note.path, text: notes[(i * 7 + 1) % notes.length].text } : note));
  for (let i = 0; i < notes.length; i += 3) index.set(edited[i].path, edited[i].text);
  const kept = edited.filter((_, i) => i % 11 !== 5);
  for (let i = 5; i < notes.length; i += 11) index.delete(notes[i].path);
  const fresh = new ProtocolIndex();
  fresh.build(kept);
  const normalise = (s: ReturnType<typeof snapshot>) => ({
    ...s,
    diagnostics: Object.fromEntries(Object.entries(s.diagnostics).map(([path, list]) => [path, list.map(withoutSuggestions)])),
  });
  assert.deepEqual(normalise(snapshot(index)), normalise(snapshot(fresh)), 'incremental equals fresh');
  atlas.dispose();
  return {
    notes: notes.length,
    slowestParseMs,
    slowestNote,
    diagnostics: report.diagnostics.length,
    cycles: report.diagnostics.filter((d) => d.code === 'dependency-cycle').length,
  };
}
