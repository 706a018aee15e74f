// Generators of hostile and malformed notes for the fuzz tests (test/unit/trust/fuzz.test.ts)
// and the longer soak (`npm run soak`). Names come from a small pool so that dependencies between
// generated notes resolve: cycles, chains and hubs arise by themselves.
import fc from 'fast-check';

const PROTOTYPE_WORDS = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'prototype', 'valueOf'];
const ODD_CHARACTERS = ['\u202E', '\u2066', '\u200B', '\uFEFF', '\u0000', '\u001b[31m', '\t', '\r', '\r\n', '\u2028', '𝔘𝔫𝔦', '数据', 'ＣＯＮ', '"', "'", '\\', ':', '#', '[[', ']]', '|', '{', '}', '---', '&a', '*a', '%', '`'];
const KEYS = ['protocol', 'name', 'title', 'aliases', 'layer', 'category', 'depends_on', 'tags', 'funding', 'impact', 'verdict', 'reason', ...PROTOTYPE_WORDS];
const LAYER_WORDS = ['infrastructure', 'infra', 'middleware', 'model', 'application', 'apps', 'unclassified', '基础设施层', 'modle', ...PROTOTYPE_WORDS];
const CATEGORY_WORDS = ['compute', 'storage', 'l1', 'data', 'agent-framework', 'privacy', 'model-training', 'ai-agents', 'defai', 'agent-swarm', '算力', ...PROTOTYPE_WORDS];
const VERDICT_WORDS = ['positive', 'negative', 'mixed', 'not-assessed', 'neutral', ...PROTOTYPE_WORDS];

export const NAME_POOL = Array.from({ length: 40 }, (_, i) => `P${i}`);

const oddText = fc
  .array(fc.oneof(fc.constantFrom(...ODD_CHARACTERS), fc.constantFrom(...NAME_POOL, ...PROTOTYPE_WORDS), fc.string({ maxLength: 8 })), { maxLength: 6 })
  .map((parts) => parts.join(''));
const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...NAME_POOL) }, { weight: 2, arbitrary: oddText }, { weight: 1, arbitrary: fc.constantFrom(...PROTOTYPE_WORDS) });

const scalar = fc.oneof(name, fc.constantFrom(...LAYER_WORDS, ...CATEGORY_WORDS, ...VERDICT_WORDS, 'null', '~', 'true', '0x1F', '1e999', "'quoted'", '"dq"'));
const flowList = fc.array(fc.oneof(name, name.map((n) => `"[[${n}]]"`), name.map((n) => `[[${n}]]`)), { maxLength: 6 }).map((items) => `[${items.join(', ')}]`);
const blockList = fc.array(name, { maxLength: 5 }).map((items) => items.map((item) => `\n  - ${item}`).join(''));
const nested = fc.integer({ min: 1, max: 60 }).map((depth) => `${'['.repeat(depth)}x${']'.repeat(depth)}`);
const aliasBomb = fc.constant('&a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]');
const huge = fc.integer({ min: 1_000, max: 20_000 }).map((length) => 'x'.repeat(length));
const value = fc.oneof({ weight: 5, arbitrary: scalar }, { weight: 3, arbitrary: flowList }, { weight: 2, arbitrary: blockList }, { weight: 1, arbitrary: nested }, { weight: 1, arbitrary: aliasBomb }, { weight: 1, arbitrary: fc.constant(0).chain(() => fc.oneof({ weight: 9, arbitrary: scalar }, { weight: 1, arbitrary: huge })) }, { weight: 1, arbitrary: fc.constantFrom('{verdict: constructor, reason: x}', '{verdict: negative}', '{', '[', '"unclosed', "'") });

const line = fc.tuple(fc.constantFrom(...KEYS), value, fc.constantFrom('', ' ', '\t', '  ')).map(([key, v, indent]) => `${indent}${key}: ${v}`);
const dependencies = fc.array(fc.constantFrom(...NAME_POOL), { maxLength: 4 }).map((names) => `depends_on: [${names.join(', ')}]`);
const protocolLine = fc.constantFrom(...NAME_POOL).map((n) => `protocol: ${n}`);
const layerLine = fc.constantFrom(...LAYER_WORDS).map((l) => `layer: ${l}`);
// Mostly well-formed notes that name each other (so cycles, chains and hubs form), with hostile lines mixed in.
const frontMatter = fc
  .tuple(fc.option(protocolLine, { freq: 5 }), fc.option(layerLine, { freq: 3 }), fc.option(dependencies, { freq: 5 }), fc.option(fc.array(line, { minLength: 1, maxLength: 5 }), { freq: 2 }))
  .map(([p, l, d, rest]) => `---\n${[p, l, d, ...(rest ?? [])].filter((x) => x !== null).join('\n')}\n---\n`);

const bodyLine = fc.oneof(
  { weight: 6, arbitrary: oddText },
  { weight: 4, arbitrary: name.map((n) => `See [[${n}]] and [${n}](${n}.md).`) },
  { weight: 2, arbitrary: name.map((n) => `# ${n}`) },
  { weight: 2, arbitrary: fc.constantFrom('```', '~~~', '    code', '#layer/model', '#layer/constructor', '[[', ']](', '![[x.png]]', '<script>alert(1)</script>') },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => `[[${'x]]'.repeat(n)}`) },
  { weight: 1, arbitrary: fc.integer({ min: 100, max: 5_000 }).map((n) => `# a${' '.repeat(n)}${'#'.repeat(n)}`) },
);
const body = fc.array(bodyLine, { maxLength: 8 }).map((lines) => lines.join('\n'));

const newline = fc.constantFrom('\n', '\r\n', '\r');
const prefix = fc.constantFrom('', '', '', '\uFEFF', ' ', '\n');

/** One note's text: front matter (often), a body, with line endings and a prefix picked at random. */
export const hostileNoteText = fc
  .tuple(prefix, fc.option(frontMatter, { freq: 4 }), body, newline)
  .map(([start, front, text, eol]) => `${start}${front ?? ''}${text}`.replace(/\n/g, eol));

/** A batch of notes with paths, some in layer folders, some with odd names. */
export const hostileVault = (size: number) =>
  fc.array(
    fc.tuple(fc.constantFrom('', 'infrastructure/', 'model/', 'application/', 'apps/', 'constructor/', '__proto__/', 'a/b/c/'), fc.oneof(fc.constantFrom(...NAME_POOL), oddText), hostileNoteText),
    { minLength: size, maxLength: size },
  ).map((notes) => notes.map(([folder, file, text], i) => ({ path: `${folder}${i}-${file.replace(/[/\\]/g, '_')}.md`, text })));
