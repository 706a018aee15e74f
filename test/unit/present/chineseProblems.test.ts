// Under zh-CN the problems the core finds in notes (src/core/note, src/core/index) and the reasons
// a protocol is not assessed are worded in Chinese, from l10n/bundle.l10n.zh-cn.json; without a
// bundle they stay exactly the English the other tests pin down.
import * as assert from 'node:assert/strict';
import { Atlas, defaultFramework } from '../../../src/core/atlas';
import { quickFixesFor } from '../../../src/core/editing/quickFixes';
import { evaluate } from '../../../src/core/framework/evaluate';
import { ProtocolIndex } from '../../../src/core/index/protocolIndex';
import { parseNote } from '../../../src/core/note/parseNote';
import type { Diagnostic } from '../../../src/core/vocabulary/model';
import { displayLanguage } from '../../../src/core/vocabulary/labels';
import { inChinese } from './chineseBundle';

const NOTES: Record<string, string> = {
  'infrastructure/akash.md': '---\nprotocol: Akash\nlayer: infrastructure\ncategory: compute\n---\n',
  'infrastructure/arweave.md': '---\nprotocol: Arweave\nlayer: infrastructure\ncategory: storage\n---\n',
  'typos.md': '---\nprotocol: Typos\nlayer: infrastucture\ndepends_on: [Akahs]\n---\n',
  'model/x.md': '---\nprotocol: X\nlayer: model\ncategory: compute\ndepends_on: [Y]\n---\n',
  'model/y.md': '---\nprotocol: Y\nlayer: model\ndepends_on: [X]\naliases: [Akash]\n---\n',
  'broken.md': '---\nprotocol: "io.net\nlayer: infrastructure\n---\n',
};

/** Every diagnostic of the notes, as "file code: message". */
function problems(): string[] {
  const index = new ProtocolIndex();
  index.build(Object.entries(NOTES).map(([path, text]) => ({ path, text })));
  return index.diagnostics().map((d) => `${d.file} ${d.code}: ${d.message}`);
}

describe('problems in zh-CN', () => {
  it('speak English without a bundle, word for word as before', () => {
    assert.equal(displayLanguage(), 'en');
    assert.deepEqual(problems(), [
      'broken.md invalid-yaml: Front matter: This " is never closed: end the value with a matching ".',
      'infrastructure/akash.md duplicate-name: "Akash" also names Y (model/y.md); links to it may go to the wrong note.',
      'model/x.md unknown-category: "compute" is a infrastructure category, but this note\'s layer is model. Categories of model: model-training.',
      'model/x.md dependency-cycle: Dependency cycle: X → Y → X',
      'model/y.md duplicate-name: "Akash" also names Akash (infrastructure/akash.md); links to it may go to the wrong note.',
      'model/y.md dependency-cycle: Dependency cycle: Y → X → Y',
      'typos.md unknown-layer: Unknown layer "infrastucture". Did you mean infrastructure?',
      'typos.md unresolved-dependency: No note is named "Akahs". Did you mean "Akash"?',
    ]);
  });

  it('an unknown layer, a cycle, an unresolved dependency, a duplicate name, a misplaced category and a YAML error are told in Chinese', () => {
    assert.deepEqual(inChinese(problems), [
      'broken.md invalid-yaml: front matter：这个 " 没有闭合：请在值的末尾补上对应的 "。',
      'infrastructure/akash.md duplicate-name: “Akash”也是 Y (model/y.md) 的名称；指向它的链接可能会跳到错误的笔记。',
      'model/x.md unknown-category: “compute”是基础设施层的类别，但这篇笔记的层是模型层。模型层的类别有：model-training。',
      'model/x.md dependency-cycle: 依赖循环：X → Y → X',
      'model/y.md duplicate-name: “Akash”也是 Akash (infrastructure/akash.md) 的名称；指向它的链接可能会跳到错误的笔记。',
      'model/y.md dependency-cycle: 依赖循环：Y → X → Y',
      'typos.md unknown-layer: 未知的层“infrastucture”。是不是想写 infrastructure？',
      'typos.md unresolved-dependency: 没有名为“Akahs”的笔记。是不是想写“Akash”？',
    ]);
    assert.equal(problems()[0], 'broken.md invalid-yaml: Front matter: This " is never closed: end the value with a matching ".', 'English again afterwards');
  });

  it('a long cycle, an override without a verdict or a reason, a layer tag and a wrongly typed field, in Chinese', () => {
    const messages = (path: string, text: string) => parseNote(path, text).diagnostics.map((d) => d.message);
    inChinese(() => {
      assert.deepEqual(messages('o.md', '---\nprotocol: O\nlayer: application\nimpact:\n  verdict: great\n---\n'), [
        '“great”不是有效的判断：请使用 positive、negative、mixed、not-assessed（也可以写利好、利空、影响不一、未评估）。',
      ]);
      assert.deepEqual(messages('r.md', '---\nprotocol: R\nlayer: application\nimpact:\n  verdict: 利空\n---\n'), [
        '自定判断需要写明 `reason`，让别人看得到为什么推翻了框架的判断；补上之前，这个自定判断不会生效。',
      ]);
      assert.deepEqual(messages('t.md', '---\nprotocol: T\ntags: [layer/modle]\n---\n'), ['未知的层标签“layer/modle”。是不是想写 layer/model？']);
      assert.deepEqual(messages('f.md', '---\nprotocol: F\nlayer: [model]\n---\n'), [
        '`layer` 应为 infrastructure、middleware、model、application 之一（也可以写基础设施层、中间件层、模型层、应用层）。',
      ]);
      assert.deepEqual(messages('b.md', 'a\0b'), ['这篇笔记含有 NUL 字节：它看起来是二进制文件，而不是 Markdown。']);

      const ring = new ProtocolIndex();
      const size = 40;
      ring.build(Array.from({ length: size }, (_, i) => ({ path: `n${i}.md`, text: `---\nprotocol: N${i}\nlayer: model\ndepends_on: [N${(i + 1) % size}]\n---\n` })));
      const cycle = ring.diagnostics('n0.md').find((d) => d.code === 'dependency-cycle')?.message ?? '';
      assert.match(cycle, /^40 篇笔记构成依赖循环：N0 → N1 → .* → … → .* → N0（环长 40）$/);
    });
  });

  it('not assessed, and an override without a reason: the reasons are Chinese too', () => {
    const index = new ProtocolIndex();
    index.build([
      { path: 'arweave.md', text: NOTES['infrastructure/arweave.md'] },
      { path: 'grass.md', text: '---\nprotocol: Grass\nlayer: infrastructure\n---\n' },
      { path: 'loose.md', text: '---\nprotocol: Loose\n---\n' },
    ]);
    const reasons = () => {
      const atlas = new Atlas({ index });
      return index.paths().map((path) => atlas.verdictOf(path).rationale);
    };
    assert.deepEqual(reasons(), [
      'Not assessed by this framework: it has no rule for infrastructure / storage.',
      'Not assessed by this framework yet: this note has no category, and the framework judges infrastructure by category (compute). Set `category:` in the note.',
      'Not assessed by this framework: the protocol has no layer yet, so no rule can apply.',
    ]);
    assert.deepEqual(inChinese(reasons), [
      '本框架未评估：框架中没有针对基础设施层 / storage 的规则。',
      '本框架暂未评估：这篇笔记没有类别，而本框架按类别（compute）评判基础设施层。请在笔记中设置 `category:`。',
      '本框架未评估：这个协议还没有层，任何规则都无从适用。',
    ]);
    const unexplained = () => evaluate(defaultFramework(), { layer: 'model', override: { verdict: 'mixed', reason: ' ' } }).rationale;
    assert.equal(unexplained(), 'Overridden by the researcher (no reason given).');
    assert.equal(inChinese(unexplained), '研究者自定了判断（未给出理由）。');
  });

  it('quick fixes read the diagnostic’s code and data, never its words: the same fixes in both languages', () => {
    const fixes = () => {
      const index = new ProtocolIndex();
      index.build(Object.entries(NOTES).map(([path, text]) => ({ path, text })));
      return index.diagnostics('typos.md').map((diagnostic: Diagnostic) => quickFixesFor(diagnostic, NOTES['typos.md']).map((fix) => fix.edits ?? fix.command?.arguments));
    };
    const english = fixes();
    assert.ok(english.flat().length >= 3, 'a fix for the layer, and a rename and a new note for the dependency');
    assert.deepEqual(inChinese(fixes), english);
  });

  it('the quick fixes’ titles are Chinese too', () => {
    const titles = () => {
      const index = new ProtocolIndex();
      index.build(Object.entries(NOTES).map(([path, text]) => ({ path, text })));
      return index.diagnostics('typos.md').flatMap((diagnostic) => quickFixesFor(diagnostic, NOTES['typos.md']).map((fix) => fix.title));
    };
    assert.deepEqual(titles(), ['Change layer to "infrastructure"', 'Change to "Akash"', "Create note 'Akahs'"]);
    assert.deepEqual(inChinese(titles), ['将层改为“infrastructure”', '改为“Akash”', '新建笔记“Akahs”']);
    const reason = (text: string) => parseNote('r.md', text).diagnostics.flatMap((diagnostic) => quickFixesFor(diagnostic, text).map((fix) => fix.title));
    assert.deepEqual(inChinese(() => reason('---\nprotocol: R\nimpact:\n  verdict: 利空\n---\n')), ['为自定判断添加 `reason:`']);
  });
});
