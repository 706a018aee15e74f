import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { categoryTitle, describeVerdict, LAYER_ORDER, layerTitle, verdictTitle, verdictWord } from '../../../src/core/vocabulary/labels';
import { LAYERS, VERDICT_VALUES } from '../../../src/core/vocabulary/model';
import { cssVariable, printColours, VERDICT_COLOURS } from '../../../src/core/present/colours';

const ROOT = join(__dirname, '../../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

// One module each for the words and the colours: these tests fail when a copy comes back.
describe('the words and colours the product shows', () => {
  it('titles every layer, verdict and known category, and shows unknown text as written', () => {
    assert.deepEqual(LAYER_ORDER, [...LAYERS, 'unclassified']);
    assert.deepEqual(LAYER_ORDER.map(layerTitle), ['Infrastructure', 'Middleware', 'Model', 'Application', 'Unclassified']);
    assert.deepEqual(VERDICT_VALUES.map(verdictTitle), ['Positive', 'Negative', 'Mixed', 'Not assessed']);
    assert.deepEqual(VERDICT_VALUES.map(verdictWord), ['positive', 'negative', 'mixed', 'not assessed']);
    assert.equal(categoryTitle('agent-framework'), 'Agent frameworks');
    assert.equal(categoryTitle('compute'), 'Compute');
    // Text from a note or a message, including the names of Object's own properties.
    for (const hostile of ['constructor', '__proto__', 'toString', 'rollup']) {
      assert.equal(layerTitle(hostile), hostile);
      assert.equal(verdictTitle(hostile), hostile);
      assert.equal(verdictWord(hostile), hostile);
      assert.equal(categoryTitle(hostile), hostile);
    }
  });

  it('describes a verdict with its strength, horizon, override and outlook', () => {
    assert.equal(describeVerdict({ value: 'not-assessed' }), 'not assessed');
    assert.equal(describeVerdict({ value: 'positive', strength: 'strongest', source: 'framework' }), 'positive (strongest)');
    assert.equal(
      describeVerdict({ value: 'negative', source: 'override', horizon: 'short-term', outlook: { horizon: 'long-term', value: 'positive', rationale: '' } }),
      'negative (short-term, override); positive (long-term)',
    );
  });

  it("package.json contributes exactly the colours module's theme colours", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { contributes: { colors: Array<{ description: string }> } };
    // The descriptions are %keys% of package.nls.json (package.nls.zh-cn.json in a Chinese VS Code).
    const nls = JSON.parse(readFileSync(join(ROOT, 'package.nls.json'), 'utf8')) as Record<string, string>;
    const english = (text: string) => (/^%.+%$/.test(text) ? nls[text.slice(1, -1)] : text);
    const contributed = manifest.contributes.colors.map((colour) => ({ ...colour, description: english(colour.description) }));
    assert.deepEqual(contributed, VERDICT_VALUES.map((value) => VERDICT_COLOURS[value]));
    assert.equal(cssVariable(VERDICT_COLOURS['not-assessed']), '--vscode-protocolAtlas-notAssessed');
  });

  it('prints each verdict in its light-theme colour, with a paler fill, and an unknown value as not assessed', () => {
    for (const value of VERDICT_VALUES) {
      const { stroke, fill, text } = printColours(value);
      assert.equal(stroke, VERDICT_COLOURS[value].defaults.light.toLowerCase());
      assert.equal(text, VERDICT_COLOURS[value].defaults.highContrastLight.toLowerCase());
      assert.match(fill, /^#[0-9a-f]{6}$/);
      const lightness = (hex: string) => [1, 3, 5].reduce((sum, at) => sum + parseInt(hex.slice(at, at + 2), 16), 0);
      assert.ok(lightness(fill) > lightness(stroke), `${value}: the fill is paler than the dot`);
    }
    assert.deepEqual(printColours('constructor' as never), printColours('not-assessed'));
  });

  it('no other source file spells a layer title, a verdict title or a verdict colour', () => {
    const own = new Set(['src/core/vocabulary/labels.ts', 'src/core/present/colours.ts', 'src/core/vocabulary/taxonomy.ts']);
    // The printed colours (what an export would copy); the dark ones coincide with VS Code's chart colours.
    const colours = VERDICT_VALUES.flatMap((value) => [printColours(value).stroke, printColours(value).text]);
    const copies: string[] = [];
    for (const file of [...sourceFiles('src'), ...sourceFiles('webview')]) {
      const path = relative(ROOT, join(ROOT, file));
      if (own.has(path)) continue;
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const word of ["'Infrastructure'", "'Middleware'", "'Application'", "'Unclassified'", "'Not assessed'", "'Positive'", "'Negative'"]) {
        if (text.includes(word)) copies.push(`${path}: ${word}`);
      }
      for (const hex of colours) if (text.toLowerCase().includes(hex)) copies.push(`${path}: ${hex}`);
    }
    assert.deepEqual(copies, []);
  });
});
