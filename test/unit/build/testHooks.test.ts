// What ships holds no test hook: the webview's test view (window.__protocolAtlas) and the
// extension's internals for the integration tests are in the test build only, and esbuild drops
// them from every other build (npm run build, npm run package), minified or not.
import * as assert from 'node:assert/strict';
import { build } from 'esbuild';
import { bundles } from '../../../scripts/bundles';
import { INTERNALS_KEY } from '../../../src/extension/testInternals';

/** The text of each bundle of the extension and the webview, built in memory as esbuild.js would. */
async function bundleTexts(options: { production: boolean; testHooks: boolean }): Promise<{ extension: string; webview: string }> {
  const wanted = bundles(options).filter((each) => each.outfile !== 'dist/cli.js');
  const texts = await Promise.all(
    wanted.map(async (each) => {
      const result = await build({ ...each, write: false, sourcemap: false, logLevel: 'silent' });
      const output = result.outputFiles.find((file) => file.path.endsWith('.js'));
      assert.ok(output, `no output for ${each.outfile}`);
      return [each.outfile, output.text] as const;
    }),
  );
  const byFile = new Map(texts);
  return { extension: byFile.get('dist/extension.js') ?? '', webview: byFile.get('dist/webview.js') ?? '' };
}

describe('the test hooks, in the test build only', function () {
  this.timeout(120_000);

  for (const production of [false, true]) {
    it(`leaves them out of ${production ? 'npm run package (minified)' : 'npm run build'}`, async () => {
      const { extension, webview } = await bundleTexts({ production, testHooks: false });
      assert.ok(webview.length > 10_000 && extension.length > 10_000, 'both bundles were built');
      assert.ok(!webview.includes('__protocolAtlas'), 'the webview installs no test view');
      assert.ok(!extension.includes(INTERNALS_KEY), 'the API carries no internals');
      assert.ok(!webview.includes('PROTOCOL_ATLAS_TEST_HOOKS') && !extension.includes('PROTOCOL_ATLAS_TEST_HOOKS'), 'the flag is replaced');
    });
  }

  it('puts them in the test build (npm run build:test, npm run package:test)', async () => {
    const { extension, webview } = await bundleTexts({ production: true, testHooks: true });
    assert.ok(webview.includes('__protocolAtlas'), 'the webview installs its test view');
    assert.ok(extension.includes(INTERNALS_KEY), 'the API carries the internals');
  });
});
