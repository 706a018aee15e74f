import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { locateFrontMatter, readYamlFrontMatter } from '../../../src/core/note/frontMatter';
import { parseNote, parseNoteWith } from '../../../src/core/note/parseNote';
import { readSimpleFrontMatter } from '../../../src/core/note/simpleFrontMatter';

// ---- Generators for the subset the fast reader promises to handle -------------------------

const SPECIAL_WORDS = /^(?:true|false|null)$/i;
const NUMBER_LIKE = /^[-+]?(?:\.[0-9]|[0-9])|^\.(?:inf|nan)/i;

const key = fc
  .oneof(
    fc.constantFrom('protocol', 'name', 'title', 'aliases', 'layer', 'category', 'depends_on', 'tags', 'funding', 'impact'),
    fc.stringMatching(/^[a-z_][a-z0-9_-]{0,8}$/),
  )
  .filter((word) => !SPECIAL_WORDS.test(word));

const wordCharacters = 'abcxyzAKR019_.()/+=!?%@&*|<>`~^é中🚀-';
const word = fc
  .array(fc.constantFrom(...wordCharacters), { minLength: 1, maxLength: 8 })
  .map((characters) => characters.join(''));

/** A plain scalar in block context: starts with a letter or digit, no ": ", " #" or trailing ":". */
const blockPlain = fc
  .tuple(fc.constantFrom('a', 'Z', 'k', '1', '9', 'é'), fc.array(fc.oneof(word, fc.constant(' '), fc.constantFrom(',', '[x]', "it's", '"q"', 'a:b', 'c#d')), { maxLength: 5 }))
  .map(([first, rest]) => (first + rest.join('')).trimEnd())
  .filter((text) => !text.includes(' #') && !text.includes(': ') && !text.endsWith(':') && !NUMBER_LIKE.test(text) && text.length > 0);

/** A plain scalar inside [ ]: additionally no , [ ] { } : # or quotes. */
const flowPlain = fc
  .tuple(fc.constantFrom('a', 'Z', 'k', 'é', '中'), fc.array(fc.oneof(word, fc.constant(' ')), { maxLength: 4 }))
  .map(([first, rest]) => (first + rest.join('')).trimEnd())
  .filter((text) => !/[,[\]{}:#"']/.test(text) && !NUMBER_LIKE.test(text));

// eslint-disable-next-line no-control-regex
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
const doubleQuoted = fc.string({ maxLength: 12, unit: 'grapheme' }).filter((text) => !/["\\]/.test(text) && !UNSAFE.test(text)).map((text) => `"${text}"`);
const singleQuoted = fc.string({ maxLength: 12, unit: 'grapheme' }).filter((text) => !text.includes("'") && !UNSAFE.test(text)).map((text) => `'${text}'`);
const resolvedWord = fc.constantFrom('~', 'null', 'Null', 'NULL', 'true', 'False', 'TRUE', '42', '-7', '+3', '007');

const scalar = fc.oneof(blockPlain, doubleQuoted, singleQuoted, resolvedWord, fc.constantFrom('positive', 'negative', 'infra', 'compute', '[[Akash]]'.replace(/^/, '"').concat('"')));
const flowItem = fc.oneof(flowPlain, doubleQuoted, singleQuoted, resolvedWord);
const spaces = fc.constantFrom('', ' ', '  ');
const flowList = fc
  .tuple(fc.array(fc.tuple(spaces, flowItem, spaces), { maxLength: 4 }), fc.boolean())
  .map(([items, trailingComma]) => `[${items.map(([before, item, after]) => `${before}${item}${after}`).join(',')}${trailingComma && items.length > 0 ? ',' : ''}]`);

const trailing = fc.constantFrom('', '', ' ', '   ');
const inlineValue = fc.oneof({ weight: 4, arbitrary: scalar }, { weight: 2, arbitrary: flowList });

type Entry = string[];
const blockList = fc
  .tuple(fc.constantFrom(0, 2, 4), fc.array(fc.tuple(fc.option(scalar, { nil: undefined }), trailing, fc.boolean()), { minLength: 1, maxLength: 4 }))
  .map(([indent, items]) =>
    items.flatMap(([item, after, blankAfter]) => [
      `${' '.repeat(indent)}-${item === undefined ? after : ` ${item}${after}`}`,
      ...(blankAfter ? [''] : []),
    ]),
  );
const nestedMap = fc
  .tuple(fc.constantFrom(1, 2, 4), fc.uniqueArray(fc.tuple(fc.constantFrom('verdict', 'reason', 'note', 'x_1'), fc.option(inlineValue, { nil: undefined }), trailing), { minLength: 1, maxLength: 3, selector: ([name]) => name }))
  .map(([indent, entries]) => entries.map(([name, value, after]) => `${' '.repeat(indent)}${name}:${value === undefined ? after : ` ${value}${after}`}`));

const entry = fc.tuple(key, fc.oneof(
  { weight: 5, arbitrary: fc.tuple(inlineValue, trailing).map(([value, after]): Entry => [` ${value}${after}`]) },
  { weight: 1, arbitrary: trailing.map((after): Entry => [after]) },
  { weight: 2, arbitrary: blockList.map((lines): Entry => ['', ...lines]) },
  { weight: 1, arbitrary: nestedMap.map((lines): Entry => ['', ...lines]) },
));

const simpleFrontMatter = fc
  .tuple(
    fc.uniqueArray(fc.tuple(entry, fc.constantFrom('', '', '', '\n', '\n# a comment\n')), { maxLength: 9, selector: ([[name]]) => name }),
    fc.boolean(),
  )
  .map(([entries, crlf]) => {
    const text = entries.map(([[name, [first, ...rest]], gap]) => [`${name}:${first}`, ...rest].join('\n') + '\n' + gap).join('');
    return crlf ? text.replace(/\n/g, '\r\n') : text;
  });

// ---- Noisy text that may or may not be in the subset ----------------------------------------

const fragment = fc.constantFrom(
  'protocol', 'layer', 'depends_on', 'impact', 'verdict', 'a', 'x y', ':', ': ', ' ', '  ', '\t', '- ', '-', '#', ' #', '"', "'", '\\', '[', ']', '{', '}', ',', '&a', '*a', '!', '|', '>', '?', '%', '@', '`', '~', 'null', 'true', '12', '1.5', '0x1f', '.inf', '---', '...', '[[A]]', 'é', '\u00a0', '\r', '<<', '"a\\"b"', "'it''s'",
);
const noise = fc.array(fc.oneof(fragment, word), { maxLength: 4 }).map((parts) => parts.join(''));
const indent = fc.constantFrom('', '', ' ', '  ', '    ');
const separator = fc.constantFrom('', ' ', ' ', '  ');
// Lines shaped like front matter (keys, items, comments) with odd values, so that the fast
// reader accepts a good share of them and the comparison with yaml means something.
const noisyLine = fc.oneof(
  fc.tuple(indent, key, separator, noise).map(([before, name, between, value]) => `${before}${name}:${between}${value}`),
  fc.tuple(indent, separator, noise).map(([before, between, value]) => `${before}-${between}${value}`),
  fc.tuple(indent, noise).map(([before, value]) => `${before}#${value}`),
  fc.array(fragment, { maxLength: 6 }).map((parts) => parts.join('')),
  fc.constant(''),
);
const noisyFrontMatter = fc.array(fc.oneof(noisyLine, simpleFrontMatter), { maxLength: 8 }).map((lines) => lines.join('\n') + '\n');

// ---- Properties ----------------------------------------------------------------------------------

describe('front matter: the fast reader', () => {
  it('reads every front matter of its subset, and exactly as yaml does (values and ranges)', () => {
    fc.assert(
      fc.property(simpleFrontMatter, (content) => {
        const fast = readSimpleFrontMatter(content, 1);
        assert.notEqual(fast, undefined, `the fast reader gave up on:\n${content}`);
        const slow = readYamlFrontMatter(content, 1);
        assert.deepEqual(slow.errors, []);
        assert.deepEqual(fast, slow.entries);
        const note = `---\n${content}---\n# Body\n`;
        assert.deepEqual(parseNote('infra/x.md', note), parseNoteWith('infra/x.md', note, { frontMatter: 'yaml' }));
      }),
      { numRuns: 600 },
    );
  });

  it('never disagrees with yaml on anything it accepts, however odd the input', () => {
    fc.assert(
      fc.property(noisyFrontMatter, (content) => {
        const fast = readSimpleFrontMatter(content, 1);
        if (fast === undefined) return;
        const slow = readYamlFrontMatter(content, 1);
        assert.deepEqual(slow.errors, [], `accepted what yaml rejects:\n${JSON.stringify(content)}`);
        assert.deepEqual(fast, slow.entries, JSON.stringify(content));
      }),
      { numRuns: 3000 },
    );
  });

  it('gives up on what it is unsure of', () => {
    const unsure = [
      'a: &anchor x\n',
      'a: *anchor\n',
      'a: |\n  text\n',
      'a: >\n  text\n',
      'a: "escaped \\" quote"\n',
      "a: 'it''s'\n",
      'a: {b: 1}\n',
      'a:\tx\n',
      'a: x # comment\n',
      'a: x\n  continued\n',
      'a: 1\na: 2\n',
      'a: 1.5\n',
      'a:\n  - x\n    - y\n',
      'a:\n  - [[Akash]]\n',
      'a:\n# comment inside\n  - x\n',
      'a:\n  - x\n  # indented comment\n',
      '"quoted key": x\n',
      'a:\n  b:\n    c: 1\n',
    ];
    for (const content of unsure) assert.equal(readSimpleFrontMatter(content, 1), undefined, JSON.stringify(content));
  });
});

describe('front matter: locating the block', () => {
  it('needs --- on the very first line, closed by --- or ...', () => {
    assert.equal(locateFrontMatter('\n---\na: 1\n---\n').kind, 'none');
    assert.equal(locateFrontMatter('--- \na: 1\n... \nbody').kind, 'block');
    const block = locateFrontMatter('---\na: 1\n---\nbody');
    assert.ok(block.kind === 'block');
    assert.equal(block.content, 'a: 1\n');
    assert.equal(block.bodyLine, 3);
    assert.equal(locateFrontMatter('---\na: 1\n').kind, 'unclosed');
  });
});
