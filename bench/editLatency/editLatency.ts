// What one edit costs the extension at 10,000 notes, in plain Node: the real Protocols tree and
// graph panel (on a stand-in `vscode`), the atlas fed as the extension feeds it, and the work VS
// Code then does for the tree (fetching the rows the tree named, every open list for a full
// refresh). Timed from the index update (after the editor's own 150 ms debounce) to the tree's
// refresh being fetched and to the graph's patch being posted, with the longest task in between;
// the index update and the exposure pass (the core's share, in those figures) are also given alone.
// The tree waits 50 ms and the graph 30 ms for more changes before they start.
// It does not replace a run in the real extension host (no IPC, no serialisation to the window),
// but it is quick, repeatable and separates our work from the host's.
//
// Usage: npx tsx bench/editLatency/editLatency.ts [<vault folder>...]
//   (default: hub-heavy and cyclic 10,000-note vaults generated into the temp folder)
import './useStub';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from './vscodeStub';
import { Atlas, type AtlasChange } from '../../src/core/atlas';
import { indexFolder } from '../../src/node/indexFolder';
import { ProtocolsTree, type ProtocolsTreeElement } from '../../src/extension/features/protocolsTree';
import { GraphPanel } from '../../src/extension/features/graphPanel';
import type { AtlasService } from '../../src/extension/atlasService';
import { writeNotes } from '../syntheticNotes';
import { vaultNotes, type VaultShape } from '../vaultShapes';
import type { BenchRow } from '../benchRow';

const NOTES = 10_000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function vaultFolder(shape: VaultShape): string {
  const folder = path.join(os.tmpdir(), `protocol-atlas-edit-latency-${shape}-${NOTES}`);
  if (!fs.existsSync(folder)) writeNotes(folder, vaultNotes(shape, NOTES));
  return folder;
}

interface EditFigures {
  /** The core's share: the index update itself, and the exposure pass the tree and graph ask for. */
  indexMs: number;
  exposureMs: number;
  treeMs: number;
  graphMs: number;
  longestTaskMs: number;
  rowsFetched: number;
  nodesPatched: number;
}

async function benchVault(folder: string): Promise<BenchRow[]> {
  const label = path.basename(folder);
  const { index } = indexFolder(folder);
  const atlas = new Atlas({ index });
  const changes = new vscode.EventEmitter<AtlasChange>();
  atlas.onDidChange((change) => changes.fire(change));
  const uri = vscode.Uri.file('/note.md');
  const service = { atlas, onDidChange: changes.event, uriOf: () => uri, ready: Promise.resolve(), skipped: 0, isNote: () => true, pathOf: () => '' };

  // The tree as VS Code drives it: every open list's rows, one tree item each.
  const tree = new ProtocolsTree(service as unknown as AtlasService);
  let rowsFetched = 0;
  const fetch = (element?: ProtocolsTreeElement): void => {
    for (const child of tree.getChildren(element)) {
      const item = tree.getTreeItem(child);
      rowsFetched++;
      if (item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) fetch(child);
    }
  };
  fetch();
  let treeDone: (() => void) | undefined;
  tree.onDidChangeTreeData((elements) => {
    rowsFetched = 0;
    if (!elements) fetch();
    else
      for (const element of elements) {
        const item = tree.getTreeItem(element);
        rowsFetched++;
        if (item.collapsibleState === vscode.TreeItemCollapsibleState.Expanded) fetch(element);
      }
    treeDone?.();
  });

  // The graph panel, with a webview that only counts what it is sent.
  let receive: ((message: unknown) => void) | undefined;
  let graphDone: (() => void) | undefined;
  let nodesPatched = 0;
  const panel = {
    webview: {
      html: '',
      cspSource: 'bench',
      asWebviewUri: (each: unknown) => each,
      onDidReceiveMessage: (listener: (message: unknown) => void) => ((receive = listener), { dispose() {} }),
      postMessage: async (message: { type: string; patch?: { upserted: unknown[] } }) => {
        if (message.type === 'patch') {
          nodesPatched = message.patch?.upserted.length ?? 0;
          graphDone?.();
        }
        return true;
      },
    },
    onDidDispose: () => ({ dispose() {} }),
    onDidChangeViewState: () => ({ dispose() {} }),
    visible: true,
    reveal() {},
    dispose() {},
  };
  const log = { warn: console.warn, info() {}, error: console.error };
  const memory = { get: () => undefined, update: () => Promise.resolve(), keys: () => [] };
  const graphPanel = new GraphPanel(panel as never, uri as never, service as unknown as AtlasService, log as never, memory as never);
  receive?.({ type: 'ready' });
  await sleep(50);

  // The longest task: a 2 ms interval, late by how much.
  let longest = 0;
  let last = performance.now();
  const ticker = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last - 2);
    last = at;
  }, 2);

  const edit = async (apply: () => void): Promise<EditFigures> => {
    await sleep(20);
    longest = 0;
    last = performance.now();
    const treeUpdated = new Promise<void>((resolve) => (treeDone = resolve));
    const graphUpdated = new Promise<void>((resolve) => (graphDone = resolve));
    const started = performance.now();
    apply();
    const indexMs = performance.now() - started;
    // Done here so it can be told apart; the tree and graph would each ask for it first otherwise.
    atlas.exposureCounts();
    const exposureMs = performance.now() - started - indexMs;
    let treeMs = NaN;
    let graphMs = NaN;
    await Promise.race([
      Promise.all([treeUpdated.then(() => (treeMs = performance.now() - started)), graphUpdated.then(() => (graphMs = performance.now() - started))]),
      sleep(10_000),
    ]);
    await sleep(20);
    return { indexMs, exposureMs, treeMs, graphMs, longestTaskMs: longest, rowsFetched, nodesPatched };
  };

  const text = (relative: string) => fs.readFileSync(path.join(folder, relative), 'utf8');
  const withDependencies = (source: string, names: string[]) =>
    source.replace(/^depends_on:.*$/m, `depends_on: [${names.map((name) => JSON.stringify(name)).join(', ')}]`);
  const nameOf = (notePath: string) => atlas.index.protocol(notePath)?.name.value ?? notePath;
  const paths = index.paths();
  const application = paths.find((each) => each.startsWith('application/')) as string;
  const computes = paths.filter((each) => atlas.index.protocol(each)?.category?.value === 'compute');
  const dependencies = (atlas.index.protocol(application)?.dependsOn ?? []).map(nameOf);
  const figures: Record<string, EditFigures[]> = { 'depends_on edit': [], 'new note': [] };
  for (let round = 0; round < 5; round++) {
    figures['depends_on edit'].push(await edit(() => atlas.index.set(application, withDependencies(text(application), [...dependencies, nameOf(computes[round])]))));
    figures['depends_on edit'].push(await edit(() => atlas.index.set(application, text(application))));
  }
  for (let round = 0; round < 3; round++) {
    const added = `application/zz-bench-${round}.md`;
    figures['new note'].push(await edit(() => atlas.index.set(added, text(application).replace(/^protocol:.*$/m, `protocol: Bench Note ${round}`))));
    await edit(() => atlas.index.delete(added));
  }
  clearInterval(ticker);
  graphPanel.dispose();
  tree.dispose();

  const rows: BenchRow[] = [];
  for (const [kind, runs] of Object.entries(figures)) {
    const treeMs = median(runs.map((run) => run.treeMs));
    const graphMs = median(runs.map((run) => run.graphMs));
    const longestMs = median(runs.map((run) => run.longestTaskMs));
    const worstMs = Math.max(...runs.map((run) => run.longestTaskMs));
    rows.push(
      { name: `${label}: ${kind}, index update (core)`, value: Number(median(runs.map((run) => run.indexMs)).toFixed(1)), unit: 'ms', target: 'report', ok: true },
      { name: `${label}: ${kind}, exposure recompute (core)`, value: Number(median(runs.map((run) => run.exposureMs)).toFixed(1)), unit: 'ms', target: 'report', ok: true },
      { name: `${label}: ${kind} → tree refreshed (median of ${runs.length})`, value: Math.round(treeMs), unit: 'ms', target: '<= 300', ok: treeMs <= 300, note: `${median(runs.map((run) => run.rowsFetched))} rows fetched` },
      { name: `${label}: ${kind} → graph patch posted (median of ${runs.length})`, value: Math.round(graphMs), unit: 'ms', target: '<= 300', ok: graphMs <= 300, note: `${median(runs.map((run) => run.nodesPatched))} protocols in the patch` },
      // The exposure pass runs in the same task as the index update here (see above).
      { name: `${label}: ${kind}, longest task (median)`, value: Math.round(longestMs), unit: 'ms', target: '<= 50', ok: longestMs <= 50, note: `worst ${Math.round(worstMs)} ms` },
    );
  }
  return rows;
}

async function main(): Promise<void> {
  const folders = process.argv.length > 2 ? process.argv.slice(2) : (['hubs', 'cyclic'] as VaultShape[]).map(vaultFolder);
  for (const folder of folders) for (const row of await benchVault(folder)) console.log(JSON.stringify(row));
  process.exit(0);
}

void main();
