import * as vscode from 'vscode';
import { compareReportMarkdown } from '../../core/present/compareReport';
import { compareFrameworks } from '../../core/framework';
import type { AtlasService } from '../atlasService';
import type { AvailableFramework, WorkspaceFrameworks } from '../workspaceFrameworks';

const REPORT_SCHEME = 'protocol-atlas-report';

/**
 * `Switch Framework…` and `Compare Frameworks…`. The comparison opens as a read-only document
 * (with its markdown preview), so nothing is written to the workspace.
 */
export function registerFrameworkCommands(context: vscode.ExtensionContext, service: AtlasService, frameworks: WorkspaceFrameworks): void {
  const reports = new ReportDocuments();
  const updateContext = () =>
    void vscode.commands.executeCommand('setContext', 'protocolAtlas.canCompareFrameworks', frameworks.all().length > 1);
  updateContext();
  context.subscriptions.push(
    frameworks.onDidChange(updateContext),
    vscode.workspace.registerTextDocumentContentProvider(REPORT_SCHEME, reports),
    reports,
    vscode.commands.registerCommand('protocolAtlas.switchFramework', async (id?: unknown) => {
      await frameworks.ready;
      if (typeof id === 'string') {
        if (await frameworks.choose(id)) return true;
        void vscode.window.showWarningMessage(vscode.l10n.t("No framework with the id '{0}'.", id));
        return false;
      }
      const picked = await vscode.window.showQuickPick(frameworkItems(frameworks.all(), frameworks.current.id), {
        title: vscode.l10n.t('Switch Framework'),
        placeHolder: vscode.l10n.t('The thesis every protocol is flagged by'),
        matchOnDescription: true,
      });
      return picked ? frameworks.choose(picked.id) : false;
    }),
    vscode.commands.registerCommand('protocolAtlas.compareFrameworks', async (ids?: unknown) => {
      await Promise.all([frameworks.ready, service.ready]);
      const all = frameworks.all();
      if (all.length < 2) {
        void vscode.window.showInformationMessage(
          vscode.l10n.t('There is only one framework. Add your own as .protocol-atlas/frameworks/<name>.yaml to compare it with the built-in one.'),
        );
        return undefined;
      }
      const [aId, bId] = Array.isArray(ids) && ids.length === 2 ? (ids as unknown[]) : await pickTwo(all, frameworks.current.id);
      const a = all.find((each) => each.framework.id === aId)?.framework;
      const b = all.find((each) => each.framework.id === bId)?.framework;
      if (!a || !b) return undefined;
      const subjects = service.atlas.protocols().map((protocol) => ({
        path: protocol.path,
        name: protocol.name.value,
        layer: protocol.layer.value,
        category: protocol.category?.value,
        tags: protocol.tags,
        override: protocol.override,
      }));
      const comparison = compareFrameworks(a, b, subjects);
      const markdown = compareReportMarkdown(comparison, (path) => service.atlas.index.protocol(path)?.layer.value ?? 'unclassified');
      const uri = reports.add(`${a.id} vs ${b.id}.md`, markdown);
      const document = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(document, { preview: false });
      await vscode.commands.executeCommand('markdown.showPreviewToSide', uri).then(undefined, () => undefined);
      return uri;
    }),
  );
}

function frameworkItems(all: AvailableFramework[], currentId: string) {
  return all.map(({ framework, uri }) => ({
    id: framework.id,
    label: framework.title,
    description: `${framework.id}${framework.id === currentId ? ' · current' : ''}`,
    detail: uri ? vscode.l10n.t('from {0}', vscode.workspace.asRelativePath(uri)) : vscode.l10n.t('built in · {0}, {1}', framework.source.author, framework.source.date),
  }));
}

async function pickTwo(all: AvailableFramework[], currentId: string): Promise<unknown[]> {
  const first = await vscode.window.showQuickPick(frameworkItems(all, currentId), { title: vscode.l10n.t('Compare Frameworks (1/2)'), placeHolder: vscode.l10n.t('Compare from…') });
  if (!first) return [];
  const second = await vscode.window.showQuickPick(
    frameworkItems(all, currentId).filter((item) => item.id !== first.id),
    { title: vscode.l10n.t('Compare Frameworks (2/2)'), placeHolder: vscode.l10n.t('Compare {0} with…', first.label) },
  );
  return second ? [first.id, second.id] : [];
}

/** Reports as read-only documents under their own scheme: they never become files. */
class ReportDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly reports = new Map<string, string>();
  private readonly changeEmitter = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changeEmitter.event;

  add(title: string, markdown: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: REPORT_SCHEME, path: `/${title}` });
    this.reports.set(uri.toString(), markdown);
    this.changeEmitter.fire(uri);
    return uri;
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.reports.get(uri.toString()) ?? '';
  }

  dispose(): void {
    this.changeEmitter.dispose();
  }
}
