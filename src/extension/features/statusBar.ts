import * as vscode from 'vscode';
import { verdictWord } from '../../core/vocabulary/labels';
import type { AtlasService } from '../atlasService';
import { activeNotePath } from '../commandTarget';
import { protocolTooltip, verdictCodicon } from '../protocolRow';

/**
 * The protocol count and the active framework in the status bar; a click opens the graph. Also
 * keeps the `protocolAtlas.hasNotes` context key that hides commands with nothing to act on.
 */
export function registerStatusBar(context: vscode.ExtensionContext, service: AtlasService): StatusBar {
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
  const activeVerdict = registerActiveVerdict(context, service);
  context.subscriptions.push(item, service.onDidChange(update));
  return { item, activeVerdict };
}

/** The status bar's items, for the integration tests. */
export interface StatusBar {
  readonly item: vscode.StatusBarItem;
  /** The active note's verdict; hidden when the editor holds no indexed note. */
  readonly activeVerdict: vscode.StatusBarItem;
}

/**
 * The verdict of the note in front of you, beside the count: its word and icon, the reason in the
 * tooltip; a click reveals it in the Protocols view. Follows the active editor and the atlas.
 */
function registerActiveVerdict(context: vscode.ExtensionContext, service: AtlasService): vscode.StatusBarItem {
  const item = vscode.window.createStatusBarItem('protocolAtlas.activeVerdict', vscode.StatusBarAlignment.Left, 49);
  item.name = vscode.l10n.t('Protocol Atlas: verdict of the active note');
  let shown: string | undefined;
  const update = () => {
    const path = activeNotePath(service);
    const protocol = path === undefined ? undefined : service.atlas.index.protocol(path);
    if (path === undefined || !protocol) {
      if (shown !== undefined) item.hide();
      shown = undefined;
      return;
    }
    const verdict = service.atlas.verdictOf(path);
    const word = verdictWord(verdict.value);
    item.text = `$(${verdictCodicon(verdict.value)}) ${word}${verdict.source === 'override' ? ' ✎' : ''}`;
    item.tooltip = protocolTooltip(service.atlas, path);
    item.command = { command: 'protocolAtlas.revealInTree', title: vscode.l10n.t('Reveal in Protocols View'), arguments: [path] };
    item.accessibilityInformation = {
      label: vscode.l10n.t('{0}: {1} under {2}. Reveal in the Protocols view.', protocol.name.value, word, service.atlas.framework.title),
    };
    if (shown === undefined) item.show();
    shown = path;
  };
  update();
  context.subscriptions.push(item, vscode.window.onDidChangeActiveTextEditor(update), service.onDidChange(update));
  return item;
}
