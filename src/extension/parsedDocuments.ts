// Each open note parsed once per version. Hover, completion, definition, references, links,
// rename and the body-link problems all ask about the same buffer, several times a keystroke;
// they share one parse of it, kept until the document changes or closes.
import * as vscode from 'vscode';
import { splitLines } from '../core/editing/ranges';
import type { ProtocolNote } from '../core/vocabulary/model';

export interface ParsedDocument {
  /** The index's key for the document. */
  path: string;
  text: string;
  note: ProtocolNote;
  /** The text's lines, as VS Code breaks them. */
  readonly lines: readonly string[];
}

/** Enough for every editor a researcher keeps open; the oldest is dropped past it. */
const MOST_DOCUMENTS = 32;

export class ParsedDocuments implements vscode.Disposable {
  private readonly entries = new Map<string, { version: number; parsed: ParsedDocument }>();
  private readonly subscription: vscode.Disposable;

  constructor(
    private readonly pathOf: (uri: vscode.Uri) => string,
    private readonly parse: (path: string, text: string) => ProtocolNote,
  ) {
    this.subscription = vscode.workspace.onDidCloseTextDocument((document) => this.entries.delete(document.uri.toString()));
  }

  get(document: vscode.TextDocument): ParsedDocument {
    const key = document.uri.toString();
    const path = this.pathOf(document.uri);
    const cached = this.entries.get(key);
    // The path changes with the workspace's folders (multi-root keys start with the folder), and
    // so does how the note is read: a parse at another path is stale.
    if (cached && cached.version === document.version && cached.parsed.path === path) {
      this.entries.delete(key);
      this.entries.set(key, cached); // most recently used last
      return cached.parsed;
    }
    const text = document.getText();
    let lines: string[] | undefined;
    const parsed: ParsedDocument = {
      path,
      text,
      note: this.parse(path, text),
      get lines() {
        return (lines ??= splitLines(text));
      },
    };
    this.entries.delete(key);
    this.entries.set(key, { version: document.version, parsed });
    if (this.entries.size > MOST_DOCUMENTS) this.entries.delete(this.entries.keys().next().value as string);
    return parsed;
  }

  /** How many documents are kept parsed (for the tests). */
  get size(): number {
    return this.entries.size;
  }

  dispose(): void {
    this.subscription.dispose();
    this.entries.clear();
  }
}
