// Where the index cache lives: one JSON file in the extension's storage for this workspace. It is
// written a moment after the index settles, never on the typing path, and read once at start.
import * as vscode from 'vscode';
import { IndexCacheText, readIndexCache, type CachedNote, type FileStamp } from '../core/persist/indexCache';
import type { ProtocolIndex } from '../core/index/protocolIndex';
import { TaskSlicer } from './workspaceNotes';

const SAVE_DELAY_MS = 2000;
/** Cached notes checked per slice of a cache read (~1 ms each 40), and written per slice of a save. */
const CACHE_SLICE = 500;
export const INDEX_CACHE_FILE = 'index-cache.json';

export class IndexCacheStore {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private writing: Promise<void> = Promise.resolve();
  private readonly text = new IndexCacheText();

  /**
   * `synonyms` is the digest of the synonyms the index's notes were all parsed under, or undefined
   * while they are being parsed again under new ones: then nothing is written.
   */
  constructor(
    private readonly storageUri: vscode.Uri,
    private readonly log: vscode.LogOutputChannel,
    private readonly synonyms: () => string | undefined = () => '',
  ) {}

  get uri(): vscode.Uri {
    return vscode.Uri.joinPath(this.storageUri, INDEX_CACHE_FILE);
  }

  /** The stored value as JSON, or undefined when there is none; unreadable JSON is `null` (corrupt). */
  async load(): Promise<unknown> {
    let bytes: Uint8Array;
    try {
      bytes = await vscode.workspace.fs.readFile(this.uri);
    } catch {
      return undefined;
    }
    try {
      return JSON.parse(new TextDecoder().decode(bytes)) as unknown;
    } catch {
      return null;
    }
  }

  scheduleSave(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.saveNow(index, stamps), SAVE_DELAY_MS);
  }

  saveNow(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>, slices = true): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.writing = this.writing.then(async () => {
      const synonyms = this.synonyms();
      if (synonyms === undefined) return;
      try {
        const bytes = await encodeInSlices(this.text.pieces(index, stamps, slices ? CACHE_SLICE : Infinity, synonyms));
        await vscode.workspace.fs.createDirectory(this.storageUri);
        await vscode.workspace.fs.writeFile(this.uri, bytes);
      } catch (error) {
        // Only a slower next start is lost; the notes themselves are never touched.
        this.log.warn(`Could not write the index cache: ${error instanceof Error ? error.message : String(error)}`);
      }
    });
    return this.writing;
  }

  /** A change still waiting to be written is written now (best effort: the host may be going away). */
  dispose(index: ProtocolIndex, stamps: ReadonlyMap<string, FileStamp>): Promise<void> {
    return this.timer === undefined ? this.writing : this.saveNow(index, stamps, false);
  }
}

/** The pieces as one UTF-8 file, a piece per slice: writing 10,000 notes is never one long task. */
async function encodeInSlices(pieces: Iterable<string>): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const slicer = new TaskSlicer();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (const piece of pieces) {
    const chunk = encoder.encode(piece);
    chunks.push(chunk);
    length += chunk.length;
    await slicer.yieldIfDue();
  }
  const bytes = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * readIndexCache a slice of entries at a time (the core checks and unpacks each note: 0.25 s for
 * 10,000), yielding between slices; the same answer as one call, a repeated path included.
 */
export async function readCacheInSlices(stored: unknown, synonyms = ''): Promise<Map<string, CachedNote> | undefined> {
  const files = typeof stored === 'object' && stored !== null ? (stored as { files?: unknown }).files : undefined;
  if (!Array.isArray(files)) return readIndexCache(stored, synonyms);
  const header = { ...(stored as Record<string, unknown>) };
  if (!readIndexCache({ ...header, files: [] }, synonyms)) return undefined;
  const slicer = new TaskSlicer();
  const cached = new Map<string, CachedNote>();
  for (let start = 0; start < files.length; start += CACHE_SLICE) {
    const slice = readIndexCache({ ...header, files: files.slice(start, start + CACHE_SLICE) }, synonyms);
    if (!slice) return undefined;
    for (const [path, entry] of slice) {
      if (cached.has(path)) return undefined;
      cached.set(path, entry);
    }
    await slicer.yieldIfDue();
  }
  return cached;
}
