// Quick fixes for the core's diagnostics: each an undoable WorkspaceEdit on the note, or the
// New Protocol Note command for a dependency or a body wikilink that names no note.
import * as vscode from 'vscode';
import { bodyLinkAt } from '../../core/editing/bodyLinks';
import { bodyLinkFixes, quickFixesFor, type QuickFix } from '../../core/editing/quickFixes';
import { noteBaseName } from '../../core/note/names';
import type { Diagnostic } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { UNRESOLVED_BODY_LINK } from './bodyLinkDiagnostics';
import { NOTE_SELECTOR, fromPosition, toRange } from './noteDocuments';

export function registerQuickFixes(context: vscode.ExtensionContext, service: AtlasService): void {
  const provider: vscode.CodeActionProvider = {
    provideCodeActions(document, _range, codeActionContext) {
      const ours = codeActionContext.diagnostics.filter((shown) => shown.source === DIAGNOSTIC_SOURCE);
      if (ours.length === 0) return undefined;
      const known = service.atlas.index.diagnostics(service.pathOf(document.uri));
      const text = document.getText();
      const actions: vscode.CodeAction[] = [];
      for (const shown of ours) {
        if (shown.code === UNRESOLVED_BODY_LINK) {
          for (const fix of bodyLinkFixesAt(document, shown.range, service)) actions.push(toCodeAction(document.uri, shown, fix));
          continue;
        }
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

/** The nearest names for the body link the problem is on (by its file name, for a markdown link). */
function bodyLinkFixesAt(document: vscode.TextDocument, range: vscode.Range, service: AtlasService): QuickFix[] {
  const parsed = service.parsed(document);
  const link = bodyLinkAt(parsed.note, parsed.lines, fromPosition(range.start));
  if (!link || !toRange(link.mention.range).isEqual(range)) return [];
  const index = service.atlas.index;
  const written = link.mention.kind === 'wikilink' ? link.mention.target : noteBaseName(link.mention.target);
  const nearest = index.suggestNames(written).flatMap((name) => {
    const path = index.resolve(name);
    return path === undefined || path === parsed.path ? [] : [{ name, path }];
  });
  return bodyLinkFixes(link, parsed.path, nearest);
}

function toCodeAction(uri: vscode.Uri, shown: vscode.Diagnostic, fix: QuickFix): vscode.CodeAction {
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

