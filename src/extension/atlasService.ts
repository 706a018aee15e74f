// The workspace's atlas, kept live: every feature (tree, search, diagnostics, language features,
// the graph panel) reads this one object and listens to its one change event.
import * as vscode from 'vscode';
import { Atlas, type AtlasChange } from '../core/atlas';
import { decodeNoteText } from '../core/noteText';
import { readWorkspaceNotes } from './workspaceNotes';

const EDIT_DEBOUNCE_MS = 150;

export class AtlasService implements vscode.Disposable {
  readonly atlas = new Atlas();
  private readonly uris = new Map<string, vscode.Uri>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<AtlasChange>();
  /** Fires after the index or the framework changed, with what changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Settles once the first full index of the workspace is built. */
  readonly ready: Promise<void>;
  /** How many *.md files the last full index had to skip (reported in the output channel). */
  skipped = 0;

  constructor(private readonly log: vscode.LogOutputChannel) {
    const subscription = this.atlas.onDidChange((change) => this.changeEmitter.fire(change));
    this.disposables.push({ dispose: () => subscription.dispose() }, this.changeEmitter);
    this.ready = this.rebuild();
    this.watch();
  }

  /** The index's key for a note: its workspace-relative path (folder-prefixed in multi-root). */
  pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, (vscode.workspace.workspaceFolders?.length ?? 0) > 1);
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  isNote(uri: vscode.Uri): boolean {
    return uri.path.toLowerCase().endsWith('.md') && vscode.workspace.getWorkspaceFolder(uri) !== undefined;
  }

  async rebuild(): Promise<void> {
    const { notes, skipped } = await readWorkspaceNotes(this.log);
    this.skipped = skipped;
    this.uris.clear();
    for (const note of notes) this.uris.set(note.path, note.uri);
    this.atlas.index.build(notes);
    this.log.info(`Indexed ${notes.length} notes.`);
  }

  dispose(): void {
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.atlas.dispose();
  }

  private watch(): void {
    const watcher = vscode.workspace.createFileSystemWatcher('**/*.md');
    this.disposables.push(
      watcher,
      // The unsaved buffer is the truth while a note is open: index it as the researcher types.
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || !this.isNote(event.document.uri)) return;
        this.scheduleEdit(event.document);
      }),
      watcher.onDidCreate((uri) => void this.readFromDisk(uri)),
      watcher.onDidChange((uri) => {
        // An open, dirty document wins over what is on disk.
        const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
        if (!open?.isDirty) void this.readFromDisk(uri);
      }),
      watcher.onDidDelete((uri) => this.forget(uri)),
    );
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const path = this.pathOf(document.uri);
    clearTimeout(this.pendingEdits.get(path));
    this.pendingEdits.set(
      path,
      setTimeout(() => {
        this.pendingEdits.delete(path);
        if (document.isClosed) return;
        this.uris.set(path, document.uri);
        this.atlas.index.set(path, document.getText());
      }, EDIT_DEBOUNCE_MS),
    );
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.isNote(uri)) return;
    const path = this.pathOf(uri);
    try {
      const decoded = decodeNoteText(await vscode.workspace.fs.readFile(uri));
      if (!decoded.ok) {
        this.log.warn(`Skipped ${path}: it ${decoded.reason}.`);
        this.forget(uri);
        return;
      }
      this.uris.set(path, uri);
      this.atlas.index.set(path, decoded.text);
    } catch (error) {
      // A folder named *.md, or a file deleted between the event and the read.
      this.log.warn(`Skipped ${path}: it could not be read (${error instanceof Error ? error.message : String(error)}).`);
      this.forget(uri);
    }
  }

  /** A deleted file, or a deleted/renamed folder: every note under it goes. */
  private forget(uri: vscode.Uri): void {
    const path = this.pathOf(uri);
    this.atlas.index.batch(() => {
      if (this.atlas.index.note(path)) this.atlas.index.delete(path);
      this.atlas.index.deleteUnder(path);
    });
    for (const known of [...this.uris.keys()]) {
      if (known === path || known.startsWith(`${path}/`)) this.uris.delete(known);
    }
  }
}
