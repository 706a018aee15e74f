// Search over protocol notes by name, alias, category and layer, for the QuickPick, the webview
// and the CLI. Typo-tolerant and ranked, with UTF-16 ranges for highlighting; the passes and why
// they are combined this way are in fieldIndex.ts, the score bands in scoring.ts.
import type { Layer } from '../vocabulary/model';
import { exactKey, fold, type TextRange } from './fold';
import { FieldIndex, type FieldHit } from './fieldIndex';
import { prepareQuery } from './query';
import { tierScore, weighted } from './scoring';
import { HAN, pinyinSpellings } from './pinyin';
import { BUILTIN_VOCABULARY, LAYER_WORDS, categoryById, type Vocabulary } from '../vocabulary/taxonomy';

export interface SearchEntry {
  /** The note's path: the result's identity. */
  id: string;
  name: string;
  aliases: string[];
  category?: string;
  layer: Layer;
}

export interface SearchMatch {
  field: 'name' | 'alias' | 'pinyin' | 'category' | 'layer';
  value: string;
  ranges: Array<[start: number, endExclusive: number]>;
}

export interface SearchResult {
  id: string;
  name: string;
  /** Higher is better; comparable within one search only. */
  score: number;
  matches: SearchMatch[];
}

/** Enough for every protocol of a research workspace; pass Infinity for all of them. */
export const DEFAULT_LIMIT = 100;

/**
 * Fewer protocols than this from the strict passes means the query is probably misspelt, so
 * the more forgiving (and slower) passes get their turn.
 */
const ENOUGH_PROTOCOLS = 3;

/** Fuzzy hits ranked per pass, beyond the limit: the slack lets name matches outrank alias ones. */
const RANKING_SLACK = 100;

const NAME_TAG = -1;
const PINYIN_TAG = -2;

interface IndexedProtocol {
  readonly entry: SearchEntry;
  /** Folded name then id: a stable, locale-free order for ties and for the empty query. */
  readonly sortKey: string;
  readonly fields: number[];
  readonly groups: ValueGroup[];
}

/** All protocols sharing one category or layer value: matched once, listed for each member. */
interface ValueGroup {
  readonly kind: 'category' | 'layer';
  readonly value: string;
  field: number;
  readonly members: Set<IndexedProtocol>;
  /** `members` by name, rebuilt on the first search after the membership changes. */
  sorted?: IndexedProtocol[];
}

interface Candidate {
  protocol: IndexedProtocol;
  score: number;
  hits: Array<{ field: SearchMatch['field']; tag: number; value: string; ranges: TextRange[] }>;
}

const FIELD_ORDER: Record<SearchMatch['field'], number> = { name: 0, alias: 1, pinyin: 2, category: 3, layer: 4 };

export class ProtocolSearch {
  private readonly protocols = new Map<string, IndexedProtocol>();
  private readonly names = new FieldIndex<IndexedProtocol>();
  private readonly groupValues = new FieldIndex<ValueGroup>({ wordStart: true });
  private readonly groups = new Map<string, ValueGroup>();
  private sortedByName: IndexedProtocol[] | undefined;
  /**
   * Protocols set (or deleted: null) but not indexed yet. Indexing costs ~40 µs a protocol, 0.4 s
   * for a first index of 10,000 notes, which a CLI command that never searches need not pay and
   * an editor can spread over idle moments (`indexPending`); a search indexes what is left first.
   */
  private readonly pending = new Map<string, SearchEntry | null>();

  /** `vocabulary`: a researcher's own words for the categories and layers find them too. */
  constructor(entries?: Iterable<SearchEntry>, private readonly vocabulary: Vocabulary = BUILTIN_VOCABULARY) {
    if (entries) for (const entry of entries) this.set(entry);
  }

  get size(): number {
    this.indexPending();
    return this.protocols.size;
  }

  /** Adds or replaces one protocol: O(its names), so it can follow every edit of a note. */
  set(entry: SearchEntry): void {
    const copy: SearchEntry = {
      id: entry.id,
      name: String(entry.name ?? ''),
      aliases: Array.isArray(entry.aliases) ? entry.aliases.filter((alias) => typeof alias === 'string') : [],
      layer: entry.layer,
      ...(typeof entry.category === 'string' ? { category: entry.category } : {}),
    };
    // Map order is first insertion: a later set of the same protocol must still come last.
    this.pending.delete(copy.id);
    this.pending.set(copy.id, copy);
  }

  delete(id: string): void {
    this.pending.delete(id);
    this.pending.set(id, null);
  }

  replaceAll(entries: Iterable<SearchEntry>): void {
    this.pending.clear();
    for (const id of this.protocols.keys()) this.pending.set(id, null);
    for (const entry of entries) this.set(entry);
  }

  /**
   * Indexes protocols set or deleted since the last search, for at most about `budgetMs`
   * milliseconds (all of them without a budget). True while some are left.
   */
  indexPending(budgetMs = Infinity): boolean {
    if (this.pending.size === 0) return false;
    const started = budgetMs === Infinity ? 0 : performance.now();
    let done = 0;
    for (const [id, entry] of this.pending) {
      this.pending.delete(id);
      this.remove(id);
      if (entry) this.add(entry);
      // Reading the clock costs more than indexing one protocol: look every few dozen.
      if (++done % 32 === 0 && budgetMs !== Infinity && performance.now() - started >= budgetMs) break;
    }
    return this.pending.size > 0;
  }

  private add(copy: SearchEntry): void {
    const protocol: IndexedProtocol = {
      entry: copy,
      sortKey: `${exactKey(fold(copy.name).text)}\u0000${copy.id}`,
      fields: [],
      groups: [],
    };
    const seen = new Set<string>();
    const addName = (value: string, tag: number): void => {
      const key = exactKey(fold(value).text);
      if (key === '' || seen.has(key)) return;
      seen.add(key);
      protocol.fields.push(this.names.add(protocol, tag, value));
    };
    addName(copy.name, NAME_TAG);
    copy.aliases.forEach((alias, index) => addName(alias, index));
    for (const value of [copy.name, ...copy.aliases]) for (const spelling of pinyinSpellings(value)) addName(spelling, PINYIN_TAG);
    if (copy.category !== undefined && copy.category.trim() !== '') {
      this.join(protocol, 'category', copy.category);
      // 算力 finds the compute networks: the category's words in other scripts are its values too.
      for (const word of valueWords(categoryWords(copy.category), this.vocabulary.extraCategoryWords(copy.category))) this.join(protocol, 'category', word);
    }
    if (typeof copy.layer === 'string' && copy.layer.trim() !== '') {
      this.join(protocol, 'layer', copy.layer);
      for (const word of valueWords(layerWords(copy.layer), this.vocabulary.extraLayerWords(copy.layer))) this.join(protocol, 'layer', word);
    }
    this.protocols.set(copy.id, protocol);
    this.sortedByName = undefined;
  }

  private remove(id: string): void {
    const protocol = this.protocols.get(id);
    if (!protocol) return;
    for (const field of protocol.fields) this.names.remove(field);
    for (const group of protocol.groups) {
      group.members.delete(protocol);
      group.sorted = undefined;
      if (group.members.size === 0) {
        this.groupValues.remove(group.field);
        this.groups.delete(groupKey(group.kind, group.value));
      }
    }
    this.protocols.delete(id);
    this.sortedByName = undefined;
  }

  /**
   * Protocols matching `query`, best first, at most `limit`. An empty or blank query lists every
   * protocol by name (score 0, no matches), because the QuickPick opens on the full list. Never
   * throws: a query with no letters or digits can only match a value exactly.
   */
  search(query: string, limit: number = DEFAULT_LIMIT): SearchResult[] {
    this.indexPending();
    const max = Number.isNaN(limit) ? DEFAULT_LIMIT : Math.floor(Math.max(0, limit));
    if (max === 0) return [];
    const prepared = prepareQuery(query);
    if (prepared.key === '') {
      return this.byName().slice(0, max).map((protocol) => ({ id: protocol.entry.id, name: protocol.entry.name, score: 0, matches: [] }));
    }
    const budget = Math.min(max, this.protocols.size) + RANKING_SLACK;
    const candidates = new Map<IndexedProtocol, Candidate>();
    const add = (protocol: IndexedProtocol, field: SearchMatch['field'], hit: FieldHit<unknown>): void => {
      const score = weighted(field, hit.score);
      let candidate = candidates.get(protocol);
      if (!candidate) candidates.set(protocol, (candidate = { protocol, score, hits: [] }));
      candidate.score = Math.max(candidate.score, score);
      candidate.hits.push({ field, tag: hit.tag, value: hit.value, ranges: hit.ranges });
    };
    let namedExactly = false;
    for (const hit of this.names.search(prepared, { enough: ENOUGH_PROTOCOLS, budget })) {
      add(hit.owner, hit.tag === NAME_TAG ? 'name' : hit.tag === PINYIN_TAG ? 'pinyin' : 'alias', hit);
      namedExactly ||= hit.score >= tierScore('compact');
    }
    // A category or layer lists thousands of protocols at one score, and ties go by name, so
    // only the first `max` of each by name can make the list; the others' hits are filled in
    // below for the protocols that make it through another match.
    const groupHits = new Map<ValueGroup, FieldHit<ValueGroup>>();
    for (const hit of this.groupValues.search(prepared, { enough: 1, budget: Infinity, forgiving: !namedExactly })) {
      groupHits.set(hit.owner, hit);
      const members = (hit.owner.sorted ??= [...hit.owner.members].sort(bySortKey));
      for (let i = 0; i < members.length && i < max; i++) add(members[i], hit.owner.kind, hit);
    }
    const top = topCandidates([...candidates.values()], max);
    for (const candidate of top) {
      for (const group of candidate.protocol.groups) {
        const hit = groupHits.get(group);
        if (hit && !candidate.hits.some((known) => known.field === group.kind)) {
          candidate.hits.push({ field: group.kind, tag: hit.tag, value: hit.value, ranges: hit.ranges });
        }
      }
    }
    return top.map(toResult);
  }

  private join(protocol: IndexedProtocol, kind: ValueGroup['kind'], value: string): void {
    const key = groupKey(kind, value);
    let group = this.groups.get(key);
    if (!group) {
      group = { kind, value, field: -1, members: new Set() };
      group.field = this.groupValues.add(group, 0, value);
      this.groups.set(key, group);
    }
    group.members.add(protocol);
    group.sorted = undefined;
    protocol.groups.push(group);
  }

  private byName(): IndexedProtocol[] {
    this.sortedByName ??= [...this.protocols.values()].sort(bySortKey);
    return this.sortedByName;
  }
}

function categoryWords(id: string): readonly string[] {
  const category = categoryById(id);
  return category ? [category.chineseLabel, ...category.synonyms] : [];
}

function layerWords(layer: string): readonly string[] {
  return (LAYER_WORDS as Record<string, { chineseLabel: string; synonyms: readonly string[] } | undefined>)[layer]?.synonyms ?? [];
}

/**
 * Of the built-in words only those with Han characters (the English ones are the id's own
 * spelling variants), and every word the researcher added, in any language.
 */
function valueWords(builtIn: readonly string[], extra: readonly string[]): string[] {
  const words = builtIn.filter((word) => HAN.test(word));
  return extra.length === 0 ? [...new Set(words)] : [...new Set([...words, ...extra])];
}

function groupKey(kind: ValueGroup['kind'], value: string): string {
  return `${kind}\u0000${value}`;
}

function bySortKey(a: IndexedProtocol, b: IndexedProtocol): number {
  return a.sortKey < b.sortKey ? -1 : a.sortKey > b.sortKey ? 1 : 0;
}

function byRank(a: Candidate, b: Candidate): number {
  return b.score - a.score || bySortKey(a.protocol, b.protocol);
}

/**
 * The best `limit` candidates. A category or layer query matches thousands of protocols with
 * the same score; cutting at the limit-th score first keeps the string comparisons to the few
 * that can still make the list.
 */
function topCandidates(candidates: Candidate[], limit: number): Candidate[] {
  if (candidates.length > limit * 4) {
    const scores = Float64Array.from(candidates, (candidate) => candidate.score).sort();
    const cutoff = scores[scores.length - limit];
    candidates = candidates.filter((candidate) => candidate.score >= cutoff);
  }
  return candidates.sort(byRank).slice(0, limit);
}

function toResult(candidate: Candidate): SearchResult {
  const hits = [...candidate.hits].sort((a, b) => FIELD_ORDER[a.field] - FIELD_ORDER[b.field] || a.tag - b.tag);
  return {
    id: candidate.protocol.entry.id,
    name: candidate.protocol.entry.name,
    score: candidate.score,
    matches: hits.map((hit) => ({
      field: hit.field,
      value: hit.value,
      ranges: hit.ranges.map(([start, end]): [number, number] => [start, end]),
    })),
  };
}
