// The core's diagnostics in the Problems panel, kept in step with the index: only the notes an
// index change touched are published again.
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../../core/model';
import type { AtlasService } from '../atlasService';
import { toRange } from './noteDocuments';

export const DIAGNOSTIC_SOURCE = 'Protocol Atlas';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

export function registerDiagnostics(context: vscode.ExtensionContext, service: AtlasService): void {
  const collection = vscode.languages.createDiagnosticCollection('protocol-atlas');
  // Where each path was published, so a deleted note's problems can be cleared after its URI is gone.
  const published = new Map<string, vscode.Uri>();

  const publish = (path: string): void => {
    const uri = service.uriOf(path) ?? published.get(path);
    if (!uri) return;
    if (!service.atlas.index.note(path)) {
      collection.delete(uri);
      published.delete(path);
      return;
    }
    collection.set(uri, service.atlas.index.diagnostics(path).map(toVscodeDiagnostic));
    published.set(path, uri);
  };
  const publishAll = (): void => {
    const paths = new Set([...published.keys(), ...service.atlas.index.paths()]);
    for (const path of paths) publish(path);
  };

  context.subscriptions.push(
    collection,
    service.onDidChange((change) => {
      if (!change.index) return publishAll();
      const { added, updated, removed, diagnosticsChanged } = change.index;
      for (const path of new Set([...diagnosticsChanged, ...added, ...updated, ...removed])) publish(path);
    }),
  );
  void service.ready.then(publishAll, () => undefined);
}

export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const shown = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, SEVERITY[diagnostic.severity]);
  shown.source = DIAGNOSTIC_SOURCE;
  shown.code = diagnostic.code;
  return shown;
}
