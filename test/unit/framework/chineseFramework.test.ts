// Under zh-CN the problems of a framework file are worded in Chinese, from
// l10n/bundle.l10n.zh-cn.json, on the very lines and ranges the English ones point at.
import * as assert from 'node:assert/strict';
import { frameworkIdTaken, parseFramework } from '../../../src/core/framework';
import { inChinese, HAN } from '../present/chineseBundle';

const BROKEN = [
  'id: Test Thesis',
  'title: "  "',
  'version: 2',
  'source:',
  '  author: Someone',
  '  date: 2025',
  '  url: ftp://example.com/a',
  'rules:',
  '  - id: compute-down',
  '    match: { layer: infrastructure, category: compte, tags: [gpu, gpu] }',
  '    verdict: bad',
  '    rationale: Prices fall.',
  '    section: "2"',
  '  - id: compute-down',
  '    match: {}',
  '    verdict: negative',
  '    rationale: r',
  '  - models go up',
].join('\n');

const problems = () => parseFramework(BROKEN, 'f.yaml').diagnostics.map((d) => ({ range: d.range, severity: d.severity, message: d.message, data: d.data }));

describe('framework file problems in zh-CN', () => {
  it('are worded in Chinese on the same lines, with the same ranges, severities and data, and English again afterwards', () => {
    const english = problems();
    const chinese = inChinese(problems);
    assert.deepEqual(
      chinese.map(({ message: _message, ...rest }) => rest),
      english.map(({ message: _message, ...rest }) => rest),
    );
    for (const { message } of chinese) assert.match(message, HAN, message);
    assert.deepEqual(chinese.map((d) => [d.range.start.line, d.message]), [
      [0, 'id 必须是用连字符连接的小写单词，例如“deepseek-2025”'],
      [1, 'title 不能为空'],
      [2, '框架：未知字段“version”（可用的字段：id, title, source, rules, $schema, description, synonyms）'],
      [4, 'source：缺少必填字段“article”'],
      [5, 'source.date 必须是文本（请加上引号）'],
      [6, 'source.url 必须是 http 或 https 地址'],
      [9, '规则“compute-down”：match.category“compte”不是已知的类别，因此这条规则只适用于写法完全相同的笔记'],
      [9, '规则“compute-down”：match.tags 把“gpu”列了两次'],
      [10, '规则“compute-down”：verdict 必须是以下之一：positive, negative, mixed, not-assessed'],
      [13, '规则“compute-down”：缺少必填字段“section”'],
      [13, '规则“compute-down”：这个 id 已被第 1 条规则使用'],
      [14, '规则“compute-down”：match 至少要设置 layer, category, tags 中的一项'],
      [17, '第 3 条规则 必须是字段映射（键: 值）'],
    ]);
    assert.deepEqual(problems(), english);
    assert.equal(english[1].message, 'title must not be empty');
  });

  it('a YAML mistake, a file too large and a taken id are said in Chinese too', () => {
    const [yaml] = inChinese(() => parseFramework('id: x\nrules: [', 'f.yaml').diagnostics);
    assert.match(yaml.message, /^不是有效的 YAML 或 JSON：/);
    const [large] = inChinese(() => parseFramework(`id: x\n${'#'.repeat(1_000_001)}`, 'f.yaml').diagnostics);
    assert.equal(large.message, '框架文件太大（超过 1,000,000 个字符）');
    assert.equal(inChinese(() => frameworkIdTaken('f.yaml', 'deepseek-2025')).message, '已有另一个框架使用 id“deepseek-2025”；请给这个框架另起一个 id，才能切换到它');
    assert.equal(frameworkIdTaken('f.yaml', 'x').message, "another framework already has the id 'x'; give this one its own id to switch to it");
  });
});
