import * as vscode from 'vscode';
import { categoryTitle, layerTitle } from '../../core/vocabulary/labels';
import { categoryById } from '../../core/vocabulary/taxonomy';
import type { AtlasService } from '../atlasService';
import { activeNotePath, targetPath } from '../commandTarget';
import { protocolSummary, protocolTooltip, verdictIcon } from '../protocolRow';
import { ProtocolsTreeModel, type ProtocolsTreeElement } from './protocolsTreeModel';

export type { ProtocolsTreeElement } from './protocolsTreeModel';

const REFRESH_DELAY_MS = 50;
/**
 * A layer or category opens by itself only up to this many rows: VS Code fetches and sends every
 * row of an open list, and at 10,000 notes opening them all cost seconds at start for a list
 * nobody scrolls. Bigger lists start closed; VS Code remembers what the researcher opens.
 */
const OPEN_UP_TO = 200;

/**
 * The Protocols view: layer → category → protocol, each protocol with its verdict. The rows and
 * their order live in ProtocolsTreeModel, which follows the atlas change by change and says which
 * rows changed: VS Code is asked to fetch those again, not the whole tree.
 */
export class ProtocolsTree implements vscode.TreeDataProvider<ProtocolsTreeElement>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<ProtocolsTreeElement[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly model: ProtocolsTreeModel;

  constructor(private readonly service: AtlasService) {
    this.model = new ProtocolsTreeModel(service.atlas, (path) => protocolSummary(service.atlas, path));
    // One refresh per burst of changes (a folder rename is many notes, a framework switch all of them).
    this.subscription = service.onDidChange((change) => {
      this.model.noteChange(change);
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.refresh(), REFRESH_DELAY_MS);
    });
  }

  getChildren(element?: ProtocolsTreeElement): ProtocolsTreeElement[] {
    return this.model.children(element);
  }

  getParent(element: ProtocolsTreeElement): ProtocolsTreeElement | undefined {
    return this.model.parent(element);
  }

  elementOf(path: string): ProtocolsTreeElement | undefined {
    return this.model.elementOf(path);
  }

  getTreeItem(element: ProtocolsTreeElement): vscode.TreeItem {
    if (element.kind === 'layer') {
      const item = new vscode.TreeItem(layerTitle(element.layer), openUnlessLong(this.model.directRows(element)));
      item.id = `layer:${element.layer}`;
      item.description = `${this.model.count(element)}`;
      item.iconPath = new vscode.ThemeIcon('layers');
      item.contextValue = 'layer';
      return item;
    }
    if (element.kind === 'category') {
      const known = categoryById(element.category);
      const count = this.model.count(element);
      const item = new vscode.TreeItem(categoryTitle(element.category), openUnlessLong(count));
      item.id = `category:${element.layer}/${element.category}`;
      item.description = known ? `${count}` : `${count} · ${vscode.l10n.t('not a known category')}`;
      item.iconPath = new vscode.ThemeIcon('symbol-folder');
      item.contextValue = 'category';
      return item;
    }
    const row = this.model.protocol(element);
    const name = row?.name ?? element.path;
    const item = new vscode.TreeItem(name, vscode.TreeItemCollapsibleState.None);
    item.id = `protocol:${element.path}`;
    item.iconPath = verdictIcon(this.service.atlas.verdictOf(element.path).value);
    item.description = row?.summary ?? '';
    item.contextValue = 'protocol';
    item.accessibilityInformation = { label: `${name}: ${item.description}` };
    const uri = this.service.uriOf(element.path);
    if (uri) item.command = { command: 'vscode.open', title: vscode.l10n.t('Open Note'), arguments: [uri] };
    return item;
  }

  /** The tooltip walks the protocol's dependencies for its exposure: only for the row hovered. */
  resolveTreeItem(item: vscode.TreeItem, element: ProtocolsTreeElement): vscode.TreeItem {
    if (element.kind === 'protocol' && this.service.atlas.index.note(element.path)) {
      item.tooltip = protocolTooltip(this.service.atlas, element.path);
    }
    return item;
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.subscription.dispose();
    this.changeEmitter.dispose();
  }

  private refresh(): void {
    const refresh = this.model.takeRefresh();
    if (refresh === 'all') this.changeEmitter.fire(undefined);
    else if (refresh.length > 0) this.changeEmitter.fire(refresh);
  }
}

function openUnlessLong(rows: number): vscode.TreeItemCollapsibleState {
  return rows <= OPEN_UP_TO ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
}

/**
 * The Protocols view, and the commands its context menu and the graph's share: Reveal in Graph,
 * Reveal in Protocols View and Copy Name.
 */
export function registerProtocolsTree(context: vscode.ExtensionContext, service: AtlasService): ProtocolsTree {
  const tree = new ProtocolsTree(service);
  const view = vscode.window.createTreeView('protocolAtlas.protocols', { treeDataProvider: tree, showCollapseAll: true });
  const pathOf = (target: unknown): string | undefined =>
    targetPath(target) ?? view.selection.find((element) => element.kind === 'protocol')?.path ?? activeNotePath(service);
  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand('protocolAtlas.revealInGraph', (target?: unknown) => {
      const path = pathOf(target);
      return vscode.commands.executeCommand('protocolAtlas.showGraph', path ? { reveal: path } : undefined);
    }),
    vscode.commands.registerCommand('protocolAtlas.revealInTree', async (target?: unknown) => {
      const path = pathOf(target);
      const element = path ? tree.elementOf(path) : undefined;
      if (!element) {
        if (path) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is not listed in the Protocols view.', service.atlas.index.protocol(path)?.name.value ?? path));
        return;
      }
      // Shown first: revealed into a view that had never been drawn, VS Code listed rows under the wrong parents.
      if (!view.visible) await vscode.commands.executeCommand('protocolAtlas.protocols.focus');
      await view.reveal(element, { select: true, focus: true });
    }),
    vscode.commands.registerCommand('protocolAtlas.copyName', async (target?: unknown) => {
      const path = pathOf(target);
      const name = path && service.atlas.index.protocol(path)?.name.value;
      if (name) await vscode.env.clipboard.writeText(name);
    }),
  );
  return tree;
}
