// The workspace's atlas, kept live: every feature (tree, search, diagnostics, language features,
// the graph panel) reads this one object and listens to its one change event. The first index
// comes from the persisted cache where the files are unchanged; afterwards the unsaved buffer of
// an open note is the truth, and the file system watcher reports everything else.
import * as vscode from 'vscode';
import { Atlas, type AtlasChange } from '../core/atlas';
import type { Framework } from '../core/framework';
import { reusableNote, type CachedNote, type FileStamp } from '../core/persist/indexCache';
import { ProtocolIndex } from '../core/index/protocolIndex';
import type { ProtocolNote } from '../core/vocabulary/model';
import { parseNote } from '../core/note/parseNote';
import type { Placement } from '../core/note/placement';
import type { Vocabulary } from '../core/vocabulary/taxonomy';
import { SYNONYMS_SETTING, leftOutWordText, withFrameworkSynonyms } from '../core/vocabulary/synonyms';
import { SynonymsSetting } from './synonymsSetting';
import { IndexCacheStore, readCacheInSlices } from './indexCacheStore';
import { ParsedDocuments, type ParsedDocument } from './parsedDocuments';
import { differencesOnDisk, StaleWatcherGuard } from './staleWatcher';
import { inBatches, NoteScope, readNoteFile, statNoteFile, TaskSlicer } from './workspaceNotes';

const EDIT_DEBOUNCE_MS = 150;

export interface AtlasServiceOptions {
  /** The extension's workspace storage, where the index cache lives (none without a workspace). */
  storageUri?: vscode.Uri;
  framework?: Framework;
}

export class AtlasService implements vscode.Disposable {
  readonly atlas: Atlas;
  private readonly scope = new NoteScope();
  private readonly uris = new Map<string, vscode.Uri>();
  /** The stamp of the file each note was read from; none while it comes from an unsaved buffer. */
  private readonly stamps = new Map<string, FileStamp>();
  private readonly pendingEdits = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changeEmitter = new vscode.EventEmitter<AtlasChange>();
  private readonly cache: IndexCacheStore | undefined;
  /** Disk work runs one step at a time, so a delete never overtakes the read it follows. */
  private queue: Promise<unknown> = Promise.resolve();
  private disposed = false;
  private building = false; // a build in steps is running: the index must not change under it
  private searchIndexing = false;
  private mentionsPreparing = false;
  /** Fires after the index or the framework changed, with what changed. */
  readonly onDidChange = this.changeEmitter.event;
  /** Settles once the first full index of the workspace is built. */
  readonly ready: Promise<void>;
  /** How many note files the last full index had to skip (reported in the output channel). */
  skipped = 0;
  private readonly staleWatcher: StaleWatcherGuard;
  private readonly parser = (path: string, text: string): ProtocolNote => parseNote(path, text, this.placement());
  private readonly synonyms: SynonymsSetting;
  /** The built-in words and the `protocolAtlas.synonyms` setting's. */
  private settingVocabulary: Vocabulary;
  /** The words notes are read in now: those, and the current framework's own `synonyms` under them. */
  private currentVocabulary: Vocabulary;
  /**
   * The digest of the synonyms every indexed note was parsed under; undefined from a change of
   * the setting until the rebuild it starts is done (the cache is not written meanwhile).
   */
  private indexedSynonyms: string | undefined = '';
  /** Where the first index came from, for the output channel and the tests. */
  readonly firstIndex = { fromCache: 0, parsed: 0, cacheDiscarded: false };
  /** Open notes, parsed once per version for the editing features. */
  readonly documents = new ParsedDocuments((uri) => this.pathOf(uri), this.parser);

  constructor(
    private readonly log: vscode.LogOutputChannel,
    options: AtlasServiceOptions = {},
  ) {
    this.synonyms = new SynonymsSetting(log);
    this.settingVocabulary = this.synonyms.read();
    this.atlas = new Atlas({
      framework: options.framework,
      index: new ProtocolIndex({ placement: () => this.placement() }),
      vocabulary: () => this.currentVocabulary,
    });
    this.currentVocabulary = this.vocabularyUnder(this.atlas.framework);
    this.cache = options.storageUri && new IndexCacheStore(options.storageUri, log, () => this.indexedSynonyms);
    this.staleWatcher = new StaleWatcherGuard(log, () => void this.enqueue(() => this.reconcile()));
    const subscription = this.atlas.onDidChange((change) => {
      // A framework with synonyms of its own reads the notes in other words.
      if (change.frameworkChanged) this.vocabularyChanged();
      this.changeEmitter.fire(change);
      if (change.index) {
        this.cache?.scheduleSave(this.atlas.index, this.stamps);
        this.indexSearchInSlices();
        this.prepareMentionsInSlices();
      }
    });
    this.disposables.push({ dispose: () => subscription.dispose() }, this.changeEmitter, this.documents);
    this.ready = this.enqueue(() => this.firstBuild());
    this.watch();
  }

  /** The index's key for a note: its workspace-relative path (folder-prefixed in multi-root). */
  pathOf(uri: vscode.Uri): string {
    return vscode.workspace.asRelativePath(uri, this.multiRoot());
  }

  /** How the index's keys read: in multi-root the first segment is a root folder, never a layer folder. */
  placement(): Placement {
    return { rootSegments: this.multiRoot() ? 1 : 0, vocabulary: this.currentVocabulary };
  }

  /** The words layers and categories are read in: the built-in ones and the researcher's own. */
  get vocabulary(): Vocabulary {
    return this.currentVocabulary;
  }

  /** A document's note as the index would read it at its path (the buffer, maybe unsaved). */
  parse(document: vscode.TextDocument): ProtocolNote {
    return this.documents.get(document).note;
  }

  /** The same, with its path, text and lines: parsed once per version of the document. */
  parsed(document: vscode.TextDocument): ParsedDocument {
    return this.documents.get(document);
  }

  private multiRoot(): boolean {
    return (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
  }

  uriOf(path: string): vscode.Uri | undefined {
    return this.uris.get(path);
  }

  isNote(uri: vscode.Uri): boolean {
    return this.scope.isNote(uri);
  }

  /** Reads every note again; with `reuseCurrent`, a note whose file is unchanged is kept unparsed. */
  rebuild(options: { reuseCurrent?: boolean } = {}): Promise<void> {
    return this.enqueue(async () => {
      // Notes parsed under other synonyms than the current ones are never reused.
      const current = options.reuseCurrent && this.indexedSynonyms === this.currentVocabulary.digest ? this.currentAsCache() : undefined;
      await this.buildFrom(current);
    });
  }

  /** Resolves once every file event and edit received so far is in the index. */
  async settled(): Promise<void> {
    while (this.pendingEdits.size > 0 || this.staleWatcher.pending) await new Promise((resolve) => setTimeout(resolve, EDIT_DEBOUNCE_MS));
    await this.queue;
  }

  /** Writes the index cache now (normally it is written a moment after each change). */
  flushCache(): Promise<void> {
    return this.cache?.saveNow(this.atlas.index, this.stamps) ?? Promise.resolve();
  }

  /** Resolves once the last change is in the index cache (a later start reads what this one wrote). */
  dispose(): Promise<void> {
    this.disposed = true;
    for (const timer of this.pendingEdits.values()) clearTimeout(timer);
    this.staleWatcher.dispose();
    this.pendingEdits.clear();
    const lastWrite = this.cache?.dispose(this.atlas.index, this.stamps) ?? Promise.resolve();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.atlas.dispose();
    return lastWrite;
  }

  private async firstBuild(): Promise<void> {
    const stored = await this.cache?.load();
    const cached = stored === undefined ? undefined : await readCacheInSlices(stored, this.currentVocabulary.digest);
    if (stored !== undefined && !cached) {
      this.firstIndex.cacheDiscarded = true;
      this.log.warn('Discarded the index cache: it was corrupt, from another version, or of notes read under other synonyms. Every note is read again.');
    }
    const counts = await this.buildFrom(cached);
    this.firstIndex.fromCache = counts.fromCache;
    this.firstIndex.parsed = counts.parsed;
    this.log.info(`Indexed ${counts.fromCache + counts.parsed} notes (${counts.fromCache} unchanged since the cache, ${counts.parsed} read).`);
  }

  private async buildFrom(cached: ReadonlyMap<string, CachedNote> | undefined): Promise<{ fromCache: number; parsed: number }> {
    // One vocabulary for the whole build: a change of the setting meanwhile queues another.
    const vocabulary = this.currentVocabulary;
    const placement = this.placement();
    const parse = (path: string, text: string): ProtocolNote => parseNote(path, text, placement);
    const files = await this.scope.findNoteFiles();
    let skipped = 0;
    const entries = await inBatches(files, async (uri) => {
      const path = this.pathOf(uri);
      const stat = cached ? await statNoteFile(uri) : undefined;
      const note = stat && !stat.folder ? reusableNote(cached, path, stat) : undefined;
      if (note && stat) return { uri, path, note, stamp: { size: stat.size, mtime: stat.mtime } };
      const file = await readNoteFile(uri);
      if (!file.ok) {
        skipped++;
        this.log.warn(`Skipped ${path}: it ${file.reason}.`);
        return undefined;
      }
      return { uri, path, text: file.text, stamp: file.stamp };
    });
    if (this.disposed) return { fromCache: 0, parsed: 0 };
    // Code-unit order: deterministic, and a tenth of the cost of localeCompare over 10,000 paths.
    const present = entries.filter((entry) => entry !== undefined).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    // Parsing 10,000 notes takes most of a second: it runs in slices, so the extension host (shared
    // with every other extension) answers in between; so does the index build below.
    const slicer = new TaskSlicer();
    const notes: ProtocolNote[] = [];
    let fromCache = 0;
    for (const entry of present) {
      if ('note' in entry && entry.note) {
        fromCache++;
        notes.push(entry.note);
      } else if ('text' in entry && entry.text !== undefined) {
        notes.push(parse(entry.path, entry.text));
      }
      await slicer.yieldIfDue();
      if (this.disposed) return { fromCache: 0, parsed: 0 };
    }
    this.skipped = skipped;
    this.uris.clear();
    this.stamps.clear();
    for (const entry of present) {
      this.uris.set(entry.path, entry.uri);
      this.stamps.set(entry.path, entry.stamp);
    }
    // What the researcher is typing wins over what is saved (read now: it may have changed meanwhile).
    const at = new Map(notes.map((note, i) => [note.path, i]));
    for (const document of vscode.workspace.textDocuments) {
      if (!document.isDirty || !this.isNote(document.uri)) continue;
      const path = this.pathOf(document.uri);
      this.uris.set(path, document.uri);
      this.stamps.delete(path);
      const note = parse(path, document.getText());
      const known = at.get(path);
      if (known === undefined) notes.push(note);
      else notes[known] = note;
    }
    // Checked notes (parseNote, the cache): not checked again. Built in steps (most of a second at
    // 10,000 notes); edits typed meanwhile wait (scheduleEdit), or older text would win.
    this.building = true;
    try {
      for (const steps = this.atlas.index.buildParsedInSteps(notes); !steps.next().done; ) await slicer.yieldIfDue();
    } finally {
      this.building = false;
    }
    const synonyms = this.currentVocabulary === vocabulary ? vocabulary.digest : undefined;
    if (synonyms !== this.indexedSynonyms) {
      this.indexedSynonyms = synonyms;
      // Under new synonyms the cache on disk is of no use: write this one even if no note changed.
      if (synonyms !== undefined) this.cache?.scheduleSave(this.atlas.index, this.stamps);
    }
    return { fromCache, parsed: present.length - fromCache };
  }

  /** The index as it stands, as a cache: a rebuild after a settings change reads only new files. */
  private currentAsCache(): Map<string, CachedNote> {
    const cached = new Map<string, CachedNote>();
    for (const [path, stamp] of this.stamps) {
      const note = this.atlas.index.note(path);
      if (note) cached.set(path, { note, stamp });
    }
    return cached;
  }

  /**
   * The search indexes what changed lazily; after a first index or a rebuild that is every note,
   * indexed here a slice at a time so the first search finds it done and no step is long.
   */
  private indexSearchInSlices(): void {
    if (this.searchIndexing) return;
    this.searchIndexing = true;
    const slicer = new TaskSlicer();
    const step = (): void => {
      if (!this.disposed && this.atlas.search.indexPending(slicer.budgetMs)) setImmediate(step);
      else this.searchIndexing = false;
    };
    setImmediate(step);
  }

  /**
   * Who mentions whom (the Connections view, Find References, rename) is worked out once for the
   * whole index, a few hundred ms at 10,000 notes: here, a slice at a time, after each change
   * until it is done (then the index keeps it up to date itself).
   */
  private prepareMentionsInSlices(): void {
    if (this.mentionsPreparing) return;
    this.mentionsPreparing = true;
    const slicer = new TaskSlicer();
    const step = (): void => {
      if (!this.disposed && this.atlas.index.prepareMentions(slicer.budgetMs)) setImmediate(step);
      else this.mentionsPreparing = false;
    };
    setImmediate(step);
  }

  private watch(): void {
    // Every path, not only *.md: a deleted or renamed folder is reported as the folder alone.
    const watcher = vscode.workspace.createFileSystemWatcher('**/*');
    this.disposables.push(
      watcher,
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length === 0 || !this.isNote(event.document.uri)) return;
        this.scheduleEdit(event.document);
      }),
      // Closing a note without saving drops its unsaved text: the file is the truth again.
      vscode.workspace.onDidCloseTextDocument((document) => {
        if (!this.isNote(document.uri)) return;
        const path = this.pathOf(document.uri);
        // Only a note indexed from its buffer (it has no file stamp) can differ from the file.
        if (this.atlas.index.note(path) && !this.stamps.has(path)) void this.enqueue(() => this.readFromDisk(document.uri));
      }),
      watcher.onDidCreate((uri) => {
        this.staleWatcher.afterEvents();
        void this.enqueue(() => this.added(uri));
      }),
      watcher.onDidChange((uri) => {
        this.staleWatcher.afterEvents();
        if (!this.isNote(uri)) return;
        // An open, dirty document wins over what is on disk.
        const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
        if (!open?.isDirty) void this.enqueue(() => this.readFromDisk(uri));
      }),
      watcher.onDidDelete((uri) => {
        if (this.holdsFolder(uri)) this.staleWatcher.distrust();
        this.staleWatcher.afterEvents();
        void this.enqueue(async () => this.forget(uri));
      }),
      // Renames through the explorer or a WorkspaceEdit: handled at once, without waiting for the watcher.
      vscode.workspace.onDidRenameFiles((event) => {
        for (const { oldUri, newUri } of event.files) {
          if (this.holdsFolder(oldUri)) this.staleWatcher.distrust();
          void this.enqueue(async () => {
            this.forget(oldUri);
            await this.added(newUri);
          });
        }
      }),
      vscode.workspace.onDidDeleteFiles((event) => {
        for (const uri of event.files) void this.enqueue(async () => this.forget(uri));
      }),
      vscode.workspace.onDidChangeWorkspaceFolders(() => {
        // In multi-root every path is prefixed by its folder's name: all keys may have changed.
        this.scope.reset();
        void this.rebuild();
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(SYNONYMS_SETTING)) this.synonymsChanged();
        if (!event.affectsConfiguration('protocolAtlas.include') && !event.affectsConfiguration('protocolAtlas.exclude')) return;
        this.scope.reset();
        void this.rebuild({ reuseCurrent: true });
      }),
    );
  }

  /** The setting's words, then the framework's after them (a word keeps its first meaning); what the setting overrules is logged. */
  private vocabularyUnder(framework: Framework): Vocabulary {
    const { vocabulary, leftOut } = withFrameworkSynonyms(this.settingVocabulary, framework.synonyms);
    for (const word of leftOut) this.log.warn(leftOutWordText(framework.id, word));
    return vocabulary;
  }

  private synonymsChanged(): void {
    this.settingVocabulary = this.synonyms.read();
    this.vocabularyChanged();
  }

  /** New synonyms (the setting's or the framework's): every note is read again under them (a note's layer or category may change). */
  private vocabularyChanged(): void {
    const vocabulary = this.vocabularyUnder(this.atlas.framework);
    if (vocabulary.digest === this.currentVocabulary.digest) return;
    this.currentVocabulary = vocabulary;
    this.indexedSynonyms = undefined;
    void this.rebuild();
  }

  private scheduleEdit(document: vscode.TextDocument): void {
    const path = this.pathOf(document.uri);
    clearTimeout(this.pendingEdits.get(path));
    this.pendingEdits.set(
      path,
      setTimeout(() => {
        this.pendingEdits.delete(path);
        if (document.isClosed || this.disposed) return;
        if (this.building) return this.scheduleEdit(document);
        this.uris.set(path, document.uri);
        this.stamps.delete(path);
        this.atlas.index.set(path, document.getText());
      }, EDIT_DEBOUNCE_MS),
    );
  }

  /** True when the index has notes under this path: it was a folder of notes. */
  private holdsFolder(uri: vscode.Uri): boolean {
    const prefix = `${this.pathOf(uri)}/`;
    for (const known of this.uris.keys()) if (known.startsWith(prefix)) return true;
    return false;
  }

  /** The index brought in line with the notes on disk (see staleWatcher.ts), reading only what differs. */
  private async reconcile(): Promise<void> {
    const files = await this.scope.findNoteFiles();
    if (this.disposed) return;
    const dirty = new Set(vscode.workspace.textDocuments.filter((doc) => doc.isDirty && this.isNote(doc.uri)).map((doc) => this.pathOf(doc.uri)));
    const { onDisk, toRead } = await differencesOnDisk(files, {
      pathOf: (uri) => this.pathOf(uri),
      indexedAs: (path) => (this.atlas.index.note(path) ? this.uris.get(path) : undefined),
      stampOf: (path) => this.stamps.get(path),
      isDirty: (path) => dirty.has(path),
    });
    if (this.disposed) return;
    const gone = this.atlas.index.paths().filter((path) => !onDisk.has(path) && !dirty.has(path));
    if (gone.length === 0 && toRead.length === 0) return;
    this.log.info(`Compared the notes on disk with the index: ${toRead.length} read again, ${gone.length} gone.`);
    this.atlas.index.batch(() => {
      for (const path of gone) {
        this.atlas.index.delete(path);
        this.uris.delete(path);
        this.stamps.delete(path);
      }
    });
    for (const uri of toRead.sort((a, b) => (a.path < b.path ? -1 : 1))) await this.readFromDisk(uri);
  }

  /** A created file, or a created (moved-in, renamed) folder with notes inside. */
  private async added(uri: vscode.Uri): Promise<void> {
    const stat = await statNoteFile(uri);
    if (!stat) return;
    if (!stat.folder) {
      if (this.isNote(uri)) await this.readFromDisk(uri);
      return;
    }
    const files = await this.scope.findNoteFiles(uri);
    for (const file of files) await this.readFromDisk(file);
  }

  private async readFromDisk(uri: vscode.Uri): Promise<void> {
    if (!this.isNote(uri) || this.disposed) return;
    const path = this.pathOf(uri);
    const open = vscode.workspace.textDocuments.find((doc) => doc.uri.toString() === uri.toString());
    if (open?.isDirty) {
      // A renamed note that is being edited: its unsaved text moved with it.
      this.uris.set(path, uri);
      this.stamps.delete(path);
      this.atlas.index.set(path, open.getText());
      return;
    }
    const file = await readNoteFile(uri);
    if (this.disposed) return;
    if (!file.ok) {
      // A file deleted between the event and the read is simply gone; anything else is reported.
      if (await statNoteFile(uri)) this.log.warn(`Skipped ${path}: it ${file.reason}.`);
      this.forget(uri);
      return;
    }
    this.uris.set(path, uri);
    this.stamps.set(path, file.stamp);
    this.atlas.index.set(path, file.text);
  }

  /** A deleted file, or a deleted/renamed folder: every note under it goes. */
  private forget(uri: vscode.Uri): void {
    if (this.disposed) return;
    const path = this.pathOf(uri);
    const under = (known: string): boolean => known === path || known.startsWith(`${path}/`);
    for (const [pending, timer] of this.pendingEdits) {
      if (!under(pending)) continue;
      clearTimeout(timer);
      this.pendingEdits.delete(pending);
    }
    this.atlas.index.batch(() => {
      if (this.atlas.index.note(path)) this.atlas.index.delete(path);
      this.atlas.index.deleteUnder(path);
    });
    for (const known of [...this.uris.keys()]) {
      if (!under(known)) continue;
      this.uris.delete(known);
      this.stamps.delete(known);
    }
  }

  private enqueue<T>(step: () => Promise<T>): Promise<T> {
    const run = this.queue.then(step);
    this.queue = run.catch((error: unknown) => {
      this.log.error(`Protocol Atlas could not update the index: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    });
    return run;
  }
}
