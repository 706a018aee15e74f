#!/usr/bin/env node
// What ships but only tests use. knip follows the imports from the three entry points (the
// extension, the CLI, the webview; knip.json marks them with `!`) in production mode, where tests,
// the benchmark and scripts do not count. This fails on a file under src/ or webview/ that only
// tests reach, and on an exported function, class or value that nothing but tests uses: not
// imported by shipped code and not used in its own file either. Exports that shipped code uses in
// their own file and tests also import (limits, helpers a property test checks directly) are
// listed, not failed: exporting them costs the bundle nothing.
'use strict';
const { spawnSync } = require('child_process');
const fs = require('fs');

const run = spawnSync('npx', ['knip', '--production', '--include', 'files,exports', '--no-config-hints', '--reporter', 'json'], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (!run.stdout.trim().startsWith('{')) {
  process.stderr.write(run.stderr || run.stdout || 'knip printed nothing\n');
  process.exit(2);
}
const report = JSON.parse(run.stdout);
const onlyTests = [];
const alsoTests = [];
const unreachableFiles = [];
for (const issue of report.issues) {
  if (issue.files && issue.files.length) unreachableFiles.push(issue.file);
  for (const item of issue.exports || []) {
    const text = fs.readFileSync(issue.file, 'utf8');
    const name = item.name.replace(/[$]/g, '\\$&');
    const uses = (text.match(new RegExp(`(?<![\\w$])${name}(?![\\w$])`, 'g')) || []).length;
    (uses > 1 ? alsoTests : onlyTests).push(`${issue.file}:${item.line}  ${item.name}`);
  }
}
for (const file of report.files || []) unreachableFiles.push(file);

if (alsoTests.length) {
  console.log(`${alsoTests.length} exports are used by shipped code in their own file and imported by tests:`);
  for (const line of alsoTests) console.log(`  ${line}`);
}
let failed = false;
if (unreachableFiles.length) {
  failed = true;
  console.error(`Files nothing shipped reaches (move them to test/ or bench/, or delete them):`);
  for (const file of [...new Set(unreachableFiles)]) console.error(`  ${file}`);
}
if (onlyTests.length) {
  failed = true;
  console.error(`Exports only tests use (move them to test/ or bench/, or delete them):`);
  for (const line of onlyTests) console.error(`  ${line}`);
}
if (!failed) console.log('Nothing under src/ or webview/ is reachable only from tests.');
process.exit(failed ? 1 : 0);
