import * as vscode from 'vscode';
import type { AtlasService } from '../atlasService';

/**
 * The protocol count and the active framework in the status bar; a click opens the graph. Also
 * keeps the `protocolAtlas.hasNotes` context key that hides commands with nothing to act on.
 */
export function registerStatusBar(context: vscode.ExtensionContext, service: AtlasService): void {
  const item = vscode.window.createStatusBarItem('protocolAtlas.status', vscode.StatusBarAlignment.Left, 50);
  item.name = vscode.l10n.t('Protocol Atlas');
  item.command = 'protocolAtlas.showGraph';
  let hadNotes: boolean | undefined;
  const update = () => {
    // The graph has one node per note: its size is the count, where paths() would sort them all.
    const count = service.atlas.index.graph.order;
    const framework = service.atlas.framework;
    item.text = `$(type-hierarchy) ${count === 1 ? vscode.l10n.t('1 protocol') : vscode.l10n.t('{0} protocols', count)} · ${framework.id}`;
    item.tooltip = new vscode.MarkdownString(undefined, true);
    item.tooltip.appendText(vscode.l10n.t('{0} protocol notes indexed, flagged by the framework “{1}”.', count, framework.title));
    item.tooltip.appendText(`\n\n${vscode.l10n.t('Click to open the layer graph.')}`);
    item.accessibilityInformation = { label: vscode.l10n.t('Protocol Atlas: {0} protocols, framework {1}. Open the layer graph.', count, framework.title) };
    const hasNotes = count > 0;
    if (hasNotes !== hadNotes) void vscode.commands.executeCommand('setContext', 'protocolAtlas.hasNotes', hasNotes);
    hadNotes = hasNotes;
  };
  update();
  item.show();
  context.subscriptions.push(item, service.onDidChange(update));
}
