import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';

// What a cloned vault's text can do to a terminal: a newline in a category or file name forged
// an `error` line in `check` while the summary said 0 errors; ESC sequences recoloured the
// terminal; a direction override (Trojan source) made a name read backwards.
const CLI = path.resolve(__dirname, '../../../src/cli/main.ts');

function run(...argv: string[]): string {
  let out = '';
  runCli(argv, { out: (text) => (out += text + '\n'), err: (text) => (out += text + '\n'), columns: 200 });
  return out;
}

describe('the CLI in a terminal, with hostile note text', function () {
  this.timeout(30_000);
  let folder: string;

  before(() => {
    folder = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-terminal-'));
    const write = (name: string, text: string) => fs.writeFileSync(path.join(folder, name), text);
    write('forged.md', '---\nprotocol: Forged\nlayer: infrastructure\ncategory: "x\\nforged.md:1:1 error Everything is broken [invalid-yaml]"\n---\n');
    write('ansi.md', '---\nprotocol: "\\e[31mRed\\e[0m Alert"\nlayer: model\n---\n');
    write('bidi.md', '---\nprotocol: "admin\\u202Egnp.exe"\nlayer: model\n---\n');
    write(`line\nbreak.md`, '---\nprotocol: Line Break\nlayer: modle\n---\n');
  });
  after(() => fs.rmSync(folder, { recursive: true, force: true }));

  it('check prints one line per problem, none forged, and its count matches', () => {
    const out = run('check', folder);
    const lines = out.trimEnd().split('\n');
    const problems = lines.slice(0, -1);
    assert.ok(problems.every((line) => /^[^\n]+:\d+:\d+ (error|warning|information|hint) /.test(line)), out);
    assert.ok(!problems.some((line) => line.startsWith('forged.md:1:1 error Everything')), 'no forged line');
    assert.match(lines[lines.length - 1], /0 error\(s\)/);
    assert.ok(out.includes('line\u240abreak.md'), 'the file name shows its newline');
  });

  it('report and search show escapes and direction overrides instead of obeying them', () => {
    for (const out of [run('report', folder), run('report', folder, '--long'), run('search', folder, 'alert')]) {
      assert.ok(!out.includes('\u001b'), 'no escape character reaches the terminal');
      assert.ok(!out.includes('\u202E'), 'no direction override reaches the terminal');
    }
    assert.ok(run('report', folder).includes('admin⟨U+202E⟩gnp.exe'));
    assert.ok(run('report', folder).includes('\u241b[31mRed'));
  });

  it('a reader closing the pipe early ends the CLI quietly', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', CLI, 'report', folder, '--long'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.doesNotMatch(stderr, /EPIPE|Unhandled/);
    assert.equal(code, 0);
  });
});
