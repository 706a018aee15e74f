import * as vscode from 'vscode';
import type { AtlasService } from '../atlasService';

/**
 * The protocol count and the active framework in the status bar; a click opens the graph. Also
 * keeps the `protocolAtlas.hasNotes` context key that hides commands with nothing to act on.
 */
export function registerStatusBar(context: vscode.ExtensionContext, service: AtlasService): void {
  const item = vscode.window.createStatusBarItem('protocolAtlas.status', vscode.StatusBarAlignment.Left, 50);
  item.name = 'Protocol Atlas';
  item.command = 'protocolAtlas.showGraph';
  let hadNotes: boolean | undefined;
  const update = () => {
    // The graph has one node per note: its size is the count, where paths() would sort them all.
    const count = service.atlas.index.graph.order;
    const framework = service.atlas.framework;
    item.text = `$(type-hierarchy) ${count} protocol${count === 1 ? '' : 's'} · ${framework.id}`;
    item.tooltip = new vscode.MarkdownString(undefined, true);
    item.tooltip.appendText(`${count} protocol notes indexed, flagged by the framework “${framework.title}”.`);
    item.tooltip.appendMarkdown('\n\nClick to open the layer graph.');
    item.accessibilityInformation = { label: `Protocol Atlas: ${count} protocols, framework ${framework.title}. Open the layer graph.` };
    const hasNotes = count > 0;
    if (hasNotes !== hadNotes) void vscode.commands.executeCommand('setContext', 'protocolAtlas.hasNotes', hasNotes);
    hadNotes = hasNotes;
  };
  update();
  item.show();
  context.subscriptions.push(item, service.onDidChange(update));
}
