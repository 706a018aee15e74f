// A small local web server for the two benchmark pages. It serves a fixed set of in-memory files on
// 127.0.0.1 only and nothing from disk by path, so the page can load nothing else.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface StaticFile {
  type: string;
  body: string | Buffer;
}

export interface PageServer {
  origin: string;
  close(): Promise<void>;
}

export async function servePages(files: ReadonlyMap<string, StaticFile>): Promise<PageServer> {
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const file = request.method === 'GET' ? files.get(path) : undefined;
    if (!file) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    response.writeHead(200, { 'content-type': file.type, 'cache-control': 'no-store' }).end(file.body);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * The graph panel's HTML skeleton (src/extension/features/graphPanelHtml.ts), with the same CSP,
 * served from `origin` instead of the webview's resource origin. The probe script runs first: it
 * stands in for VS Code's acquireVsCodeApi and holds the timing code shared with the baseline.
 * The graph comes last, after the app has started, and waits in the page until it is handed over.
 */
export function appPage(origin: string): string {
  const nonce = randomBytes(24).toString('base64url');
  const csp = [
    "default-src 'none'",
    `img-src ${origin} data:`,
    `style-src ${origin} 'nonce-${nonce}'`,
    `font-src ${origin}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta property="csp-nonce" content="${nonce}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${origin}/bench/theme.css" rel="stylesheet">
  <link href="${origin}/media/graph.css" rel="stylesheet">
  <title>Protocol Atlas: Layer Graph</title>
</head>
<body>
  <main id="app"></main>
  <script nonce="${nonce}" src="${origin}/bench/probe.js"></script>
  <script nonce="${nonce}" src="${origin}/dist/webview.js"></script>
  <script nonce="${nonce}" src="${origin}/bench/app-graph.js"></script>
</body>
</html>`;
}

/** The baseline page: the same CSP, theme, probe and order, one full-window container for sigma. */
export function barePage(origin: string): string {
  const nonce = randomBytes(24).toString('base64url');
  const csp = ["default-src 'none'", `style-src ${origin}`, `script-src 'nonce-${nonce}'`].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="UTF-8">
  <meta http-equiv="Content-Security-Policy" content="${csp}">
  <meta name="viewport" content="width=device-width, initial-scale=1.0">
  <link href="${origin}/bench/theme.css" rel="stylesheet">
  <link href="${origin}/bench/bare.css" rel="stylesheet">
  <title>bare sigma</title>
</head>
<body>
  <div id="graph"></div>
  <script nonce="${nonce}" src="${origin}/bench/probe.js"></script>
  <script nonce="${nonce}" src="${origin}/bench/bareSigma.js"></script>
  <script nonce="${nonce}" src="${origin}/bench/bare-graph.js"></script>
</body>
</html>`;
}

/**
 * A few of the variables VS Code sets on a webview's <html> (Dark Modern), so the app's CSS gets
 * real values instead of falling back to nothing.
 */
export const THEME_CSS = `html {
  --vscode-font-family: system-ui, sans-serif;
  --vscode-font-size: 13px;
  --vscode-foreground: #cccccc;
  --vscode-editor-background: #1f1f1f;
  --vscode-editor-foreground: #cccccc;
  --vscode-textLink-foreground: #4daafc;
  --vscode-textLink-activeForeground: #4daafc;
  --vscode-focusBorder: #0078d4;
  --vscode-panel-border: #2b2b2b;
  --vscode-input-background: #313131;
  --vscode-input-foreground: #cccccc;
  --vscode-charts-green: #89d185;
  --vscode-charts-red: #f14c4c;
  --vscode-charts-yellow: #cca700;
  --vscode-charts-blue: #3794ff;
  --vscode-charts-foreground: #cccccc;
  --vscode-descriptionForeground: #9d9d9d;
}
/* The webview's frame shows the editor background behind the page. */
html { background: var(--vscode-editor-background); }
/* VS Code's own default styles for webview content (webview/browser/pre/index.html). */
body {
  overscroll-behavior-x: none;
  background-color: transparent;
  color: var(--vscode-editor-foreground);
  font-family: var(--vscode-font-family);
  font-size: var(--vscode-font-size);
  margin: 0;
  padding: 0 20px;
}
`;

export const BARE_CSS = '#graph { position: absolute; inset: 0; }\n';

/**
 * The graph as a script that parks it in the page. Loading it with the page keeps megabytes of
 * JSON out of the browser protocol and out of the timed part.
 */
export function graphScript(message: unknown): string {
  return `window.__bench.graph = ${JSON.stringify(message)};\n`;
}
