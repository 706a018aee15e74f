// The Connections view beside Protocols: for the note in the active editor, what it depends on,
// what depends on it, the notes it links to, those that link to it and its nearest exposure. The
// contents are ConnectionsModel's; this only turns them into rows and follows the editor.
import * as vscode from 'vscode';
import { routeText } from '../../core/present/exposureText';
import { verdictWord } from '../../core/vocabulary/labels';
import type { AtlasService } from '../atlasService';
import { activeNotePath } from '../commandTarget';
import { protocolTooltip, verdictIcon } from '../protocolRow';
import { ConnectionsModel, type ConnectionGroupId, type ConnectionsElement } from './connectionsModel';

const REFRESH_DELAY_MS = 50;

const GROUP_ICONS: Record<ConnectionGroupId, string> = {
  dependsOn: 'type-hierarchy-sub',
  dependents: 'type-hierarchy-super',
  mentions: 'link',
  mentionedBy: 'references',
  exposure: 'warning',
};

function groupTitle(group: ConnectionGroupId): string {
  switch (group) {
    case 'dependsOn':
      return vscode.l10n.t('Depends on');
    case 'dependents':
      return vscode.l10n.t('Dependents');
    case 'mentions':
      return vscode.l10n.t({ message: 'Mentions', comment: ['the notes this note links to in its body'] });
    case 'mentionedBy':
      return vscode.l10n.t({ message: 'Mentioned by', comment: ['the notes whose body links to this note'] });
    case 'exposure':
      return vscode.l10n.t('Exposure');
  }
}

export class ConnectionsView implements vscode.TreeDataProvider<ConnectionsElement>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  readonly model: ConnectionsModel;

  constructor(private readonly service: AtlasService) {
    this.model = new ConnectionsModel(service.atlas);
  }

  /** Show this note (undefined: none); the view is asked to fetch again only if that changes what it shows. */
  show(path: string | undefined): void {
    if (this.model.show(path)) this.changeEmitter.fire(undefined);
  }

  refresh(): void {
    if (this.model.refresh()) this.changeEmitter.fire(undefined);
  }

  getChildren(element?: ConnectionsElement): ConnectionsElement[] {
    return [...this.model.children(element)];
  }

  getTreeItem(element: ConnectionsElement): vscode.TreeItem {
    if (element.kind === 'group') {
      const count = element.connections.length;
      const item = new vscode.TreeItem(groupTitle(element.group), count > 0 ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.None);
      item.id = `group:${element.group}`;
      item.description = `${count}`;
      item.iconPath = new vscode.ThemeIcon(GROUP_ICONS[element.group]);
      item.contextValue = 'connectionGroup';
      return item;
    }
    const item = new vscode.TreeItem(element.name, vscode.TreeItemCollapsibleState.None);
    item.id = `${element.group}:${element.path}`;
    item.iconPath = verdictIcon(element.verdict);
    item.description = element.route ? vscode.l10n.t('via {0}', routeText(element.route)) : verdictWord(element.verdict);
    item.accessibilityInformation = { label: `${element.name}: ${item.description}` };
    item.contextValue = 'protocol';
    const uri = this.service.uriOf(element.path);
    if (uri) item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, element: ConnectionsElement): vscode.TreeItem {
    if (element.kind === 'connection' && this.service.atlas.index.note(element.path)) item.tooltip = protocolTooltip(this.service.atlas, element.path);
    return item;
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}

export function registerConnectionsView(context: vscode.ExtensionContext, service: AtlasService): ConnectionsView {
  const connections = new ConnectionsView(service);
  const view = vscode.window.createTreeView('protocolAtlas.connections', { treeDataProvider: connections });
  const follow = (editor: vscode.TextEditor | undefined) => {
    // A webview or the panel taking focus leaves no text editor: keep the note shown until another editor is active.
    if (!editor) return;
    connections.show(activeNotePath(service));
    view.description = connections.model.connections?.name;
  };
  follow(vscode.window.activeTextEditor);
  let timer: ReturnType<typeof setTimeout> | undefined;
  context.subscriptions.push(
    connections,
    view,
    vscode.window.onDidChangeActiveTextEditor(follow),
    service.onDidChange(() => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        connections.refresh();
        view.description = connections.model.connections?.name;
      }, REFRESH_DELAY_MS);
    }),
    { dispose: () => clearTimeout(timer) },
  );
  return connections;
}
