// Linux's file watching (inotify, under VS Code's watcher) keeps a renamed folder's old path: after
// `mv apps applications`, edits in applications/ are reported as apps/..., and files in a new
// apps/ are not reported at all (the churn test found notes missing this way). So once a folder
// of notes has been moved or deleted, the watcher is distrusted for the rest of the session: a
// second after each burst of events the service compares the notes on disk with the index.
import type * as vscode from 'vscode';
import type { FileStamp } from '../core/persist/indexCache';
import { statNoteFile } from './workspaceNotes';

/** Quiet time after a burst of file events before the notes on disk are compared with the index. */
const RECONCILE_AFTER_MS = 1000;

export class StaleWatcherGuard {
  private distrusted = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private disposed = false;

  constructor(
    private readonly log: vscode.LogOutputChannel,
    /** Queues the comparison with the disk (after whatever the index is doing). */
    private readonly reconcile: () => void,
  ) {}

  /** A comparison is due and has not started yet. */
  get pending(): boolean {
    return this.timer !== undefined;
  }

  /** A folder of notes went: from now on the watcher's paths may be stale. */
  distrust(): void {
    if (!this.distrusted) {
      this.log.info('A folder of notes was moved or deleted: the file watcher may report stale paths from now on, so Protocol Atlas also compares the notes on disk after each burst of changes.');
    }
    this.distrusted = true;
    this.afterEvents();
  }

  /** Any file event: once distrusted, (re)arms the comparison for when the burst is over. */
  afterEvents(): void {
    if (!this.distrusted || this.disposed) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.reconcile();
    }, RECONCILE_AFTER_MS);
  }

  dispose(): void {
    this.disposed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** What the service knows of a note path: the file it was read from, and that file's stamp. */
interface KnownNotes {
  pathOf(uri: vscode.Uri): string;
  /** The file the index read this path from; undefined when the index has no such note. */
  indexedAs(path: string): vscode.Uri | undefined;
  /** The file's size and time when it was read; undefined when read from an editor's buffer. */
  stampOf(path: string): FileStamp | undefined;
  isDirty(path: string): boolean;
}

/** The note files on disk, and those of them whose index entry may differ from the file. */
export async function differencesOnDisk(files: readonly vscode.Uri[], known: KnownNotes): Promise<{ onDisk: Set<string>; toRead: vscode.Uri[] }> {
  const onDisk = new Set<string>();
  const toRead: vscode.Uri[] = [];
  await Promise.all(
    files.map(async (uri) => {
      const path = known.pathOf(uri);
      onDisk.add(path);
      if (known.indexedAs(path)?.toString() !== uri.toString()) {
        toRead.push(uri);
        return;
      }
      const stamp = known.stampOf(path);
      // Indexed from an editor's buffer: an unsaved one wins; a saved one may be stale too (the
      // editor's own watching of a renamed folder is as blind), so the file decides.
      if (!stamp) {
        if (!known.isDirty(path)) toRead.push(uri);
        return;
      }
      const stat = await statNoteFile(uri);
      if (!stat || stat.folder || stat.size !== stamp.size || stat.mtime !== stamp.mtime) toRead.push(uri);
    }),
  );
  return { onDisk, toRead };
}
