// Bundles: the extension host code, the webview app and the CLI. Everything a
// bundle needs is inlined, so the .vsix ships without node_modules.
//   node esbuild.js [--production] [--test-hooks] [--watch]
// --production minifies (npm run package); --test-hooks makes the test build, the one the
// integration and e2e tests and bench:host run (npm run build:test, npm run package:test; see
// scripts/bundles.js).
const esbuild = require('esbuild');
const { bundles } = require('./scripts/bundles');

const production = process.argv.includes('--production');
const testHooks = process.argv.includes('--test-hooks');
const watch = process.argv.includes('--watch');

/** Prints errors the way VS Code's problem matcher ($esbuild-watch) expects. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

const builds = bundles({ production, testHooks, plugins: watch ? [problemMatcher] : [] });

async function main() {
  // A fresh dist/: no map or bundle left over from an earlier build can pass for this one's.
  if (!watch) require('fs').rmSync('dist', { recursive: true, force: true });
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  if (watch) {
    await Promise.all(contexts.map((ctx) => ctx.watch()));
    return;
  }
  await Promise.all(contexts.map((ctx) => ctx.rebuild()));
  await Promise.all(contexts.map((ctx) => ctx.dispose()));
  require('fs').chmodSync('dist/cli.js', 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
