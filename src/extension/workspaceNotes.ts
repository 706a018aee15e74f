import * as vscode from 'vscode';
import { decodeNoteText } from '../core/noteText';

export interface WorkspaceNote {
  uri: vscode.Uri;
  /** Workspace-relative path with forward slashes (prefixed by the folder name in multi-root). */
  path: string;
  text: string;
}

const NOTE_GLOB = '**/*.md';
const EXCLUDE_GLOB = '{**/node_modules/**,**/.git/**}';

/**
 * Reads every markdown note of the workspace. A file that cannot be read or is not text is
 * skipped and reported in the output channel: one bad file must never hide the others.
 */
export async function readWorkspaceNotes(log: vscode.LogOutputChannel): Promise<{ notes: WorkspaceNote[]; skipped: number }> {
  const uris = await vscode.workspace.findFiles(NOTE_GLOB, EXCLUDE_GLOB);
  const notes: WorkspaceNote[] = [];
  let skipped = 0;
  await Promise.all(
    uris.map(async (uri) => {
      const path = vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
      try {
        const decoded = decodeNoteText(await vscode.workspace.fs.readFile(uri));
        if (!decoded.ok) {
          skipped++;
          log.warn(`Skipped ${path}: it ${decoded.reason}.`);
          return;
        }
        notes.push({ uri, path, text: decoded.text });
      } catch (error) {
        skipped++;
        log.warn(`Skipped ${path}: it could not be read (${error instanceof Error ? error.message : String(error)}).`);
      }
    }),
  );
  notes.sort((a, b) => a.path.localeCompare(b.path));
  return { notes, skipped };
}
