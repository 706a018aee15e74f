// Which front matter field the cursor is typing into, or a body `[[wikilink]]` it is typing,
// read from the lines alone: while the researcher types, the front matter is often not valid
// YAML (`depends_on: [Bitt`), so the parser cannot say. Only what completion needs: the field,
// the word typed so far and its range.
import type { Position, Range } from '../vocabulary/model';

/** `mention`: a `[[wikilink]]` in the body. */
type CompletedField = 'depends_on' | 'layer' | 'category' | 'mention';

export interface CompletionContext {
  field: CompletedField;
  /** What is typed so far of the value being completed (after `[[`, a quote or a list marker). */
  prefix: string;
  /** The span a chosen item replaces: from the start of the prefix to the cursor. */
  range: Range;
  /** Inside `[[…`: the item is a bare name, closed with `]]` when the researcher has not yet. */
  wikilink?: { closed: boolean };
  /** Inside a quoted value: the quote is already there. */
  quoted: boolean;
  /** In a flow list (`[a, b]`): a name with a comma or bracket must be quoted. */
  flow: boolean;
}

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):/;
const FIELDS: readonly string[] = ['depends_on', 'layer', 'category'];

export function completionContextAt(lines: readonly string[], position: Position): CompletionContext | undefined {
  if (!isInFrontMatter(lines, position.line)) return undefined;
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const keyMatch = KEY_LINE.exec(line);
  let key: string | undefined;
  let valueStart: number;
  if (keyMatch) {
    if (position.character <= keyMatch[0].length - 1) return undefined;
    key = keyMatch[1];
    valueStart = keyMatch[0].length;
  } else {
    const item = /^(\s+)-(?:\s+|$)/.exec(before) ?? /^(\s*)-(?:\s+|$)/.exec(before);
    if (!item) return undefined;
    key = parentKey(lines, position.line);
    if (key !== 'depends_on') return undefined;
    valueStart = item[0].length;
  }
  if (!FIELDS.includes(key)) return undefined;
  const value = before.slice(valueStart);
  const field = key as CompletedField;
  if (field !== 'depends_on') return scalarContext(field, value, position, valueStart);
  return dependencyContext(value, line.slice(position.character), position, valueStart);
}

/**
 * A `[[name` being typed in the body, outside code: `lines` are the note's lines up to the
 * cursor's at least. The name typed so far holds no `|`, `#` or bracket (a label or a heading is
 * not a protocol name).
 */
export function bodyCompletionContextAt(lines: readonly string[], position: Position): CompletionContext | undefined {
  if (!isInBody(lines, position.line)) return undefined;
  const line = lines[position.line] ?? '';
  const before = line.slice(0, position.character);
  const open = before.lastIndexOf('[[');
  if (open < 0 || before.indexOf(']]', open) >= 0) return undefined;
  const prefix = before.slice(open + 2);
  if (/[|#[\]]/.test(prefix) || (before.slice(0, open).split('`').length - 1) % 2 === 1) return undefined;
  return {
    field: 'mention',
    prefix,
    range: lineRange(position, open + 2),
    wikilink: { closed: /^[^[\]]*\]\]/.test(line.slice(position.character)) },
    quoted: false,
    flow: false,
  };
}

/** After the front matter (if any) and outside a fenced code block. */
function isInBody(lines: readonly string[], line: number): boolean {
  let first = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((text, index) => index > 0 && /^(?:---|\.\.\.)\s*$/.test(text));
    if (close < 0 || close >= line) return false;
    first = close + 1;
  }
  let fence: string | undefined;
  for (let index = first; index < line; index++) {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(lines[index])?.[1];
    if (!marker) continue;
    if (fence === undefined) fence = marker;
    else if (marker[0] === fence[0] && marker.length >= fence.length && lines[index].trim() === marker) fence = undefined;
  }
  return fence === undefined;
}

function scalarContext(field: CompletedField, value: string, position: Position, valueStart: number): CompletionContext | undefined {
  const match = /^(\s*)(["']?)([^"']*)$/.exec(value);
  if (!match) return undefined;
  const start = valueStart + match[1].length + match[2].length;
  return { field, prefix: match[3], range: lineRange(position, start), quoted: match[2] !== '', flow: false };
}

function dependencyContext(value: string, after: string, position: Position, valueStart: number): CompletionContext | undefined {
  const opening = value.trimStart();
  // `[[[Akash]], Masa]` is a flow list whose first entry is a bare wikilink; `[[Akash]]` is not.
  const flow = opening.startsWith('[') && (!opening.startsWith('[[') || opening.startsWith('[[['));
  const wikilinkStart = value.lastIndexOf('[[');
  if (wikilinkStart >= 0 && wikilinkStart > value.lastIndexOf(']]')) {
    const prefix = value.slice(wikilinkStart + 2);
    if (/[|#\]]/.test(prefix)) return undefined;
    const start = valueStart + wikilinkStart + 2;
    const quoted = /["']$/.test(value.slice(0, wikilinkStart));
    return { field: 'depends_on', prefix, range: lineRange(position, start), wikilink: { closed: /^[^[\],]*\]\]/.test(after) }, quoted, flow };
  }
  // The entry being typed starts after the last separator outside a wikilink.
  const separator = flow ? Math.max(value.lastIndexOf(','), value.indexOf('[')) : -1;
  const entry = value.slice(separator + 1);
  if (flow && entry.includes(']')) return undefined;
  const match = /^(\s*)(["']?)(.*)$/.exec(entry);
  if (!match || /["']/.test(match[3])) return undefined;
  const start = valueStart + separator + 1 + match[1].length + match[2].length;
  return { field: 'depends_on', prefix: match[3], range: lineRange(position, start), quoted: match[2] !== '', flow };
}

function lineRange(position: Position, start: number): Range {
  return { start: { line: position.line, character: start }, end: position };
}

/** The top-level key a `  - item` line belongs to. */
function parentKey(lines: readonly string[], line: number): string | undefined {
  for (let index = line - 1; index > 0; index--) {
    const text = lines[index];
    if (/^\s*(?:-|#|$)/.test(text)) continue;
    return KEY_LINE.exec(text)?.[1];
  }
  return undefined;
}

/** Line 0 is `---` and no `---` closes the block before `line` (an unclosed block still counts). */
function isInFrontMatter(lines: readonly string[], line: number): boolean {
  if (line === 0 || !/^---\s*$/.test(lines[0] ?? '')) return false;
  for (let index = 1; index < line; index++) if (/^(?:---|\.\.\.)\s*$/.test(lines[index])) return false;
  return !/^(?:---|\.\.\.)\s*$/.test(lines[line] ?? '');
}
