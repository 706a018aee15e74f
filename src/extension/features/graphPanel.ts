import * as vscode from 'vscode';
import { isWebviewMessage, type ExtensionMessage } from '../../webviewProtocol';
import type { AtlasService } from '../atlasService';

export const GRAPH_VIEW_TYPE = 'protocolAtlas.graph';
export const GRAPH_PANEL_TITLE = 'Protocol Atlas: Layer Graph';

/** The `Show Layer Graph` command and the single webview panel it opens. */
export function registerGraphPanel(context: vscode.ExtensionContext, service: AtlasService, log: vscode.LogOutputChannel): void {
  let current: GraphPanel | undefined;
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.showGraph', () => {
      if (current) {
        current.reveal();
        return;
      }
      current = new GraphPanel(context.extensionUri, service, log);
      current.onDidDispose(() => (current = undefined));
    }),
    { dispose: () => current?.dispose() },
  );
}

class GraphPanel {
  private readonly panel: vscode.WebviewPanel;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: AtlasService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.panel = vscode.window.createWebviewPanel(GRAPH_VIEW_TYPE, GRAPH_PANEL_TITLE, vscode.ViewColumn.Active, {
      enableScripts: true,
      // Only the bundles and static assets: note content never becomes a resource.
      localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
    });
    this.panel.webview.html = this.html();
    this.disposables.push(
      this.panel.onDidDispose(() => this.dispose()),
      this.panel.webview.onDidReceiveMessage((message: unknown) => this.receive(message)),
      service.onDidChange(() => void this.sendNotes()),
    );
  }

  reveal(): void {
    this.panel.reveal();
  }

  dispose(): void {
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
        await this.sendNotes();
        break;
      case 'openNote': {
        const uri = this.service.uriOf(message.path);
        if (uri) await vscode.window.showTextDocument(uri);
        break;
      }
    }
  }

  private async sendNotes(): Promise<void> {
    await this.service.ready;
    const paths = this.service.atlas.index.paths().sort((a, b) => a.localeCompare(b));
    this.post({ type: 'notes', notes: paths.map((path) => ({ path })), skipped: this.service.skipped });
  }

  private post(message: ExtensionMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private html(): string {
    const webview = this.panel.webview;
    const nonce = createNonce();
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'dist', 'webview.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'graph.css'));
    const csp = [
      "default-src 'none'",
      `img-src ${webview.cspSource} data:`,
      `style-src ${webview.cspSource}`,
      `font-src ${webview.cspSource}`,
      `script-src 'nonce-${nonce}'`,
    ].join('; ');
    return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${style}" rel="stylesheet">
  <title>${GRAPH_PANEL_TITLE}</title>
</head>
<body>
  <main id="app" aria-live="polite"></main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
  }
}

function createNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
