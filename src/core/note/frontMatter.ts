// Finding the front matter block and reading it with the `yaml` package into a small tree with
// exact ranges. The fast reader (simpleFrontMatter.ts) produces the same tree for the common
// subset; everything downstream reads only this tree, so both paths yield the same note.
import * as l10n from '@vscode/l10n';
import { explainYamlError } from './yamlErrors';
import { isMap, isScalar, isSeq, type Node as YamlNode } from 'yaml';
import { parseYamlDocument } from './yamlDocument';
import type { Position, Range } from '../vocabulary/model';

type FrontMatterScalar = string | number | boolean | null;

export type FrontMatterNode =
  | {
      kind: 'scalar';
      value: FrontMatterScalar;
      /** A string's own value; for numbers, booleans and null, the text as written ("404"). */
      text: string;
      range: Range;
    }
  | { kind: 'list'; items: FrontMatterNode[]; range: Range }
  | { kind: 'map'; entries: FrontMatterEntry[]; range: Range }
  /** Anything the fields never accept (aliases, tagged binaries, complex keys' values …). */
  | { kind: 'other'; range: Range };

export interface FrontMatterEntry {
  key: string;
  value: FrontMatterNode;
}

interface FrontMatterError {
  message: string;
  range: Range;
}

interface FrontMatterBlock {
  /** The text between the fences. */
  content: string;
  /** The zero-based line on which `content` starts. */
  contentLine: number;
  /** Both fences included. */
  range: Range;
  /** Offset in the text where the body starts (after the closing fence's line). */
  bodyOffset: number;
  bodyLine: number;
}

export type FrontMatterLocation =
  | { kind: 'none' }
  | { kind: 'unclosed'; range: Range }
  | ({ kind: 'block' } & FrontMatterBlock);

const OPENING_FENCE = /^---[ \t]*\r?$/;
const CLOSING_FENCE = /^(?:---|\.\.\.)[ \t]*\r?$/;

/** Front matter is a `---` line at the very start, closed by a `---` (or `...`) line. */
export function locateFrontMatter(text: string): FrontMatterLocation {
  if (!text.startsWith('---')) return { kind: 'none' };
  let lineEnd = text.indexOf('\n');
  if (lineEnd < 0 || !OPENING_FENCE.test(text.slice(0, lineEnd))) return { kind: 'none' };
  const contentOffset = lineEnd + 1;
  let line = 1;
  let start = contentOffset;
  while (start <= text.length) {
    lineEnd = text.indexOf('\n', start);
    const end = lineEnd < 0 ? text.length : lineEnd;
    // Cheap first-character test: most lines are not fences.
    const first = text.charCodeAt(start);
    if ((first === 45 || first === 46) && CLOSING_FENCE.test(text.slice(start, end))) {
      const fenceLength = text.slice(start, end).replace(/\r$/, '').length;
      return {
        kind: 'block',
        content: text.slice(contentOffset, start),
        contentLine: 1,
        range: { start: { line: 0, character: 0 }, end: { line, character: fenceLength } },
        bodyOffset: lineEnd < 0 ? text.length : lineEnd + 1,
        bodyLine: lineEnd < 0 ? line : line + 1,
      };
    }
    if (lineEnd < 0) break;
    start = lineEnd + 1;
    line++;
  }
  return { kind: 'unclosed', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } } };
}

/** Offsets in `content` to positions in the note, `content` starting at line `baseLine`. */
function positionsOf(content: string, baseLine: number): (offset: number) => Position {
  const starts = [0];
  for (let i = content.indexOf('\n'); i >= 0; i = content.indexOf('\n', i + 1)) starts.push(i + 1);
  return (offset) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: baseLine + low, character: offset - starts[low] };
  };
}

export interface FrontMatter {
  entries: FrontMatterEntry[];
  errors: FrontMatterError[];
}

/** The general path: anything YAML allows, at `yaml`'s price. */
export function readYamlFrontMatter(content: string, baseLine: number): FrontMatter {
  const at = positionsOf(content, baseLine);
  const rangeOf = (start: number, end: number): Range => ({ start: at(start), end: at(Math.max(start, end)) });
  const document = parseYamlDocument(content);
  if (document.errors.length > 0) {
    const errors = document.errors.map((error) => {
      const explained = explainYamlError(error, content);
      return { message: explained.message, range: rangeOf(explained.start, explained.end) };
    });
    return { entries: [], errors };
  }
  const contents = document.contents;
  if (contents === null) return { entries: [], errors: [] };
  if (!isMap(contents)) {
    const [start, end] = contents.range ?? [0, 0];
    return { entries: [], errors: [{ message: l10n.t('Front matter should be `key: value` lines.'), range: rangeOf(start, end) }] };
  }
  const convert = (node: unknown, fallbackOffset: number): FrontMatterNode => {
    if (isScalar(node)) {
      const [start, end] = node.range ?? [fallbackOffset, fallbackOffset];
      const value = node.value;
      if (typeof value === 'string') return { kind: 'scalar', value, text: value, range: rangeOf(start, end) };
      if (value === null || typeof value === 'number' || typeof value === 'boolean') {
        return { kind: 'scalar', value, text: content.slice(start, end), range: rangeOf(start, end) };
      }
      return { kind: 'other', range: rangeOf(start, end) };
    }
    if (isSeq(node)) {
      const items = node.items.map((item) => convert(item, fallbackOffset));
      return { kind: 'list', items, range: collectionRange(node, items) };
    }
    if (isMap(node)) {
      const entries: FrontMatterEntry[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) continue;
        const keyEnd = pair.key.range?.[1] ?? fallbackOffset;
        entries.push({ key: String(pair.key.value), value: convert(pair.value, keyEnd) });
      }
      return { kind: 'map', entries, range: collectionRange(node, entries.map((entry) => entry.value)) };
    }
    const [start, end] = (node as YamlNode | null)?.range ?? [fallbackOffset, fallbackOffset];
    return { kind: 'other', range: rangeOf(start, end) };
  };
  // A collection spans from its first character to the end of its last value (block
  // collections' own end offsets include the trailing line break, which no editor wants).
  const collectionRange = (node: YamlNode & { flow?: boolean }, children: FrontMatterNode[]): Range => {
    const [start, end] = node.range ?? [0, 0];
    const last = children[children.length - 1];
    if (node.flow || !last) return rangeOf(start, end);
    return { start: at(start), end: last.range.end };
  };
  const top = convert(contents, 0);
  return { entries: top.kind === 'map' ? top.entries : [], errors: [] };
}

