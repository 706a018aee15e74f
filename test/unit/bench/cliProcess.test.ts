import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { failureOf } from '../../../bench/cli';
import { runProcess, writeHelpers, type Helpers, type ProcessRun } from '../../../bench/cliProcess';

// The CLI benchmark measures children from the outside; a child that hangs or crashes must come
// back as a figure with its reason, never hang or crash the benchmark.
describe('CLI benchmark: one child process', () => {
  let workspace: string;
  let helpers: Helpers;
  const script = (name: string, text: string): string => {
    const file = path.join(workspace, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => {
    workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-cliprocess-test-'));
    helpers = writeHelpers(workspace);
  });
  after(() => fs.rmSync(workspace, { recursive: true, force: true }));

  it('counts the bytes printed and reads the peak RSS the child reports at exit', async () => {
    // 64 MB held at once: the peak must show it.
    const child = script('print.js', "const held = Buffer.alloc(64 << 20, 1); process.stdout.write('x'.repeat(300000)); process.exitCode = held[5] === 1 ? 3 : 4;");
    const run = await runProcess(helpers, child, [], 20_000);
    assert.equal(run.stdoutBytes, 300_000);
    assert.equal(run.exitCode, 3);
    assert.equal(run.timedOut, false);
    assert.ok(run.rssMb > 64, `peak RSS ${run.rssMb} MB`);
    assert.ok(run.cpuMs > 0, `CPU time ${run.cpuMs} ms`);
  });

  it('kills a child at its timeout and still has a peak RSS for it', async () => {
    const child = script('hang.js', "process.stdout.write('started\\n'); setInterval(() => {}, 1000);");
    // Long enough for a loaded machine to start node and print; the child never ends by itself.
    const run = await runProcess(helpers, child, [], 4_000);
    assert.equal(run.timedOut, true);
    assert.equal(run.stdoutBytes, 'started\n'.length);
    if (process.platform === 'linux') {
      assert.ok(run.rssMb > 10, `sampled peak RSS ${run.rssMb} MB`);
      assert.ok(run.cpuMs >= 0, `CPU time so far ${run.cpuMs} ms`);
    }
  });

  it('tells a finished run from a crash: check may exit 1 for the errors it found, not for an exception', () => {
    const run = (exitCode: number, stderrHead = '', timedOut = false): ProcessRun => ({ ms: 1, rssMb: 1, cpuMs: 1, stdoutBytes: 1, exitCode, timedOut, stderrHead });
    assert.equal(failureOf(run(0), 'report', 180_000), undefined);
    assert.equal(failureOf(run(1, 'skipped a.md: cannot read it'), 'check', 180_000), undefined);
    assert.match(failureOf(run(1), 'report', 180_000) ?? '', /exit 1/);
    const crash = 'file:///dist/cli.js:1\nRangeError: Invalid string length\n    at JSON.stringify (<anonymous>)\n';
    assert.match(failureOf(run(1, crash), 'check', 180_000) ?? '', /RangeError: Invalid string length/);
    assert.match(failureOf(run(134, 'FATAL ERROR: Reached heap limit Allocation failed'), 'report --json', 180_000) ?? '', /exit 134.*FATAL ERROR/);
    assert.match(failureOf(run(0, '', true), 'check', 180_000) ?? '', /timed out at 180 s/);
  });
});
