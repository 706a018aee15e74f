// The built-in framework in Chinese: builtin/<id>.<language>.json gives its words (title,
// description, source date; per rule the rationale, the section and the outlook's rationale) and
// nothing else, so under zh-CN every protocol gets the same flag for the same rule, told in Chinese.
import * as l10n from '@vscode/l10n';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Atlas, defaultFramework } from '../../../src/core/atlas';
import { dependencyHover, hoverMarkdown } from '../../../src/core/editing/hover';
import { builtinFrameworks, compareFrameworks, DEFAULT_FRAMEWORK_ID, evaluate, parseFramework, type Framework } from '../../../src/core/framework';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { compareReportMarkdown } from '../../../src/core/present/compareReport';
import { runCli } from '../../../src/cli/main';
import { HAN, inChinese } from '../present/chineseBundle';

const FOLDER = path.join(__dirname, '../../../src/core/framework/builtin');
const readJson = (name: string): unknown => JSON.parse(fs.readFileSync(path.join(FOLDER, name), 'utf8'));
/** deepseek-2025.zh-cn.json: [file, framework id, language]. */
const TRANSLATIONS = fs
  .readdirSync(FOLDER)
  .map((name) => /^(.+)\.([a-z]{2}(?:-[a-z]+)?)\.json$/.exec(name))
  .filter((match): match is RegExpExecArray => match !== null)
  .map(([file, id, language]) => ({ file, id, language }));

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): boolean => typeof value === 'string' && value.trim() !== '';

/**
 * What is wrong with a translation against the English framework: a word missing or empty, a rule
 * or field the English file does not have, an outlook where its rule has none. (The oracle of
 * these tests; builtin.ts itself falls back to English for a missing word.)
 */
function translationProblems(english: Framework, translation: unknown): string[] {
  const found: string[] = [];
  const only = (value: Record<string, unknown>, allowed: string[], where: string) => {
    for (const key of Object.keys(value)) if (!allowed.includes(key)) found.push(`${where}: ${key} is not a word the translation may give`);
  };
  if (!isObject(translation)) return ['not an object'];
  only(translation, ['title', 'description', 'source', 'rules'], 'translation');
  if (!isText(translation.title)) found.push('no title');
  if ((english.description !== undefined) !== isText(translation.description)) found.push(english.description === undefined ? 'a description the English file has not' : 'no description');
  if (translation.source !== undefined) {
    if (!isObject(translation.source)) found.push('source: not an object');
    else {
      only(translation.source, ['date'], 'source');
      if (!isText(translation.source.date)) found.push('source: no date');
    }
  }
  if (!isObject(translation.rules)) return [...found, 'no rules'];
  const ids = english.rules.map((rule) => rule.id);
  for (const id of Object.keys(translation.rules)) if (!ids.includes(id)) found.push(`rule ${id}: the English file has no such rule`);
  for (const rule of english.rules) {
    const words = translation.rules[rule.id];
    if (!isObject(words)) {
      found.push(`rule ${rule.id}: not translated`);
      continue;
    }
    only(words, ['rationale', 'section', 'outlook'], `rule ${rule.id}`);
    if (!isText(words.rationale)) found.push(`rule ${rule.id}: no rationale`);
    if (!isText(words.section)) found.push(`rule ${rule.id}: no section`);
    if (rule.outlook && !(isObject(words.outlook) && isText(words.outlook.rationale))) found.push(`rule ${rule.id}: no outlook rationale`);
    if (!rule.outlook && words.outlook !== undefined) found.push(`rule ${rule.id}: an outlook the English rule has not`);
    if (isObject(words.outlook)) only(words.outlook, ['rationale'], `rule ${rule.id} outlook`);
  }
  return found;
}

/** A verdict without its words: what must be the same in every language. */
const judgement = (framework: Framework) => ({
  id: framework.id,
  source: { ...framework.source, date: undefined },
  rules: framework.rules.map((rule) => ({ ...rule, rationale: undefined, section: undefined, outlook: rule.outlook && { ...rule.outlook, rationale: undefined } })),
});

describe('the built-in framework in Chinese', () => {
  const english = builtinFrameworks().find((framework) => framework.id === DEFAULT_FRAMEWORK_ID)!;

  it('has a translation for zh-cn, and every translation gives every word of its framework and no other', () => {
    assert.deepEqual(
      TRANSLATIONS.map(({ file, language }) => [file, language]),
      [['deepseek-2025.zh-cn.json', 'zh-cn']],
    );
    for (const { file, id } of TRANSLATIONS) {
      const framework = builtinFrameworks().find((candidate) => candidate.id === id);
      assert.ok(framework, `${file}: no built-in framework ${id}`);
      assert.deepEqual(translationProblems(framework, readJson(file)), [], file);
    }
  });

  it('the check fails on a missing rule, a rule the English file has not, a missing field and an outlook too many', () => {
    const good = readJson('deepseek-2025.zh-cn.json') as { rules: Record<string, Record<string, unknown>> };
    const withRules = (rules: Record<string, unknown>) => ({ ...good, rules });
    const { 'defai-positive': _dropped, ...missing } = good.rules;
    const variants: Array<[string, unknown]> = [
      ['a rule left out', withRules(missing)],
      ['a rule that does not exist', withRules({ ...good.rules, 'storage-positive': { rationale: '存储', section: '2' } })],
      ['a rule without its section', withRules({ ...good.rules, 'model-positive': { rationale: good.rules['model-positive'].rationale } })],
      ['an empty rationale', withRules({ ...good.rules, 'model-positive': { ...good.rules['model-positive'], rationale: ' ' } })],
      ['an outlook for a rule without one', withRules({ ...good.rules, 'model-positive': { ...good.rules['model-positive'], outlook: { rationale: '长期' } } })],
      ['an outlook without its rationale', withRules({ ...good.rules, 'ai-agents-market-negative': { ...good.rules['ai-agents-market-negative'], outlook: {} } })],
      ['a verdict, which is not a word', withRules({ ...good.rules, 'model-positive': { ...good.rules['model-positive'], verdict: 'negative' } })],
      ['no title', { ...good, title: '' }],
      ['no description', { ...good, description: undefined }],
    ];
    for (const [what, variant] of variants) assert.equal(translationProblems(english, JSON.parse(JSON.stringify(variant))).length, 1, what);
  });

  it('under zh-CN is the same framework, every rule with the same id, match and verdict, in Chinese words', () => {
    const chinese = inChinese(() => builtinFrameworks().find((framework) => framework.id === DEFAULT_FRAMEWORK_ID)!);
    assert.notEqual(chinese, english);
    assert.deepEqual(judgement(chinese), judgement(english));
    for (const text of [chinese.title, chinese.description, chinese.source.date, ...chinese.rules.flatMap((rule) => [rule.rationale, rule.outlook?.rationale ?? '中'])]) {
      assert.match(text ?? '', HAN, text);
    }
    assert.deepEqual(chinese.rules.map((rule) => rule.section), ['2、3（利空）', '3（利好）', '3（利好）、4', '4', 'TLDR、4']);
    // Still a framework a researcher could have written: the framework file format is unchanged.
    const { framework, diagnostics } = parseFramework(JSON.stringify(chinese), 'deepseek-2025.zh-cn.json');
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(framework, chinese);
  });

  it('gives compute its Chinese reason under zh-CN and its English one otherwise; the same objects each time', () => {
    const compute = (framework: Framework) => evaluate(framework, { layer: 'infrastructure', category: 'compute' });
    const zh = inChinese(() => compute(defaultFramework()));
    assert.equal(zh.value, 'negative');
    assert.equal(zh.ruleId, 'compute-negative');
    assert.equal(zh.section, '2、3（利空）');
    assert.match(zh.rationale, /^中心化云厂商.*价格战.*4090.*死亡螺旋.*延迟.*协同调度/);
    const en = compute(defaultFramework());
    assert.deepEqual({ ...zh, rationale: en.rationale, section: en.section }, en);
    assert.match(en.rationale, /^Centralised clouds/);
    assert.equal(defaultFramework(), english, 'English again once the bundle is gone');
    // One object per language: choosing the built-in framework twice is choosing one framework.
    assert.equal(inChinese(defaultFramework), inChinese(defaultFramework));
    assert.equal(builtinFrameworks()[0], builtinFrameworks()[0]);
  });

  it('reads in Chinese wherever it is shown: the dependency hover and the framework comparison, words around it included', () => {
    const index = new ProtocolIndex();
    index.build([{ path: 'infrastructure/io-net.md', text: '---\nprotocol: io.net\nlayer: infrastructure\ncategory: compute\n---\n' }]);
    const hover = () => {
      const atlas = new Atlas({ index });
      const path = 'infrastructure/io-net.md';
      return hoverMarkdown(dependencyHover(atlas.index.protocol(path)!, atlas.verdictOf(path), atlas.framework.title)).replace(/\u2060/g, '');
    };
    const zh = inChinese(hover);
    assert.match(zh, /^层：基础设施层 · 类别：算力$/m);
    assert.match(zh, /^判断：\*\*利空\*\* · DeepSeek 对 Web3 AI 的影响/m);
    assert.match(zh, /^理由：中心化云厂商/m);
    assert.match(zh, /^章节：§2、3（利空）$/m);
    assert.match(hover(), /^Reason: Centralised clouds/m);

    const rebound = (framework: Framework): Framework => ({
      ...framework,
      id: 'compute-rebound',
      rules: framework.rules.map((rule) => (rule.id === 'compute-negative' ? { ...rule, verdict: 'positive', rationale: '杰文斯悖论：推理越便宜，需求越大。', section: '2' } : rule)),
    });
    const report = () => {
      const framework = defaultFramework();
      const subjects = [{ path: 'infrastructure/io-net.md', name: 'io.net', layer: 'infrastructure' as const, category: 'compute' }];
      return compareReportMarkdown(compareFrameworks(framework, rebound(framework), subjects), () => 'infrastructure').replace(/\u2060/g, '');
    };
    const markdown = inChinese(report);
    assert.match(markdown, /^# DeepSeek 对 Web3 AI 的影响（BlockBooster，2025 年 2 月） → DeepSeek 对 Web3 AI 的影响/m);
    assert.match(markdown, /\*\*1\*\* 个协议的判断改变，0 个不变。/);
    assert.match(markdown, /^\| 层 \| 协议 \|/m);
    assert.match(markdown, /^\| 基础设施层 \| io\\?\.net \| 利空 \| 利好 \|$/m);
    assert.match(markdown, /^## 理由$/m);
    assert.match(markdown, /^- \*\*deepseek\\-2025\*\*：利空。中心化云厂商.*平台的长处。（章节 2、3（利空））$/m);
    assert.match(markdown, /^- \*\*compute\\-rebound\*\*：利好。杰文斯悖论：推理越便宜，需求越大。（章节 2）$/m);
    assert.match(report(), /^\| layer \| protocol \|/m);
  });

  describe('in the CLI', () => {
    // A failed assertion must not leave the next tests speaking Chinese.
    afterEach(() => l10n.config({ contents: {} }));
    const example = path.join(__dirname, '../../../examples/deepseek-2025');
    const run = (...argv: string[]) => {
      let out = '';
      let err = '';
      const code = runCli(argv, { out: (text) => (out += `${text}\n`), err: (text) => (err += `${text}\n`), columns: 400 }, {});
      return { code, out, err };
    };

    it('report --lang zh prints the framework’s Chinese title, reasons and sections; English without it', () => {
      const zh = run('report', example, '--lang', 'zh', '--long');
      assert.equal(zh.code, 0, zh.err);
      assert.match(zh.out, /DeepSeek 对 Web3 AI 的影响（BlockBooster，2025 年 2 月）/);
      assert.match(zh.out, /io\.net.*中心化云厂商.*2、3（利空）/);
      assert.match(zh.out, /本框架未评估/);
      const json = JSON.parse(run('report', example, '--lang', 'zh', '--json').out) as { framework: { title: string }; protocols: Array<{ name: string; verdict: { rationale: string; value: string } }> };
      assert.match(json.framework.title, HAN);
      const en = run('report', example, '--long');
      assert.match(en.out, /DeepSeek's impact on Web3 AI/);
      assert.doesNotMatch(en.out, /中心化云厂商|本框架未评估/);
      const enJson = JSON.parse(run('report', example, '--json').out) as typeof json;
      assert.deepEqual(json.protocols.map((p) => [p.name, p.verdict.value]), enJson.protocols.map((p) => [p.name, p.verdict.value]));
    });

    it('check --lang zh prints the problems in Chinese', () => {
      const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'atlas-zh-check-'));
      try {
        fs.writeFileSync(path.join(folder, 'a.md'), '---\nprotocol: A\nlayer: modle\ndepends_on: [Nowhere]\n---\n');
        const zh = run('check', folder, '--lang', 'zh');
        assert.match(zh.out, /未知的层“modle”。是不是想写 model？/);
        assert.match(zh.out, /没有名为“Nowhere”的笔记。/);
        assert.match(run('check', folder).out, /Unknown layer "modle". Did you mean model\?/);
      } finally {
        fs.rmSync(folder, { recursive: true, force: true });
      }
    });
  });
});
