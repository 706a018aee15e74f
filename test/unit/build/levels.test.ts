// The lint rules that keep src/core in levels and free of cycles (eslint.config.mjs) must fail
// on the imports they exist to stop, or a typo in the config would let every import through.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { ESLint } from 'eslint';

const root = path.resolve(__dirname, '../../..');

async function ruleIdsFor(file: string, text: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(text, { filePath: path.join(root, file) });
  return result.messages.map((message) => `${message.ruleId}: ${message.message}`);
}

const REAL = (file: string) => fs.readFileSync(path.join(root, file), 'utf8');

describe('Lint: the levels of src/core and no import cycles', function () {
  this.timeout(120_000);

  it('accepts the files as they are', async () => {
    for (const file of ['src/core/vocabulary/labels.ts', 'src/core/present/graphSvg.ts', 'webview/card.ts', 'src/extension/features/exportGraph.ts']) {
      assert.deepStrictEqual(await ruleIdsFor(file, REAL(file)), [], file);
    }
  });

  it('refuses an import of a higher level, of a sibling on the same level, and of an adapter', async () => {
    const cases: Array<[file: string, importLine: string, says: RegExp]> = [
      ['src/core/vocabulary/labels.ts', "import '../atlas';", /level 1 of the core/],
      ['src/core/graph/layout.ts', "import '../note/names';", /src\/core\/graph is on level 2/],
      ['src/core/index/links.ts', "import '../framework/evaluate';", /src\/core\/index is on level 3/],
      ['src/core/atlas.ts', "import './present/report';", /src\/core\/atlas\.ts is on level 4/],
      ['src/core/present/report.ts', "import '../editing/hover';", /src\/core\/present is on level 5/],
      ['src/core/editing/hover.ts', "import '../../extension/log';", /adapters depend on it/],
      ['src/webviewProtocol.ts', "import './core/atlas';", /presentation \(src\/core\/present\) and vocabulary only/],
      ['webview/card.ts', "import '../src/core/index/protocolIndex';", /webview draws what the extension sends/],
      ['src/cli/main.ts', "import '../extension/log';", /CLI runs without VS Code/],
    ];
    for (const [file, importLine, says] of cases) {
      const messages = await ruleIdsFor(file, `${REAL(file)}\n${importLine}\n`);
      assert.ok(
        messages.some((message) => message.startsWith('import-x/no-restricted-paths') && says.test(message)),
        `${file} + ${importLine}: ${messages.join('; ') || 'no problem reported'}`,
      );
    }
  });

  it('refuses an import that closes a cycle', async () => {
    // graphPanel.ts imports exportGraph.ts; exportGraph.ts importing it back is a cycle.
    const file = 'src/extension/features/exportGraph.ts';
    const messages = await ruleIdsFor(file, `${REAL(file)}\nimport './graphPanel';\n`);
    assert.ok(messages.some((message) => message.startsWith('import-x/no-cycle')), messages.join('; ') || 'no problem reported');
  });
});
