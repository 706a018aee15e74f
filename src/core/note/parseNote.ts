// One note's text to a ProtocolNote. Never throws: whatever the input, the result is a note
// (perhaps a minimal one) whose diagnostics say what was wrong.
import * as l10n from '@vscode/l10n';
import type { Diagnostic, DiagnosticCode, Range, Severity, ProtocolNote } from '../vocabulary/model';
import { scanBody } from './body';
import { readFields, type FrontMatterFields } from './fields';
import { locateFrontMatter, readYamlFrontMatter, type FrontMatterEntry } from './frontMatter';
import { placeByPath, type Placement } from './placement';
import { detach } from './detach';
import { readSimpleFrontMatter } from './simpleFrontMatter';
import { BUILTIN_VOCABULARY } from '../vocabulary/taxonomy';
import { wordList } from '../vocabulary/labels';

/** Past this size a note is most likely pasted data, not research: read it, but only so far. */
export const LARGE_NOTE_CHARACTERS = 1_000_000;

export interface ParseOptions {
  /** 'auto' reads simple front matter itself and the rest with `yaml`; 'yaml' always uses `yaml`. */
  frontMatter?: 'auto' | 'yaml';
  /** How the path reads (multi-root keys start with a workspace folder's name). */
  placement?: Placement;
}

export function parseNote(path: string, text: string, placement?: Placement): ProtocolNote {
  return parseNoteWith(path, text, placement && { placement });
}

export function parseNoteWith(path: string, text: string, options: ParseOptions = {}): ProtocolNote {
  try {
    if (typeof text !== 'string') return unreadableNote(path, l10n.t('The note has no text.'));
    if (text.includes('\0')) return unreadableNote(path, l10n.t('The note contains NUL bytes: it looks like a binary file, not markdown.'));
    return parse(path, withoutLoneCarriageReturns(text), options);
  } catch (error) {
    return unreadableNote(path, l10n.t('Protocol Atlas could not read this note: {0}', error instanceof Error ? error.message : String(error)));
  }
}

/**
 * Old Mac files end lines with a lone CR, and VS Code shows them as lines. A lone CR becomes LF:
 * one character for one, so every line and column stays where the editor has it.
 */
function withoutLoneCarriageReturns(text: string): string {
  return text.includes('\r') && LONE_CR.test(text) ? text.replace(LONE_CR_ALL, '\n') : text;
}

const LONE_CR = /\r(?!\n)/;
const LONE_CR_ALL = /\r(?!\n)/g;

/** What the index keeps for a note it could not read: findable by file name, never dropped. */
function unreadableNote(path: string, message: string): ProtocolNote {
  const note = emptyNote(path);
  note.diagnostics.push(diagnostic(path, 'unreadable-note', 'error', START, message));
  return placeByPath(note, path, { useFolders: false });
}

const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

function emptyNote(path: string): ProtocolNote {
  return {
    path,
    name: { value: '', source: 'default' },
    aliases: [],
    layer: { value: 'unclassified', source: 'default' },
    dependsOn: [],
    mentions: [],
    tags: [],
    fieldRanges: {},
    diagnostics: [],
  };
}

function parse(path: string, input: string, options: ParseOptions): ProtocolNote {
  // Editors hide a byte order mark; dropping it keeps our positions equal to theirs.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const note = emptyNote(path);
  const diagnostics: Diagnostic[] = [];
  const large = text.length > LARGE_NOTE_CHARACTERS;
  const vocabulary = options.placement?.vocabulary ?? BUILTIN_VOCABULARY;
  let fields: FrontMatterFields | undefined;
  let bodyOffset = 0;
  let bodyLine = 0;

  const location = locateFrontMatter(text);
  if (location.kind === 'unclosed') {
    diagnostics.push(
      diagnostic(path, 'invalid-yaml', 'warning', location.range, l10n.t('The front matter starts with `---` but is never closed by another `---` line.')),
    );
  } else if (location.kind === 'block') {
    note.frontMatterRange = location.range;
    bodyOffset = location.bodyOffset;
    bodyLine = location.bodyLine;
    if (location.content.length > LARGE_NOTE_CHARACTERS) {
      diagnostics.push(
        diagnostic(path, 'note-too-large', 'information', location.range, l10n.t('The front matter is larger than 1 MB and was not read.')),
      );
    } else {
      // Every value read from the front matter is cut from this copy, not from the whole note.
      const content = detach(location.content);
      let entries: FrontMatterEntry[] | undefined =
        options.frontMatter === 'yaml' ? undefined : readSimpleFrontMatter(content, location.contentLine);
      if (!entries) {
        const read = readYamlFrontMatter(content, location.contentLine);
        for (const error of read.errors) {
          diagnostics.push(diagnostic(path, 'invalid-yaml', 'error', error.range, l10n.t('Front matter: {0}', error.message)));
        }
        entries = read.entries;
      }
      fields = readFields(path, entries, vocabulary);
      diagnostics.push(...fields.diagnostics);
    }
  }

  const body = scanBody(text, bodyOffset, bodyLine, LARGE_NOTE_CHARACTERS);
  note.mentions = body.mentions;
  if (body.heading) note.heading = body.heading.text;
  if (fields) {
    note.aliases = fields.aliases;
    note.dependsOn = fields.dependsOn;
    note.tags = fields.tags;
    note.fieldRanges = fields.fieldRanges;
    if (fields.category) note.category = fields.category;
    if (fields.funding !== undefined) note.funding = fields.funding;
    if (fields.override) note.override = fields.override;
  }

  // Fallbacks that need only the text; placeByPath adds those that need the path.
  if (fields?.name) note.name = fields.name;
  else if (body.heading) note.name = { value: body.heading.text, source: 'heading', range: body.heading.range };
  if (fields?.layer) note.layer = fields.layer;
  else {
    for (const tag of [...(fields?.layerTags ?? []), ...body.layerTags]) {
      const layer = vocabulary.layer(tag.text);
      if (layer) {
        note.layer = { value: layer, source: 'tag', range: tag.range };
        break;
      }
      const suggestions = vocabulary.closestLayers(tag.text);
      diagnostics.push(
        diagnostic(path, 'unknown-layer', 'warning', tag.range, l10n.t('Unknown layer tag "layer/{0}". Did you mean {1}?', tag.text, wordList(suggestions.map((s) => `layer/${s}`))), {
          field: 'tags',
          suggestions,
        }),
      );
    }
  }
  if (large) {
    const message = body.truncated ? l10n.t('This note is larger than 1 MB. Only its first 1 MB was scanned for headings and links.') : l10n.t('This note is larger than 1 MB.');
    diagnostics.push(diagnostic(path, 'note-too-large', 'information', START, message));
  }
  note.diagnostics = diagnostics;
  return placeByPath(note, path, { useFolders: true, placement: options.placement });
}

function diagnostic(
  file: string,
  code: DiagnosticCode,
  severity: Severity,
  range: Range,
  message: string,
  data?: Diagnostic['data'],
): Diagnostic {
  return { file, range, severity, code, message, ...(data && { data }) };
}
