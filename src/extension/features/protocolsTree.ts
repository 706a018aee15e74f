import * as vscode from 'vscode';
import type { Protocol } from '../../core/index/protocol';
import { LAYERS, type Layer } from '../../core/model';
import { CATEGORIES, categoryById } from '../../core/note/taxonomy';
import type { AtlasService } from '../atlasService';
import { protocolSummary, protocolTooltip, verdictIcon } from '../verdictStyle';

/** A row of the Protocols view: a layer, a category within it, or a protocol. */
export type ProtocolsTreeElement =
  | { kind: 'layer'; layer: Layer }
  | { kind: 'category'; layer: Layer; category: string }
  | { kind: 'protocol'; path: string };

// Bottom to top, as the article stacks them: what everything rests on comes first.
const LAYER_ORDER: readonly Layer[] = [...LAYERS, 'unclassified'];
const LAYER_TITLES: Record<Layer, string> = {
  infrastructure: 'Infrastructure',
  middleware: 'Middleware',
  model: 'Model',
  application: 'Application',
  unclassified: 'Unclassified',
};
const REFRESH_DELAY_MS = 50;

/** The Protocols view: layer → category → protocol, each protocol with its verdict. */
export class ProtocolsTree implements vscode.TreeDataProvider<ProtocolsTreeElement>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly subscription: vscode.Disposable;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** The protocols of the last refresh, so a refresh reads the index once, not once per row. */
  private snapshot: Protocol[] | undefined;

  constructor(private readonly service: AtlasService) {
    // One refresh per burst of changes (a folder rename is many notes, a framework switch all of them).
    this.subscription = service.onDidChange(() => {
      this.snapshot = undefined;
      clearTimeout(this.timer);
      this.timer = setTimeout(() => this.changeEmitter.fire(), REFRESH_DELAY_MS);
    });
  }

  getChildren(element?: ProtocolsTreeElement): ProtocolsTreeElement[] {
    const protocols = this.protocols();
    if (!element) {
      const present = new Set(protocols.map((protocol) => protocol.layer.value));
      return LAYER_ORDER.filter((layer) => present.has(layer)).map((layer) => ({ kind: 'layer', layer }));
    }
    if (element.kind === 'protocol') return [];
    const inLayer = protocols.filter((protocol) => protocol.layer.value === element.layer);
    if (element.kind === 'category') {
      return byName(inLayer.filter((protocol) => protocol.category?.value === element.category)).map(protocolElement);
    }
    const categories = [...new Set(inLayer.flatMap((protocol) => (protocol.category ? [protocol.category.value] : [])))];
    categories.sort((a, b) => categoryRank(a) - categoryRank(b) || a.localeCompare(b));
    const uncategorised = byName(inLayer.filter((protocol) => !protocol.category)).map(protocolElement);
    return [...categories.map((category): ProtocolsTreeElement => ({ kind: 'category', layer: element.layer, category })), ...uncategorised];
  }

  getParent(element: ProtocolsTreeElement): ProtocolsTreeElement | undefined {
    if (element.kind === 'layer') return undefined;
    if (element.kind === 'category') return { kind: 'layer', layer: element.layer };
    const protocol = this.service.atlas.index.protocol(element.path);
    if (!protocol) return undefined;
    return protocol.category
      ? { kind: 'category', layer: protocol.layer.value, category: protocol.category.value }
      : { kind: 'layer', layer: protocol.layer.value };
  }

  getTreeItem(element: ProtocolsTreeElement): vscode.TreeItem {
    const atlas = this.service.atlas;
    if (element.kind === 'layer') {
      const count = this.protocols().filter((protocol) => protocol.layer.value === element.layer).length;
      const item = new vscode.TreeItem(LAYER_TITLES[element.layer], vscode.TreeItemCollapsibleState.Expanded);
      item.id = `layer:${element.layer}`;
      item.description = `${count}`;
      item.iconPath = new vscode.ThemeIcon('layers');
      item.contextValue = 'layer';
      return item;
    }
    if (element.kind === 'category') {
      const known = categoryById(element.category);
      const count = this.protocols().filter((p) => p.layer.value === element.layer && p.category?.value === element.category).length;
      const item = new vscode.TreeItem(known?.label ?? element.category, vscode.TreeItemCollapsibleState.Expanded);
      item.id = `category:${element.layer}/${element.category}`;
      item.description = known ? `${count}` : `${count} · not a known category`;
      item.iconPath = new vscode.ThemeIcon('symbol-folder');
      item.contextValue = 'category';
      return item;
    }
    const protocol = atlas.index.protocol(element.path);
    const item = new vscode.TreeItem(protocol?.name.value ?? element.path, vscode.TreeItemCollapsibleState.None);
    item.id = `protocol:${element.path}`;
    const verdict = atlas.verdictOf(element.path);
    item.iconPath = verdictIcon(verdict.value);
    item.description = protocolSummary(atlas, element.path);
    item.contextValue = 'protocol';
    item.accessibilityInformation = { label: `${protocol?.name.value ?? element.path}: ${item.description}` };
    const uri = this.service.uriOf(element.path);
    if (uri) item.command = { command: 'vscode.open', title: 'Open Note', arguments: [uri] };
    return item;
  }

  private protocols(): Protocol[] {
    this.snapshot ??= this.service.atlas.protocols();
    return this.snapshot;
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
}

/** The Protocols view, and its context menu: Reveal in Graph and Copy Name. */
export function registerProtocolsTree(context: vscode.ExtensionContext, service: AtlasService): ProtocolsTree {
  const tree = new ProtocolsTree(service);
  const view = vscode.window.createTreeView('protocolAtlas.protocols', { treeDataProvider: tree, showCollapseAll: true });
  const pathOf = (target: unknown): string | undefined => {
    if (typeof target === 'string') return target;
    if (target && typeof target === 'object' && (target as ProtocolsTreeElement).kind === 'protocol') {
      return (target as { path: string }).path;
    }
    return view.selection.find((element) => element.kind === 'protocol')?.path ?? activeNotePath(service);
  };
  context.subscriptions.push(
    tree,
    view,
    vscode.commands.registerCommand('protocolAtlas.revealInGraph', (target?: unknown) => {
      const path = pathOf(target);
      return vscode.commands.executeCommand('protocolAtlas.showGraph', path ? { reveal: path } : undefined);
    }),
    vscode.commands.registerCommand('protocolAtlas.copyName', async (target?: unknown) => {
      const path = pathOf(target);
      const name = path && service.atlas.index.protocol(path)?.name.value;
      if (name) await vscode.env.clipboard.writeText(name);
    }),
  );
  return tree;
}

function activeNotePath(service: AtlasService): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && service.isNote(uri) ? service.pathOf(uri) : undefined;
}

function protocolElement(protocol: Protocol): ProtocolsTreeElement {
  return { kind: 'protocol', path: protocol.path };
}

function byName(protocols: Protocol[]): Protocol[] {
  return [...protocols].sort((a, b) => a.name.value.localeCompare(b.name.value, 'en', { sensitivity: 'base' }) || a.path.localeCompare(b.path));
}

function categoryRank(category: string): number {
  // The taxonomy lists categories in the article's order; unknown ones come after.
  const rank = CATEGORIES.findIndex((known) => known.id === category);
  return rank === -1 ? CATEGORIES.length : rank;
}
