import * as assert from 'node:assert/strict';
import * as l10n from '@vscode/l10n';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli } from '../../../src/cli/main';
import { languageOf, takeLanguage } from '../../../src/cli/language';
import { exposureSentence } from '../../../src/core/present/exposureText';
import { categoryTitle, describeVerdict, LAYER_ORDER, layerTitle, verdictTitle } from '../../../src/core/vocabulary/labels';
import { LAYERS, VERDICT_VALUES } from '../../../src/core/vocabulary/model';
import { BUILTIN_VOCABULARY, CATEGORIES } from '../../../src/core/vocabulary/taxonomy';

const normalizeLayer = (text: string) => BUILTIN_VOCABULARY.layer(text);
const normalizeCategory = (text: string) => BUILTIN_VOCABULARY.category(text);

const ROOT = join(__dirname, '../../..');
const { extract, problems } = require('../../../scripts/l10n.js') as {
  extract(): Promise<Record<string, unknown>>;
  problems(english: Record<string, unknown>, translated: Record<string, unknown>, language: string): string[];
};
const chinese = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;

function inChinese<T>(run: () => T): T {
  l10n.config({ contents: chinese });
  try {
    return run();
  } finally {
    l10n.config({ contents: {} });
  }
}

describe('the runtime strings in zh-CN', () => {
  it('every message the sources ask for is in the English bundle and translated, placeholders kept', async function () {
    this.timeout(60000);
    const english = await extract();
    const committed = JSON.parse(readFileSync(join(ROOT, 'l10n/bundle.l10n.json'), 'utf8')) as Record<string, unknown>;
    assert.deepEqual(Object.keys(committed), Object.keys(english), 'l10n/bundle.l10n.json is what node scripts/l10n.js extracts');
    assert.deepEqual(problems(english, chinese, 'zh-cn'), []);
    // The check itself: a missing translation, a lost placeholder and a stale key are each caught.
    const { '{0} of {1}': _dropped, ...missing } = chinese;
    assert.equal(problems(english, missing, 'zh-cn').length, 1);
    assert.equal(problems(english, { ...chinese, '{0} of {1}': '{0}' }, 'zh-cn').length, 1);
    assert.equal(problems(english, { ...chinese, 'gone': '没了' }, 'zh-cn').length, 1);
  });

  it('the display titles are the article’s English labels, and in Chinese words the parser reads back', () => {
    for (const category of CATEGORIES) assert.equal(categoryTitle(category.id), category.label, category.id);
    inChinese(() => {
      for (const layer of LAYERS) assert.equal(normalizeLayer(layerTitle(layer)), layer, layerTitle(layer));
      for (const category of CATEGORIES) assert.equal(normalizeCategory(categoryTitle(category.id))?.id, category.id, categoryTitle(category.id));
      assert.deepEqual(LAYER_ORDER.map(layerTitle), ['基础设施层', '中间件层', '模型层', '应用层', '未分类']);
      assert.deepEqual(VERDICT_VALUES.map(verdictTitle), ['利好', '利空', '影响不一', '未评估']);
      assert.equal(describeVerdict({ value: 'negative', source: 'override', horizon: 'short-term' }), '利空 (短期, 自定判断)');
      assert.equal(exposureSentence(812, [['a', 'Eliza', 'io.net']]), '暴露于 812 个受利空影响的协议，最近的：Eliza → io.net');
      assert.equal(layerTitle('constructor'), 'constructor');
    });
    assert.equal(layerTitle('infrastructure'), 'Infrastructure', 'back in English once the bundle is gone');
  });
});

describe('the CLI’s language', () => {
  // A failed assertion must not leave the next tests speaking Chinese.
  afterEach(() => l10n.config({ contents: {} }));
  const run = (argv: string[], env: Record<string, string | undefined> = {}) => {
    let out = '';
    let err = '';
    const code = runCli(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`) }, env);
    return { code, out, err };
  };
  const example = join(ROOT, 'examples/deepseek-2025');

  it('reads --lang, then LC_ALL, LC_MESSAGES and LANG, and speaks English otherwise', () => {
    assert.equal(languageOf('zh_CN.UTF-8'), 'zh-cn');
    assert.equal(languageOf('zh-Hans'), 'zh-cn');
    assert.equal(languageOf('C'), 'en');
    assert.equal(languageOf('fr_FR'), undefined);
    assert.equal(takeLanguage(['report', '.', '--lang', 'zh'], {}).language, 'zh-cn');
    assert.deepEqual(takeLanguage(['report', '--lang=en', '.'], { LANG: 'zh_CN.UTF-8' }), { language: 'en', args: ['report', '.'] });
    assert.equal(takeLanguage(['report', '.'], { LANG: 'zh_CN.UTF-8' }).language, 'zh-cn');
    assert.equal(takeLanguage(['report', '.'], { LC_ALL: 'en_US.UTF-8', LANG: 'zh_CN.UTF-8' }).language, 'en');
    assert.equal(takeLanguage(['report', '.'], { LANG: 'fr_FR.UTF-8' }).language, 'en');
  });

  it('prints the report’s layers, verdicts and exposure in Chinese with --lang zh or a Chinese LANG, and English after', () => {
    const english = run(['report', example]);
    assert.equal(english.code, 0, english.err);
    assert.match(english.out, /negative/);
    for (const chinese of [run(['report', example, '--lang', 'zh']), run(['report', example], { LANG: 'zh_CN.UTF-8' })]) {
      assert.equal(chinese.code, 0, chinese.err);
      assert.match(chinese.out, /基础设施层/);
      assert.match(chinese.out, /利空/);
      assert.match(chinese.out, /暴露于|经由/);
    }
    assert.equal(run(['report', example]).out, english.out, 'the next run is English again');
  });

  it('refuses a language it does not speak, with exit code 2', () => {
    const result = run(['report', example, '--lang', 'fr']);
    assert.equal(result.code, 2);
    assert.match(result.err, /--lang 'fr'/);
  });
});
