// Benchmark of the webview's check of the extension's messages (src/webviewProtocol.ts, valibot
// schemas): the 'graph' message of the benchmark's synthetic vault (bench/syntheticNotes.ts) at
// 10,000 and 50,000 notes, built as the extension builds it (the core's live graph view), and the
// patch of a framework switch (every protocol upserted). The webview checks the graph message
// before its first frame. The check (the schemas' fast path, src/schemaGuard.ts) is judged in
// milliseconds and reported as a ratio to the hand-written check the schemas replaced
// (bench/handWrittenCheck.ts), timed on the same message in the same run, alternating; valibot's
// own v.is on the same schema is reported too.
// Run alone with `npx tsx bench/messageCheck.ts` (prints JSON), or through the bench runner.
import { execFileSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { Atlas } from '../src/core/atlas';
import { LiveGraphView } from '../src/core/present/liveGraphView';
import * as v from 'valibot';
import { ExtensionMessageSchema, isExtensionMessage, type ExtensionMessage } from '../src/webviewProtocol';
import { isExtensionMessage as handWrittenCheck } from './handWrittenCheck';
import { syntheticNotes } from './syntheticNotes';
import type { BenchRow } from './benchRow';

const COUNTS = [10_000, 50_000];
const RUNS = 9;
/** valibot's own check copies the model and takes seconds at 50,000: timed fewer times, for context. */
const PARSE_RUNS = 3;
/**
 * The first frame of 50,000 protocols takes seconds to draw and the JSON message itself hundreds
 * of milliseconds to parse: a check under this is lost in them.
 */
const MS_TARGET = 50;
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The 'graph' message the extension posts for a vault of `count` synthetic notes, as JSON. */
function graphMessageJson(count: number): string {
  const atlas = new Atlas();
  atlas.index.build(syntheticNotes(count));
  const message: ExtensionMessage = { type: 'graph', model: new LiveGraphView(atlas).model(), skipped: 0 };
  return JSON.stringify(message);
}

/**
 * The messages as the page receives them: VS Code hands a webview a JSON copy of what was posted,
 * in a heap that holds no atlas. So the message is built in a process of its own (this file with
 * --json) and only parsed here: timed beside 50,000 parsed notes, both checks ran twice as slowly.
 */
function messages(count: number): { graph: unknown; patch: unknown; nodes: number; edges: number } {
  const json = execFileSync(process.execPath, [...process.execArgv, __filename, '--json', String(count)], { encoding: 'utf8', maxBuffer: 1 << 30, stdio: ['ignore', 'pipe', 'inherit'] });
  const graph = JSON.parse(json) as Extract<ExtensionMessage, { type: 'graph' }>;
  const model = (JSON.parse(json) as typeof graph).model;
  // What a framework switch sends: every protocol again, recoloured, nothing moved.
  const patch: ExtensionMessage = {
    type: 'patch',
    patch: { framework: model.framework, upserted: model.nodes, removed: [], edgesAdded: [], edgesRemoved: [], bands: model.bands, width: model.width, height: model.height },
  };
  return { graph, patch, nodes: model.nodes.length, edges: model.edges.length };
}

function time(check: (value: unknown) => boolean, message: unknown): number {
  const start = performance.now();
  const ok = check(message);
  const ms = performance.now() - start;
  if (!ok) throw new Error('a message the extension built was rejected');
  return ms;
}

const schemaParse = (value: unknown): boolean => v.is(ExtensionMessageSchema, value);

function compare(label: string, message: unknown): BenchRow[] {
  // Untimed runs first, so both checks are compiled before they are measured.
  for (let run = 0; run < 3; run++) {
    time(isExtensionMessage, message);
    time(handWrittenCheck, message);
  }
  const schema: number[] = [];
  const hand: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    if (run % 2) schema.push(time(isExtensionMessage, message));
    hand.push(time(handWrittenCheck, message));
    if (!(run % 2)) schema.push(time(isExtensionMessage, message));
  }
  const ms = round(median(schema), 1);
  const baseline = round(median(hand), 1);
  const ratio = round(median(schema) / median(hand));
  return [
    { name: `message check, ${label}: isExtensionMessage (the schema's fast path)`, value: ms, unit: 'ms', target: `<= ${MS_TARGET} ms`, ok: ms <= MS_TARGET, note: `median of ${RUNS}` },
    {
      name: `message check, ${label}: the fast path vs the hand-written check it replaced`,
      value: ratio,
      unit: 'x',
      target: 'report',
      ok: true,
      note: `hand-written ${baseline} ms (median of ${RUNS}), which left override, exposure, category, section, source, outlook, framework, width and height unchecked and took any string for a layer or a verdict`,
    },
  ];
}

/** Timed after the others: the copies it makes would otherwise be collected in their time. */
function valibotRow(label: string, message: unknown): BenchRow {
  const parse: number[] = [];
  for (let run = 0; run < PARSE_RUNS; run++) parse.push(time(schemaParse, message));
  const ms = round(median(parse), 1);
  return { name: `message check, ${label}: valibot's own v.is (builds a copy)`, value: ms, unit: 'ms', target: 'report', ok: true, note: `median of ${PARSE_RUNS}; why the graph and the patch take the fast path` };
}

export async function benchMessages(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const count of COUNTS) {
    const built = messages(count);
    const size = `${built.nodes.toLocaleString('en')} nodes / ${built.edges.toLocaleString('en')} edges`;
    const graph = `graph of ${size}`;
    const patch = `patch upserting ${built.nodes.toLocaleString('en')} nodes`;
    rows.push(...compare(graph, built.graph), ...compare(patch, built.patch), valibotRow(graph, built.graph), valibotRow(patch, built.patch));
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
  return rows;
}

if (require.main === module && process.argv[2] === '--json') {
  process.stdout.write(graphMessageJson(Number(process.argv[3])));
} else if (require.main === module) {
  benchMessages().then(
    (results) => console.log(JSON.stringify(results, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
