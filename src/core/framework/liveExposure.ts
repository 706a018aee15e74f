// Every protocol's exposure, kept in step with the index edit by edit. One pass over the whole
// graph costs a few hundred milliseconds at 10,000 notes, too much to pay on every keystroke that
// changes a `depends_on`. A protocol's exposure is a function of what it can reach (see
// changeReach.ts), so after an edit only the changed notes and what depends on them need it again,
// and for those a table over the region they reach gives the same answer as the whole graph (see
// `exposureTable`). The table is patched that way; a fresh pass happens only when the patches would
// cover more than the graph several times over (their memory), or a longer list is asked for.
import { changedPaths, dependenciesClosure, dependentsClosure } from '../graph/changeReach';
import type { DependencyGraph } from '../graph/dependencyGraph';
import type { IndexChange } from '../vocabulary/protocol';
import { DEFAULT_NEAREST, exposureTable, summaryOf, type ExposureSummary, type ExposureTable, type ProtocolExposure, type VerdictLookup } from './exposure';

/** Patches may cover this many times the graph's protocols before one fresh pass replaces them. */
const PATCHED_PER_PROTOCOL = 4;

export class LiveExposure {
  private base: ExposureTable | undefined;
  /** The table that answers for a protocol whose exposure an edit may have changed since `base`. */
  private readonly patches = new Map<string, ExposureTable>();
  private patchedProtocols = 0;
  /** Changed since the tables were made, not yet patched: patching waits until someone asks. */
  private readonly seeds = new Set<string>();
  private summary: Map<string, ExposureSummary> | undefined;

  /** `graphOf`: the index's graph as it is now (a first index built aside hands over a new one). */
  constructor(
    private readonly graphOf: () => DependencyGraph,
    private readonly verdictOf: VerdictLookup,
  ) {}

  private get graph(): DependencyGraph {
    return this.graphOf();
  }

  /** Every verdict may have changed (a framework switch): start again on the next ask. */
  forget(): void {
    this.base = undefined;
    this.patches.clear();
    this.patchedProtocols = 0;
    this.seeds.clear();
    this.summary = undefined;
  }

  /** An index change, remembered until the next ask (the verdicts of changed notes must be forgotten too). */
  noteChange(change: IndexChange): void {
    if (!this.base) return;
    for (const path of changedPaths([change])) this.seeds.add(path);
  }

  /** A protocol's count and its `nearest` nearest negatively affected dependencies, each with a path. */
  of(path: string, nearest: number): ProtocolExposure {
    const table = this.table(nearest);
    if (!this.graph.hasNode(path)) return { count: 0, nearest: [] };
    return (this.patches.get(path) ?? table).of(path, nearest);
  }

  /** Every protocol's count and nearest one, for colouring many at once; updated in place after edits. */
  counts(): Map<string, ExposureSummary> {
    this.table(1);
    this.summary ??= summaryOf({ nearest: this.base?.nearest ?? 1, of: (path, nearest) => this.of(path, nearest ?? 1) }, this.graph.nodes());
    return this.summary;
  }

  private table(nearest: number): ExposureTable {
    if (!this.base || this.base.nearest < nearest) return this.fresh(nearest);
    if (this.seeds.size > 0) this.patch(this.base);
    return this.base;
  }

  private fresh(nearest: number): ExposureTable {
    this.forget();
    // The tree and the hover name the default few and the graph only the nearest: one pass serves both.
    this.base = exposureTable(this.graph, this.verdictOf, Math.max(nearest, DEFAULT_NEAREST));
    return this.base;
  }

  private patch(base: ExposureTable): void {
    const seeds = [...this.seeds];
    this.seeds.clear();
    for (const seed of seeds) {
      if (this.graph.hasNode(seed)) continue;
      this.patches.delete(seed);
      this.summary?.delete(seed);
    }
    const affected = dependentsClosure(this.graph, seeds);
    if (affected.size === 0) return;
    const region = dependenciesClosure(this.graph, affected);
    if (this.patchedProtocols + region.size > PATCHED_PER_PROTOCOL * this.graph.order) {
      this.fresh(base.nearest);
      return;
    }
    const table = exposureTable(this.graph, this.verdictOf, base.nearest, region);
    this.patchedProtocols += region.size;
    for (const path of affected) this.patches.set(path, table);
    if (this.summary) for (const [path, entry] of summaryOf(table, affected)) this.summary.set(path, entry);
  }
}
