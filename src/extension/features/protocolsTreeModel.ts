// What the Protocols view lists, kept in step with the atlas change by change (no `vscode`
// import, so it is tested in plain Node). Rebuilding and re-sorting 10,000 rows on every edit
// took most of a second, and handing VS Code the whole tree again as much once more; here every
// row is a stable object per path, layer and category, each list stays sorted (a collator made
// once; `localeCompare` with options builds one per call), and an edit reports only the rows it
// changed, so VS Code asks again for those alone.
import type { Atlas, AtlasChange } from '../../core/atlas';
import { changedPaths, dependentsClosure } from '../../core/graph/changeReach';
import type { IndexChange } from '../../core/vocabulary/protocol';
import type { Layer } from '../../core/vocabulary/model';
import { LAYER_ORDER } from '../../core/vocabulary/labels';
import { CATEGORIES } from '../../core/vocabulary/taxonomy';

export interface LayerElement {
  readonly kind: 'layer';
  readonly layer: Layer;
}
export interface CategoryElement {
  readonly kind: 'category';
  readonly layer: Layer;
  readonly category: string;
}
export interface ProtocolElement {
  readonly kind: 'protocol';
  readonly path: string;
}
/** A row of the Protocols view: a layer, a category within it, or a protocol. */
export type ProtocolsTreeElement = LayerElement | CategoryElement | ProtocolElement;

/** What VS Code must ask for again: everything, or these rows (each with what lies under it). */
export type TreeRefresh = 'all' | ProtocolsTreeElement[];

// Bottom to top, as the article stacks them: what everything rests on comes first.

/**
 * Above this many rows of one list to refresh, the list is refreshed instead: VS Code sends each
 * refreshed row on its own, and finds the topmost of them with a scan per row.
 */
const ROWS_BEFORE_LIST = 64;
/** Above this many rows or lists in all, the whole tree is asked for again. */
const MOST_REFRESHED = 500;
/** A change touching more notes than this, and a quarter of them, rebuilds the lists. */
const REBUILD_ABOVE = 200;

interface Row {
  readonly element: ProtocolElement;
  name: string;
  layer: Layer;
  category: string | undefined;
  /** The text after the name, once VS Code has shown the row; kept current from then on. */
  summary: string | undefined;
  /** The exposure that text was made from: the same exposure needs no new text. */
  exposure?: { count: number; nearest?: readonly string[] };
}

interface CategoryList {
  readonly element: CategoryElement;
  readonly rows: Row[];
}

interface LayerList {
  readonly element: LayerElement;
  /** By the article's order of categories, unknown ones after, then by name. */
  readonly categories: CategoryList[];
  /** Protocols of the layer without a category, listed after the categories. */
  readonly uncategorised: Row[];
  count: number;
  /** The count VS Code was last told (the layer row's description). */
  shownCount: number;
}

const nameCollator = new Intl.Collator('en', { sensitivity: 'base' });
// The default locale, as `String.prototype.localeCompare` without arguments.
const plainCollator = new Intl.Collator();

function byName(a: Row, b: Row): number {
  return nameCollator.compare(a.name, b.name) || plainCollator.compare(a.element.path, b.element.path);
}

function byCategory(a: CategoryList, b: CategoryList): number {
  return categoryRank(a.element.category) - categoryRank(b.element.category) || plainCollator.compare(a.element.category, b.element.category);
}

const CATEGORY_RANK = new Map(CATEGORIES.map((known, rank) => [known.id, rank]));

function categoryRank(category: string): number {
  // The taxonomy lists categories in the article's order; unknown ones come after.
  return CATEGORY_RANK.get(category) ?? CATEGORIES.length;
}

/** Where `item` goes in a list sorted by `compare` (after any equal ones). */
function insertionPoint<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(list[middle], item) <= 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

function removeFrom<T>(list: T[], item: T, compare: (a: T, b: T) => number): void {
  // The sort fields of a row only change while it is out of its list, so it is where they say.
  let at = insertionPoint(list, item, compare) - 1;
  if (list[at] !== item) at = list.indexOf(item);
  if (at >= 0) list.splice(at, 1);
}

export class ProtocolsTreeModel {
  private readonly rows = new Map<string, Row>();
  private readonly layers = new Map<Layer, LayerList>();
  private readonly categories = new Map<string, CategoryList>();
  private built = false;
  private building = false;
  private pending: IndexChange[] = [];
  private frameworkChanged = false;
  /** What changed since the last `takeRefresh`. */
  private refreshAll = false;
  private readonly dirtyLists = new Set<LayerList | CategoryList>();
  private readonly dirtyRows = new Set<Row>();

  /** @param summaryOf the text after a protocol's name (its verdict, override and exposure). */
  constructor(
    private readonly atlas: Atlas,
    private readonly summaryOf: (path: string) => string,
  ) {}

  /** Remembers a change; the lists follow on the next read or `takeRefresh`. */
  noteChange(change: AtlasChange): void {
    if (change.frameworkChanged) this.frameworkChanged = true;
    if (change.index) this.pending.push(change.index);
  }

  /** The rows to ask for again since the last call, or 'all'; empty when nothing changed. */
  takeRefresh(): TreeRefresh {
    this.apply();
    for (const layer of this.layers.values()) {
      // Its description is its count: a note in or out of it, anywhere below, changes the row.
      if (layer.count !== layer.shownCount) this.dirtyLists.add(layer);
      layer.shownCount = layer.count;
    }
    const all = this.refreshAll;
    const lists = [...this.dirtyLists];
    const rows = [...this.dirtyRows];
    this.refreshAll = false;
    this.dirtyLists.clear();
    this.dirtyRows.clear();
    if (all) return 'all';
    // A row under a list being refreshed comes with it; a category under a refreshed layer too.
    const covered = new Set<LayerList | CategoryList>(lists);
    const listOf = (row: Row): LayerList | CategoryList | undefined =>
      row.category === undefined ? this.layers.get(row.layer) : this.categories.get(categoryKey(row.layer, row.category));
    const refreshed: ProtocolsTreeElement[] = [];
    for (const list of lists) {
      if (list.element.kind === 'category' && covered.has(this.layers.get(list.element.layer) as LayerList)) continue;
      refreshed.push(list.element);
    }
    for (const row of rows) {
      const list = listOf(row);
      if (list && (covered.has(list) || (list.element.kind === 'category' && covered.has(this.layers.get(row.layer) as LayerList)))) continue;
      refreshed.push(row.element);
    }
    return refreshed.length > MOST_REFRESHED ? 'all' : refreshed;
  }

  children(element?: ProtocolsTreeElement): ProtocolsTreeElement[] {
    this.apply();
    if (!element) return LAYER_ORDER.flatMap((layer) => (this.layers.has(layer) ? [(this.layers.get(layer) as LayerList).element] : []));
    if (element.kind === 'protocol') return [];
    if (element.kind === 'category') return this.categories.get(categoryKey(element.layer, element.category))?.rows.map((row) => row.element) ?? [];
    const layer = this.layers.get(element.layer);
    if (!layer) return [];
    return [...layer.categories.map((list): ProtocolsTreeElement => list.element), ...layer.uncategorised.map((row) => row.element)];
  }

  parent(element: ProtocolsTreeElement): ProtocolsTreeElement | undefined {
    this.apply();
    if (element.kind === 'layer') return undefined;
    if (element.kind === 'category') return this.layers.get(element.layer)?.element;
    const row = this.rows.get(element.path);
    if (!row) return undefined;
    return row.category === undefined ? this.layers.get(row.layer)?.element : this.categories.get(categoryKey(row.layer, row.category))?.element;
  }

  /** The protocols under a layer or category row. */
  count(element: LayerElement | CategoryElement): number {
    this.apply();
    if (element.kind === 'layer') return this.layers.get(element.layer)?.count ?? 0;
    return this.categories.get(categoryKey(element.layer, element.category))?.rows.length ?? 0;
  }

  /** The rows listed right under a layer (its categories and its protocols without one) or a category. */
  directRows(element: LayerElement | CategoryElement): number {
    this.apply();
    if (element.kind === 'category') return this.count(element);
    const layer = this.layers.get(element.layer);
    return layer ? layer.categories.length + layer.uncategorised.length : 0;
  }

  /** The row of a listed protocol, for revealing it; undefined when no row lists it. */
  elementOf(path: string): ProtocolElement | undefined {
    this.apply();
    return this.rows.get(path)?.element;
  }

  /** A protocol row's name and the text after it, or undefined for a row no longer listed. */
  protocol(element: ProtocolElement): { name: string; summary: string } | undefined {
    this.apply();
    const row = this.rows.get(element.path);
    if (!row) return undefined;
    if (row.summary === undefined) this.summarise(row);
    return { name: row.name, summary: row.summary as string };
  }

  private apply(): void {
    if (!this.built) {
      this.build();
      return;
    }
    if (this.frameworkChanged) {
      // Every verdict may differ: every row's text goes, and VS Code asks for everything again.
      this.frameworkChanged = false;
      for (const row of this.rows.values()) row.summary = undefined;
      this.refreshAll = true;
    }
    if (this.pending.length === 0) return;
    const changes = this.pending;
    this.pending = [];
    const touched = changedPaths(changes);
    const graph = this.atlas.index.graph;
    if (touched.size > REBUILD_ABOVE && touched.size * 4 > this.rows.size) {
      // A first index or a rebuild: sorting everything once beats inserting note by note.
      this.rows.clear();
      this.layers.clear();
      this.categories.clear();
      this.dirtyLists.clear();
      this.dirtyRows.clear();
      this.build();
      return;
    }
    for (const path of touched) {
      const row = this.rows.get(path);
      if (!graph.hasNode(path)) {
        if (row) this.unlist(row);
        continue;
      }
      const name = graph.getNodeAttribute(path, 'name') ?? path;
      const layer = graph.getNodeAttribute(path, 'layer');
      const category = graph.getNodeAttribute(path, 'category');
      if (!row) {
        this.list({ element: { kind: 'protocol', path }, name, layer, category, summary: undefined });
      } else if (row.name !== name || row.layer !== layer || row.category !== category) {
        this.unlist(row);
        Object.assign(row, { name, layer, category, summary: undefined });
        this.list(row);
      } else {
        row.summary = undefined;
        this.dirtyRows.add(row);
      }
    }
    // Exposure follows dependencies: only the changed notes and what depends on them can read
    // differently, and of those only rows VS Code has shown need a new text.
    if (this.refreshAll) {
      // VS Code asks for every row again: each text is made afresh then.
      for (const row of this.rows.values()) row.summary = undefined;
      return;
    }
    const exposure = this.atlas.exposureCounts();
    for (const path of dependentsClosure(graph, touched)) {
      const row = this.rows.get(path);
      if (!row || row.summary === undefined) continue;
      // In a large cycle nearly everything depends on the change; most of it reads the same.
      const now = exposure.get(path);
      const seen = row.exposure;
      const nearest = now?.nearest?.path;
      if (seen && seen.count === (now?.count ?? 0) && sameNearest(seen.nearest, nearest) && !nearest?.some((each) => touched.has(each))) continue;
      const before = row.summary;
      this.summarise(row);
      if (row.summary !== before) this.dirtyRows.add(row);
    }
    this.promoteCrowdedLists();
  }

  private summarise(row: Row): void {
    const exposure = this.atlas.exposureCounts().get(row.element.path);
    row.summary = this.summaryOf(row.element.path);
    row.exposure = { count: exposure?.count ?? 0, ...(exposure?.nearest && { nearest: exposure.nearest.path }) };
  }

  private build(): void {
    this.building = true;
    this.pending = [];
    this.frameworkChanged = false;
    // The first lists are what VS Code asks for anyway; new ones replace rows it has shown.
    this.refreshAll = this.built;
    this.atlas.index.graph.forEachNode((path, attributes) => {
      const row: Row = { element: { kind: 'protocol', path }, name: attributes.name ?? path, layer: attributes.layer, category: attributes.category, summary: undefined };
      this.rows.set(path, row);
      this.listOf(row, true).push(row);
    });
    for (const layer of this.layers.values()) {
      layer.categories.sort(byCategory);
      layer.uncategorised.sort(byName);
    }
    for (const category of this.categories.values()) category.rows.sort(byName);
    for (const layer of this.layers.values()) layer.shownCount = layer.count;
    this.building = false;
    this.built = true;
  }

  /** The list a row belongs in, created (with its layer) when missing; counts it in its layer. */
  private listOf(row: Row, counting: boolean): Row[] {
    let layer = this.layers.get(row.layer);
    if (!layer) {
      layer = { element: { kind: 'layer', layer: row.layer }, categories: [], uncategorised: [], count: 0, shownCount: 0 };
      this.layers.set(row.layer, layer);
      // A new layer row: the top level changed, which only a full refresh can say.
      if (!this.building) this.refreshAll = true;
    }
    if (counting) layer.count++;
    if (row.category === undefined) return layer.uncategorised;
    const key = categoryKey(row.layer, row.category);
    let category = this.categories.get(key);
    if (!category) {
      category = { element: { kind: 'category', layer: row.layer, category: row.category }, rows: [] };
      this.categories.set(key, category);
      if (!this.building) {
        layer.categories.splice(insertionPoint(layer.categories, category, byCategory), 0, category);
        this.dirtyLists.add(layer);
      } else {
        layer.categories.push(category);
      }
    }
    return category.rows;
  }

  private list(row: Row): void {
    this.rows.set(row.element.path, row);
    const rows = this.listOf(row, true);
    rows.splice(insertionPoint(rows, row, byName), 0, row);
    this.listChanged(row);
  }

  private unlist(row: Row): void {
    this.rows.delete(row.element.path);
    this.dirtyRows.delete(row);
    const layer = this.layers.get(row.layer) as LayerList;
    layer.count--;
    this.listChanged(row);
    if (row.category === undefined) {
      removeFrom(layer.uncategorised, row, byName);
    } else {
      const key = categoryKey(row.layer, row.category);
      const category = this.categories.get(key) as CategoryList;
      removeFrom(category.rows, row, byName);
      if (category.rows.length === 0) {
        this.categories.delete(key);
        this.dirtyLists.delete(category);
        layer.categories.splice(layer.categories.indexOf(category), 1);
        this.dirtyLists.add(layer);
      }
    }
    if (layer.count === 0) {
      this.layers.delete(row.layer);
      this.refreshAll = true;
    }
  }

  /** A row joined or left a list: that list (its order, its count) changed. */
  private listChanged(row: Row): void {
    const list = row.category === undefined ? this.layers.get(row.layer) : this.categories.get(categoryKey(row.layer, row.category));
    if (list) this.dirtyLists.add(list);
  }

  /** Many rows of one list to refresh cost more than the list itself. */
  private promoteCrowdedLists(): void {
    const perList = new Map<LayerList | CategoryList, Row[]>();
    for (const row of this.dirtyRows) {
      const list = row.category === undefined ? this.layers.get(row.layer) : this.categories.get(categoryKey(row.layer, row.category));
      if (!list) continue;
      const rows = perList.get(list);
      if (rows) rows.push(row);
      else perList.set(list, [row]);
    }
    for (const [list, rows] of perList) {
      if (rows.length <= ROWS_BEFORE_LIST) continue;
      this.dirtyLists.add(list);
      for (const row of rows) this.dirtyRows.delete(row);
    }
  }
}

function sameNearest(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  if (!a || !b) return a === b;
  return a.length === b.length && a.every((each, i) => each === b[i]);
}

function categoryKey(layer: Layer, category: string): string {
  return `${layer}\u0000${category}`;
}
