// Helpers shared by the editing integration tests: the extension's internals, waiting for the index,
// finding text in a note, and undoing every unsaved change a test made.
import * as vscode from 'vscode';
import type { AtlasInternals } from '../../src/extension/testInternals';
import { atlasApi, internalsOf } from './atlasTestApi';

/** The extension's internals once its first index is built (the framework may still be loading). */
export async function atlasInternals(): Promise<AtlasInternals> {
  const internals = internalsOf(await atlasApi());
  await internals.service.ready;
  return internals;
}

export function workspaceUri(relative: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('no workspace folder');
  return vscode.Uri.joinPath(folder.uri, ...relative.split('/'));
}

export async function waitFor<T>(what: string, probe: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 5000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The position `shift` characters into the first occurrence of `needle` in the document. */
export function positionOf(document: vscode.TextDocument, needle: string, shift = 0): vscode.Position {
  const offset = document.getText().indexOf(needle);
  if (offset < 0) throw new Error(`"${needle}" is not in ${document.uri.path}`);
  return document.positionAt(offset + shift);
}

export function rangeOf(document: vscode.TextDocument, needle: string): vscode.Range {
  const start = positionOf(document, needle);
  return new vscode.Range(start, start.translate(0, needle.length));
}

export async function openNote(relative: string): Promise<vscode.TextDocument> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relative));
  await vscode.window.showTextDocument(document, { preview: false });
  return document;
}

/** Replaces `needle` with `replacement` in the buffer, as typing would (the file is not saved). */
export async function typeOver(document: vscode.TextDocument, needle: string, replacement: string): Promise<void> {
  const edit = new vscode.WorkspaceEdit();
  edit.replace(document.uri, rangeOf(document, needle), replacement);
  if (!(await vscode.workspace.applyEdit(edit))) throw new Error(`could not edit ${document.uri.path}`);
}

/** Throws away every unsaved change and closes all editors, so the next test starts clean. */
export async function revertAll(): Promise<void> {
  const dirty = vscode.workspace.textDocuments.filter((each) => each.isDirty);
  for (const document of dirty) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  }
  // The revert reaches this extension host as a change event after the command returns: wait for
  // it, so the service has the reverted text pending before `settled` looks.
  const deadline = Date.now() + 10000;
  while (dirty.some((document) => document.isDirty) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  // A document can read clean a moment before its reverted text arrives: wait for the text too.
  for (const document of dirty) {
    const bytes = document.uri.scheme === 'untitled' ? undefined : await vscode.workspace.fs.readFile(document.uri).then(undefined, () => undefined);
    if (!bytes) continue;
    const saved = new TextDecoder().decode(bytes).replace(/\r\n/g, '\n');
    while (document.getText().replace(/\r\n/g, '\n') !== saved && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // The reverted text must reach the index before the editors close: the service drops a pending
  // edit of a closed document, and would keep the unsaved text.
  await (await atlasInternals()).service.settled();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

export function ourDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((each) => each.source === 'Protocol Atlas' && (code === undefined || each.code === code));
}
