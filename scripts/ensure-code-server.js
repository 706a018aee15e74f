#!/usr/bin/env node
// Installs code-server (a real VS Code 1.100.3 with a Node extension host) into the git-ignored
// cache .vscode-test/code-server-<version>/, from the npm registry only.
//
// Why not a plain `npm install code-server`: its postinstall downloads ripgrep from GitHub and an
// argon2 prebuilt, and neither is reachable on a machine that only has the npm registry and apt.
// So we repeat that postinstall by hand: argon2 built from source, Debian's rg copied in.
// 4.100.3 is the last code-server that accepts Node 20.
//
// Usage: node scripts/ensure-code-server.js      (prints the code-server binary path)
//        require('./ensure-code-server').ensureCodeServer() -> binary path
const { execFileSync, spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const CODE_SERVER_VERSION = '4.100.3';
const ROOT = path.resolve(__dirname, '..');
const CACHE_DIR = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
const MARKER = path.join(CACHE_DIR, '.install-complete');
const LOG = path.join(ROOT, '.vscode-test', `code-server-${CODE_SERVER_VERSION}-install.log`);

/** Debian packages: chromium drives the UI tests, the rest build code-server's native modules. */
const DEBIAN_PACKAGES = ['chromium', 'ripgrep', 'libkrb5-dev', 'pkg-config', 'build-essential', 'python3'];

function codeServerBin() {
  return path.join(CACHE_DIR, 'node_modules', '.bin', 'code-server');
}

function isInstalled() {
  try {
    return fs.readFileSync(MARKER, 'utf8').trim() === CODE_SERVER_VERSION && fs.existsSync(codeServerBin());
  } catch {
    return false;
  }
}

function log(message) {
  console.log(`[code-server] ${message}`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function missingDebianPackages() {
  if (spawnSync('dpkg-query', ['--version'], { stdio: 'ignore' }).status !== 0) return null; // not Debian
  return DEBIAN_PACKAGES.filter((pkg) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${db:Status-Abbrev}', pkg], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.startsWith('ii');
  });
}

function ensureDebianPackages() {
  const missing = missingDebianPackages();
  if (missing === null) {
    log(`not a Debian system: make sure these are installed: ${DEBIAN_PACKAGES.join(' ')}`);
    return;
  }
  if (missing.length === 0) return;
  if (!isRoot()) {
    console.error(`[code-server] missing Debian packages: ${missing.join(' ')}. Install them with (after sudo apt-get update if needed):`);
    console.error(`sudo apt-get install -y ${missing.join(' ')}`);
    process.exit(1);
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', ...missing], { stdio: 'inherit', env });
}

/** Runs one install step, its output going to the log file; on failure shows the log's tail. */
function step(label, command, args, cwd, env) {
  const started = Date.now();
  process.stdout.write(`[code-server] ${label} ... `);
  fs.appendFileSync(LOG, `\n$ (cd ${cwd} && ${command} ${args.join(' ')})\n`);
  const out = fs.openSync(LOG, 'a');
  const r = spawnSync(command, args, { cwd, env, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  if (r.status !== 0) {
    console.log('failed');
    const tail = fs.readFileSync(LOG, 'utf8').split('\n').slice(-40).join('\n');
    console.error(tail);
    throw new Error(`code-server install step failed: ${command} ${args.join(' ')} (exit ${r.status}); full log: ${LOG}`);
  }
  console.log(`${((Date.now() - started) / 1000).toFixed(1)} s`);
}

function installEnv() {
  const env = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
  // node-gyp downloads Node's headers unless told where they are; the download fails offline.
  const prefix = path.resolve(path.dirname(process.execPath), '..');
  if (!env.npm_config_nodedir && fs.existsSync(path.join(prefix, 'include', 'node', 'node.h'))) env.npm_config_nodedir = prefix;
  return env;
}

/** Installs when needed; returns the code-server binary path. */
function ensureCodeServer() {
  if (process.env.CODE_SERVER_BIN) return process.env.CODE_SERVER_BIN; // a code-server you installed yourself
  if (isInstalled()) return codeServerBin();
  ensureDebianPackages();
  const started = Date.now();
  log(`installing code-server ${CODE_SERVER_VERSION} into ${path.relative(ROOT, CACHE_DIR)} (about a minute; log: ${path.relative(ROOT, LOG)})`);
  // A folder without the marker is a half-finished install: start over.
  fs.rmSync(CACHE_DIR, { recursive: true, force: true });
  fs.mkdirSync(CACHE_DIR, { recursive: true });
  fs.writeFileSync(LOG, '');
  fs.writeFileSync(path.join(CACHE_DIR, 'package.json'), JSON.stringify({ name: 'code-server-cache', private: true }, null, 2));

  const env = installEnv();
  const npm = 'npm';
  const unsafe = isRoot() ? ['--unsafe-perm'] : [];
  const vscodeDir = path.join(CACHE_DIR, 'node_modules', 'code-server', 'lib', 'vscode');

  step(`npm install code-server@${CODE_SERVER_VERSION}`, npm, ['install', `code-server@${CODE_SERVER_VERSION}`, '--ignore-scripts', '--no-save', '--no-package-lock', ...unsafe], CACHE_DIR, env);
  step('build argon2 from source', npm, ['rebuild', 'argon2', ...unsafe], CACHE_DIR, env);
  step('install VS Code dependencies', npm, ['install', '--omit=dev', '--ignore-scripts', ...unsafe], vscodeDir, env);
  const rgDir = path.join(vscodeDir, 'node_modules', '@vscode', 'ripgrep', 'bin');
  fs.mkdirSync(rgDir, { recursive: true });
  fs.copyFileSync('/usr/bin/rg', path.join(rgDir, 'rg'));
  fs.chmodSync(path.join(rgDir, 'rg'), 0o755);
  step('build native modules (node-pty, spdlog, kerberos, ...)', npm, ['rebuild', ...unsafe], vscodeDir, env);
  fs.rmSync(path.join(vscodeDir, 'node_modules.asar'), { force: true });
  fs.symlinkSync('node_modules', path.join(vscodeDir, 'node_modules.asar'));
  relink(path.join(vscodeDir, 'bin', 'remote-cli'), 'code-linux.sh', 'code-server');
  relink(path.join(vscodeDir, 'bin', 'helpers'), 'browser-linux.sh', 'browser.sh');
  step('install built-in extensions dependencies', npm, ['install', '--omit=dev', ...unsafe], path.join(vscodeDir, 'extensions'), env);

  // --config /dev/null: otherwise code-server writes ~/.config/code-server/config.yaml
  const version = execFileSync(codeServerBin(), ['--config', '/dev/null', '--version'], { encoding: 'utf8' }).trim().split('\n').pop();
  fs.writeFileSync(MARKER, CODE_SERVER_VERSION + '\n'); // last: an interrupted install has no marker
  log(`ready: code-server ${version} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return codeServerBin();
}

function relink(dir, target, name) {
  fs.rmSync(path.join(dir, name), { force: true });
  fs.symlinkSync(target, path.join(dir, name));
}

module.exports = { CODE_SERVER_VERSION, CACHE_DIR, DEBIAN_PACKAGES, codeServerBin, ensureCodeServer, isInstalled };

if (require.main === module) {
  try {
    console.log(ensureCodeServer());
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
