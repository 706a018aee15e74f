// The graph webview's page: the bundle, the stylesheet and a strict Content Security Policy.
// Scripts run only with this page's nonce; styles come from the extension or carry the nonce (the
// UI toolkit reads it from the csp-nonce meta tag for the <style> elements it creates), so no
// inline script, handler or injected style from a note can run or apply.
import * as vscode from 'vscode';
import { jsonInHtml } from '../../core/present/graphHtml';
import { displayBundle } from '../displayLanguage';

export function graphPanelTitle(): string {
  return vscode.l10n.t('Protocol Atlas: Layer Graph');
}

export function graphPanelHtml(webview: vscode.Webview, extensionUri: vscode.Uri): string {
  const nonce = createNonce();
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', 'graph.css'));
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="${attributeText(vscode.env.language)}">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta property="csp-nonce" content="${nonce}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${style}" rel="stylesheet">
  <title>${attributeText(graphPanelTitle())}</title>
</head>
<body>
  <script type="application/json" id="protocol-atlas-l10n" nonce="${nonce}">${jsonInHtml(displayBundle())}</script>
  <main id="app"></main>
  <script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}

function attributeText(text: string): string {
  return text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

function createNonce(): string {
  const bytes = new Uint8Array(24);
  crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}
