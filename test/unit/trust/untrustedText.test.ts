import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { markdownText, visibleText, xmlText } from '../../../src/core/present/untrustedText';
import { compareReportMarkdown } from '../../../src/core/present/compareReport';
import { builtinFrameworks, compareFrameworks, type Framework } from '../../../src/core/framework';

// marked ships only as an ES module; Node >= 20.19 and tsx load it through require.
const { marked } = require('marked') as typeof import('marked', { with: { 'resolution-mode': 'import' } });

const INJECTIONS = [
  'https://evil.example/x',
  '<https://evil.example>',
  '![x](https://evil.example/p.png)',
  '[click](javascript:alert(1))',
  '<a href="https://evil.example">a</a>',
  '<pre>raw</pre><script>alert(1)</script>',
  'evil.example.com',
  'mail@evil.example',
  'www.evil.example',
  '**bold** _em_ `code` ~~del~~',
  '$(warning) icon',
  '# heading',
  '| cell | break |',
  'ESC\u001b[31mred\u001b[0m',
  'admin\u202Egnp.exe',
  'Ak\u200bash',
];

const decode = (html: string) => html.replace(/&(amp|lt|gt|quot|#39);/g, (_, name: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[name] ?? '');

describe('untrusted text', function () {
  this.timeout(20_000);
  it('visibleText shows control, direction and zero-width characters and keeps the rest', () => {
    assert.equal(visibleText('a\nb'), 'a\u240ab');
    assert.equal(visibleText('\u001b[31m'), '\u241b[31m');
    assert.equal(visibleText('admin\u202Egnp'), 'admin⟨U+202E⟩gnp');
    assert.equal(visibleText('Ak\u200bash'), 'Ak⟨U+200B⟩ash');
    assert.equal(visibleText('io.net 数据 🤖 Ωmega'), 'io.net 数据 🤖 Ωmega');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        assert.doesNotMatch(visibleText(text), /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\u200b-\u200f\u2028\u2029\ufeff]/); // eslint-disable-line no-control-regex
      }),
      { numRuns: 2000 },
    );
  });

  it('visibleText changes exactly the characters it is meant to show, one by one', () => {
    const shown = (code: number) =>
      code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x061c || (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x2028 && code <= 0x202e) || code === 0x2060 || (code >= 0x2066 && code <= 0x2069) || code === 0xfeff;
    for (let code = 0; code < 0x10000; code++) {
      if (code >= 0xd800 && code <= 0xdfff) continue;
      const char = String.fromCharCode(code);
      assert.equal(visibleText(`a${char}b`) !== `a${char}b`, shown(code), `U+${code.toString(16)}`);
    }
  });

  it('markdownText renders as the same words, with no link, image, HTML or emphasis', () => {
    for (const text of INJECTIONS) {
      const html = marked.parse(markdownText(text), { async: false, gfm: true });
      assert.doesNotMatch(html, /<(a|img|pre|script|strong|em|code|del|h1|table)\b/, `${text} -> ${html}`);
      const shown = decode(html.replace(/<\/?p>/g, '').trim()).replace(/\u2060/g, '');
      assert.equal(shown, visibleText(text), text);
    }
  });

  it('xmlText keeps every character as text XML accepts', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const escaped = xmlText(text);
        assert.doesNotMatch(escaped, /[<>"']|&(?!(lt|gt|amp|quot|apos);)/);
        assert.doesNotMatch(escaped, /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
      }),
      { numRuns: 2000 },
    );
  });

  it('the Compare report carries no live link, tag or control character from notes or frameworks', () => {
    const base = builtinFrameworks()[0];
    const hostile: Framework = {
      ...base,
      id: 'x<a href=https://evil.example>',
      title: '<pre>Evil</pre> https://evil.example',
      rules: base.rules.map((rule) => ({ ...rule, verdict: rule.verdict === 'negative' ? 'positive' : 'negative', rationale: INJECTIONS.join(' '), section: '<script>1</script>' })),
    };
    const subjects = INJECTIONS.map((name, i) => ({ path: `n${i}.md`, name, layer: 'infrastructure' as const, category: 'compute' }));
    const html = marked.parse(compareReportMarkdown(compareFrameworks(base, hostile, subjects), () => 'infrastructure'), { async: false, gfm: true });
    // The report's own markup is headings, bold counts and a table; nothing else may appear.
    assert.doesNotMatch(html, /<(a|img|pre|script|em|del|code)\b/);
    assert.equal((html.match(/<strong>/g) ?? []).length, 1 + 2 * INJECTIONS.length, 'the count, and the two framework ids of each reason');
    assert.doesNotMatch(html, /[\u0000-\u0008\u000b-\u001f\u202a-\u202e]/); // eslint-disable-line no-control-regex
    assert.equal((html.match(/<tr>/g) ?? []).length, INJECTIONS.length + 1, 'one row a protocol, none broken');
  });
});
