// The YAML parser's errors in the researcher's words, on the line where the mistake was made.
// The parser notices an unclosed `[` or quote only where the next key starts, one line or more
// later, and words it in its own terms ("Flow sequence in block collection must be sufficiently
// indented"); a note's author wants to hear "this [ is never closed", on the line they wrote it.
import * as l10n from '@vscode/l10n';
import type { YAMLError } from 'yaml';

export interface ExplainedError {
  message: string;
  /** Offsets in the front matter's text. */
  start: number;
  end: number;
}

export function explainYamlError(error: Pick<YAMLError, 'code' | 'message' | 'pos'>, content: string): ExplainedError {
  const [start, end] = error.pos;
  const raw = error.message.split('\n', 1)[0].trim();
  const at = (message: string, from = start, to = end): ExplainedError => ({ message, start: from, end: Math.max(from, to) });
  switch (error.code) {
    case 'BAD_INDENT':
      if (/^Flow sequence/.test(raw)) return openedAt(content, start, '[', ']', l10n.t('This `[` is never closed: end the list with `]` on the same line, or write it as `- item` lines.')) ?? at(raw);
      if (/^Flow map/.test(raw)) return openedAt(content, start, '{', '}', l10n.t('This {0} is never closed: end it with {1} on the same line.', '`{`', '`}`')) ?? at(raw);
      return at(l10n.t('The indentation is off here: a key of the front matter starts at the left edge, a list item two spaces in.'));
    case 'MISSING_CHAR':
      if (/quote/i.test(raw)) {
        const quote = raw.includes("'quote") ? "'" : '"';
        return openedAt(content, start, quote, quote, l10n.t('This {0} is never closed: end the value with a matching {0}.', quote)) ?? at(raw);
      }
      return at(raw);
    case 'TAB_AS_INDENT':
      return at(l10n.t('Indent with spaces: YAML does not allow tabs here.'));
    case 'DUPLICATE_KEY':
      return at(l10n.t('This key is written twice; keep one.'));
    case 'MULTILINE_IMPLICIT_KEY':
      return lineAt(content, start, l10n.t('This line is not `key: value`: add a colon after the key.'));
    case 'BLOCK_AS_IMPLICIT_KEY':
      return lineAt(content, start, l10n.t('This value holds `: ` (a colon and a space), which YAML reads as another key: put the value in quotes.'));
    default:
      return at(raw);
  }
}

/** The last line before `before` where `open` is left unclosed, as a range over that character. */
function openedAt(content: string, before: number, open: string, close: string, message: string): ExplainedError | undefined {
  let lineEnd = Math.min(before, content.length);
  while (lineEnd > 0) {
    const lineStart = content.lastIndexOf('\n', lineEnd - 1) + 1;
    const line = content.slice(lineStart, lineEnd);
    const unclosed = unclosedIn(line, open, close);
    if (unclosed >= 0) return { message, start: lineStart + unclosed, end: lineStart + unclosed + 1 };
    lineEnd = lineStart - 1;
  }
  return undefined;
}

/** Where `open` is last left without its `close` on one line, or -1. */
function unclosedIn(line: string, open: string, close: string): number {
  if (open === close) {
    let count = 0;
    for (const char of line) if (char === open) count++;
    return count % 2 === 1 ? line.lastIndexOf(open) : -1;
  }
  const stack: number[] = [];
  for (let i = 0; i < line.length; i++) {
    if (line[i] === open) stack.push(i);
    else if (line[i] === close) stack.pop();
  }
  return stack.length > 0 ? stack[stack.length - 1] : -1;
}

/** The whole line holding `offset`, trimmed of its indentation. */
function lineAt(content: string, offset: number, message: string): ExplainedError {
  const start = content.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
  const newline = content.indexOf('\n', start);
  const end = newline < 0 ? content.length : newline;
  const indent = content.slice(start, end).search(/\S/);
  return { message, start: start + Math.max(0, indent), end };
}
