#!/usr/bin/env node
// `npm start`: the extension, built from source, in a real VS Code in your browser.
// Builds dist/, makes sure code-server is installed, serves the example workspace on 127.0.0.1
// with this folder loaded as a development extension, prints the URL and runs until Ctrl-C.
//
//   npm start                      opens examples/deepseek-2025
//   npm start -- /path/to/notes    opens another folder
// Env: PROTOCOL_ATLAS_PORT (default 8080; a free port is used when it is taken),
//      PROTOCOL_ATLAS_PROFILE_DIR (VS Code user data + extensions, default .vscode-test/start),
//      PROTOCOL_ATLAS_SKIP_BUILD=1, PROTOCOL_ATLAS_VERBOSE=1 (code-server log).
// Desktop VS Code users: use the "Run Extension" launch configuration (F5) instead.
const fs = require('fs');
const path = require('path');
const { ensureCodeServer } = require('./ensure-code-server');
const { freePort, isPortFree, startCodeServer, workbenchUrl } = require('./code-server');
const { ROOT, EXAMPLE_WORKSPACE, build } = require('./project');

const DEFAULT_PORT = 8080;

async function choosePort() {
  const wanted = Number(process.env.PROTOCOL_ATLAS_PORT || DEFAULT_PORT);
  if (!Number.isInteger(wanted) || wanted <= 0 || wanted > 65535) throw new Error(`PROTOCOL_ATLAS_PORT is not a port: ${process.env.PROTOCOL_ATLAS_PORT}`);
  if (await isPortFree(wanted)) return wanted;
  const port = await freePort();
  console.log(`[start] port ${wanted} is taken, using ${port}`);
  return port;
}

async function main() {
  const workspace = path.resolve(process.argv[2] || EXAMPLE_WORKSPACE);
  if (!fs.statSync(workspace, { throwIfNoEntry: false })?.isDirectory()) throw new Error(`Not a folder: ${workspace}`);
  build();
  const codeServer = ensureCodeServer();
  const profile = path.resolve(process.env.PROTOCOL_ATLAS_PROFILE_DIR || path.join(ROOT, '.vscode-test', 'start'));
  const server = await startCodeServer({
    codeServer,
    port: await choosePort(),
    userDataDir: path.join(profile, 'user-data'),
    extensionsDir: path.join(profile, 'extensions'),
  });

  let stopping = false;
  const shutdown = async (code) => {
    if (stopping) return;
    stopping = true;
    console.log('\n[start] stopping code-server');
    await server.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => shutdown(0));
  process.on('SIGTERM', () => shutdown(0));
  process.on('SIGHUP', () => shutdown(0));
  server.exited.then((code) => {
    if (stopping) return;
    console.error(`[start] code-server exited (${code})\n${server.output().slice(-3000)}`);
    process.exit(1);
  });

  // The payload makes the workbench load this folder as a development extension: without it in
  // the URL, the page would open VS Code without Protocol Atlas.
  const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPaths: [ROOT] });
  console.log('');
  console.log(`  Protocol Atlas is running in VS Code (code-server) with ${path.relative(process.cwd(), workspace) || '.'} open.`);
  console.log('  Open this URL in your browser:');
  console.log('');
  console.log(`  ${url}`);
  console.log('');
  console.log('  Then run "Protocol Atlas: Show Layer Graph" from the Command Palette (F1).');
  console.log('  After a rebuild (npm run build), reload the page to load the new code. Ctrl-C stops.');
  console.log('');
}

main().catch((error) => {
  console.error(`[start] ${error.message}`);
  process.exit(error.exitCode || 1);
});
