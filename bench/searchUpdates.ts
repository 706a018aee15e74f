// How the search index's update cost grows with the vault: Rebuild Index re-sets every protocol,
// and each edit re-sets one. Both must stay linear in what changed, so re-setting n names should
// take ~n times one name's cost at any vault size (a posting list scan per removal made it
// quadratic: 0.21 / 0.57 / 2.1 / 9.0 s for 5k / 10k / 20k / 40k names).
// Run: npx tsx bench/searchUpdates.ts   (prints BenchRow JSON lines)
import { ProtocolSearch } from '../src/core/search/protocolSearch';
import { syntheticProtocols } from '../test/unit/search/fixtures';
import type { BenchRow } from './benchRow';
import type { SearchEntry } from '../src/core/search/protocolSearch';
import { WORDS } from './syntheticNotes';

const SIZES = [5_000, 10_000, 20_000, 40_000];
const SINGLE_EDITS = 500;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/** Names as bench/vaultShapes.ts writes them ("Protocol 5sc cluster"): every one shares "Protocol". */
function vaultProtocols(count: number): SearchEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `notes/note-${i}.md`,
    name: `Protocol ${i.toString(36)} ${WORDS[(i * 7919) % WORDS.length]}`,
    aliases: [`P${i.toString(36).toUpperCase()}`],
    layer: 'application',
    category: 'defai',
  }));
}

export function benchSearchUpdates(): BenchRow[] {
  return [...benchNames('synthetic names', syntheticProtocols), ...benchNames('vault-shape names', vaultProtocols)];
}

function benchNames(label: string, protocols: (count: number) => SearchEntry[]): BenchRow[] {
  const rows: BenchRow[] = [];
  const perName: number[] = [];
  for (const size of SIZES) {
    const entries = protocols(size);
    const search = new ProtocolSearch(entries);
    search.indexPending();
    const resets: number[] = [];
    for (let run = 0; run < 3; run++) {
      const started = performance.now();
      for (const entry of entries) search.set(entry);
      search.indexPending(); // sets are indexed lazily: time the indexing too
      resets.push(performance.now() - started);
    }
    const reset = median(resets);
    // One edit: a protocol renamed and back, spread over the vault.
    const singles: number[] = [];
    for (let i = 0; i < SINGLE_EDITS; i++) {
      const entry = entries[(i * 7919) % entries.length];
      const started = performance.now();
      search.set({ ...entry, name: `${entry.name} edited` });
      search.indexPending();
      search.set(entry);
      search.indexPending();
      singles.push((performance.now() - started) / 2);
    }
    perName.push(reset / size);
    rows.push({ name: `search, ${label}: re-set all ${size} protocols (Rebuild Index)`, value: Math.round(reset), unit: 'ms', target: 'report', ok: true });
    rows.push({ name: `search, ${label}: one protocol re-set at ${size}`, value: Number(median(singles).toFixed(4)), unit: 'ms', target: 'report', ok: true });
  }
  // Linear growth: the per-name cost at 40k within 2x of the one at 5k (cache effects aside).
  const growth = perName[perName.length - 1] / perName[0];
  rows.push({ name: `search, ${label}: per-protocol re-set cost, 40k vs 5k`, value: Number(growth.toFixed(2)), unit: 'x', target: '<= 2', ok: growth <= 2 });
  return rows;
}

if (require.main === module) for (const row of benchSearchUpdates()) console.log(JSON.stringify(row));
