// Which files of the workspace are notes (the `protocolAtlas.include` / `exclude` settings, per
// workspace folder) and how one is read: its text and the stamp the index cache is keyed by.
import * as vscode from 'vscode';
import { MAX_READ_BYTES } from '../node/safeRead';
import { readWorkspaceFile } from './safeWorkspaceRead';
import { globMatcher, type PathMatcher } from '../core/note/glob';
import type { FileStamp } from '../core/persist/indexCache';
import { decodeNoteText } from '../core/note/noteText';

const DEFAULT_INCLUDE = ['**/*.md'];
const DEFAULT_EXCLUDE = ['**/node_modules/**', '**/.git/**'];

interface FolderScope {
  include: string[];
  exclude: string[];
  isIncluded: PathMatcher;
  isExcluded: PathMatcher;
}

export type NoteFile = { ok: true; text: string; stamp: FileStamp } | { ok: false; reason: string };

export class NoteScope {
  private readonly scopes = new Map<string, FolderScope>();

  /** Settings changed: read them again on next use. */
  reset(): void {
    this.scopes.clear();
  }

  /** Whether a file is a note: inside a workspace folder, included and not excluded there. */
  isNote(uri: vscode.Uri): boolean {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return false;
    const relative = relativeTo(folder, uri);
    if (relative === undefined) return false;
    const scope = this.scopeOf(folder);
    return scope.isIncluded(relative) && !scope.isExcluded(relative);
  }

  /** Every note file of every workspace folder (or only those under `under`), each once. */
  async findNoteFiles(under?: vscode.Uri): Promise<vscode.Uri[]> {
    const found = new Map<string, vscode.Uri>();
    for (const folder of vscode.workspace.workspaceFolders ?? []) {
      if (under && vscode.workspace.getWorkspaceFolder(under)?.uri.toString() !== folder.uri.toString()) continue;
      const scope = this.scopeOf(folder);
      const base = under ?? folder.uri;
      const include = under ? ['**/*'] : scope.include;
      for (const glob of include) {
        const uris = await vscode.workspace.findFiles(new vscode.RelativePattern(base, glob), excludeGlob(scope.exclude));
        // 10,000 matches take ~0.1 s to check: in slices, as everything else at start.
        const slicer = new TaskSlicer();
        for (const uri of uris) {
          if (this.isNote(uri)) found.set(uri.toString(), uri);
          await slicer.yieldIfDue();
        }
      }
    }
    return [...found.values()];
  }

  private scopeOf(folder: vscode.WorkspaceFolder): FolderScope {
    const key = folder.uri.toString();
    let scope = this.scopes.get(key);
    if (!scope) {
      const config = vscode.workspace.getConfiguration('protocolAtlas', folder);
      const include = stringList(config.get('include'), DEFAULT_INCLUDE);
      const exclude = stringList(config.get('exclude'), DEFAULT_EXCLUDE);
      scope = { include, exclude, isIncluded: globMatcher(include), isExcluded: globMatcher(exclude) };
      this.scopes.set(key, scope);
    }
    return scope;
  }
}

/** Reads a note file; a file that cannot be read or is not text comes back with the reason. */
export async function readNoteFile(uri: vscode.Uri): Promise<NoteFile> {
  try {
    // Not a plain readFile: a note that a `git pull` turned into a link to /dev/zero, or a named
    // pipe called x.md, would grow the host without end or stall the index queue.
    const read = await readWorkspaceFile(uri, MAX_READ_BYTES);
    if (!read.ok) return read;
    const decoded = decodeNoteText(read.bytes);
    if (!decoded.ok) return { ok: false, reason: decoded.reason };
    return { ok: true, text: decoded.text, stamp: { size: read.stat.size, mtime: read.stat.mtime } };
  } catch (error) {
    return { ok: false, reason: `could not be read (${error instanceof Error ? error.message : String(error)})` };
  }
}

export async function statNoteFile(uri: vscode.Uri): Promise<(FileStamp & { folder: boolean }) | undefined> {
  try {
    const stat = await vscode.workspace.fs.stat(uri);
    return { size: stat.size, mtime: stat.mtime, folder: (stat.type & vscode.FileType.Directory) !== 0 };
  } catch {
    return undefined;
  }
}

function relativeTo(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

function stringList(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : fallback;
}

/**
 * The search service's own exclude, so excluded trees (node_modules) are never walked; nested
 * braces are not part of its glob dialect, so such patterns are only applied by isNote.
 */
function excludeGlob(exclude: string[]): string | undefined {
  const simple = exclude.filter((glob) => !/[{}]/.test(glob));
  if (simple.length === 0) return undefined;
  return simple.length === 1 ? simple[0] : `{${simple.join(',')}}`;
}

/**
 * Long work in the extension host, cut into steps: the host is shared with every other extension,
 * so no step should run past ~50 ms. Call `yieldIfDue` often; it gives the host back (a
 * macrotask, after pending I/O) once `budgetMs` of work has run since the last time.
 */
export class TaskSlicer {
  private since = performance.now();

  constructor(readonly budgetMs = 20) {}

  async yieldIfDue(): Promise<void> {
    if (performance.now() - this.since < this.budgetMs) return;
    await new Promise<void>((resolve) => setImmediate(resolve));
    this.since = performance.now();
  }
}

/**
 * `each` over the items, `batchSize` at a time, the host given back between batches when due:
 * started all at once, 10,000 reads spent most of a second in one task just issuing them.
 */
export async function inBatches<T, R>(items: readonly T[], each: (item: T) => Promise<R>, batchSize = 200): Promise<R[]> {
  const slicer = new TaskSlicer();
  const results: R[] = [];
  for (let start = 0; start < items.length; start += batchSize) {
    results.push(...(await Promise.all(items.slice(start, start + batchSize).map(each))));
    await slicer.yieldIfDue();
  }
  return results;
}
