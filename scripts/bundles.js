// The three bundles and how each is built, shared by esbuild.js (which writes dist/) and the test
// that checks what a production bundle holds (test/unit/build/testHooks.test.ts).
//
// `testHooks` is the test build: PROTOCOL_ATLAS_TEST_HOOKS is true, so the webview installs its
// read-only test view (window.__protocolAtlas, webview/testHook.ts) that the e2e tests and
// bench:host read the graph through, and the extension's API carries its internals for the
// integration tests (src/extension/testInternals.ts). Otherwise it is false and esbuild drops
// that code, which a user's extension and webview never need.
const path = require('path');

const ROOT = path.resolve(__dirname, '..');

/** The `define` every bundle of the extension and the webview is built with. */
function testHooksDefine(testHooks) {
  return { PROTOCOL_ATLAS_TEST_HOOKS: String(Boolean(testHooks)) };
}

function bundles({ production = false, testHooks = false, plugins = [] } = {}) {
  const common = {
    absWorkingDir: ROOT,
    bundle: true,
    minify: production,
    // Maps in every build, each matching its bundle, so a profile or a stack trace of a production
    // build maps back to src/ (the .vsix leaves them out; see .vscodeignore).
    sourcemap: true,
    sourcesContent: false,
    logLevel: 'warning',
    define: testHooksDefine(testHooks),
    plugins,
  };
  return [
    { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', platform: 'node', format: 'cjs', target: 'node20', external: ['vscode'] },
    { ...common, entryPoints: ['webview/main.ts'], outfile: 'dist/webview.js', platform: 'browser', format: 'iife', target: 'es2022' },
    { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', platform: 'node', format: 'cjs', target: 'node20', banner: { js: '#!/usr/bin/env node' } },
  ];
}

module.exports = { bundles, testHooksDefine };
