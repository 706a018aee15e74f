// Collects what one update (or one batch of updates) did, as net effects: a note added then
// removed in the same batch was never there, an edge dropped and re-added never changed.
import type { IndexChange } from '../vocabulary/protocol';

export class ChangeRecorder {
  private readonly existedBefore = new Map<string, boolean>();
  private readonly edgeBefore = new Map<string, { from: string; to: string; existed: boolean }>();
  private readonly diagnosticsBefore = new Map<string, string>();
  readonly updated = new Set<string>();

  /**
   * @param startedEmpty the index held nothing before: everything found at the end is new, so
   * nothing needs remembering along the way (this keeps a cold build cheap).
   */
  constructor(readonly startedEmpty: boolean) {}

  noteTouched(path: string, exists: boolean): void {
    if (!this.startedEmpty && !this.existedBefore.has(path)) this.existedBefore.set(path, exists);
  }

  edgeTouched(from: string, to: string, exists: boolean): void {
    if (this.startedEmpty) return;
    const key = `${from}\u0000${to}`;
    if (!this.edgeBefore.has(key)) this.edgeBefore.set(key, { from, to, existed: exists });
  }

  /** Call before a note's diagnostics change, with how they read until now. */
  diagnosticsTouched(path: string, signature: () => string): void {
    if (!this.startedEmpty && !this.diagnosticsBefore.has(path)) this.diagnosticsBefore.set(path, signature());
  }

  /** Edges whose presence differs from before the update. */
  edgeChanges(hasEdge: (from: string, to: string) => boolean): { added: Array<[string, string]>; removed: Array<[string, string]> } {
    const added: Array<[string, string]> = [];
    const removed: Array<[string, string]> = [];
    for (const { from, to, existed } of this.edgeBefore.values()) {
      const exists = hasEdge(from, to);
      if (exists && !existed) added.push([from, to]);
      else if (!exists && existed) removed.push([from, to]);
    }
    return { added, removed };
  }

  finish(index: RecordedIndex): IndexChange {
    const signature = (path: string): string => index.signature(path);
    if (this.startedEmpty) {
      const paths = index.paths();
      return {
        added: paths,
        removed: [],
        updated: [],
        edgesAdded: index.edges(),
        edgesRemoved: [],
        diagnosticsChanged: paths.filter((path) => signature(path) !== ''),
      };
    }
    const change: IndexChange = { added: [], removed: [], updated: [], edgesAdded: [], edgesRemoved: [], diagnosticsChanged: [] };
    for (const [path, existed] of this.existedBefore) {
      const now = index.exists(path);
      if (now && !existed) change.added.push(path);
      else if (!now && existed) change.removed.push(path);
    }
    for (const path of this.updated) if (this.existedBefore.get(path) !== false && index.exists(path)) change.updated.push(path);
    const edges = this.edgeChanges((from, to) => index.hasEdge(from, to));
    change.edgesAdded = edges.added;
    change.edgesRemoved = edges.removed;
    for (const [path, before] of this.diagnosticsBefore) if (signature(path) !== before) change.diagnosticsChanged.push(path);
    return change;
  }
}

/** What the recorder needs to see of the index at the end of an update. */
export interface RecordedIndex {
  exists(path: string): boolean;
  hasEdge(from: string, to: string): boolean;
  signature(path: string): string;
  paths(): string[];
  edges(): Array<[string, string]>;
}
