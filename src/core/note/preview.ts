// A few sentences of a note for hovers and detail cards. Runs for one note at a time, so it can
// afford marked's full lexer. Notes are untrusted: the result is plain text, never markup, and
// callers set it as text (textContent, MarkdownString.appendText), not as HTML.
import type { Token } from 'marked' with { 'resolution-mode': 'import' };
import { locateFrontMatter } from './frontMatter';

// marked ships only as an ES module; Node >= 20.19 (our engine floor), tsx and esbuild all load it
// through require, which keeps this function synchronous for hovers.
const { lexer } = require('marked') as typeof import('marked', { with: { 'resolution-mode': 'import' } });

const DEFAULT_MAX_CHARACTERS = 280;

/** The note's opening paragraphs as plain text, at most `maxChars` long (cut at a word). */
export function notePreview(text: string, maxChars = DEFAULT_MAX_CHARACTERS): string {
  try {
    if (typeof text !== 'string' || text.includes('\0') || maxChars <= 0) return '';
    const location = locateFrontMatter(text);
    const body = location.kind === 'block' ? text.slice(location.bodyOffset) : text;
    // Lexing a huge note for 280 characters would be wasted work: its start is enough.
    const tokens = lexer(body.slice(0, Math.max(4_000, maxChars * 8)));
    const paragraphs: string[] = [];
    let length = 0;
    for (const token of tokens) {
      if (length >= maxChars) break;
      const words = blockText(token);
      if (!words) continue;
      paragraphs.push(words);
      length += words.length + 1;
    }
    return shorten(paragraphs.join('\n'), maxChars);
  } catch {
    return '';
  }
}

/** Prose blocks only: headings, code, tables and raw HTML say little in a preview. */
function blockText(token: Token): string {
  switch (token.type) {
    case 'paragraph':
      return collapse(inlineText(token.tokens ?? []));
    case 'blockquote':
      return collapse((token.tokens ?? []).map(blockText).filter(Boolean).join(' '));
    case 'list':
      return collapse(
        (token.items as Array<{ tokens?: Token[] }>)
          .map((item) => `• ${(item.tokens ?? []).map((child) => blockText(child) || inlineText([child])).join(' ')}`)
          .join(' '),
      );
    case 'text':
      return collapse(inlineText(token.tokens ?? [token]));
    default:
      return '';
  }
}

function inlineText(tokens: Token[]): string {
  let text = '';
  for (const token of tokens) {
    switch (token.type) {
      case 'text':
      case 'escape':
      case 'codespan':
        text += 'tokens' in token && Array.isArray(token.tokens)
          ? inlineText(token.tokens)
          : decodeEntities(withoutWikilinkSyntax(String(token.text)));
        break;
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        text += inlineText(token.tokens ?? []);
        break;
      case 'br':
        text += ' ';
        break;
      default:
        // Images, raw HTML and anything unknown: dropped, never passed through.
        break;
    }
  }
  return text;
}

/** `[[io.net|IO]]` reads "IO", `[[Akash]]` reads "Akash". */
function withoutWikilinkSyntax(text: string): string {
  return text.replace(/\[\[([^[\]|]*)(?:\|([^[\]]*))?\]\]/g, (_, target: string, label?: string) => label || target);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (entity, body: string) => {
    if (body[0] !== '#') return ENTITIES[body.toLowerCase()] ?? entity;
    const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : entity;
  });
}

function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function shorten(text: string, maxChars: number): string {
  if (text.length <= maxChars) return text;
  const cut = text.slice(0, maxChars - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > maxChars / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
