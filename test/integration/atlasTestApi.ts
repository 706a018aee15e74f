// Shared by the live-index, tree, search, framework and command tests: the extension's internals
// (what the test build hangs off the API activate() returns), the temp workspace's files, and
// waiting on what a researcher would see.
import * as vscode from 'vscode';
import type { ProtocolAtlasApi } from '../../src/extension/api';
import type { ProtocolsTreeElement } from '../../src/extension/features/protocolsTree';
import { INTERNALS_KEY, type AtlasInternals } from '../../src/extension/testInternals';

export const EXTENSION_ID = 'protocol-atlas.protocol-atlas';

/** The extension's API as another extension gets it. */
export async function atlasApi(): Promise<ProtocolAtlasApi> {
  const extension = vscode.extensions.getExtension<ProtocolAtlasApi>(EXTENSION_ID);
  if (!extension) throw new Error(`${EXTENSION_ID} is not installed`);
  return extension.activate();
}

/** The extension's own objects, which only the test build (npm run build:test) hands out. */
export function internalsOf(api: ProtocolAtlasApi): AtlasInternals {
  const internals = (api as unknown as Record<symbol, AtlasInternals | undefined>)[Symbol.for(INTERNALS_KEY)];
  if (!internals) throw new Error('Protocol Atlas is not a test build: build it with `npm run build:test`.');
  return internals;
}

export async function atlasInternals(): Promise<AtlasInternals> {
  const internals = internalsOf(await atlasApi());
  await internals.service.ready;
  await internals.frameworks.ready;
  return internals;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function readText(relative: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(relative)));
}

export async function writeText(relative: string, text: string): Promise<void> {
  await vscode.workspace.fs.writeFile(workspaceUri(relative), new TextEncoder().encode(text));
}

export async function exists(relative: string): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(workspaceUri(relative));
    return true;
  } catch {
    return false;
  }
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 10000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export interface TreeRow {
  label: string;
  description: string;
  depth: number;
  element: ProtocolsTreeElement;
  item: vscode.TreeItem;
}

/** The Protocols view as rows, top to bottom, every node expanded: what a researcher reads. */
export async function treeRows(api: AtlasInternals): Promise<TreeRow[]> {
  // The tree once the index has what was just typed or reverted (edits wait 150 ms for more).
  await api.service.settled();
  const rows: TreeRow[] = [];
  const walk = async (element: ProtocolsTreeElement | undefined, depth: number): Promise<void> => {
    for (const child of await api.protocolsTree.getChildren(element)) {
      // As VS Code does when the row is hovered: the tooltip is filled in then.
      const item = api.protocolsTree.resolveTreeItem(await api.protocolsTree.getTreeItem(child), child);
      const label = typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
      rows.push({ label, description: typeof item.description === 'string' ? item.description : '', depth, element: child, item });
      await walk(child, depth + 1);
    }
  };
  await walk(undefined, 0);
  return rows;
}

export async function treeRow(api: AtlasInternals, label: string): Promise<TreeRow | undefined> {
  return (await treeRows(api)).find((row) => row.label === label && row.element.kind === 'protocol');
}

export async function closeAllEditors(): Promise<void> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/** Drops every unsaved change (the workbench has no "revert all" command). */
export async function revertAll(): Promise<void> {
  for (const document of vscode.workspace.textDocuments.filter((doc) => doc.isDirty && doc.uri.scheme === 'file')) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
}
