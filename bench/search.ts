// Protocol search over 10,000 synthetic names plus the article's protocols: the combined search
// (exact maps, uFuzzy, bigram-filtered fuse.js) against plain fuse.js in the same run.
// Every timed query is a string not searched before: V8 caches compiled regular expressions by
// source, so repeating a query would time the cache, not what a researcher typing gets.
// Run: npx tsx bench/search.ts
import Fuse from 'fuse.js';
import { DEFAULT_LIMIT, ProtocolSearch, type SearchEntry } from '../src/core/search/protocolSearch';
import { crowd, syntheticProtocols } from '../test/unit/search/fixtures';
import type { BenchRow } from './benchRow';
export type { BenchRow } from './benchRow';


type QueryKind = 'exact' | 'prefix' | 'dropped-vowels' | 'swapped-letters' | 'junk';

interface BenchQuery {
  kind: QueryKind;
  text: string;
  /** The entry a typo query was made from, for top-1 accuracy. */
  expected?: string;
}

const NAMES = 10_000;
const PER_KIND = 40;

function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Vowels after the first letter, never two in a row, so each gap is one letter: "btensr". */
function dropVowels(name: string): string {
  let out = name[0];
  let dropped = false;
  for (let i = 1; i < name.length; i++) {
    const drop: boolean = !dropped && /[aeiou]/i.test(name[i]);
    if (!drop) out += name[i];
    dropped = drop;
  }
  return out;
}

/** Two neighbouring letters inside the first word swapped: "bittnesor". */
function swapLetters(name: string, random: () => number): string {
  const word = name.split(/[ .]/)[0];
  const swappable = [...Array(Math.max(0, word.length - 3)).keys()].map((i) => i + 1).filter((i) => word[i] !== word[i + 1]);
  if (swappable.length === 0) return name;
  const i = swappable[Math.floor(random() * swappable.length)];
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

export function benchQueries(entries: readonly SearchEntry[], seed: number): BenchQuery[] {
  const random = generator(seed);
  const pick = (): SearchEntry => entries[Math.floor(random() * entries.length)];
  const named = new Set(entries.flatMap((entry) => [entry.name, ...entry.aliases]).map((value) => value.toLowerCase()));
  const queries: BenchQuery[] = [];
  const seen = new Set<string>();
  const push = (query: BenchQuery): void => {
    if (seen.has(query.text)) return;
    seen.add(query.text);
    queries.push(query);
  };
  const count = (kind: QueryKind): number => queries.filter((query) => query.kind === kind).length;
  while (count('exact') < PER_KIND) push({ kind: 'exact', text: pick().name.toLowerCase() });
  while (count('prefix') < PER_KIND) {
    const name = pick().name;
    push({ kind: 'prefix', text: name.slice(0, 3 + Math.floor(random() * 3)).toLowerCase() });
  }
  while (count('dropped-vowels') < PER_KIND) {
    const entry = pick();
    const text = dropVowels(entry.name).toLowerCase();
    if (text.length >= 4 && text !== entry.name.toLowerCase() && !named.has(text)) push({ kind: 'dropped-vowels', text, expected: entry.id });
  }
  while (count('swapped-letters') < PER_KIND) {
    const entry = pick();
    const text = swapLetters(entry.name, random).toLowerCase();
    if (text !== entry.name.toLowerCase() && !named.has(text)) push({ kind: 'swapped-letters', text, expected: entry.id });
  }
  const rare = 'qxzjvkwy';
  while (count('junk') < PER_KIND) {
    const length = 5 + Math.floor(random() * 5);
    const text = Array.from({ length }, () => rare[Math.floor(random() * rare.length)]).join('');
    push({ kind: 'junk', text });
  }
  return queries;
}

interface Measured {
  times: number[];
  top1: number;
  typoQueries: number;
  junkResults: number;
}

function measure(queries: readonly BenchQuery[], search: (text: string) => Array<{ id: string }>): Measured {
  const times: number[] = [];
  let top1 = 0;
  let typoQueries = 0;
  let junkResults = 0;
  for (const query of queries) {
    const started = performance.now();
    const results = search(query.text);
    times.push(performance.now() - started);
    if (query.expected !== undefined) {
      typoQueries++;
      if (results[0]?.id === query.expected) top1++;
    }
    if (query.kind === 'junk') junkResults += results.length;
  }
  return { times, top1, typoQueries, junkResults };
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

const round = (value: number, digits = 3): number => Number(value.toFixed(digits));

export async function benchSearch(): Promise<BenchRow[]> {
  const entries = crowd(NAMES);
  const buildStarted = performance.now();
  const search = new ProtocolSearch(entries);
  const buildMs = performance.now() - buildStarted;

  // Warm the JIT on other strings than the timed ones.
  for (const query of benchQueries(entries, 7)) search.search(`${query.text}w`);
  const queries = benchQueries(entries, 2025);
  const combined = measure(queries, (text) => search.search(text));

  const fuse = new Fuse(entries, { keys: ['name', 'aliases', 'category', 'layer'], includeMatches: true, includeScore: true });
  for (const query of benchQueries(entries, 8).slice(0, 20)) fuse.search(query.text, { limit: DEFAULT_LIMIT });
  const plain = measure(queries, (text) => fuse.search(text, { limit: DEFAULT_LIMIT }).map((result) => ({ id: result.item.id })));

  // A researcher edits one note at a time: each edit re-indexes one protocol.
  const edits = syntheticProtocols(200, 99).map((entry, i) => ({ ...entry, id: entries[i].id }));
  const setTimes = edits.map((entry) => {
    const started = performance.now();
    search.set(entry);
    return performance.now() - started;
  });

  const median = percentile(combined.times, 0.5);
  const p95 = percentile(combined.times, 0.95);
  const fuseMedian = percentile(plain.times, 0.5);
  const byKind = (kind: QueryKind): number =>
    percentile(
      combined.times.filter((_, i) => queries[i].kind === kind),
      0.5,
    );
  const info = (name: string, value: number, unit: string): BenchRow => ({ name, value: round(value), unit, target: 'report', ok: true });
  return [
    { name: `search median, ${queries.length} fresh mixed queries, ${entries.length} protocols`, value: round(median), unit: 'ms', target: '<= 1', ok: median <= 1 },
    { name: 'search p95', value: round(p95), unit: 'ms', target: '<= 5', ok: p95 <= 5 },
    ...(['exact', 'prefix', 'dropped-vowels', 'swapped-letters', 'junk'] as const).map((kind) => info(`search median, ${kind}`, byKind(kind), 'ms')),
    info('plain fuse.js median (default options, same queries)', fuseMedian, 'ms'),
    info('plain fuse.js p95', percentile(plain.times, 0.95), 'ms'),
    info('speed-up over plain fuse.js (median / median)', fuseMedian / median, 'x'),
    {
      name: 'typo queries with the intended protocol first (dropped vowels, swapped letters)',
      value: round(combined.top1 / combined.typoQueries, 2),
      unit: 'ratio',
      target: `>= plain fuse.js (${round(plain.top1 / plain.typoQueries, 2)})`,
      ok: combined.top1 >= plain.top1,
    },
    { name: 'results for junk queries', value: combined.junkResults, unit: 'results', target: '0', ok: combined.junkResults === 0 },
    info('plain fuse.js results for junk queries', plain.junkResults, 'results'),
    info('index build', buildMs, 'ms'),
    { name: 'update one protocol (set), median', value: round(percentile(setTimes, 0.5) * 1000, 1), unit: 'µs', target: '<= 100', ok: percentile(setTimes, 0.5) <= 0.1 },
  ];
}

if (require.main === module) {
  benchSearch().then(
    (rows) => console.log(JSON.stringify(rows, null, 2)),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
