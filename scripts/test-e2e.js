#!/usr/bin/env node
// e2e tier: mocha in Node drives a real VS Code (code-server) in headless Chromium through the UI.
// Packages the test build of the extension (npm run package:test: minified as it ships, with the
// webview's read-only test view the tests read the graph through) into protocol-atlas-test.vsix,
// apart from the protocol-atlas.vsix a user installs, and installs it into each test's fresh
// code-server, the way a researcher installs it. Screenshots land in test/e2e/artifacts/.
//
//   npm run test:e2e                       all e2e tests
//   npm run test:e2e -- --grep "bad notes" mocha options pass through
// Env: PROTOCOL_ATLAS_SKIP_BUILD=1 reuses an existing protocol-atlas-test.vsix and dist/ (npm
//      start's test runs dist/ as it is, so it must be a test build too);
//      PROTOCOL_ATLAS_VERBOSE=1 shows the code-server log.
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const { ensureCodeServer } = require('./ensure-code-server');
const { ROOT, isTestBuild, npmRun } = require('./project');

const VSIX = path.join(ROOT, 'protocol-atlas-test.vsix');

function main() {
  if (process.env.PROTOCOL_ATLAS_SKIP_BUILD !== '1' || !fs.existsSync(VSIX)) npmRun('package:test');
  if (!isTestBuild()) throw new Error('dist/ is not a test build (the npm start test runs it): run `npm run build:test`, or leave PROTOCOL_ATLAS_SKIP_BUILD unset.');
  ensureCodeServer();
  const mocha = require.resolve('mocha/bin/mocha.js');
  const result = spawnSync(process.execPath, [mocha, '--config', path.join('test', 'e2e', '.mocharc.json'), ...process.argv.slice(2)], {
    cwd: ROOT,
    stdio: 'inherit',
    env: { ...process.env, PROTOCOL_ATLAS_VSIX: VSIX, FORCE_COLOR: '0' },
  });
  return result.status ?? 1;
}

try {
  process.exit(main());
} catch (error) {
  console.error(`[e2e] ${error.message}`);
  process.exit(error.exitCode || 1);
}
