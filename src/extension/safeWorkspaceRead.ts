// Reading a workspace file the way src/node/safeRead.ts reads one for the CLI: only a regular
// file, of bounded size, and, when it is a link, only one that stays inside its workspace folder.
// A cloned repository can hold `model.md -> /dev/zero` or a named pipe; `workspace.fs.readFile`
// would read the device without end or wait on the pipe.
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { isInside } from '../node/safeRead';

export type WorkspaceRead = { ok: true; bytes: Uint8Array; stat: vscode.FileStat } | { ok: false; reason: string };

export async function readWorkspaceFile(uri: vscode.Uri, maxBytes: number): Promise<WorkspaceRead> {
  const stat = await vscode.workspace.fs.stat(uri);
  if (stat.type & vscode.FileType.Directory) return { ok: false, reason: 'is a folder' };
  if (!(stat.type & vscode.FileType.File)) return { ok: false, reason: 'is not a regular file (a named pipe, device or socket)' };
  if (stat.size > maxBytes) return { ok: false, reason: `is larger than ${Math.round(maxBytes / (1024 * 1024))} MB` };
  if (stat.type & vscode.FileType.SymbolicLink && !linkStaysInside(uri)) return { ok: false, reason: 'is a link to a file outside the workspace folder' };
  return { ok: true, bytes: await vscode.workspace.fs.readFile(uri), stat };
}

/** Whether a linked file resolves inside its workspace folder (only file: URIs can be checked). */
export function linkStaysInside(uri: vscode.Uri): boolean {
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  if (uri.scheme !== 'file' || !folder || folder.uri.scheme !== 'file') return true;
  try {
    return isInside(fs.realpathSync(folder.uri.fsPath), fs.realpathSync(uri.fsPath));
  } catch {
    return false;
  }
}
