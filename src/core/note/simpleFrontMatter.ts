// A line reader for the front matter researchers actually write: `key: value`, `key: [a, b]`,
// `key:` + `  - item` lists and one nested map level (`impact:`). `yaml` costs ~90 µs per note,
// which alone would blow the cold-index budget, so this path handles the common case and returns
// undefined — "let yaml decide" — on anything it is not certain about. A property test keeps it
// equal to readYamlFrontMatter on its subset, values and ranges alike.
import type { Range } from '../vocabulary/model';
import type { FrontMatterEntry, FrontMatterNode } from './frontMatter';

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):( *)(.*)$/;
// Words that YAML reads as something other than a string key.
const SPECIAL_KEY = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE|[Nn]ull|NULL)$/;
// Characters YAML forbids, or treats specially, anywhere we might see them.
// eslint-disable-next-line no-control-regex
const UNSAFE_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/;
// A plain scalar may not start with an indicator; `-x` is fine, `- x` is a list item.
const INDICATOR_START = /^(?:[?:,[\]{}#&*!|>'"%@`]|-(?: |$))/;
const NULL_WORD = /^(?:~|[Nn]ull|NULL)$/;
const BOOLEAN_WORD = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const DECIMAL = /^[-+]?[0-9]+$/;
// Any other number YAML's core schema recognises (floats, hex, octal, .inf, .nan): left to yaml.
const OTHER_NUMBER = /^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;

/** The value of a key whose children (list items or nested keys) are still being read. */
interface OpenEntry {
  entry: FrontMatterEntry;
  keys?: Set<string>;
  kind?: 'list' | 'map';
  indent: number;
  children: FrontMatterNode[];
  nestedEntries: FrontMatterEntry[];
  start?: { line: number; character: number };
}

export function readSimpleFrontMatter(content: string, baseLine: number): FrontMatterEntry[] | undefined {
  const lines = content.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: FrontMatterEntry[] = [];
  const keys = new Set<string>();
  let open: OpenEntry | undefined;

  const close = (): void => {
    if (!open) return;
    if (open.kind === 'list' && open.start) {
      const last = open.children[open.children.length - 1];
      open.entry.value = { kind: 'list', items: open.children, range: span(open.start, last.range) };
    } else if (open.kind === 'map' && open.start) {
      const last = open.nestedEntries[open.nestedEntries.length - 1];
      open.entry.value = { kind: 'map', entries: open.nestedEntries, range: span(open.start, last.value.range) };
    }
    open = undefined;
  };

  for (let index = 0; index < lines.length; index++) {
    let line = lines[index];
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (UNSAFE_CHARACTER.test(line)) return undefined;
    const lineNumber = baseLine + index;
    const indent = leadingSpaces(line);
    if (indent === line.length) continue;
    if (line[indent] === '#') {
      // A comment at the margin ends the open entry for us; should YAML read the lines after it
      // as more of that entry (items, indented keys), they arrive with no open entry and we
      // give up. Indented comments sit inside collections: yaml's business.
      if (indent > 0) return undefined;
      close();
      continue;
    }
    const isItem = line[indent] === '-' && (line.length === indent + 1 || line[indent + 1] === ' ');
    if (isItem) {
      if (!open || (open.kind === 'map') || (open.kind === 'list' && open.indent !== indent)) return undefined;
      if (!open.kind) {
        open.kind = 'list';
        open.indent = indent;
        open.start = { line: lineNumber, character: indent };
      }
      const valueColumn = indent + 1 + leadingSpaces(line.slice(indent + 1));
      const item =
        valueColumn >= line.length
          ? nullAt(lineNumber, line.length)
          : inlineValue(line.slice(valueColumn), valueColumn, lineNumber);
      if (!item || item.kind === 'list') return undefined;
      open.children.push(item);
      continue;
    }
    if (indent === 0) {
      close();
      const match = KEY_LINE.exec(line);
      if (!match) return undefined;
      const [, key, spaces, rest] = match;
      if (!plainKey(key, spaces, rest) || keys.has(key)) return undefined;
      keys.add(key);
      const entry: FrontMatterEntry = { key, value: nullAt(lineNumber, line.length) };
      entries.push(entry);
      if (rest === '') {
        open = { entry, indent: 0, children: [], nestedEntries: [] };
      } else {
        const value = inlineValue(rest, key.length + 1 + spaces.length, lineNumber);
        if (!value) return undefined;
        entry.value = value;
      }
      continue;
    }
    // An indented `key: value` line: one nested map level, scalar or flow-list values only.
    if (!open || open.kind === 'list' || (open.kind === 'map' && open.indent !== indent)) return undefined;
    const match = KEY_LINE.exec(line.slice(indent));
    if (!match) return undefined;
    const [, key, spaces, rest] = match;
    open.keys ??= new Set();
    if (!plainKey(key, spaces, rest) || open.keys.has(key)) return undefined;
    open.keys.add(key);
    if (!open.kind) {
      open.kind = 'map';
      open.indent = indent;
      open.start = { line: lineNumber, character: indent };
    }
    // A nested key with nothing after it stays null: deeper lines under it fail the indent test.
    const value =
      rest === '' ? nullAt(lineNumber, line.length) : inlineValue(rest, indent + key.length + 1 + spaces.length, lineNumber);
    if (!value) return undefined;
    open.nestedEntries.push({ key, value });
  }
  close();
  return entries;
}

/** A key YAML reads as that very string, followed by `: ` (or nothing). */
function plainKey(key: string, spaces: string, rest: string): boolean {
  return !SPECIAL_KEY.test(key) && key.length <= 1000 && (rest === '' || spaces !== '');
}

function leadingSpaces(line: string): number {
  let count = 0;
  while (line.charCodeAt(count) === 32) count++;
  return count;
}

function trailingEnd(text: string): number {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end;
}

function nullAt(line: number, character: number): FrontMatterNode {
  const at = { line, character };
  return { kind: 'scalar', value: null, text: '', range: { start: at, end: at } };
}

function span(start: { line: number; character: number }, last: Range): Range {
  return { start, end: last.end };
}

function rangeOn(line: number, start: number, end: number): Range {
  return { start: { line, character: start }, end: { line, character: end } };
}

/** A value written on the key's (or item's) own line, starting at `column`. */
function inlineValue(rest: string, column: number, line: number): FrontMatterNode | undefined {
  const end = trailingEnd(rest);
  if (end === 0) return nullAt(line, column + rest.length);
  const text = rest.slice(0, end);
  const first = text[0];
  if (first === '"' || first === "'") {
    const inner = quoted(text);
    if (inner === undefined) return undefined;
    return { kind: 'scalar', value: inner, text: inner, range: rangeOn(line, column, column + end) };
  }
  if (first === '[') return flowList(text, column, line);
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) return undefined;
  return plain(text, line, column, column + end);
}

/** The inside of a one-line quoted scalar without escapes, or undefined. */
function quoted(text: string): string | undefined {
  const quote = text[0];
  if (text.length < 2 || text[text.length - 1] !== quote) return undefined;
  const inner = text.slice(1, -1);
  if (inner.includes(quote) || (quote === '"' && inner.includes('\\'))) return undefined;
  return inner;
}

function plain(text: string, line: number, start: number, end: number): FrontMatterNode | undefined {
  if (INDICATOR_START.test(text)) return undefined;
  const range = rangeOn(line, start, end);
  // Most values are words: only a value starting like null, a boolean or a number needs the tests.
  if (!MAYBE_NOT_A_STRING.test(text)) return { kind: 'scalar', value: text, text, range };
  if (NULL_WORD.test(text)) return { kind: 'scalar', value: null, text, range };
  if (BOOLEAN_WORD.test(text)) return { kind: 'scalar', value: text.toLowerCase() === 'true', text, range };
  if (DECIMAL.test(text)) return { kind: 'scalar', value: Number(text), text, range };
  if (OTHER_NUMBER.test(text)) return undefined;
  return { kind: 'scalar', value: text, text, range };
}

/** The first characters of every null, boolean and number word above. */
const MAYBE_NOT_A_STRING = /^[~nNtTfF0-9+.-]/;

/** `[a, "b c", 'd']` on one line; nested brackets, maps and odd characters go to yaml. */
function flowList(text: string, column: number, line: number): FrontMatterNode | undefined {
  if (text[text.length - 1] !== ']') return undefined;
  const items: FrontMatterNode[] = [];
  const inner = text.slice(1, -1);
  let position = 0;
  while (position < inner.length) {
    position += leadingSpaces(inner.slice(position));
    if (position >= inner.length) break;
    const first = inner[position];
    let itemEnd: number;
    let item: FrontMatterNode | undefined;
    if (first === '"' || first === "'") {
      const closing = inner.indexOf(first, position + 1);
      if (closing < 0) return undefined;
      const value = quoted(inner.slice(position, closing + 1));
      if (value === undefined) return undefined;
      itemEnd = closing + 1;
      item = { kind: 'scalar', value, text: value, range: rangeOn(line, column + 1 + position, column + 1 + itemEnd) };
      position = itemEnd + leadingSpaces(inner.slice(itemEnd));
      if (position < inner.length && inner[position] !== ',') return undefined;
    } else {
      const comma = inner.indexOf(',', position);
      const stop = comma < 0 ? inner.length : comma;
      const raw = inner.slice(position, stop);
      itemEnd = position + trailingEnd(raw);
      const word = inner.slice(position, itemEnd);
      if (word === '' || /[:#[\]{}"']/.test(word)) return undefined;
      item = plain(word, line, column + 1 + position, column + 1 + itemEnd);
      position = stop;
    }
    if (!item) return undefined;
    items.push(item);
    if (position < inner.length) {
      position++; // the comma
      const afterComma = position + leadingSpaces(inner.slice(position));
      // `[a,]` is fine in YAML, `[a,,b]` and `[,]` are not.
      if (afterComma < inner.length && inner[afterComma] === ',') return undefined;
    }
  }
  if (items.length === 0 && inner.trim() !== '') return undefined;
  return { kind: 'list', items, range: rangeOn(line, column, column + text.length) };
}
