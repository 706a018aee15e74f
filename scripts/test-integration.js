#!/usr/bin/env node
// Integration tier: mocha inside a real VS Code extension host, launched by @vscode/test-electron.
//
// Here (no desktop VS Code download possible) test-electron launches scripts/code-server-shim.js,
// which runs the suite in code-server 1.100.3 + headless Chromium. On a desktop with VS Code,
// run the very same suite in it with:
//   VSCODE_EXECUTABLE=/path/to/code npm run test:integration
// (on Linux e.g. /usr/share/code/code, on macOS .../Visual Studio Code.app/Contents/MacOS/Electron).
//
// The extension is the test build (`npm run build:test`): its API carries the internals the tests
// read and drive (src/extension/testInternals.ts), which a production build leaves out.
//
// Env: PROTOCOL_ATLAS_TEST_GREP=<text> runs only matching tests; PROTOCOL_ATLAS_SKIP_BUILD=1 skips
// `npm run build:test`; PROTOCOL_ATLAS_VERBOSE=1 shows the code-server log.
const fs = require('fs');
const path = require('path');
const { runTests } = require('@vscode/test-electron');
const { compileIntegrationTests } = require('./compile-integration-tests');
const { ensureCodeServer } = require('./ensure-code-server');
const { makeTempDir } = require('./code-server');
const { ROOT, build, copyExampleWorkspace } = require('./project');

const SHIM = path.join(__dirname, 'code-server-shim.js');

async function main() {
  build({ testHooks: true });
  const { testsPath } = await compileIntegrationTests();
  const desktop = process.env.VSCODE_EXECUTABLE;
  if (!desktop) ensureCodeServer();

  const where = desktop ? `VS Code at ${desktop}` : 'code-server (via scripts/code-server-shim.js)';
  const example = copyExampleWorkspace('protocol-atlas-it-');
  const single = await runSuite({ desktop, testsPath, workspace: example, open: example.dir, suite: 'single-root', where });
  if (single !== 0) return single;
  const multi = multiRootWorkspace();
  return runSuite({ desktop, testsPath, workspace: multi, open: multi.file, suite: 'multi-root', where });
}

/** One window of tests; `open` is a folder or a .code-workspace file. Cleans the workspace up. */
async function runSuite({ desktop, testsPath, workspace, open, suite, where }) {
  const profile = makeTempDir('protocol-atlas-it-profile-');
  try {
    console.log(`[integration] ${suite}: ${where}, workspace ${open}`);
    await runTests({
      vscodeExecutablePath: desktop || SHIM,
      extensionDevelopmentPath: ROOT,
      extensionTestsPath: testsPath,
      launchArgs: [
        open,
        `--user-data-dir=${path.join(profile.dir, 'user-data')}`,
        `--extensions-dir=${path.join(profile.dir, 'extensions')}`,
        '--disable-extensions', // only the extension under development
      ],
      extensionTestsEnv: {
        PROTOCOL_ATLAS_TEST: '1',
        PROTOCOL_ATLAS_TEST_SUITE: suite,
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

/**
 * Two root folders, the first named like a layer folder ("apps"), the second holding layer
 * folders of its own: the multi-root suite checks that only folders inside a root name layers.
 */
function multiRootWorkspace() {
  const parent = makeTempDir('protocol-atlas-it-multi-');
  const write = (relative, text) => {
    const file = path.join(parent.dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
  };
  write('apps/eliza.md', '# Eliza\n\nAn agent framework, in a root folder that happens to be called apps.\n');
  write('apps/infra/akash.md', '# Akash\n\nA compute marketplace.\n');
  write('research/model/bittensor.md', '# Bittensor\n\nA network of model subnets.\n');
  write('research/agent.md', ['---', 'protocol: Agent', 'layer: application', 'depends_on: [Eliza, Akash]', '---', '', '# Agent', ''].join('\n'));
  const file = path.join(parent.dir, 'atlas.code-workspace');
  fs.writeFileSync(file, JSON.stringify({ folders: [{ path: 'apps' }, { path: 'research' }] }, null, 2));
  return { dir: parent.dir, file, cleanup: parent.cleanup };
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('[integration]', error.message);
    process.exit(error.exitCode || 1);
  },
);
