// Rename a protocol from its `protocol:` name, from any `depends_on` entry or from a body
// wikilink naming it: one undoable WorkspaceEdit over its note and every note that names it,
// in `depends_on` or in its text.
import * as vscode from 'vscode';
import { renameEdits, renameTargetAt } from '../../core/editing/rename';
import type { Mention } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { NOTE_SELECTOR, documentNote, fromPosition, noteTexts, toRange } from './noteDocuments';

export function registerRename(context: vscode.ExtensionContext, service: AtlasService): void {
  const index = service.atlas.index;
  const resolve = (name: string): string | undefined => index.resolve(name);
  const resolveMention = (notePath: string, mention: Pick<Mention, 'kind' | 'target'>): string | undefined => index.resolveMention(notePath, mention);
  const nameOf = (path: string): string | undefined => {
    const note = index.note(path);
    return note?.name.source === 'front-matter' ? note.name.value : undefined;
  };
  const targetOf = (document: vscode.TextDocument, position: vscode.Position) => {
    const target = renameTargetAt(documentNote(service, document), fromPosition(position), resolve, nameOf, resolveMention);
    if (target && 'error' in target) throw new Error(target.error);
    return target;
  };

  const provider: vscode.RenameProvider = {
    prepareRename(document, position) {
      const target = targetOf(document, position);
      if (!target) throw new Error('Rename a protocol from its `protocol:` name, a `depends_on` entry or a [[wikilink]].');
      const range = toRange(target.range);
      // The name inside `"[[io.net|IO]]"` is what changes; elsewhere on the entry, show the whole entry.
      return { range: range.contains(position) ? range : document.getWordRangeAtPosition(position) ?? range, placeholder: target.placeholder };
    },
    async provideRenameEdits(document, position, newName) {
      const target = targetOf(document, position);
      if (!target) return undefined;
      const current = documentNote(service, document);
      const paths = [target.path, ...index.dependents(target.path), ...index.mentioners(target.path)].filter((path) => path !== current.path);
      const notes = [current, ...(await noteTexts(service, paths))];
      const targetNote = notes.find((note) => note.path === target.path);
      if (!targetNote) throw new Error(`The note ${target.path} could not be read.`);
      const edits = renameEdits(targetNote, newName, notes, resolve, resolveMention);
      if (!Array.isArray(edits)) throw new Error(edits.error);
      const workspaceEdit = new vscode.WorkspaceEdit();
      for (const edit of edits) {
        const uri = edit.path === current.path ? document.uri : service.uriOf(edit.path);
        if (uri) workspaceEdit.replace(uri, toRange(edit.range), edit.newText);
      }
      return workspaceEdit;
    },
  };
  context.subscriptions.push(vscode.languages.registerRenameProvider(NOTE_SELECTOR, provider));
}
