#!/usr/bin/env node
// Compiles test/integration/*.ts to out/test/integration/*.js for the extension host, one bundle
// per file with `vscode` (provided by the host) and `mocha` (resolved from node_modules) left out.
// With --workspace it also puts a fresh copy of the example workspace in out/test/workspace/ for
// the "Extension Tests" launch configuration (tests never open examples/ itself).
const esbuild = require('esbuild');
const fs = require('fs');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'test', 'integration');
const OUT_DIR = path.join(ROOT, 'out', 'test', 'integration');
const WORKSPACE_COPY = path.join(ROOT, 'out', 'test', 'workspace');

async function compileIntegrationTests() {
  const entryPoints = fs
    .readdirSync(SOURCE_DIR)
    .filter((name) => name.endsWith('.ts') && !name.endsWith('.d.ts'))
    .map((name) => path.join(SOURCE_DIR, name));
  fs.rmSync(OUT_DIR, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: OUT_DIR,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    sourcemap: true,
    logLevel: 'warning',
  });
  return { testsPath: path.join(OUT_DIR, 'index.js'), outDir: OUT_DIR };
}

module.exports = { compileIntegrationTests, OUT_DIR };

if (require.main === module) {
  compileIntegrationTests()
    .then(() => {
      if (!process.argv.includes('--workspace')) return;
      const { EXAMPLE_WORKSPACE } = require('./project');
      fs.rmSync(WORKSPACE_COPY, { recursive: true, force: true });
      fs.cpSync(EXAMPLE_WORKSPACE, path.join(WORKSPACE_COPY, path.basename(EXAMPLE_WORKSPACE)), { recursive: true });
    })
    .catch((error) => {
      console.error(error.message);
      process.exit(1);
    });
}
