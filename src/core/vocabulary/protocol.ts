// What the index tells the rest of the product: a protocol with its names resolved across notes,
// and what changed after each update. Plain data, so it crosses into the webview and the CLI.
import type { ImpactOverride, Layer, Sourced } from './model';

export interface Protocol {
  /** The note's path: the protocol's identity everywhere (graph node key, webview id). */
  path: string;
  name: Sourced<string>;
  aliases: string[];
  layer: Sourced<Layer>;
  category?: Sourced<string>;
  tags: string[];
  funding?: string;
  override?: ImpactOverride;
  /** The paths of the notes it depends on, in `depends_on` order, each once. */
  dependsOn: string[];
  /** `depends_on` targets that name no note, as written (without brackets or label). */
  unresolvedDependencies: string[];
  /** The paths of the notes its body links to, each once: context, not dependencies. */
  mentions: string[];
}

/** One update of the index, small enough for the graph view to patch rather than redraw. */
export interface IndexChange {
  added: string[];
  removed: string[];
  /** Notes whose own text or whose resolved links changed. */
  updated: string[];
  edgesAdded: Array<[from: string, to: string]>;
  edgesRemoved: Array<[from: string, to: string]>;
  /** Notes whose diagnostics changed (including removed notes that had some). */
  diagnosticsChanged: string[];
}

export function emptyChange(): IndexChange {
  return { added: [], removed: [], updated: [], edgesAdded: [], edgesRemoved: [], diagnosticsChanged: [] };
}

export function isEmptyChange(change: IndexChange): boolean {
  return (
    change.added.length === 0 &&
    change.removed.length === 0 &&
    change.updated.length === 0 &&
    change.edgesAdded.length === 0 &&
    change.edgesRemoved.length === 0 &&
    change.diagnosticsChanged.length === 0
  );
}
