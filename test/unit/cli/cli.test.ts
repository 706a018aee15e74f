import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import type { AtlasReport } from '../../../src/core/present/report';

const EXAMPLES = path.resolve(__dirname, '../../../examples/deepseek-2025');

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli(argv, { out: (text) => (out += text + '\n'), err: (text) => (err += text + '\n') });
  return { code, out, err };
}

function tempNotes(files: Record<string, string | Buffer>): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-cli-'));
  for (const [name, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), content);
  }
  return folder;
}

function note(name: string, layer: string, category: string, dependsOn: string[] = []): string {
  return `---\nprotocol: ${name}\nlayer: ${layer}\ncategory: ${category}\ndepends_on: [${dependsOn.map((d) => JSON.stringify(d)).join(', ')}]\n---\n# ${name}\n`;
}

describe('protocol-atlas CLI', () => {
  describe('report --json on the example workspace', () => {
    let report: AtlasReport;
    const byName = (name: string) => {
      const protocol = report.protocols.find((candidate) => candidate.name === name);
      assert.ok(protocol, `${name} is in the report`);
      return protocol;
    };

    before(() => {
      const result = run('report', EXAMPLES, '--json');
      assert.equal(result.code, 0, result.err);
      report = JSON.parse(result.out);
    });

    it('names the framework and lists every note with a relative file', () => {
      assert.deepEqual(report.framework.id, 'deepseek-2025');
      assert.match(report.framework.title, /DeepSeek/);
      assert.equal(report.protocols.length, 20);
      assert.equal(byName('io.net').file, 'infrastructure/io-net.md');
      assert.deepEqual(report.diagnostics, []);
    });

    it('flags decentralised compute negative, with the reason and section', () => {
      for (const name of ['io.net', 'Render', 'Akash']) {
        const { verdict, layer, category } = byName(name);
        assert.deepEqual([layer, category, verdict.value, verdict.section, verdict.source], ['infrastructure', 'compute', 'negative', '2, 3 (negative)', 'framework']);
        assert.match(verdict.rationale, /price war/);
      }
    });

    it('flags the model layer positive and DeFAI strongest positive', () => {
      assert.equal(byName('Bittensor').verdict.value, 'positive');
      assert.equal(byName('Bittensor').verdict.section, '3 (positive)');
      const defai = byName('Yield Pilot').verdict;
      assert.deepEqual([defai.value, defai.strength, defai.section], ['positive', 'strongest', 'TLDR, 4']);
    });

    it('flags AI agents negative in the short term and positive in the long term', () => {
      const agents = byName('Ledger Scout').verdict;
      assert.deepEqual([agents.value, agents.horizon, agents.section], ['negative', 'short-term', '4']);
      assert.deepEqual([agents.outlook?.value, agents.outlook?.horizon], ['positive', 'long-term']);
    });

    it('does not assess storage, L1 and middleware, and invents no section', () => {
      for (const name of ['Arweave', 'Filecoin', 'Storj', 'NEAR', 'Olas', 'Fetch.ai', 'Grass', 'Eliza', 'Swarms']) {
        const { verdict } = byName(name);
        assert.equal(verdict.value, 'not-assessed', name);
        assert.equal(verdict.section, undefined, name);
        assert.match(verdict.rationale, /Not assessed by this framework/);
      }
    });

    it("shows the researcher's override as an override, with its reason", () => {
      const phala = byName('Phala').verdict;
      assert.deepEqual([phala.value, phala.source], ['positive', 'override']);
      assert.match(phala.rationale, /^My view:/);
    });

    it('reports exposure paths from applications down to compute, by name', () => {
      const paths = byName('Yield Pilot').exposure.map((exposure) => exposure.path.join(' → '));
      assert.ok(paths.includes('Yield Pilot → Eliza → Akash'), paths.join('; '));
      assert.ok(paths.includes('Yield Pilot → Bittensor → io.net'), paths.join('; '));
      for (const exposure of byName('Yield Pilot').exposure) assert.equal(exposure.verdict.value, 'negative');
      assert.deepEqual(byName('io.net').exposure, [], 'a protocol is not exposed to itself');
      assert.deepEqual(byName('Yield Pilot').dependsOn.sort(), ['Bittensor', 'Eliza']);
    });
  });

  it('prints a readable table with --long', () => {
    const { code, out } = run('report', EXAMPLES, '--long');
    assert.equal(code, 0);
    assert.match(out, /LAYER\s+PROTOCOL\s+VERDICT\s+REASON\s+SECTION\s+EXPOSURE/);
    assert.match(out, /io\.net/);
    assert.match(out, /negative \(short-term\); positive \(long-term\)/);
  });

  it('finds Bittensor from a dropped-vowel query', () => {
    const { code, out } = run('search', EXAMPLES, 'btensr', '--json');
    assert.equal(code, 0);
    assert.equal(JSON.parse(out)[0].name, 'Bittensor');
  });

  it('exports the graph as Mermaid, DOT and JSON', () => {
    assert.match(run('graph', EXAMPLES, '--format', 'mermaid').out, /^flowchart BT/);
    assert.match(run('graph', EXAMPLES, '--format', 'dot').out, /digraph/);
    const json = JSON.parse(run('graph', EXAMPLES).out);
    assert.equal(json.nodes.length, 20);
  });

  it('compares two frameworks: flipping compute changes exactly the compute protocols', () => {
    // The built-in framework with one rule changed: only the compute protocols may change.
    const folder = tempNotes({});
    const flipped = path.join(folder, 'compute-rebound.json');
    const builtin = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../src/core/framework/builtin/deepseek-2025.json'), 'utf8'));
    builtin.id = 'compute-rebound';
    const compute = builtin.rules.find((rule: { match: { category?: string } }) => rule.match.category === 'compute');
    compute.verdict = 'positive';
    compute.rationale = 'Cheaper inference raises total demand for compute.';
    fs.writeFileSync(flipped, JSON.stringify(builtin));
    const { code, out, err } = run('compare', EXAMPLES, '--framework', 'deepseek-2025', '--framework', flipped, '--json');
    assert.equal(code, 0, err);
    const comparison = JSON.parse(out);
    assert.deepEqual(comparison.changes.map((change: { name: string }) => change.name).sort(), ['Akash', 'Render', 'io.net']);
    for (const change of comparison.changes) assert.notEqual(change.from.value, change.to.value);
  });

  it('check exits 1 on errors and 0 on a clean workspace, printing file:line', () => {
    assert.equal(run('check', EXAMPLES).code, 0);
    const folder = tempNotes({ 'broken.md': '---\nprotocol: Broken\nlayer: [unclosed\n---\n# Broken\n' });
    const { code, out } = run('check', folder);
    assert.equal(code, 1);
    assert.match(out, /^broken\.md:\d+:\d+ error .*\[invalid-yaml\]$/m);
  });

  it('turns malformed input into diagnostics, never a crash', () => {
    const chain = Object.fromEntries(
      Array.from({ length: 1000 }, (_, i) => [`chain/n${i}.md`, note(`N${i}`, 'middleware', 'data', i < 999 ? [`N${i + 1}`] : [])]),
    );
    const folder = tempNotes({
      ...chain,
      'binary.md': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0xff]),
      'huge.md': note('Huge', 'model', 'model-training') + 'lorem ipsum [[N1]] '.repeat(280_000),
      'self.md': note('Selfish', 'application', 'defai', ['Selfish']),
      'yaml.md': '---\nprotocol: "unterminated\n---\n',
    });
    const { code, out, err } = run('check', folder, '--json');
    assert.equal(code, 1);
    const diagnostics: Array<{ file: string; code: string }> = JSON.parse(out);
    const codes = (file: string) => diagnostics.filter((d) => d.file === file).map((d) => d.code);
    assert.ok(codes('self.md').includes('self-dependency'), JSON.stringify(codes('self.md')));
    assert.ok(codes('yaml.md').includes('invalid-yaml'));
    assert.ok(codes('huge.md').includes('note-too-large'));
    assert.match(err + JSON.stringify(diagnostics), /binary\.md/);
    const report = JSON.parse(run('report', folder, '--json').out);
    assert.ok(report.protocols.length >= 1003);
  });

  it('answers bad usage with exit 2 and help, and --help with exit 0', () => {
    assert.equal(run('frobnicate').code, 2);
    assert.equal(run('report').code, 2);
    assert.equal(run('report', '/nonexistent/folder').code, 2);
    assert.equal(run('report', EXAMPLES, '--no-such-option').code, 2);
    assert.equal(run('report', EXAMPLES, '--framework', 'no-such-framework').code, 2);
    assert.equal(run('graph', EXAMPLES, '--format', 'png').code, 2);
    assert.equal(run('compare', EXAMPLES, '--framework', 'deepseek-2025').code, 2);
    assert.equal(run('--help').code, 0);
    for (const command of ['report', 'graph', 'search', 'compare', 'check']) {
      const { code, out } = run(command, '--help');
      assert.equal(code, 0);
      assert.match(out, new RegExp(`^Usage: protocol-atlas ${command}`));
    }
  });

  it('runs as a process and exits with the command\'s code', () => {
    const result = spawnSync(process.execPath, ['--import', 'tsx', path.resolve(__dirname, '../../../src/cli/main.ts'), 'check', '/nonexistent'], { encoding: 'utf8' });
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /is not a folder/);
  });
});
