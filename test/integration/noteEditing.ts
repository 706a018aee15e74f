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
  for (const document of vscode.workspace.textDocuments.filter((each) => each.isDirty)) await revert(document);
  // The reverted text must reach the index before the editors close: the service drops a pending
  // edit of a closed document, and would keep the unsaved text.
  await (await atlasInternals()).service.settled();
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
}

/**
 * Back to the text on disk. The revert command acts on the active editor, and on a busy machine
 * the editor shown a moment ago is not always the active one yet, so the command may revert
 * nothing: it is retried, and the text compared with the file's (a document can read clean a
 * moment before its reverted text arrives in this extension host). A test that goes on with the
 * edited text fails later for a reason that has nothing to do with it, so this throws instead.
 */
async function revert(document: vscode.TextDocument): Promise<void> {
  const bytes = document.uri.scheme === 'untitled' ? undefined : await vscode.workspace.fs.readFile(document.uri).then(undefined, () => undefined);
  const saved = bytes && new TextDecoder().decode(bytes).replace(/\r\n/g, '\n');
  const reverted = () => !document.isDirty && (saved === undefined || document.getText().replace(/\r\n/g, '\n') === saved);
  for (let attempt = 0; attempt < 4 && !reverted() && !document.isClosed; attempt++) {
    await vscode.window.showTextDocument(document, { preview: false, preserveFocus: false });
    if (vscode.window.activeTextEditor?.document !== document) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      continue;
    }
    await vscode.commands.executeCommand('workbench.action.files.revert');
    const deadline = Date.now() + 3000;
    while (!reverted() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
  }
  // A note renamed or deleted by the test has no text on disk to compare with: clean is enough.
  if (document.isDirty && !document.isClosed) throw new Error(`Could not revert ${vscode.workspace.asRelativePath(document.uri)}`);
}

export function ourDiagnostics(uri: vscode.Uri, code?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((each) => each.source === 'Protocol Atlas' && (code === undefined || each.code === code));
}
