// Churn in the real extension host: 1,000 file-system changes made from outside (create, edit,
// rename and delete files and folders, edits of notes open in an editor, editor edits saved,
// WorkspaceEdit renames, `git checkout` of another branch in a folder with its own repository),
// fast, while the extension runs. Afterwards the tree, the diagnostics and the graph must equal
// what a fresh index of the same files shows.
import * as assert from 'assert';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { buildGraphView } from '../unit/graphView/wholeView';
import { parseNote } from '../../src/core/note/parseNote';
import { atlasInternals, closeAllEditors, revertAll, treeRows, waitFor, workspaceUri } from './atlasTestApi';
import type { AtlasInternals } from '../../src/extension/testInternals';

const CHANGES = 1000;
const ROOT = 'churn';
const EXAMPLE_NAMES = ['Akash', 'io.net', 'Bittensor', 'Eliza', 'Render', 'Nowhere Protocol'];
const LAYERS = ['infrastructure', 'middleware', 'model', 'application', 'no such layer', undefined];
const FOLDERS = ['infra', 'apps', 'model', 'misc', 'deep/er/still'];

/** A small seeded generator: the same churn on every run, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface Snapshot {
  tree: string[];
  diagnostics: string[];
  graph: unknown;
}

async function snapshot(api: AtlasInternals): Promise<Snapshot> {
  await api.service.settled();
  const tree = (await treeRows(api)).map((row) => {
    const tooltip = row.item.tooltip instanceof vscode.MarkdownString ? row.item.tooltip.value : String(row.item.tooltip ?? '');
    return `${'  '.repeat(row.depth)}${row.label} | ${row.description} | ${tooltip}`;
  });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.toString() ?? '';
  const diagnostics = vscode.languages
    .getDiagnostics()
    .filter(([uri]) => uri.toString().startsWith(folder))
    .flatMap(([uri, list]) => list.map((d) => `${vscode.workspace.asRelativePath(uri)}:${d.range.start.line}:${d.range.start.character} ${d.severity} ${String(d.code)} ${d.message}`))
    .sort();
  // Positions are the live layout's business (it keeps protocols where they were); what is drawn is not.
  const model = buildGraphView(api.service.atlas);
  const graph = {
    nodes: model.nodes.map(({ x: _x, y: _y, ...node }) => node).sort((a, b) => (a.id < b.id ? -1 : 1)),
    edges: model.edges.map((edge) => `${edge.source} -> ${edge.target}`).sort(),
    bands: model.bands.map((band) => `${band.label} ${band.count}`),
  };
  return { tree, diagnostics, graph };
}

/** What the exported SVG says, without coordinates: the bands, each protocol's title, the edge count. */
function svgContent(svg: string): { bands: string[]; protocols: string[]; edges: number } {
  const bands = [...svg.matchAll(/<text class="band-label"[^>]*>([^<]*)<\/text>/g)].map((match) => match[1]);
  const protocols = [...svg.matchAll(/<g class="protocol">\s*<title>([^<]*)<\/title>/g)].map((match) => match[1]).sort();
  return { bands, protocols, edges: (svg.match(/<line class="edge"/g) ?? []).length };
}

async function exportSvg(file: string): Promise<string> {
  fs.rmSync(file, { force: true });
  // Editors opened during the churn may have covered the panel: bring it forward to draw again.
  await vscode.commands.executeCommand('protocolAtlas.showGraph');
  await waitFor(
    'the graph to export',
    async () => {
      if (!fs.existsSync(file)) await vscode.commands.executeCommand('protocolAtlas.exportGraph', vscode.Uri.file(file));
      return fs.existsSync(file);
    },
    30000,
  );
  return fs.readFileSync(file, 'utf8');
}

describe('Churn', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-churn-'));
  let base: string;

  before(() => {
    base = workspaceUri(ROOT).fsPath;
  });

  after(async () => {
    await revertAll();
    await closeAllEditors();
    fs.rmSync(base, { recursive: true, force: true });
    fs.rmSync(scratch, { recursive: true, force: true });
    const api = await atlasInternals();
    await waitFor('the churn notes to leave the index', () => api.service.atlas.index.paths().every((each) => !each.startsWith(`${ROOT}/`)), 20000);
  });

  it(`after ${CHANGES} file-system changes, the tree, diagnostics and graph equal a fresh index`, async function () {
    this.timeout(600000);
    const api = await atlasInternals();
    const before = new Set(api.service.atlas.index.paths());
    await vscode.commands.executeCommand('protocolAtlas.showGraph');

    const next = random(20261203);
    const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)];
    const files: string[] = []; // relative to base
    let serial = 0;
    const noteText = (): string => {
      const id = serial++;
      const lines = ['---', `protocol: Churn ${id}`];
      const layer = pick(LAYERS);
      if (layer) lines.push(`layer: ${layer}`);
      const names = [...Array(Math.floor(next() * 4))].map(() => (next() < 0.5 || serial < 5 ? pick(EXAMPLE_NAMES) : `Churn ${Math.floor(next() * serial)}`));
      if (names.length) lines.push(`depends_on: [${names.map((name) => JSON.stringify(name)).join(', ')}]`);
      if (next() < 0.1) lines.push('impact: {verdict: negative, reason: churned}');
      if (next() < 0.05) lines.push('aliases: [: broken');
      lines.push('---', '', `# Churn ${id}`, '', next() < 0.3 ? 'Runs on [[Akash]].' : 'Plain prose.', '');
      return lines.join('\n');
    };
    const write = (relative: string, text: string): void => {
      fs.mkdirSync(path.dirname(path.join(base, relative)), { recursive: true });
      fs.writeFileSync(path.join(base, relative), text);
    };
    const newFile = (folder = pick(FOLDERS)): string => `${folder}/n${serial}-${Math.floor(next() * 1e6)}.md`;
    const forgetUnder = (folder: string): void => {
      for (let i = files.length - 1; i >= 0; i--) if (files[i].startsWith(`${folder}/`)) files.splice(i, 1);
    };

    // A folder with its own repository and two branches that differ in most notes.
    const git = (...args: string[]): string => execFileSync('git', args, { cwd: path.join(base, 'repo'), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    fs.mkdirSync(path.join(base, 'repo'), { recursive: true });
    git('init', '-q', '-b', 'main');
    git('config', 'user.email', 'churn@example.invalid');
    git('config', 'user.name', 'Churn');
    for (let i = 0; i < 30; i++) fs.writeFileSync(path.join(base, 'repo', `r${i}.md`), noteText());
    git('add', '-A');
    git('commit', '-qm', 'main');
    git('checkout', '-q', '-b', 'other');
    for (let i = 0; i < 30; i += 2) fs.writeFileSync(path.join(base, 'repo', `r${i}.md`), noteText());
    for (let i = 1; i < 30; i += 5) fs.rmSync(path.join(base, 'repo', `r${i}.md`));
    fs.mkdirSync(path.join(base, 'repo', 'infra'));
    for (let i = 3; i < 30; i += 7) fs.renameSync(path.join(base, 'repo', `r${i}.md`), path.join(base, 'repo', 'infra', `r${i}.md`));
    git('add', '-A');
    git('commit', '-qm', 'other');
    let branch = 'other';

    const counts: Record<string, number> = {};
    const count = (kind: string): void => void (counts[kind] = (counts[kind] ?? 0) + 1);
    for (let change = 0; change < CHANGES; change++) {
      const roll = next();
      if (change % 250 === 125) {
        branch = branch === 'main' ? 'other' : 'main';
        git('checkout', '-q', branch);
        count('git checkout');
      } else if (files.length < 10 || roll < 0.25) {
        const file = newFile();
        write(file, noteText());
        files.push(file);
        count('create');
      } else if (roll < 0.5) {
        write(pick(files), noteText());
        count('external edit');
      } else if (roll < 0.62) {
        const from = pick(files);
        const to = newFile();
        fs.mkdirSync(path.dirname(path.join(base, to)), { recursive: true });
        fs.renameSync(path.join(base, from), path.join(base, to));
        files[files.indexOf(from)] = to;
        count('rename file');
      } else if (roll < 0.72) {
        const file = pick(files);
        fs.rmSync(path.join(base, file));
        files.splice(files.indexOf(file), 1);
        count('delete file');
      } else if (roll < 0.76) {
        const from = pick(files).split('/')[0];
        const to = `${pick(['infra', 'apps', 'model', 'misc', 'deep'])}${next() < 0.5 ? '' : `-${serial}`}`;
        if (from !== to && !fs.existsSync(path.join(base, to))) {
          fs.renameSync(path.join(base, from), path.join(base, to));
          for (let i = 0; i < files.length; i++) if (files[i].startsWith(`${from}/`)) files[i] = `${to}${files[i].slice(from.length)}`;
        }
        count('rename folder');
      } else if (roll < 0.78) {
        const folder = pick(files).split('/')[0];
        fs.rmSync(path.join(base, folder), { recursive: true, force: true });
        forgetUnder(folder);
        count('delete folder');
      } else if (roll < 0.82) {
        const folder = `batch-${serial}`;
        for (let i = 0; i < 5; i++) {
          const file = `${folder}/b${i}.md`;
          write(file, noteText());
          files.push(file);
        }
        count('create folder of notes');
      } else if (roll < 0.88) {
        // Open in an editor, then changed on disk underneath it.
        const file = pick(files);
        await vscode.window.showTextDocument(vscode.Uri.file(path.join(base, file)), { preview: true, preserveFocus: true });
        write(file, noteText());
        count('external edit of an open note');
      } else if (roll < 0.94) {
        const file = pick(files);
        const document = await vscode.workspace.openTextDocument(vscode.Uri.file(path.join(base, file)));
        const edit = new vscode.WorkspaceEdit();
        edit.replace(document.uri, new vscode.Range(0, 0, document.lineCount, 0), noteText());
        await vscode.workspace.applyEdit(edit);
        await document.save();
        count('editor edit, saved');
      } else {
        const from = pick(files);
        const to = newFile();
        const edit = new vscode.WorkspaceEdit();
        edit.renameFile(vscode.Uri.file(path.join(base, from)), vscode.Uri.file(path.join(base, to)));
        if (await vscode.workspace.applyEdit(edit)) files[files.indexOf(from)] = to;
        count('rename through a WorkspaceEdit');
      }
      // Bursts, then a breath: some events land together, some while the index is mid-update.
      if (change % 40 === 39) await new Promise((resolve) => setTimeout(resolve, 150));
      else if (next() < 0.2) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    console.log(`      ${CHANGES} changes: ${JSON.stringify(counts)}; ${files.length} notes in ${ROOT}/ besides ${ROOT}/repo`);

    // Quiet: two snapshots a second apart agree (every watcher event has arrived and been applied).
    let live = await snapshot(api);
    await waitFor(
      'the index to settle',
      async () => {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const again = await snapshot(api);
        const same = JSON.stringify(again) === JSON.stringify(live);
        live = again;
        return same;
      },
      60000,
    );
    const onDisk = (function list(dir: string, prefix: string): string[] {
      return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
        if (entry.name === '.git') return [];
        const relative = `${prefix}${entry.name}`;
        return entry.isDirectory() ? list(path.join(dir, entry.name), `${relative}/`) : entry.name.endsWith('.md') ? [relative] : [];
      });
    })(base, `${ROOT}/`).sort();
    const indexed = api.service.atlas.index.paths().filter((each) => each.startsWith(`${ROOT}/`)).sort();
    assert.deepStrictEqual(indexed, onDisk, 'the index holds exactly the notes on disk');
    // Each note as the index has it, against its file read now.
    const stale = indexed.filter((each) => {
      const onFile = parseNote(each, fs.readFileSync(path.join(base, each.slice(ROOT.length + 1)), 'utf8'));
      return JSON.stringify(api.service.atlas.index.note(each)) !== JSON.stringify(onFile);
    });
    assert.deepStrictEqual(
      stale.map((each) => `${each}: indexed as ${api.service.atlas.index.note(each)?.name.value}, file says ${parseNote(each, fs.readFileSync(path.join(base, each.slice(ROOT.length + 1)), 'utf8')).name.value}`),
      [],
      'every note reads as its file',
    );
    const liveSvg = svgContent(await exportSvg(path.join(scratch, 'live.svg')));

    await api.service.rebuild();
    const fresh = await snapshot(api);
    assert.deepStrictEqual(live.tree, fresh.tree, 'the tree equals a fresh index');
    assert.deepStrictEqual(live.diagnostics, fresh.diagnostics, 'the diagnostics equal a fresh index');
    assert.deepStrictEqual(live.graph, fresh.graph, 'the graph model equals a fresh index');
    const freshSvg = svgContent(await exportSvg(path.join(scratch, 'fresh.svg')));
    assert.deepStrictEqual(liveSvg, freshSvg, 'the graph panel drew what a fresh index draws');
    assert.ok(liveSvg.protocols.length >= before.size + files.length, 'the graph holds the churned notes');
  });
});
