// The obvious repairs for a note's diagnostics, as edits on its text or a command to run, for
// an adapter to offer as quick fixes. Nothing here touches a file.
import * as l10n from '@vscode/l10n';
import type { Diagnostic, Range } from '../vocabulary/model';
import { splitLines, textIn } from './ranges';
import { targetRangeIn } from './noteTarget';
import { referenceTarget } from '../note/names';
import { relativeLink, type BodyLink } from './bodyLinks';

export interface QuickFix {
  title: string;
  /** The one fix a researcher almost always wants (applied by "auto fix"). */
  preferred: boolean;
  edits?: Array<{ range: Range; newText: string }>;
  command?: { command: string; title: string; arguments: unknown[] };
}

/** The command that creates a note from the template; H-workspace's New Protocol Note. */
const NEW_NOTE_COMMAND = 'protocolAtlas.newNote';

export function quickFixesFor(diagnostic: Pick<Diagnostic, 'code' | 'range' | 'data'>, text: string): QuickFix[] {
  const lines = splitLines(text);
  const suggestions = diagnostic.data?.suggestions ?? [];
  switch (diagnostic.code) {
    case 'unknown-layer':
    case 'unknown-category': {
      const written = textIn(lines, diagnostic.range);
      const layer = diagnostic.code === 'unknown-layer';
      return suggestions.map((suggestion, index) => ({
        title: layer ? l10n.t('Change layer to "{0}"', suggestion) : l10n.t('Change category to "{0}"', suggestion),
        preferred: index === 0 && suggestions.length === 1,
        edits: [{ range: diagnostic.range, newText: replacedValue(written, suggestion, diagnostic.data?.field === 'tags') }],
      }));
    }
    case 'unresolved-dependency': {
      const written = textIn(lines, diagnostic.range);
      const target = diagnostic.data?.target ?? referenceTarget(written.replace(/^["']|["']$/g, ''));
      const ref = { raw: written, target, range: diagnostic.range };
      const fixes: QuickFix[] = suggestions.map((suggestion) => ({
        title: l10n.t('Change to "{0}"', suggestion),
        preferred: false,
        edits: [{ range: targetRangeIn(ref, written), newText: suggestion }],
      }));
      const create = l10n.t("Create note '{0}'", target);
      fixes.push({
        title: create,
        preferred: false,
        command: { command: NEW_NOTE_COMMAND, title: create, arguments: [{ name: target }] },
      });
      return fixes;
    }
    case 'override-without-reason': {
      const edit = reasonEdit(lines);
      return edit ? [{ title: l10n.t('Add a `reason:` to the override'), preferred: true, edits: [edit] }] : [];
    }
    default:
      return [];
  }
}

/**
 * For a body link that names no note: each nearest name (with the note it names) put in its
 * place, a wikilink's label and heading kept, a markdown link's path made relative to the note;
 * and for a wikilink, a new note of that name (a markdown link names a file, not a protocol).
 */
export function bodyLinkFixes(link: BodyLink, notePath: string, nearest: ReadonlyArray<{ name: string; path: string }>): QuickFix[] {
  const fixes: QuickFix[] = [];
  const seen = new Set<string>();
  for (const { name, path } of nearest) {
    const wikilink = link.mention.kind === 'wikilink';
    // A name holding a wikilink's own characters cannot be written inside one.
    if (wikilink && /[[\]|#\r\n]/.test(name)) continue;
    const newText = wikilink ? name : relativeLink(notePath, path);
    if (seen.has(newText)) continue;
    seen.add(newText);
    fixes.push({ title: l10n.t('Did you mean "{0}"?', newText), preferred: false, edits: [{ range: link.targetRange, newText }] });
  }
  if (link.mention.kind === 'wikilink') {
    const title = l10n.t("Create note '{0}'", link.mention.target);
    fixes.push({ title, preferred: false, command: { command: NEW_NOTE_COMMAND, title, arguments: [{ name: link.mention.target }] } });
  }
  return fixes;
}

/** The value written again with only the word changed, keeping quotes and a `layer/` tag prefix. */
function replacedValue(written: string, value: string, tag: boolean): string {
  if (tag) return written.replace(/(layer\/)[^"'\s,\]]*/i, `$1${value}`);
  const quote = /^["']/.exec(written)?.[0] ?? '';
  return `${quote}${value}${quote}`;
}

/** A `reason: ""` under `impact:`, indented like its siblings; or the empty `reason:` filled in. */
function reasonEdit(lines: readonly string[]): { range: Range; newText: string } | undefined {
  const end = frontMatterEnd(lines);
  const impact = lines.findIndex((line, index) => index > 0 && index < end && /^impact\s*:/.test(line));
  if (impact < 0) return undefined;
  const inline = /^(impact\s*:\s*\{.*?)(\s*)\}\s*(?:#.*)?$/.exec(lines[impact]);
  if (inline) {
    const character = inline[1].length;
    const separator = /\{\s*$/.test(inline[1]) ? '' : ', ';
    return { range: point(impact, character), newText: `${separator}reason: ""` };
  }
  let last = impact;
  let indent = '  ';
  for (let index = impact + 1; index < end; index++) {
    const line = lines[index];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const leading = /^(\s+)/.exec(line)?.[1];
    if (!leading) break;
    if (last === impact) indent = leading;
    last = index;
    const reason = /^(\s+reason\s*:)(.*)$/.exec(line);
    if (reason && /^\s*(?:~|null|""|'')?\s*(?:#.*)?$/.test(reason[2])) {
      return { range: { start: { line: index, character: reason[1].length }, end: { line: index, character: line.length } }, newText: ' ""' };
    }
  }
  return { range: point(last + 1, 0), newText: `${indent}reason: ""\n` };
}

function frontMatterEnd(lines: readonly string[]): number {
  for (let index = 1; index < lines.length; index++) if (/^(?:---|\.\.\.)\s*$/.test(lines[index])) return index;
  return lines.length;
}

function point(line: number, character: number): Range {
  return { start: { line, character }, end: { line, character } };
}
