import * as vscode from 'vscode';
import type { AtlasService } from '../atlasService';

/** Rebuild Index (every note read again, the cache ignored) and Show Output. */
export function registerIndexCommands(context: vscode.ExtensionContext, service: AtlasService, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.rebuildIndex', () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: vscode.l10n.t('Protocol Atlas: rebuilding the index') },
        async () => {
          await service.rebuild();
          const count = service.atlas.index.paths().length;
          log.info(`Rebuilt the index: ${count} notes, ${service.skipped} skipped.`);
          void vscode.window.setStatusBarMessage(vscode.l10n.t('Protocol Atlas: indexed {0} notes', count), 4000);
        },
      ),
    ),
    vscode.commands.registerCommand('protocolAtlas.showOutput', () => log.show(true)),
  );
}
