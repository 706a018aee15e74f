// The core's diagnostics in the Problems panel, kept in step with the index: only the notes an
// index change touched are published again.
import * as vscode from 'vscode';
import type { Diagnostic, Severity } from '../../core/vocabulary/model';
import type { AtlasService } from '../atlasService';
import { toRange } from './noteDocuments';

export const DIAGNOSTIC_SOURCE = 'Protocol Atlas';
/** Work per task before yielding; a host task over 50 ms is one the researcher can feel. */
const SLICE_MS = 15;

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
  // Publishing 10,000 notes at once would hold the extension host (shared with every other
  // extension) for a long task; the queue publishes in slices and yields in between.
  const pending = new Set<string>();
  let draining: ReturnType<typeof setImmediate> | undefined;
  const drain = (): void => {
    draining = undefined;
    const until = performance.now() + SLICE_MS;
    for (const path of pending) {
      pending.delete(path);
      publish(path);
      if (performance.now() > until) break;
    }
    if (pending.size > 0) draining = setImmediate(drain);
  };
  const schedule = (paths: Iterable<string>): void => {
    for (const path of paths) pending.add(path);
    if (!draining && pending.size > 0) draining = setImmediate(drain);
  };
  const publishAll = (): void => schedule(new Set([...published.keys(), ...service.atlas.index.paths()]));

  context.subscriptions.push(
    collection,
    { dispose: () => draining && clearImmediate(draining) },
    service.onDidChange((change) => {
      if (!change.index) return publishAll();
      const { added, updated, removed, diagnosticsChanged } = change.index;
      schedule([...diagnosticsChanged, ...added, ...updated, ...removed]);
    }),
  );
  void service.ready.then(publishAll, () => undefined);
}

/** A core diagnostic as VS Code shows it (notes here, framework files in workspaceFrameworks.ts). */
export function toVscodeDiagnostic(diagnostic: Diagnostic): vscode.Diagnostic {
  const shown = new vscode.Diagnostic(toRange(diagnostic.range), diagnostic.message, SEVERITY[diagnostic.severity]);
  shown.source = DIAGNOSTIC_SOURCE;
  shown.code = diagnostic.code;
  return shown;
}
