import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadNotes } from '../node/readFolder';
import { loadWorkspaceFrameworks } from '../../../src/node/frameworks';

// A cloned vault is somebody else's folder: git carries symbolic links, and a checkout can hold a
// link to /etc/passwd, to /dev/zero or a named pipe where a note or a framework file should be.
const CLI = path.resolve(__dirname, '../../../src/cli/main.ts');
const SECRET = 'root:x:0:0:secret-line-from-outside';
const canLink = process.platform !== 'win32';

function cli(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  // A child process with a timeout: a read that blocks (a FIFO) must fail the test, not hang it.
  const result = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { encoding: 'utf8', timeout: 15_000 });
  assert.ok(!result.error, `the CLI did not finish: ${result.error?.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

(canLink ? describe : describe.skip)('reading a hostile folder', () => {
  let root: string;
  let vault: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-hostile-fs-'));
    vault = path.join(root, 'vault');
    const frameworks = path.join(vault, '.protocol-atlas', 'frameworks');
    fs.mkdirSync(frameworks, { recursive: true });
    fs.mkdirSync(path.join(vault, 'infrastructure'));
    fs.writeFileSync(path.join(root, 'outside.md'), `---\nprotocol: ${SECRET}\n---\n# ${SECRET}\n`);
    fs.writeFileSync(path.join(vault, 'infrastructure', 'io-net.md'), '---\nprotocol: io.net\nlayer: infrastructure\ncategory: compute\n---\n');
    fs.symlinkSync(path.join(root, 'outside.md'), path.join(vault, 'passwd.md'));
    fs.symlinkSync('infrastructure/io-net.md', path.join(vault, 'alias-of-io-net.md'));
    fs.symlinkSync('/dev/zero', path.join(vault, 'zero.md'));
    execFileSync('mkfifo', [path.join(vault, 'pipe.md')]);
    fs.symlinkSync('/dev/zero', path.join(frameworks, 'zero.yaml'));
    fs.symlinkSync('/dev/stdin', path.join(frameworks, 'stdin.yaml'));
    execFileSync('mkfifo', [path.join(frameworks, 'pipe.yaml')]);
    fs.writeFileSync(path.join(root, 'outside.yaml'), 'id: outside\ntitle: Outside\nsource: x\nrules: []\n');
    fs.symlinkSync(path.join(root, 'outside.yaml'), path.join(frameworks, 'outside.yaml'));
    // A valid framework that reuses the built-in's id: it must be reported, not silently ignored.
    const example = fs.readFileSync(path.resolve(__dirname, '../../../examples/deepseek-2025/.protocol-atlas/frameworks/compute-rebound.yaml'), 'utf8');
    fs.writeFileSync(path.join(frameworks, 'copy.yaml'), example.replace(/^id: .*$/m, 'id: deepseek-2025'));
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reads a linked note inside the folder, and names every file it will not read, with the reason', () => {
    const { entries, skipped } = loadNotes(vault);
    assert.deepEqual(entries.map((entry) => entry.path).sort(), ['alias-of-io-net.md', 'infrastructure/io-net.md']);
    const reasons = new Map(skipped.map((file) => [file.path, file.reason]));
    assert.match(reasons.get('passwd.md') ?? '', /outside the folder/);
    assert.match(reasons.get('zero.md') ?? '', /outside the folder|not a regular file/);
    assert.match(reasons.get('pipe.md') ?? '', /not a regular file/);
  });

  it('prints nothing from outside the folder in any command, and never blocks on a pipe or a device', () => {
    for (const args of [['report'], ['report', '--json'], ['check'], ['search', 'secret'], ['graph', '--format', 'mermaid'], ['graph', '--format', 'dot'], ['graph']]) {
      const [command, ...rest] = args;
      const result = cli(command, vault, ...rest);
      assert.doesNotMatch(result.stdout + result.stderr, /secret-line-from-outside/, args.join(' '));
    }
  });

  it('reads framework files only when they are regular files inside the folder, and says why not', () => {
    const { frameworks, diagnostics } = loadWorkspaceFrameworks(vault);
    assert.deepEqual(frameworks.map((framework) => framework.id), []);
    const problems = new Map(diagnostics.map((d) => [d.file, d.message]));
    assert.match(problems.get('.protocol-atlas/frameworks/zero.yaml') ?? '', /outside the folder|not a regular file/);
    assert.match(problems.get('.protocol-atlas/frameworks/stdin.yaml') ?? '', /outside the folder|not a regular file/);
    assert.match(problems.get('.protocol-atlas/frameworks/pipe.yaml') ?? '', /not a regular file/);
    assert.match(problems.get('.protocol-atlas/frameworks/outside.yaml') ?? '', /outside the folder/);
    assert.match(problems.get('.protocol-atlas/frameworks/copy.yaml') ?? '', /already has the id 'deepseek-2025'/);
  });

  it('compares and reports under a framework without reading the device (bounded time and memory)', () => {
    const compared = cli('compare', vault, '--framework', 'deepseek-2025', '--framework', 'deepseek-2025');
    assert.equal(compared.status, 0, compared.stderr);
    const named = cli('report', vault, '--framework', path.join(vault, '.protocol-atlas', 'frameworks', 'pipe.yaml'));
    assert.equal(named.status, 2);
    assert.match(named.stderr, /not a regular file/);
  });
});
