import * as vscode from 'vscode';
import type { AtlasService } from '../atlasService';

/** Rebuild Index (every note read again, the cache ignored) and Show Output. */
export function registerIndexCommands(context: vscode.ExtensionContext, service: AtlasService, log: vscode.LogOutputChannel): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.rebuildIndex', () =>
      vscode.window.withProgress(
        { location: vscode.ProgressLocation.Window, title: 'Protocol Atlas: rebuilding the index' },
        async () => {
          await service.rebuild();
          const count = service.atlas.index.paths().length;
          log.info(`Rebuilt the index: ${count} notes, ${service.skipped} skipped.`);
          void vscode.window.setStatusBarMessage(`Protocol Atlas: indexed ${count} notes`, 4000);
        },
      ),
    ),
    vscode.commands.registerCommand('protocolAtlas.showOutput', () => log.show(true)),
  );
}
