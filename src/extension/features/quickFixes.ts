// Quick fixes for the core's diagnostics: each an undoable WorkspaceEdit on the note, or the
// New Protocol Note command for a dependency that names no note.
import * as vscode from 'vscode';
import { quickFixesFor } from '../../core/editing/quickFixes';
import type { Diagnostic } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { NOTE_SELECTOR, toRange } from './noteDocuments';

export function registerQuickFixes(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, codeActionContext) {
      const ours = codeActionContext.diagnostics.filter((shown) => shown.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) return undefined;
      const known = service.atlas.index.diagnostics(service.pathOf(document.uri));
      const text = document.getText();
      const actions: vscode.CodeAction[] = [];
      for (const shown of ours) {
        const diagnostic = known.find((each) => each.code === shown.code && toRange(each.range).isEqual(shown.range));
        if (!diagnostic) continue;
        for (const fix of quickFixesFor(withNameSuggestions(diagnostic, service), text)) actions.push(toCodeAction(document.uri, shown, fix));
      }
      return actions;
    },
  };
  context.subscriptions.push(
    vscode.languages.registerCodeActionsProvider(NOTE_SELECTOR, provider, { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] }),
  );
}

/** A message past the suggestion budget names none; the quick fix still offers the nearest names. */
function withNameSuggestions(diagnostic: Diagnostic, service: AtlasService): Diagnostic {
  const target = diagnostic.data?.target;
  if (diagnostic.code !== 'unresolved-dependency' || !target || diagnostic.data?.suggestions) return diagnostic;
  return { ...diagnostic, data: { ...diagnostic.data, suggestions: service.atlas.index.suggestNames(target) } };
}

function toCodeAction(uri: vscode.Uri, shown: vscode.Diagnostic, fix: ReturnType<typeof quickFixesFor>[number]): vscode.CodeAction {
  const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
  action.diagnostics = [shown];
  action.isPreferred = fix.preferred;
  if (fix.edits) {
    const edit = new vscode.WorkspaceEdit();
    for (const each of fix.edits) edit.replace(uri, toRange(each.range), each.newText);
    action.edit = edit;
  }
  if (fix.command) action.command = fix.command;
  return action;
}

