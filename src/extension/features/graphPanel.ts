import * as vscode from 'vscode';
import { exposureHighlight, graphSearch, localGraph } from '../../core/present/graphQueries';
import { LiveGraphView } from '../../core/present/liveGraphView';
import { isWebviewMessage, type ExtensionMessage, type GraphModel, type LocalGraphRequest } from '../../webviewProtocol';
import type { AtlasService } from '../atlasService';
import { activeNotePath, targetPath } from '../commandTarget';
import { registerExportGraph, type PngResult } from './exportGraph';
import { graphPanelHtml, graphPanelTitle } from './graphPanelHtml';

const GRAPH_VIEW_TYPE = 'protocolAtlas.graph';
const VISIBLE_CONTEXT_KEY = 'protocolAtlas.graphVisible';
/** A local graph opens one step deep both ways, as Obsidian's does; the page changes it. */
const DEFAULT_LOCAL: Omit<LocalGraphRequest, 'id'> = { depth: 1, direction: 'both' };
/**
 * Where the protocols were, kept for the workspace: after a window reload or a new session the
 * graph comes back as the researcher left it, with new notes placed among the old ones. The
 * version changes when the layout's settings do, so an old shape is never read as the new one.
 */
const SAVED_LAYOUT_KEY = 'protocolAtlas.graphLayout.v1';
const SAVE_LAYOUT_DELAY_MS = 2000;
/**
 * After the Protocols tree's refresh (50 ms): the tree's rows are cheap to draw, while redrawing
 * 10,000 protocols holds the workbench's thread for a second or more on a software renderer, and
 * a patch that arrives first holds the tree's update back behind it.
 */
const PATCH_DELAY_MS = 150;

/**
 * `Show Layer Graph` (optionally `{ reveal: '<note path>' }`, from "Reveal in Graph"), the
 * serializer that brings the panel back after a window reload, and `Export Graph…`.
 */
export function registerGraphPanel(context: vscode.ExtensionContext, service: AtlasService, log: vscode.LogOutputChannel): void {
  let current: GraphPanel | undefined;
  const adopt = (panel: vscode.WebviewPanel): GraphPanel => {
    current = new GraphPanel(panel, context.extensionUri, service, log, context.workspaceState);
    current.onDidDispose(() => (current = undefined));
    return current;
  };
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.showGraph', (argument?: unknown) => {
      const reveal = revealTarget(argument);
      const panel = current ?? adopt(createPanel(context.extensionUri));
      panel.reveal();
      if (reveal) panel.revealProtocol(reveal);
    }),
    // The webview keeps its filters and viewport with vscode.setState; VS Code hands that state
    // back to the restored page, so the serializer only has to re-attach the panel.
    vscode.window.registerWebviewPanelSerializer(GRAPH_VIEW_TYPE, {
      deserializeWebviewPanel: async (panel) => {
        panel.webview.options = webviewOptions(context.extensionUri);
        current?.dispose();
        adopt(panel);
      },
    }),
    // The graph's context menu (webview/context in package.json), the Protocols view's and the palette's.
    vscode.commands.registerCommand('protocolAtlas.openNote', async (target?: unknown) => {
      const uri = targetPath(target) !== undefined ? service.uriOf(targetPath(target)!) : undefined;
      if (uri) await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
    }),
    vscode.commands.registerCommand('protocolAtlas.showLocalGraph', async (target?: unknown) => {
      const id = targetPath(target) ?? activeNotePath(service);
      if (!id) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open a protocol note, or right-click a protocol in the graph or the Protocols view, to see its local graph.'));
        return;
      }
      const panel = current ?? adopt(createPanel(context.extensionUri));
      panel.reveal();
      panel.showLocal({ id, ...(panel.localShown ?? DEFAULT_LOCAL) });
    }),
    vscode.commands.registerCommand('protocolAtlas.showWholeGraph', () => current?.showLocal(null)),
    vscode.window.onDidChangeActiveTextEditor((editor) => {
      if (!current || !editor || !vscode.workspace.getConfiguration('protocolAtlas.graph').get<boolean>('followActiveEditor', true)) return;
      const path = service.isNote(editor.document.uri) ? service.pathOf(editor.document.uri) : undefined;
      if (path && service.atlas.index.graph.hasNode(path)) current.follow(path);
    }),
    { dispose: () => current?.dispose() },
  );
  registerExportGraph(context, () => current, service, log);
}

function revealTarget(argument: unknown): string | undefined {
  if (typeof argument !== 'object' || argument === null) return undefined;
  const reveal = (argument as { reveal?: unknown }).reveal;
  return typeof reveal === 'string' && reveal.length > 0 && reveal.length <= 4096 ? reveal : undefined;
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return {
    enableScripts: true,
    // Only the bundles and static assets: note content never becomes a resource.
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}

function createPanel(extensionUri: vscode.Uri): vscode.WebviewPanel {
  return vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, graphPanelTitle(), vscode.ViewColumn.Active, {
    ...webviewOptions(extensionUri),
    retainContextWhenHidden: false,
  });
}

export class GraphPanel {
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;
  /** What the webview draws, kept while its page is discarded; undefined until a page first said ready. */
  private shown: LiveGraphView | undefined;
  private pendingReveal: string | undefined;
  private pendingLocal: LocalGraphRequest | null | undefined;
  private nextRequestId = 1;
  private readonly exports = new Map<number, (result: PngResult) => void>();
  private disposed = false;
  /** The page said ready and has not been discarded since (see the view-state listener). */
  private pageReady = false;
  private patchTimer: ReturnType<typeof setTimeout> | undefined;
  private saveTimer: ReturnType<typeof setTimeout> | undefined;
  /** What the page's search box holds and what it has selected: answered again after every change. */
  private query = '';
  private selected: string | undefined;
  /** The local graph the page shows (undefined: the whole graph); its members are answered again after every change. */
  private local: LocalGraphRequest | undefined;

  constructor(
    private readonly panel: vscode.WebviewPanel,
    extensionUri: vscode.Uri,
    private readonly service: AtlasService,
    private readonly log: vscode.LogOutputChannel,
    private readonly memory: vscode.Memento,
  ) {
    panel.webview.html = graphPanelHtml(panel.webview, extensionUri);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.onDidChangeViewState(({ webviewPanel }) => {
        // Hidden, the page is discarded (no retainContextWhenHidden): shown again, it loads anew
        // and says ready; a reveal asked for meanwhile waits for that instead of being lost.
        if (!webviewPanel.visible) this.pageReady = false;
        void setVisible(webviewPanel.visible);
      }),
      panel.webview.onDidReceiveMessage((message: unknown) => void this.receive(message)),
      service.onDidChange((change) => {
        this.shown?.noteChange(change);
        this.schedulePatch();
      }),
    );
    void setVisible(panel.visible);
  }

  /** The model as drawn, for the SVG export. */
  get model(): GraphModel | undefined {
    // With no page to patch, what changed meanwhile is applied here (a shown page gets it as a patch).
    if (!this.pageReady) this.shown?.takePatch();
    return this.shown?.model();
  }

  reveal(): void {
    this.panel.reveal();
  }

  revealProtocol(path: string): void {
    if (this.shown && this.pageReady) this.post({ type: 'reveal', id: path });
    else this.pendingReveal = path;
  }

  /** The depth and direction of the local graph shown now, for the next one to keep. */
  get localShown(): Omit<LocalGraphRequest, 'id'> | undefined {
    return this.local && { depth: this.local.depth, direction: this.local.direction };
  }

  /** A local graph around a protocol, or the whole graph again (null); the page asks the core for its members. */
  showLocal(local: LocalGraphRequest | null): void {
    if (this.shown && this.pageReady) this.post({ type: 'showLocal', local });
    else this.pendingLocal = local;
  }

  /** The note in the editor changed: the graph selects it (and a local graph moves to it). */
  follow(path: string): void {
    if (this.shown && this.pageReady && this.panel.visible) this.post({ type: 'follow', id: path });
  }

  /** `svg` drawn by the webview at `scale`, as a PNG data URL: the extension host has no canvas. */
  requestPng(svg: string, scale: number): Promise<PngResult> {
    // A page in the background has been discarded and would never answer.
    if (!this.pageReady) return Promise.resolve({ dataUrl: null, error: vscode.l10n.t('the graph view is not showing; bring it to the front and export again') });
    const requestId = this.nextRequestId++;
    return new Promise((resolve) => {
      // A large graph at 4× takes a software renderer several seconds to draw and encode.
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        resolve({ dataUrl: null, error: vscode.l10n.t('the graph view did not answer (is it visible?)') });
      }, 60000);
      this.exports.set(requestId, (result) => {
        clearTimeout(timer);
        resolve(result);
      });
      this.post({ type: 'exportPng', requestId, svg, scale });
    });
  }

  /** Saved a moment after the last change, not per keystroke: at 10,000 notes it is half a megabyte. */
  private scheduleSave(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = setTimeout(() => this.saveLayout(), SAVE_LAYOUT_DELAY_MS);
  }

  private saveLayout(): void {
    clearTimeout(this.saveTimer);
    this.saveTimer = undefined;
    if (!this.shown) return;
    this.memory.update(SAVED_LAYOUT_KEY, this.shown.layoutSnapshot()).then(undefined, (error: unknown) => this.log.warn(`Could not keep the graph's layout: ${String(error)}`));
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.pageReady = false;
    clearTimeout(this.patchTimer);
    if (this.saveTimer !== undefined) this.saveLayout();
    void setVisible(false);
    for (const resolve of this.exports.values()) resolve({ dataUrl: null, error: vscode.l10n.t('the graph view was closed') });
    this.exports.clear();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.panel.dispose();
  }

  private async receive(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) {
      this.log.warn(`Ignored an unexpected message from the graph view: ${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    switch (message.type) {
      case 'ready':
        await this.sendGraph();
        break;
      case 'openNote': {
        const uri = this.service.uriOf(message.path);
        if (uri) await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: false });
        else this.log.warn(`The graph asked to open ${message.path}, which is not an indexed note.`);
        break;
      }
      case 'selection':
        this.selected = message.path ?? undefined;
        await this.service.ready;
        this.sendHighlight();
        break;
      case 'search':
        this.query = message.query;
        await this.service.ready;
        this.sendSearch();
        break;
      case 'local':
        this.local = message.local ?? undefined;
        await this.service.ready;
        this.sendLocal();
        break;
      case 'exportResult':
        this.exports.get(message.requestId)?.({
          dataUrl: message.dataUrl,
          ...(message.error !== undefined && { error: message.error }),
          ...(message.scale !== undefined && { scale: message.scale }),
        });
        this.exports.delete(message.requestId);
        break;
    }
  }

  private async sendGraph(): Promise<void> {
    await this.service.ready;
    if (this.disposed) return;
    // One layout for the panel's life: a page that replaces a discarded one (the tab was in the
    // background) draws every protocol where it was, with what changed meanwhile applied.
    if (this.shown) this.shown.takePatch();
    else {
      this.shown = new LiveGraphView(this.service.atlas, this.memory.get<unknown>(SAVED_LAYOUT_KEY));
      this.scheduleSave();
    }
    this.pageReady = true;
    this.post({ type: 'graph', model: this.shown.model(), skipped: this.service.skipped });
    if (this.pendingReveal) this.post({ type: 'reveal', id: this.pendingReveal });
    this.pendingReveal = undefined;
    if (this.pendingLocal !== undefined) this.post({ type: 'showLocal', local: this.pendingLocal });
    this.pendingLocal = undefined;
  }

  /** A burst of changes (a rebuild, a folder rename) becomes one layout and one patch. */
  private schedulePatch(): void {
    if (this.patchTimer !== undefined) return;
    this.patchTimer = setTimeout(() => {
      this.patchTimer = undefined;
      this.sendPatch();
    }, PATCH_DELAY_MS);
  }

  /** Only what the changes touched: the live view builds the patch from the change detail. */
  private sendPatch(): void {
    // A discarded page gets the whole model, changes included, when its successor says ready.
    if (!this.shown || this.disposed || !this.pageReady) return;
    const patch = this.shown.takePatch();
    if (!patch) return;
    this.post({ type: 'patch', patch });
    this.scheduleSave();
    // An edit can change what the query matches and what the selection is exposed to.
    if (this.query.trim() !== '') this.sendSearch();
    if (this.selected) this.sendHighlight();
    if (this.local) this.sendLocal();
  }

  /** The core's walk from the local graph's protocol; a protocol since removed leaves only what is left of it: nothing. */
  private sendLocal(): void {
    const local = this.local;
    if (this.disposed || !local) return;
    this.post({ type: 'localResult', local, members: localGraph(this.service.atlas, local.id, local.depth, local.direction) ?? [] });
  }

  /** The core's search, so the box finds what Search Protocols… finds ("btensr", an alias, a category). */
  private sendSearch(): void {
    if (this.disposed) return;
    const query = this.query;
    this.post({ type: 'searchResult', query, matches: graphSearch(this.service.atlas, query) ?? null });
  }

  /** The core's exposure routes for the selection: the red paths agree with the Protocols view's. */
  private sendHighlight(): void {
    const id = this.selected;
    if (this.disposed || !id || !this.service.atlas.index.graph.hasNode(id)) return;
    const { count, routes } = exposureHighlight(this.service.atlas, id);
    this.post({ type: 'highlight', id, count, routes });
  }

  private post(message: ExtensionMessage): void {
    void this.panel.webview.postMessage(message);
  }
}

function setVisible(visible: boolean): Thenable<unknown> {
  return vscode.commands.executeCommand('setContext', VISIBLE_CONTEXT_KEY, visible);
}
