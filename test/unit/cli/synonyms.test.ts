// The CLI reads `protocolAtlas.synonyms` from the folder's .vscode/settings.json (and only that
// file, only when it is a bounded regular file inside the folder), so `check` in CI reads the
// notes in the researcher's words as the editor does.
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from '../../../src/cli/main';
import { parseJsonWithComments, readFolderSetting } from '../../../src/node/folderSettings';
import type { AtlasReport } from '../../../src/core/present/report';

function run(...argv: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = runCli([...argv, '--lang', 'en'], { out: (text) => (out += text + '\n'), err: (text) => (err += text + '\n') });
  return { code, out, err };
}

const SETTINGS = `// VS Code writes comments and trailing commas
{
  "editor.fontSize": 14, /* not ours */
  "protocolAtlas.synonyms": {
    "layers": { "infrastructure": ["底层", "infra layer",], },
    "categories": {
      "compute": ["GPU网络"],
      "storage": ["算力"], // already compute: refused
    },
  },
}
`;

function vault(settings: string | null = SETTINGS): string {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-synonyms-'));
  const write = (name: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    fs.writeFileSync(path.join(folder, name), text);
  };
  write('底层/gpu.md', '---\nprotocol: GPU Net\ncategory: GPU网络\n---\n');
  write('agent.md', '---\nprotocol: Agent\nlayer: infra layer\ncategory: compute\ndepends_on: [GPU Net]\n---\n');
  if (settings !== null) write('.vscode/settings.json', settings);
  return folder;
}

describe('the CLI and the folder’s synonyms', () => {
  it('reads the notes in the words of .vscode/settings.json, and says on stderr what it left out', () => {
    const folder = vault();
    const check = run('check', folder);
    assert.equal(check.code, 0, check.out + check.err);
    assert.ok(!/unknown-(layer|category)/.test(check.out), check.out);
    assert.match(check.err, /^\.vscode\/settings\.json: protocolAtlas\.synonyms\.categories\.storage: “算力” already means compute; it is not added\.$/m);
    const report = JSON.parse(run('report', folder, '--json').out) as AtlasReport;
    const gpu = report.protocols.find((protocol) => protocol.name === 'GPU Net');
    assert.deepEqual([gpu?.layer, gpu?.category], ['infrastructure', 'compute']);
    assert.equal(report.protocols.find((protocol) => protocol.name === 'Agent')?.layer, 'infrastructure');
    assert.match(run('search', folder, 'GPU网络').out, /GPU Net/);
    assert.match(run('search', folder, 'infra layer').out, /Agent/);
  });

  it('without the file, or without the key, reads the built-in words only', () => {
    for (const settings of [null, '{ "editor.fontSize": 14 }']) {
      const check = run('check', vault(settings));
      assert.match(check.out, /unknown-layer/);
      assert.match(check.out, /unknown-category/);
      assert.equal(check.err, '');
    }
  });

  it('does not read a settings file that is a link out of the folder, a pipe, too large or not JSON', function () {
    if (process.platform === 'win32') this.skip();
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-outside-'));
    fs.writeFileSync(path.join(outside, 'settings.json'), SETTINGS);
    const cases: Array<[string, (file: string) => void, RegExp]> = [
      ['a link out of the folder', (file) => fs.symlinkSync(path.join(outside, 'settings.json'), file), /it is a link to a file outside the folder \(not read\)/],
      ['a named pipe', (file) => execFileSync('mkfifo', [file]), /it is not a regular file \(a named pipe\) \(not read\)/],
      ['a link to a device', (file) => fs.symlinkSync('/dev/zero', file), /it is a link to a file outside the folder/],
      ['over 1 MB', (file) => fs.writeFileSync(file, `{ "x": "${'y'.repeat(1024 * 1024)}" }`), /it is larger than 1 MB \(not read\)/],
      ['not JSON', (file) => fs.writeFileSync(file, '{ "protocolAtlas.synonyms": '), /it is not valid JSON/],
      ['a list', (file) => fs.writeFileSync(file, '[]'), /it does not hold an object of settings/],
    ];
    for (const [what, make, reason] of cases) {
      const folder = vault(null);
      fs.mkdirSync(path.join(folder, '.vscode'));
      make(path.join(folder, '.vscode', 'settings.json'));
      const started = Date.now();
      const check = run('check', folder);
      assert.ok(Date.now() - started < 5000, `${what}: never blocks`);
      assert.match(check.err, /^skipped \.vscode\/settings\.json: /m, what);
      assert.match(check.err, reason, what);
      assert.match(check.out, /unknown-layer/, `${what}: only the built-in words`);
    }
  });

  it('reads JSON with comments and trailing commas as VS Code does, strings untouched', () => {
    assert.deepEqual(parseJsonWithComments('\ufeff{ "a": "// not a comment", /* c */ "b": ["/* no */", "x,]",], // end\n }'), { a: '// not a comment', b: ['/* no */', 'x,]'] });
    assert.deepEqual(parseJsonWithComments('{"a": "quote \\" // still text", "b": 1,\n/* one */ // two\n}'), { a: 'quote " // still text', b: 1 });
    assert.deepEqual(parseJsonWithComments('[1, 2, /* , ] */ ]'), [1, 2]);
    assert.throws(() => parseJsonWithComments('{ "a": 1 /* never closed '));
    assert.throws(() => parseJsonWithComments('{ "a": , }'));
    // Linear on a file of commas and comments.
    const started = Date.now();
    assert.throws(() => parseJsonWithComments(`[${', /* */'.repeat(200_000)}`));
    assert.ok(Date.now() - started < 2000);
    assert.deepEqual(readFolderSetting(fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-none-')), 'protocolAtlas.synonyms'), {});
  });
});
