// The display language for the code that does not call vscode.l10n itself: the core's words
// (labels, exposure) and the graph webview go through @vscode/l10n, which is handed the bundle VS
// Code loaded for this extension (l10n/bundle.l10n.<language>.json; none in English).
import * as l10n from '@vscode/l10n';
import * as vscode from 'vscode';

export function useDisplayLanguage(): void {
  if (vscode.l10n.bundle) l10n.config({ contents: vscode.l10n.bundle });
}

/** The bundle for the webview, which cannot read the extension's files: {} in English. */
export function displayBundle(): Record<string, string> {
  return (vscode.l10n.bundle as Record<string, string> | undefined) ?? {};
}
