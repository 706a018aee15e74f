// Shared helpers for running the extension in a real VS Code: code-server (VS Code 1.100.3 with a
// Node extension host) served on 127.0.0.1, driven by headless Chromium through playwright-core.
// Used by `npm start`, the integration-test launcher (code-server-shim.js) and the e2e fixture.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');
const { makeTempDir } = require('./project');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const VERBOSE = Boolean(process.env.PROTOCOL_ATLAS_VERBOSE);

/**
 * Settings every launch starts from. Without startupEditor none the first run sat on the welcome
 * page and timed out waiting for the webview; the rest keep the workbench quiet and offline.
 */
const BASE_SETTINGS = {
  'workbench.startupEditor': 'none',
  'security.workspace.trust.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  // The example workspace sits inside this git repository: no "open the parent repository?" prompt.
  'git.openRepositoryInParentFolders': 'never',
  // VS Code in a browser saves a second after typing by default (desktop VS Code does not): a
  // test that types into a note and takes longer than that would leave the edit on disk for the
  // next test, which then ran against another note than it was written for.
  'files.autoSave': 'off',
};

/** Chromium flags for a quiet, offline, software-rendered browser (WebGL through SwiftShader). */
const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--enable-unsafe-swiftshader',
];

/** A TCP port nobody listens on right now (the OS picks it). */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Whether `port` can be bound on 127.0.0.1. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.unref();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** Merges BASE_SETTINGS (and `extra`) into <userDataDir>/User/settings.json, keeping what is there. */
function writeUserSettings(userDataDir, extra = {}) {
  const file = path.join(userDataDir, 'User', 'settings.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  let existing = {};
  try {
    existing = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // none yet, or not plain JSON: start from ours
  }
  fs.writeFileSync(file, JSON.stringify({ ...existing, ...BASE_SETTINGS, ...extra }, null, 2));
  return file;
}

/** The environment code-server (and so the extension host) gets. */
function serverEnv(env) {
  const result = { ...process.env, ...env };
  // Inside a VS Code/code-server terminal this makes code-server hand the folder to that instance
  // instead of starting a server.
  delete result.VSCODE_IPC_HOOK_CLI;
  delete result.ELECTRON_RUN_AS_NODE;
  return result;
}

const liveServers = new Set();
let signalsHooked = false;

/**
 * code-server runs in its own process group, so a Ctrl-C in the terminal does not reach it, and a
 * process killed by a signal does not run its 'exit' handlers. Scripts with their own signal
 * handlers (start.js, the shim) stop their servers themselves; for the rest (mocha) this kills
 * the servers and ends the process the way the signal would have.
 */
function stopOnSignals() {
  if (signalsHooked) return;
  signalsHooked = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      for (const kill of liveServers) kill();
      process.exit(128 + os.constants.signals[signal]);
    });
  }
}

/**
 * Starts code-server on 127.0.0.1 in its own process group and resolves once it listens.
 * Returns { port, url, child, stop(), output() }. stop() kills the whole group: killing only the
 * main PID leaves a file-watcher child running.
 */
async function startCodeServer({ codeServer, workspace, userDataDir, extensionsDir, port, extraArgs = [], env = {}, settings = {}, log = VERBOSE }) {
  if (!codeServer) codeServer = require('./ensure-code-server').ensureCodeServer();
  port = port || (await freePort());
  fs.mkdirSync(extensionsDir, { recursive: true });
  writeUserSettings(userDataDir, settings);
  const args = [
    '--config', '/dev/null', // else code-server writes ~/.config/code-server/config.yaml
    '--bind-addr', `127.0.0.1:${port}`,
    '--auth', 'none',
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--user-data-dir', userDataDir,
    '--extensions-dir', extensionsDir,
    ...extraArgs,
  ];
  if (workspace) args.push(workspace);
  const child = spawn(codeServer, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: serverEnv(env) });
  const lines = [];
  const collect = (prefix) => (chunk) => {
    const text = chunk.toString();
    lines.push(text);
    if (lines.length > 400) lines.shift();
    if (log) process.stderr.write(text.replace(/^(?=.)/gm, prefix));
  };
  child.stdout.on('data', collect('[code-server] '));
  child.stderr.on('data', collect('[code-server] '));

  let stopped = false;
  const killGroup = (signal) => {
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  // Last resort when our process ends without calling stop(): no code-server left behind.
  const onExit = () => killGroup('SIGKILL');
  process.on('exit', onExit);
  liveServers.add(onExit);
  stopOnSignals();
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal)));

  async function stop() {
    if (stopped) return;
    stopped = true;
    process.removeListener('exit', onExit);
    liveServers.delete(onExit);
    killGroup('SIGTERM');
    const timer = setTimeout(() => killGroup('SIGKILL'), 5000);
    await exited;
    clearTimeout(timer);
    killGroup('SIGKILL'); // children that outlived the main process
  }

  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error('code-server did not start listening within 60 s')), 60000);
    const onData = () => {
      if (/HTTP server listening/.test(lines.join(''))) {
        clearTimeout(timer);
        child.stdout.off('data', onData);
        resolve();
      }
    };
    function fail(error) {
      clearTimeout(timer);
      stop().finally(() => reject(new Error(`${error.message}\n${lines.join('').slice(-4000)}`)));
    }
    child.stdout.on('data', onData);
    child.once('exit', (code) => fail(new Error(`code-server exited with ${code} before listening`)));
    child.once('error', fail);
  });

  return { port, url: `http://127.0.0.1:${port}/`, child, stop, exited, output: () => lines.join('') };
}

/** Installs a packaged extension (.vsix) into `extensionsDir`, the way a user would. */
function installExtension({ codeServer, userDataDir, extensionsDir, vsix }) {
  if (!codeServer) codeServer = require('./ensure-code-server').ensureCodeServer();
  const result = spawnSync(
    codeServer,
    ['--config', '/dev/null', '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--install-extension', path.resolve(vsix), '--force'],
    { encoding: 'utf8', env: serverEnv({}) },
  );
  if (result.status !== 0 || !/successfully installed/.test(result.stdout)) {
    throw new Error(`Installing ${vsix} failed (exit ${result.status}):\n${result.stdout}${result.stderr}`);
  }
}

/** vscode-remote URI of a path on the code-server machine, for the workbench `payload`. */
function remoteUri(port, fsPath) {
  return `vscode-remote://127.0.0.1:${port}${path.resolve(fsPath).split(path.sep).map(encodeURIComponent).join('/')}`;
}

/**
 * The workbench URL that opens `folder` and loads extensions from source (extensionDevelopmentPath)
 * and, optionally, runs extension tests (extensionTestsPath). Desktop VS Code takes the same two
 * as command-line flags; in the browser workbench they travel in the `payload` query parameter.
 */
/** `folder` may also be a `.code-workspace` file: a multi-root workspace. */
function workbenchUrl({ port, folder, extensionDevelopmentPaths = [], extensionTestsPath }) {
  const payload = extensionDevelopmentPaths.map((p) => ['extensionDevelopmentPath', remoteUri(port, p)]);
  if (extensionTestsPath) payload.push(['extensionTestsPath', remoteUri(port, extensionTestsPath)]);
  payload.push(['skipWelcome', 'true']);
  const query = [];
  if (folder) query.push(`${folder.endsWith('.code-workspace') ? 'workspace' : 'folder'}=${encodeURIComponent(path.resolve(folder))}`);
  query.push(`payload=${encodeURIComponent(JSON.stringify(payload))}`);
  return `http://127.0.0.1:${port}/?${query.join('&')}`;
}

/**
 * Headless Chromium (Debian's) through playwright-core. Playwright gives every launch a fresh
 * temporary --user-data-dir and deletes it on close. Signals are left to our own handlers so that
 * Ctrl-C also stops code-server.
 */
async function launchChromium(options = {}) {
  const { chromium } = require('playwright-core');
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install -y chromium, or set CHROMIUM)`);
  // Chromium keeps its crash database under ~/.config and its singleton socket in $TMPDIR whatever
  // the profile: point both at a folder of this launch.
  const home = makeTempDir('protocol-atlas-chromium-');
  for (const sub of ['config', 'cache', 'tmp']) fs.mkdirSync(path.join(home.dir, sub));
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(home.dir, 'config'), XDG_CACHE_HOME: path.join(home.dir, 'cache'), TMPDIR: path.join(home.dir, 'tmp') };
  try {
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      env,
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
      ...options,
    });
    browser.on('disconnected', home.cleanup);
    return browser;
  } catch (error) {
    home.cleanup();
    throw error;
  }
}

module.exports = {
  BASE_SETTINGS,
  CHROMIUM,
  CHROMIUM_ARGS,
  freePort,
  installExtension,
  isPortFree,
  launchChromium,
  makeTempDir,
  remoteUri,
  startCodeServer,
  workbenchUrl,
  writeUserSettings,
};
