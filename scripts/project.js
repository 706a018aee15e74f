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

/** Builds dist/ unless PROTOCOL_ATLAS_SKIP_BUILD=1 (for quick reruns when dist/ is current). */
function build() {
  if (process.env.PROTOCOL_ATLAS_SKIP_BUILD === '1') return;
  npmRun('build');
}

/**
 * Copies the example workspace to a fresh temporary folder: tests and demos work on the copy and
 * never modify examples/. Returns { dir, cleanup }.
 */
function copyExampleWorkspace(prefix = 'protocol-atlas-workspace-') {
  if (!fs.existsSync(EXAMPLE_WORKSPACE)) throw new Error(`Example workspace missing: ${EXAMPLE_WORKSPACE}`);
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const dir = path.join(parent, path.basename(EXAMPLE_WORKSPACE));
  fs.cpSync(EXAMPLE_WORKSPACE, dir, { recursive: true });
  return { dir, cleanup: () => fs.rmSync(parent, { recursive: true, force: true }) };
}

module.exports = { ROOT, EXAMPLE_WORKSPACE, build, copyExampleWorkspace, npmRun };
