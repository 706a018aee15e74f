// Note and framework text shown anywhere: one escaper per target. Everything here starts from
// `visibleText`, which makes the characters a reader cannot see visible: control characters (a
// newline in a name would forge a line of `check` output, ESC would drive the terminal),
// bidirectional overrides (Trojan-source spoofing: the text reads in another order than it is)
// and zero-width characters (two names that look alike). The targets then add their own syntax.

const CONTROL_PICTURES_FROM = 0x2400;

/** Bidi embeddings, overrides and isolates, the marks, and the Arabic letter mark. */
const BIDI = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/;
/** Zero-width space, joiners, word joiner, byte order mark, line and paragraph separators, C1. */
const INVISIBLE = /[\u200b-\u200d\u2060\ufeff\u2028\u2029\u0080-\u009f]/;
/** Any character visibleText changes: C0 controls (tab included), DEL, and the two sets above. */
// eslint-disable-next-line no-control-regex
const NEEDS_SHOWING = /[\x00-\x1f\x7f-\x9f\u061c\u200b-\u200f\u2028-\u202e\u2060\u2066-\u2069\ufeff]/;

/**
 * The text with every invisible or reordering character shown: C0 controls and DEL as their
 * control pictures (␊, ␛, ␡), a tab as a space, the others as ⟨U+202E⟩.
 */
export function visibleText(text: string): string {
  // Nearly all text has nothing to show: one scan instead of two tests a character.
  if (!NEEDS_SHOWING.test(text)) return text;
  let out = '';
  for (const char of text) {
    const code = char.codePointAt(0) as number;
    if (code === 0x09) out += ' ';
    else if (code < 0x20) out += String.fromCodePoint(CONTROL_PICTURES_FROM + code);
    else if (code === 0x7f) out += '\u2421';
    else if (BIDI.test(char) || INVISIBLE.test(char)) out += `⟨U+${code.toString(16).toUpperCase().padStart(4, '0')}⟩`;
    else out += char;
  }
  return out;
}

/** For a terminal: visible text on one line, with no escape sequence left in it. */
export function terminalText(text: string): string {
  return visibleText(text);
}

const WORD_JOINER = '\u2060';

/**
 * Literal text in Markdown (hovers, tooltips, the Compare report): every ASCII punctuation
 * character that could start markup is backslash-escaped: no emphasis, links, HTML or
 * `$(icons)`, and no autolink in renderers that find them in the source (marked, which VS Code's
 * hovers use: `https\://` is not a URL to it). For documents shown by linkifiers that run after
 * escapes are resolved (markdown-it's linkify in the Markdown preview), `linkifiers: true` also
 * puts a word joiner after `:`, `.` and `@`, so `https://…`, `evil.example` and `a@b.c` stay text.
 */
export function markdownText(text: string, options: { linkifiers?: boolean } = {}): string {
  const escaped = visibleText(text).replace(/[\\`*_{}[\]()<>#+\-.!|~$&:@"'=^]/g, '\\$&');
  return options.linkifiers ? escaped.replace(/\\([:.@])(?=\S)/g, `\\$1${WORD_JOINER}`) : escaped;
}

/** Text content or an attribute value in SVG/XML: entities, and no character XML forbids. */
export function xmlText(text: string): string {
  return visibleText(text)
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/[<>&"']/g, (char) => XML_ENTITIES.get(char) ?? char);
}

const XML_ENTITIES = new Map([
  ['<', '&lt;'],
  ['>', '&gt;'],
  ['&', '&amp;'],
  ['"', '&quot;'],
  ["'", '&apos;'],
]);
