// Entry point that VS Code's extension host calls for `--extensionTestsPath` (desktop) or the
// `extensionTestsPath` payload entry (code-server): runs every compiled *.test.js next to this file.
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

export async function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    timeout: Number(process.env.PROTOCOL_ATLAS_TEST_TIMEOUT_MS ?? 30000),
    grep: process.env.PROTOCOL_ATLAS_TEST_GREP || undefined,
  });
  // The multi-root suite runs in its own window (a .code-workspace of two folders); the rest in
  // the example folder.
  const multiRoot = process.env.PROTOCOL_ATLAS_TEST_SUITE === 'multi-root';
  const files = fs
    .readdirSync(__dirname)
    .filter((name) => name.endsWith('.test.js') && name.endsWith('.multiroot.test.js') === multiRoot)
    .sort();
  if (files.length === 0) throw new Error(`No *.test.js files in ${__dirname}: compile the integration tests first.`);
  for (const file of files) mocha.addFile(path.join(__dirname, file));

  const failures = await new Promise<number>((resolve, reject) => {
    try {
      mocha.run(resolve);
    } catch (error) {
      reject(error);
    }
  });
  if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed.`);
}
