// A body link that names no note, shown in the notes that are open (as the built-in Markdown
// extension checks links): a hint by default, `protocolAtlas.diagnostics.unresolvedBodyLinks`
// sets the severity or turns it off. Links to files and addresses are never flagged
// (core/editing/bodyLinks.ts). The quick fixes are in quickFixes.ts.
import * as vscode from 'vscode';
import { unresolvedBodyLinks } from '../../core/editing/bodyLinks';
import type { AtlasService } from '../atlasService';
import { DIAGNOSTIC_SOURCE } from './diagnostics';
import { toRange } from './noteDocuments';

export const UNRESOLVED_BODY_LINK = 'unresolved-body-link';
const SETTING = 'protocolAtlas.diagnostics.unresolvedBodyLinks';
/** After a keystroke, as long as the index waits for an edit: the links resolve against it. */
const DELAY_MS = 200;

const SEVERITY: Record<string, vscode.DiagnosticSeverity | undefined> = {
  hint: vscode.DiagnosticSeverity.Hint,
  information: vscode.DiagnosticSeverity.Information,
  warning: vscode.DiagnosticSeverity.Warning,
};

export function registerBodyLinkDiagnostics(context: vscode.ExtensionContext, service: AtlasService): void {
  const collection = vscode.languages.createDiagnosticCollection('protocol-atlas-body-links');
  const timers = new Map<string, ReturnType<typeof setTimeout>>();
  // Until the first index is built every link would name no note.
  let indexed = false;

  const check = (document: vscode.TextDocument): void => {
    if (!indexed) return;
    const severity = SEVERITY[vscode.workspace.getConfiguration(undefined, document.uri).get<string>(SETTING, 'hint')];
    if (document.isClosed || severity === undefined || !service.isNote(document.uri)) {
      collection.delete(document.uri);
      return;
    }
    const parsed = service.parsed(document);
    const index = service.atlas.index;
    const unresolved = unresolvedBodyLinks(parsed.note, (path, mention) => index.resolveMention(path, mention));
    collection.set(
      document.uri,
      unresolved.map((mention) => {
        const shown = new vscode.Diagnostic(toRange(mention.range), vscode.l10n.t('No note is named "{0}".', mention.target), severity);
        shown.source = DIAGNOSTIC_SOURCE;
        shown.code = UNRESOLVED_BODY_LINK;
        return shown;
      }),
    );
  };
  const schedule = (document: vscode.TextDocument): void => {
    const key = document.uri.toString();
    clearTimeout(timers.get(key));
    timers.set(
      key,
      setTimeout(() => {
        timers.delete(key);
        check(document);
      }, DELAY_MS),
    );
  };
  const checkOpen = (): void => vscode.workspace.textDocuments.forEach(check);

  context.subscriptions.push(
    collection,
    { dispose: () => timers.forEach((timer) => clearTimeout(timer)) },
    vscode.workspace.onDidOpenTextDocument(schedule),
    vscode.workspace.onDidChangeTextDocument((event) => event.contentChanges.length > 0 && schedule(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => {
      clearTimeout(timers.get(document.uri.toString()));
      timers.delete(document.uri.toString());
      collection.delete(document.uri);
    }),
    // A note added, renamed or deleted anywhere can make a link resolve, or stop resolving.
    service.onDidChange(checkOpen),
    vscode.workspace.onDidChangeConfiguration((event) => event.affectsConfiguration(SETTING) && checkOpen()),
  );
  void service.ready.then(() => {
    indexed = true;
    checkOpen();
  }, () => undefined);
}
