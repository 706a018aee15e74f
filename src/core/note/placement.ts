// The fallbacks that depend on where a note lives: its file name as protocol name, a layer folder
// as layer, applied after the fields the text gives.
import * as l10n from '@vscode/l10n';
import type { Diagnostic, ProtocolNote } from '../vocabulary/model';
import { layerFromFolders, noteBaseName } from './names';
import { categoriesOf, categoryById, type Vocabulary } from '../vocabulary/taxonomy';
import { layerWord, wordList } from '../vocabulary/labels';

/** How a note's path (and its words) read. */
export interface Placement {
  /**
   * Leading segments of the path that name a workspace folder rather than a folder of notes: 1 in
   * a multi-root workspace, whose keys start with the root folder's name ("apps/io.net.md" is not
   * in an application folder), 0 otherwise.
   */
  rootSegments: number;
  /**
   * The words layers and categories are read in, in the front matter, `#layer/…` tags and folder
   * names: the built-in ones when absent, else with the researcher's own (`protocolAtlas.synonyms`).
   */
  vocabulary?: Vocabulary;
}

export const SINGLE_ROOT: Placement = { rootSegments: 0 };

export function placeByPath(note: ProtocolNote, path: string, options: { useFolders: boolean; placement?: Placement }): ProtocolNote {
  note.path = path;
  if (note.name.source === 'default' || note.name.source === 'file-name') {
    note.name = { value: noteBaseName(path), source: 'file-name' };
  }
  if (options.useFolders && (note.layer.source === 'default' || note.layer.source === 'folder')) {
    const layer = layerFromFolders(path, options.placement?.rootSegments ?? 0, options.placement?.vocabulary);
    note.layer = layer ? { value: layer, source: 'folder' } : { value: 'unclassified', source: 'default' };
  }
  const diagnostics = note.diagnostics.filter((diagnostic) => !isLayerMismatch(note, diagnostic));
  const mismatch = layerMismatch(note);
  if (mismatch) diagnostics.push(mismatch);
  note.diagnostics = diagnostics.map((diagnostic) => (diagnostic.file === path ? diagnostic : { ...diagnostic, file: path }));
  return note;
}

/** A known category of another layer than the note's, e.g. `layer: model` with `category: compute`. */
function layerMismatch(note: ProtocolNote): Diagnostic | undefined {
  const category = note.category && categoryById(note.category.value);
  const layer = note.layer.value;
  if (!note.category || !category || layer === 'unclassified' || category.layer === layer) return undefined;
  const suggestions = categoriesOf(layer).map((candidate) => candidate.id);
  return {
    file: note.path,
    range: note.category.range ?? note.layer.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    code: 'unknown-category',
    message:
      note.layer.source === 'folder'
        ? l10n.t('"{0}" is a {1} category, but this note\'s layer is {2} (from its folder). Categories of {2}: {3}.', category.id, layerWord(category.layer), layerWord(layer), wordList(suggestions))
        : l10n.t('"{0}" is a {1} category, but this note\'s layer is {2}. Categories of {2}: {3}.', category.id, layerWord(category.layer), layerWord(layer), wordList(suggestions)),
    data: { field: 'category', suggestions },
  };
}

function isLayerMismatch(note: ProtocolNote, diagnostic: Diagnostic): boolean {
  return diagnostic.code === 'unknown-category' && note.category !== undefined && categoryById(note.category.value) !== undefined;
}
