import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { displayWidth, firstSentence, fitWidth, formatTable } from '../../../src/cli/format';
import { exposureSentence, exposureShort, routeText } from '../../../src/core/present/exposureText';

describe('terminal formatting', () => {
  it('measures display width: a Chinese character takes two columns', () => {
    assert.equal(displayWidth('io.net'), 6);
    assert.equal(displayWidth('去中心化'), 8);
    assert.equal(displayWidth('N'.repeat(999_000), 40) >= 40, true);
  });

  it('agrees with string-width on the text it measures without it, and on any other', () => {
    // Latin, dashes and quotes, arrows, box drawing (measured by length), then mixed in the
    // characters that are not one column: CJK, emoji, combining marks, variation selectors.
    const narrow = fc.mapToConstant(
      { num: 0x5f, build: (v) => String.fromCharCode(0x20 + v) },
      { num: 0x260, build: (v) => String.fromCharCode(0xa0 + v) },
      { num: 0x18, build: (v) => String.fromCharCode(0x2010 + v) },
      { num: 0x2f, build: (v) => String.fromCharCode(0x2030 + v) },
      { num: 0x70, build: (v) => String.fromCharCode(0x2190 + v) },
      { num: 0x80, build: (v) => String.fromCharCode(0x2500 + v) },
    );
    const other = fc.constantFrom('去', '算力', '🤖', '\u0301', '\ufe0f', '\u200d', '©\ufe0f', 'Ｎ', '가');
    fc.assert(fc.property(fc.array(narrow, { maxLength: 60 }), (chars) => displayWidth(chars.join('')) === stringWidth(chars.join(''))), { numRuns: 2000 });
    fc.assert(
      fc.property(fc.array(fc.oneof(narrow, other), { maxLength: 30 }), (chars) => displayWidth(chars.join('')) === stringWidth(chars.join(''))),
      { numRuns: 2000 },
    );
  });

  it('cuts by display width, never through a wide character, and marks the cut', () => {
    assert.equal(fitWidth('io.net', 6), 'io.net');
    assert.equal(fitWidth('io.network', 6), 'io.ne…');
    assert.equal(fitWidth('去中心化算力', 6), '去中…');
    assert.equal(fitWidth('去中心化算力', 5), '去中…');
    assert.equal(fitWidth('anything', 0), '');
    // Three kinds of text, three ways of cutting: ASCII, one unit a character, anything (segmented).
    for (const characters of [['a', ' ', '.'], ['a', 'é', '中', '—', '→', 'ア', ' '], ['a', 'é', '中', '😀', ' ', 'Ω', 'e\u0301']]) {
      fc.assert(
        fc.property(fc.string({ unit: fc.constantFrom(...characters), maxLength: 60 }), fc.integer({ min: 1, max: 30 }), (text, width) => {
          const fitted = fitWidth(text, width);
          assert.ok(stringWidth(fitted) <= width);
          if (stringWidth(text) <= width) return assert.equal(fitted, text);
          assert.ok(fitted.endsWith('…') && text.startsWith(fitted.slice(0, -1)));
          // As much as fits: one more character would not.
          const kept = fitted.slice(0, -1);
          const next = [...new Intl.Segmenter().segment(text.slice(kept.length))][0].segment;
          assert.ok(stringWidth(kept + next) > width - 1, JSON.stringify([text, width, fitted]));
        }),
      );
    }
  });

  it("takes a reason's first sentence, not a stop inside a name or an abbreviation", () => {
    assert.equal(firstSentence('Runs on io.net and Render. Then more.'), 'Runs on io.net and Render.');
    assert.equal(firstSentence('Cheap, e.g. on 4090s, and fast! The rest.'), 'Cheap, e.g. on 4090s, and fast!');
    assert.equal(firstSentence('"A quote." Then more.'), '"A quote."');
    assert.equal(firstSentence('没有句号的理由。第二句。'), '没有句号的理由。');
    assert.equal(firstSentence('No stop at all'), 'No stop at all');
    assert.equal(firstSentence('Two\nlines. Next'), 'Two lines.');
  });

  it('pads table columns by display width, so a Chinese name lines up', () => {
    const table = formatTable(['NAME', 'VERDICT'], [['去中心化', 'negative'], ['io.net', 'negative']]);
    const lines = table.split('\n');
    const column = (line: string) => stringWidth(line.slice(0, line.indexOf('negative')));
    assert.equal(column(lines[2]), column(lines[3]));
  });

  it('wraps Chinese reasons between characters, fills each line, and never starts a line with a comma or full stop', () => {
    // Chinese has no spaces between words: a run longer than the column left on a line must
    // continue on that line, not leave it short and start a new one.
    const reason = '先说结论 推理更便宜，需要 GPU 的应用就更多，所以即便 4090 的租金下跌，算力的总需求也可能上升：对能把延迟控制在可接受范围内的网络来说，用量或许能抵消降价。这是押注，不是结论。';
    const table = formatTable(['NAME', 'WHY'], [['Akash', reason]], { width: 40, flexible: [1] });
    const cells = table.split('\n').slice(2).map((line) => line.slice(line.indexOf('Akash') === 0 ? 'Akash'.length : 0).trimStart());
    const width = Math.max(...table.split('\n').slice(1, 2).map((rule) => stringWidth(rule.split('  ').pop() ?? '')));
    assert.ok(cells.length >= 2, table);
    for (const cell of cells) assert.ok(stringWidth(cell) <= width, `within the column: ${cell}`);
    // A line breaks only where the next piece would not fit: each but the last is nearly full.
    for (const cell of cells.slice(0, -1)) assert.ok(stringWidth(cell) >= width - 4, `filled: ${cell} (${stringWidth(cell)} of ${width})`);
    for (const cell of cells.slice(1)) assert.doesNotMatch(cell, /^[，。、：；！？）]/, `no line starts with punctuation: ${cell}`);
    // Nothing lost or added but the spaces the text had: Latin words and numbers stay whole.
    assert.equal(cells.join('').replace(/ /g, ''), reason.replace(/ /g, ''));
    assert.ok(cells.some((cell) => cell.includes('GPU')) && cells.some((cell) => cell.includes('4090')));
  });

  it('still wraps English between words only', () => {
    const table = formatTable(['NAME', 'WHY'], [['Akash', 'Cheaper inference multiplies the apps that need GPUs, so demand can rise.']], { width: 60, flexible: [1] });
    const cells = table.split('\n').slice(2).map((line) => line.replace(/^Akash/, '').trim());
    assert.equal(cells.join(' '), 'Cheaper inference multiplies the apps that need GPUs, so demand can rise.');
    assert.ok(cells.length >= 2, table);
  });
});

describe('exposure wording', () => {
  const pilot = ['Yield Pilot', 'Eliza', 'io.net'];
  it('says how many and the nearest, or the single path', () => {
    assert.equal(exposureSentence(812, [pilot]), 'exposed to 812 negatively affected protocols, nearest: Eliza → io.net');
    assert.equal(exposureSentence(1, [pilot]), 'exposed via Eliza → io.net');
    assert.equal(exposureSentence(0, []), 'not exposed: depends on no negatively affected protocol');
    assert.equal(exposureShort(812, [pilot, ['Yield Pilot', 'Akash']]), '812, nearest: Eliza → io.net; Akash');
    assert.equal(exposureShort(1, [pilot]), 'via Eliza → io.net');
    assert.equal(exposureShort(0, []), '—');
  });

  it('keeps the ends of a very long route', () => {
    const route = Array.from({ length: 1001 }, (_, i) => `n${i}`);
    assert.equal(routeText(route), 'n1 → n2 → n3 → n4 → n5 → … 993 more … → n999 → n1000');
    assert.equal(routeText(route.slice(0, 9)), 'n1 → n2 → n3 → n4 → n5 → n6 → n7 → n8');
  });
});
