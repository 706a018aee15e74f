// `Export Graph…`: the panel's picture as SVG (from the model, so it stays sharp and searchable)
// or as PNG (that SVG drawn by the webview at `protocolAtlas.export.pngScale`), as one HTML file
// to send someone (that SVG with pan, zoom, filters and the hover card), or the graph as Mermaid or Graphviz DOT text (the
// CLI's exporters) to paste into notes and READMEs. The file name's extension picks the format.
// Asks where, and never replaces a file without asking.
import * as vscode from 'vscode';
import type { Atlas } from '../../core/atlas';
import { toDot, toMermaid } from '../../core/present/dotAndMermaid';
import { graphViewToHtml } from '../../core/present/graphHtml';
import { graphViewToSvg } from '../../core/present/graphSvg';
import { PNG_SCALE, type GraphModel } from '../../webviewProtocol';

/** `scale`: what the PNG was drawn at, when the view says. */
export interface PngResult {
  dataUrl: string | null;
  error?: string;
  scale?: number;
}

/** What the export needs of the graph panel: the model as drawn, and a canvas to draw a PNG on. */
export interface ExportableGraph {
  readonly model: GraphModel | undefined;
  requestPng(svg: string, scale: number): Promise<PngResult>;
}

type ExportFormat = 'png' | 'svg' | 'html' | 'mermaid' | 'dot';

const FORMAT_OF_EXTENSION: Record<string, ExportFormat> = {
  png: 'png',
  svg: 'svg',
  html: 'html',
  htm: 'html',
  mmd: 'mermaid',
  mermaid: 'mermaid',
  dot: 'dot',
  gv: 'dot',
};

/** The format a file name asks for; undefined for an extension no exporter writes. */
function formatOf(uri: vscode.Uri): ExportFormat | undefined {
  const name = uri.path.slice(uri.path.lastIndexOf('/') + 1).toLowerCase();
  const dot = name.lastIndexOf('.');
  return dot > 0 && Object.hasOwn(FORMAT_OF_EXTENSION, name.slice(dot + 1)) ? FORMAT_OF_EXTENSION[name.slice(dot + 1)] : undefined;
}

export function registerExportGraph(
  context: vscode.ExtensionContext,
  panel: () => ExportableGraph | undefined,
  workspace: { readonly atlas: Atlas },
  log: vscode.LogOutputChannel,
): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('protocolAtlas.exportGraph', async (target?: unknown) => {
      const current = panel();
      if (!current?.model) {
        void vscode.window.showInformationMessage(vscode.l10n.t('Open the layer graph first (Protocol Atlas: Show Layer Graph), then export it.'));
        return;
      }
      const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
      // Tests pass the target; people get the save dialog.
      const uri =
        target instanceof vscode.Uri
          ? target
          : await vscode.window.showSaveDialog({
              title: vscode.l10n.t('Export the layer graph'),
              saveLabel: vscode.l10n.t('Export'),
              ...(folder && { defaultUri: vscode.Uri.joinPath(folder, 'protocol-graph.png') }),
              filters: {
                'PNG image': ['png'],
                'SVG image': ['svg'],
                'Interactive HTML (.html)': ['html'],
                'Mermaid (.mmd)': ['mmd'],
                'Graphviz DOT (.dot/.gv)': ['dot', 'gv'],
              },
            });
      if (!uri) return;
      const format = formatOf(uri);
      if (!format) {
        // A name without a known extension used to be written as a PNG whatever it said.
        void vscode.window.showErrorMessage(
          `Could not export the layer graph to ${vscode.workspace.asRelativePath(uri)}: the file name must end in .png, .svg, .html, .mmd or .dot (or .gv), which picks the format.`,
        );
        return;
      }
      if (!(await confirmReplace(uri))) return;
      // The panel may have closed while the dialog was open.
      const model = current.model;
      if (!model) {
        void vscode.window.showInformationMessage(vscode.l10n.t('The layer graph was closed before the export: open it again (Protocol Atlas: Show Layer Graph), then export it.'));
        return;
      }
      try {
        const bytes = await render(format, model, current, workspace.atlas, log);
        if (!bytes) return;
        await vscode.workspace.fs.writeFile(uri, bytes);
        log.info(`Exported the layer graph to ${uri.toString(true)}.`);
        void vscode.window.showInformationMessage(vscode.l10n.t('Exported the layer graph to {0}.', vscode.workspace.asRelativePath(uri)));
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        log.error(`Export to ${uri.toString(true)} failed: ${reason}`);
        void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the layer graph: {0}', reason));
      }
    }),
  );
}

async function render(format: ExportFormat, model: GraphModel, panel: ExportableGraph, atlas: Atlas, log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
  const text = (value: string): Uint8Array => new TextEncoder().encode(value);
  const verdictOf = (path: string) => atlas.verdictOf(path).value;
  switch (format) {
    case 'svg':
      return text(graphViewToSvg(model));
    case 'png':
      return png(panel, graphViewToSvg(model), log);
    case 'html':
      return text(graphViewToHtml(model, { aliasesOf: (id) => atlas.index.note(id)?.aliases ?? [] }));
    case 'mermaid':
      return text(toMermaid(atlas.index.graph, { verdictOf }));
    case 'dot':
      return text(toDot(atlas.index.graph, { verdictOf }));
  }
}

/**
 * The desktop save dialog already asks before replacing; other dialogs (and a file created
 * meanwhile) may not, so an existing file is always confirmed here too.
 */
async function confirmReplace(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
  } catch {
    return true;
  }
  const replace = vscode.l10n.t('Replace');
  const answer = await vscode.window.showWarningMessage(vscode.l10n.t('{0} already exists. Replace it?', vscode.workspace.asRelativePath(uri)), { modal: true }, replace);
  return answer === replace;
}

/** The setting, or the default when settings.json holds something else (the schema only warns). */
function pngScale(log: vscode.LogOutputChannel): number {
  const value = vscode.workspace.getConfiguration('protocolAtlas.export').get<unknown>('pngScale', PNG_SCALE.default);
  if (typeof value === 'number' && Number.isFinite(value) && value >= PNG_SCALE.min && value <= PNG_SCALE.max) return value;
  log.warn(`protocolAtlas.export.pngScale is ${JSON.stringify(value)}, not a number from ${PNG_SCALE.min} to ${PNG_SCALE.max}: exporting at ${PNG_SCALE.default}×.`);
  return PNG_SCALE.default;
}

async function png(panel: ExportableGraph, svg: string, log: vscode.LogOutputChannel): Promise<Uint8Array | undefined> {
  const asked = pngScale(log);
  const result = await panel.requestPng(svg, asked);
  const prefix = 'data:image/png;base64,';
  if (!result.dataUrl?.startsWith(prefix)) {
    void vscode.window.showErrorMessage(vscode.l10n.t('Could not export the layer graph as PNG: {0}.', result.error ?? vscode.l10n.t('the view sent no image')));
    return undefined;
  }
  if (result.scale !== undefined && result.scale < asked) {
    void vscode.window.showWarningMessage(
      vscode.l10n.t('The layer graph is too large to draw at {0}×: the PNG is drawn at {1}×. The SVG export keeps every detail at any size.', asked, result.scale),
    );
  }
  return Buffer.from(result.dataUrl.slice(prefix.length), 'base64');
}
