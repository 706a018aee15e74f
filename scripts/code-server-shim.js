#!/usr/bin/env node
// A stand-in "VS Code executable" for @vscode/test-electron:
//   runTests({ vscodeExecutablePath: 'scripts/code-server-shim.js', extensionDevelopmentPath, extensionTestsPath, launchArgs })
// Desktop VS Code cannot be downloaded on our CI machines, code-server can (npm registry). This
// accepts the Electron-style arguments test-electron passes, opens the same folder in code-server
// with the development extension and the tests in the workbench URL's `payload`, in headless
// Chromium, streams the extension host's test output and exits with the tests' exit code.
//
// Env: CODE_SERVER_BIN (use this code-server), CHROMIUM (default /usr/bin/chromium),
//      PROTOCOL_ATLAS_TEST_TIMEOUT_MS (whole run, default 300000), PROTOCOL_ATLAS_VERBOSE=1 (server log).
// Everything else in the environment (test-electron's extensionTestsEnv included) reaches the
// extension host, because code-server inherits it.
const fs = require('fs');
const path = require('path');
const util = require('util');
const { launchChromium, makeTempDir, startCodeServer, workbenchUrl } = require('./code-server');

/** Flags that take a value, in `--flag value` or `--flag=value` form; the rest are ignored. */
const VALUE_FLAGS = new Set(['extensionDevelopmentPath', 'extensionTestsPath', 'user-data-dir', 'extensions-dir', 'folder-uri', 'locale', 'log']);

/** Workbench chatter that says nothing about the tests (offline gallery, connection setup). */
const KNOWN_NOISE = [
  /ENOTFOUND open-vsx\.org/,
  /^Resolving connection token|^Resolved connection token/,
  /^Creating a socket \(/,
  /^Updating additional builtin extensions cache$/,
  /^\[Service Worker\] registered$/,
  /^ChatSessionStore: /,
];

function parseArgs(argv) {
  const parsed = { devPaths: [], testsPath: undefined, userDataDir: undefined, extensionsDir: undefined, folders: [] };
  for (let i = 0; i < argv.length; i++) {
    const match = /^--([^=]+)(?:=(.*))?$/s.exec(argv[i]);
    if (!match) {
      parsed.folders.push(path.resolve(argv[i]));
      continue;
    }
    const [, name, inline] = match;
    const value = inline !== undefined ? inline : VALUE_FLAGS.has(name) ? argv[++i] : undefined;
    if (name === 'extensionDevelopmentPath') parsed.devPaths.push(path.resolve(value));
    else if (name === 'extensionTestsPath') parsed.testsPath = path.resolve(value);
    else if (name === 'user-data-dir') parsed.userDataDir = path.resolve(value);
    else if (name === 'extensions-dir') parsed.extensionsDir = path.resolve(value);
    else if (name === 'folder-uri') parsed.folders.push(new URL(value).pathname);
    // --no-sandbox, --disable-gpu-sandbox, --disable-updates, --skip-welcome, --skip-release-notes,
    // --disable-workspace-trust, --disable-extensions...: Electron/desktop flags, nothing to do here.
  }
  return parsed;
}

async function main() {
  const argv = process.argv.slice(2);
  if (argv.includes('--version') || argv.includes('-v')) {
    console.log('1.100.3\ncode-server-shim\nx64');
    return 0;
  }
  const args = parseArgs(argv);
  if (!args.testsPath || args.devPaths.length === 0) {
    console.error('code-server-shim: needs --extensionTestsPath and --extensionDevelopmentPath');
    return 2;
  }
  if (!fs.existsSync(args.testsPath) && !fs.existsSync(`${args.testsPath}.js`)) {
    console.error(`code-server-shim: no tests at ${args.testsPath}`);
    return 2;
  }

  const temp = makeTempDir('protocol-atlas-shim-');
  let server;
  let browser;
  const cleanup = async () => {
    try {
      if (browser) await browser.close();
    } catch {
      // already closed
    }
    if (server) await server.stop();
    temp.cleanup();
  };
  let done = false;
  let finish;
  const finished = new Promise((resolve) => (finish = (code) => {
    done = true;
    resolve(code);
  }));
  process.once('SIGINT', () => finish(130));
  process.once('SIGTERM', () => finish(143));

  try {
    server = await startCodeServer({
      userDataDir: args.userDataDir || path.join(temp.dir, 'user-data'),
      extensionsDir: args.extensionsDir || path.join(temp.dir, 'extensions'),
    });
    browser = await launchChromium();
    const page = await browser.newPage();
    // The workbench forwards the extension host's console (the mocha reporter) to these two hooks.
    await page.exposeFunction('codeAutomationLog', (type, logArgs) => {
      const text = util.format(...logArgs);
      if (!process.env.PROTOCOL_ATLAS_VERBOSE && KNOWN_NOISE.some((pattern) => pattern.test(text))) return;
      (type === 'error' ? process.stderr : process.stdout).write(text + '\n');
    });
    await page.exposeFunction('codeAutomationExit', (code) => finish(typeof code === 'number' ? code : 1));
    page.on('crash', () => {
      console.error('code-server-shim: the workbench page crashed');
      finish(3);
    });
    server.exited.then((code) => {
      if (done) return;
      console.error(`code-server-shim: code-server exited (${code}) before the tests finished\n${server.output().slice(-3000)}`);
      finish(4);
    });

    const url = workbenchUrl({ port: server.port, folder: args.folders[0], extensionDevelopmentPaths: args.devPaths, extensionTestsPath: args.testsPath });
    await page.goto(url);
    const timeoutMs = Number(process.env.PROTOCOL_ATLAS_TEST_TIMEOUT_MS || 300000);
    const timer = setTimeout(() => {
      console.error(`code-server-shim: no result after ${timeoutMs} ms`);
      finish(124);
    }, timeoutMs);
    const code = await finished;
    clearTimeout(timer);
    return code;
  } finally {
    await cleanup();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error('code-server-shim:', error && error.stack ? error.stack : error);
    process.exit(1);
  },
);
