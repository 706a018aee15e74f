#!/usr/bin/env node
// Integration tier: mocha inside a real VS Code extension host, launched by @vscode/test-electron.
//
// Here (no desktop VS Code download possible) test-electron launches scripts/code-server-shim.js,
// which runs the suite in code-server 1.100.3 + headless Chromium. On a desktop with VS Code,
// run the very same suite in it with:
//   VSCODE_EXECUTABLE=/path/to/code npm run test:integration
// (on Linux e.g. /usr/share/code/code, on macOS .../Visual Studio Code.app/Contents/MacOS/Electron).
//
// Env: PROTOCOL_ATLAS_TEST_GREP=<text> runs only matching tests; PROTOCOL_ATLAS_SKIP_BUILD=1 skips
// `npm run build`; PROTOCOL_ATLAS_VERBOSE=1 shows the code-server log.
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { compileIntegrationTests } = require('./compile-integration-tests');
const { ensureCodeServer } = require('./ensure-code-server');
const { makeTempDir } = require('./code-server');
const { ROOT, build, copyExampleWorkspace } = require('./project');

const SHIM = path.join(__dirname, 'code-server-shim.js');

async function main() {
  build();
  const { testsPath } = await compileIntegrationTests();
  const desktop = process.env.VSCODE_EXECUTABLE;
  if (!desktop) ensureCodeServer();

  const workspace = copyExampleWorkspace('protocol-atlas-it-');
  const profile = makeTempDir('protocol-atlas-it-profile-');
  try {
    console.log(`[integration] ${desktop ? `VS Code at ${desktop}` : 'code-server (via scripts/code-server-shim.js)'}, workspace ${workspace.dir}`);
    await runTests({
      vscodeExecutablePath: desktop || SHIM,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [
        workspace.dir,
        `--user-data-dir=${path.join(profile.dir, 'user-data')}`,
        `--extensions-dir=${path.join(profile.dir, 'extensions')}`,
        '--disable-extensions', // only the extension under development
      ],
      extensionTestsEnv: {
        PROTOCOL_ATLAS_TEST: '1',
        ...(process.env.PROTOCOL_ATLAS_TEST_GREP ? { PROTOCOL_ATLAS_TEST_GREP: process.env.PROTOCOL_ATLAS_TEST_GREP } : {}),
      },
    });
    return 0;
  } catch (error) {
    // test-electron's TestRunFailedError carries the runner's exit code.
    if (error && typeof error.code === 'number') return error.code || 1;
    console.error('[integration]', error && error.message ? error.message : error);
    return 1;
  } finally {
    workspace.cleanup();
    profile.cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[integration]', error.message);
    process.exit(error.exitCode || 1);
  },
);
