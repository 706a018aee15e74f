// The report as a researcher reads it in a terminal (one line a protocol, fitted to the width,
// CJK names lined up; --long the full table; --exposure how many paths) and as a script reads it
// (--json, with the exposure count and a bounded list, also on a hub-shaped vault).
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import stringWidth from 'string-width';
import { runCli } from '../../../src/cli/main';
import type { AtlasReport } from '../../../src/core/present/report';

const EXAMPLES = path.resolve(__dirname, '../../../examples/deepseek-2025');

function run(argv: string[], columns?: number): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (text) => (out += text + '\n'), err: (text) => (err += text + '\n'), columns });
  return { code, out, err };
}

function tempNotes(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-report-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

function note(name: string, layer: string, category: string, dependsOn: string[] = []): string {
  return `---\nprotocol: ${JSON.stringify(name)}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n# ${name}\n`;
}

/** 60 compute networks (negative), 5 agent frameworks on all of them, 200 apps on 3 frameworks each. */
function hubVault(): string {
  const files: Record<string, string> = {};
  const computes = Array.from({ length: 60 }, (_, i) => `Compute Network Number ${i}`);
  const hubs = Array.from({ length: 5 }, (_, i) => `Agent Framework ${i}`);
  computes.forEach((name, i) => (files[`infrastructure/c${i}.md`] = note(name, 'infrastructure', 'compute')));
  hubs.forEach((name, i) => (files[`middleware/h${i}.md`] = note(name, 'middleware', 'agent-framework', computes)));
  for (let i = 0; i < 200; i++) files[`application/a${i}.md`] = note(`Application ${i}`, 'application', 'defai', [0, 1, 2].map((k) => hubs[(i + k) % 5]));
  return tempNotes(files);
}

/** The lines after the framework line and the blank one: the header and one per protocol. */
const tableLines = (out: string) => out.trimEnd().split('\n').slice(2);

describe('protocol-atlas report', () => {
  describe('one line per protocol (the default)', () => {
    it('prints a header and exactly one line per protocol, none wider than the terminal', () => {
      for (const columns of [60, 80, 100, 181]) {
        const { code, out } = run(['report', EXAMPLES], columns);
        assert.equal(code, 0);
        const lines = tableLines(out);
        assert.match(lines[0], /^LAYER\s+PROTOCOL\s+VERDICT\s+EXPOSURE\s+RE/);
        assert.equal(lines.length, 1 + 20);
        for (const line of lines) assert.ok(stringWidth(line) <= columns, `${stringWidth(line)} > ${columns}: ${line}`);
      }
    });

    it('fits 100 columns when the output is not a terminal', () => {
      const lines = tableLines(run(['report', EXAMPLES]).out);
      assert.ok(lines.some((line) => stringWidth(line) === 100), 'long reasons run to the edge');
      for (const line of lines) assert.ok(stringWidth(line) <= 100, line);
    });

    it("shows the reason's first sentence, cut with … when the line is full", () => {
      const wide = tableLines(run(['report', EXAMPLES], 400).out);
      const ionet = wide.find((line) => line.includes(' io.net '))!;
      assert.match(ionet, /Centralised clouds, and many countries, already deploy DeepSeek\.$/);
      const narrow = tableLines(run(['report', EXAMPLES], 100).out).find((line) => line.includes(' io.net '))!;
      assert.match(narrow, /Centralised clouds.*…$/);
      assert.doesNotMatch(narrow, /flood/);
    });

    it('gives exposure in short form: the count and the nearest path, or the single path', () => {
      const lines = tableLines(run(['report', EXAMPLES], 400).out);
      assert.match(lines.find((line) => line.includes('Yield Pilot'))!, /2, nearest: Eliza → Akash; Bittensor → io\.net/);
      assert.match(lines.find((line) => line.includes('Bittensor'))!, /via io\.net/);
      assert.match(lines.find((line) => line.includes(' Akash '))!, /negative\s+—/);
    });

    it('lines up every column after a Chinese name, by display width', () => {
      const folder = tempNotes({
        'infrastructure/zh.md': note('去中心化算力网络', 'infrastructure', 'compute'),
        'infrastructure/io.md': note('io.net', 'infrastructure', 'compute'),
        'application/app.md': note('智能体应用', 'application', 'defai', ['去中心化算力网络']),
        'application/latin.md': note('Yield Pilot', 'application', 'defai', ['io.net']),
      });
      const lines = tableLines(run(['report', folder], 120).out);
      assert.equal(lines.length, 5);
      // The verdict starts at the same column on every line, whatever the name's script.
      const verdictColumn = (line: string) => stringWidth(line.slice(0, line.search(/VERDICT|negative|positive/)));
      const columns = lines.map(verdictColumn);
      assert.ok(columns.every((column) => column === columns[0]), JSON.stringify(columns));
      const exposureColumn = (line: string) => stringWidth(line.slice(0, line.search(/EXPOSURE|—|via /)));
      assert.ok(lines.every((line) => exposureColumn(line) === exposureColumn(lines[0])), lines.join('\n'));
    });

    it('caps the name column: a 999,000-character name neither crashes nor pads every row', () => {
      const folder = tempNotes({
        'application/long.md': note('N'.repeat(999_000), 'application', 'defai', ['io.net']),
        'infrastructure/io.md': note('io.net', 'infrastructure', 'compute'),
      });
      const { code, out } = run(['report', folder], 100);
      assert.equal(code, 0);
      const lines = tableLines(out);
      assert.equal(lines.length, 3);
      for (const line of lines) assert.ok(stringWidth(line) <= 100, `${line.length} characters`);
      assert.match(lines.find((line) => line.startsWith('application'))!, /N…\s+positive.*via io\.net/);
      const long = run(['report', folder, '--long'], 120);
      assert.equal(long.code, 0);
      for (const line of long.out.split('\n')) assert.ok(stringWidth(line) <= 120, `${line.length} characters`);
    });

    it('keeps control characters and line breaks in note text from breaking the line', () => {
      const folder = tempNotes({ 'a.md': note('Evil\u001b[2J\nName', 'infrastructure', 'compute') });
      const lines = tableLines(run(['report', folder], 100).out);
      assert.equal(lines.length, 2);
      assert.ok(!lines[1].includes('\u001b'), JSON.stringify(lines[1]));
    });
  });

  describe('--long', () => {
    it('prints the full table: whole reasons, sections and the nearest paths one a line', () => {
      const { code, out } = run(['report', EXAMPLES, '--long'], 160);
      assert.equal(code, 0);
      assert.match(out, /LAYER\s+PROTOCOL\s+VERDICT\s+REASON\s+SECTION\s+EXPOSURE/);
      assert.match(out, /death\s+spiral/, 'the reason in full');
      assert.match(out, /2, 3 \(negative\)/, 'the section');
      assert.match(out, /exposed to 2 negatively/);
      assert.match(out, /Eliza → Akash/);
      assert.match(out, /exposed via io\.net/);
    });
  });

  describe('--exposure', () => {
    let vault: string;
    before(() => (vault = hubVault()));

    it('names the nearest 3 by default, n with --exposure n and all with --exposure all; the count is always all', () => {
      const json = (...options: string[]): AtlasReport => JSON.parse(run(['report', vault, '--json', ...options]).out);
      const app = (report: AtlasReport) => report.protocols.find((protocol) => protocol.name === 'Application 7')!;
      for (const [options, listed] of [[[], 3], [['--exposure', '1'], 1], [['--exposure', '10'], 10], [['--exposure', 'all'], 60]] as const) {
        const { exposureCount, exposure } = app(json(...options));
        assert.equal(exposureCount, 60, options.join(' '));
        assert.equal(exposure.length, listed, options.join(' '));
        assert.equal(new Set(exposure.map((each) => each.path.at(-1))).size, listed, 'distinct negative protocols');
        for (const each of exposure) assert.equal(each.path.length, 3, 'application → framework → compute');
      }
    });

    it('applies to the text report too', () => {
      const line = (options: string[]) => tableLines(run(['report', vault, ...options], 1000).out).find((each) => / Application 7 /.test(each))!;
      // Each path is shown from the dependency on: framework → compute.
      assert.equal(line([]).match(/Agent Framework \d → Compute/g)?.length, 3);
      assert.equal(line(['--exposure', '1']).match(/Agent Framework \d → Compute/g)?.length, 1);
      // All 60 do not fit a line: as many as the column holds, then "…".
      assert.ok(line(['--exposure', 'all']).match(/Agent Framework \d → Compute/g)!.length > 3);
      assert.match(line(['--exposure', 'all']), /…\s/);
      const long = run(['report', vault, '--long', '--exposure', '2'], 200).out;
      assert.match(long, /exposed to 60 negatively affected protocols, nearest:/);
    });

    it('refuses anything but all or a whole number from 1', () => {
      for (const bad of ['0', '-1', '2.5', 'some', '']) assert.equal(run(['report', vault, '--exposure', bad]).code, 2, bad);
    });
  });

  describe('--json', () => {
    it('adds exposureCount and stays under 2 KB a protocol on a hub-shaped vault', () => {
      const { code, out } = run(['report', hubVault(), '--json']);
      assert.equal(code, 0);
      const report: AtlasReport = JSON.parse(out);
      assert.equal(report.protocols.length, 265);
      assert.ok(Buffer.byteLength(out) <= 265 * 2048, `${Buffer.byteLength(out)} bytes`);
      for (const protocol of report.protocols) {
        // A hub's own 60 dependencies are its own; what exposure adds is bounded.
        const bytes = Buffer.byteLength(JSON.stringify({ ...protocol, dependsOn: [] }, null, 2));
        assert.ok(bytes <= 2048, `${protocol.name}: ${bytes} bytes`);
        assert.ok(protocol.exposure.length <= 3);
        assert.equal(protocol.exposureCount >= protocol.exposure.length, true);
      }
      const hub = report.protocols.find((protocol) => protocol.name === 'Agent Framework 0')!;
      assert.equal(hub.exposureCount, 60);
      assert.deepEqual(hub.exposure.map((each) => each.path), [
        ['Agent Framework 0', 'Compute Network Number 0'],
        ['Agent Framework 0', 'Compute Network Number 1'],
        ['Agent Framework 0', 'Compute Network Number 10'],
      ], 'equally near: the smaller note paths first (c0, c1, c10)');
      assert.equal(hub.exposure[0].verdict.value, 'negative');
    });
  });
});
