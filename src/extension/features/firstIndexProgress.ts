// A first index of thousands of notes takes seconds: a progress notification says so, and closes
// by itself when the index is ready (test/e2e/first-index.e2e.test.ts watches it on 12,000 notes).
import * as vscode from 'vscode';
import type { AtlasService } from '../atlasService';

/** Below this the first index is quick enough that a notification would only flicker. */
const PROGRESS_AFTER_MS = 500;

export function registerFirstIndexProgress(context: vscode.ExtensionContext, service: AtlasService): void {
  const timer = setTimeout(() => {
    void vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Protocol Atlas: indexing protocol notes…') },
      () => service.ready.catch(() => undefined),
    );
  }, PROGRESS_AFTER_MS);
  void service.ready.finally(() => clearTimeout(timer)).catch(() => undefined);
  context.subscriptions.push({ dispose: () => clearTimeout(timer) });
}
