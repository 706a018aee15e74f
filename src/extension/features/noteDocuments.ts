// What the editing features share: which documents are notes, core ranges as editor ranges, and
// each note's current text (the open buffer when there is one, else the file on disk).
import * as vscode from 'vscode';
import type { Position, Range } from '../../core/vocabulary/model';
import type { NoteText } from '../../core/editing/rename';
import { decodeNoteText } from '../../core/note/noteText';
import { parseNote } from '../../core/note/parseNote';
import type { AtlasService } from '../atlasService';

/** Notes on disk, in remote workspaces and not yet saved. */
export const NOTE_SELECTOR: vscode.DocumentSelector = [
  { language: 'markdown', scheme: 'file' },
  { language: 'markdown', scheme: 'vscode-remote' },
  { language: 'markdown', scheme: 'untitled' },
];

export function toRange(range: Range): vscode.Range {
  return new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character);
}

export function fromPosition(position: vscode.Position): Position {
  return { line: position.line, character: position.character };
}

/** The document's text under the index's key for it, parsed (once per version). */
export function documentNote(service: AtlasService, document: vscode.TextDocument): Required<NoteText> {
  const { path, text, note } = service.parsed(document);
  return { path, text, note };
}

/** The current text of each indexed note, parsed, skipping any that can no longer be read. */
export async function noteTexts(service: AtlasService, paths: Iterable<string>): Promise<Array<Required<NoteText>>> {
  const open = new Map(vscode.workspace.textDocuments.map((document) => [document.uri.toString(), document]));
  const read = [...new Set(paths)].map(async (path): Promise<Required<NoteText> | undefined> => {
    const uri = service.uriOf(path);
    if (!uri) return undefined;
    const document = open.get(uri.toString());
    if (document) return documentNote(service, document);
    try {
      const decoded = decodeNoteText(await vscode.workspace.fs.readFile(uri));
      return decoded.ok ? { path, text: decoded.text, note: parseNote(path, decoded.text, service.placement()) } : undefined;
    } catch {
      return undefined;
    }
  });
  return (await Promise.all(read)).filter((note) => note !== undefined);
}
