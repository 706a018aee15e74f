// Paths and small steps shared by the launch and test scripts.
const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const EXAMPLE_WORKSPACE = path.join(ROOT, 'examples', 'deepseek-2025');

/** Runs `npm run <script>` in the repository, output shown; throws when it fails. */
function npmRun(script, extraArgs = []) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['run', '--silent', script, ...(extraArgs.length ? ['--', ...extraArgs] : [])], { cwd: ROOT, stdio: 'inherit' });
  if (result.status !== 0) {
    const error = new Error(`npm run ${script} failed (exit ${result.status ?? result.signal})`);
    error.exitCode = result.status || 1;
    throw error;
  }
}

/**
 * Builds dist/ unless PROTOCOL_ATLAS_SKIP_BUILD=1 (for quick reruns when dist/ is current). With
 * `testHooks`, the test build (npm run build:test): what the integration tests and bench:host read
 * the extension and the webview through is in it.
 */
function build({ testHooks = false } = {}) {
  if (process.env.PROTOCOL_ATLAS_SKIP_BUILD === '1') return;
  npmRun(testHooks ? 'build:test' : 'build');
}

/** Whether dist/ is a test build: the webview's test view is in its bundle. */
function isTestBuild() {
  const webview = path.join(ROOT, 'dist', 'webview.js');
  return fs.existsSync(webview) && fs.readFileSync(webview, 'utf8').includes('__protocolAtlas');
}

const pendingTempDirs = new Set();
process.on('exit', () => {
  for (const dir of pendingTempDirs) fs.rmSync(dir, { recursive: true, force: true });
});

/**
 * A fresh temporary folder. cleanup() removes it; so does the end of the process (a test run cut
 * short by Ctrl-C or a failure leaves nothing behind).
 */
function makeTempDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  pendingTempDirs.add(dir);
  return {
    dir,
    cleanup: () => {
      pendingTempDirs.delete(dir);
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Copies the example workspace (or `source`, another folder of examples/) to a fresh temporary
 * folder: tests and demos work on the copy and never modify examples/. Returns { dir, cleanup }.
 */
function copyExampleWorkspace(prefix = 'protocol-atlas-workspace-', source = EXAMPLE_WORKSPACE) {
  if (!fs.existsSync(source)) throw new Error(`Example workspace missing: ${source}`);
  const parent = makeTempDir(prefix);
  const dir = path.join(parent.dir, path.basename(source));
  fs.cpSync(source, dir, { recursive: true });
  return { dir, cleanup: parent.cleanup };
}

module.exports = { ROOT, EXAMPLE_WORKSPACE, build, copyExampleWorkspace, isTestBuild, makeTempDir, npmRun };
