// The protocols a researcher following FRAMEWORK.md keeps notes on, and a deterministic crowd
// of 10,000 plausible Web3 AI names to hide them in. The quality tests and bench/search.ts use
// the same data, so the benchmark times exactly what the tests hold to account.
import type { Layer } from '../../../src/core/vocabulary/model';
import type { SearchEntry } from '../../../src/core/search/protocolSearch';

function entry(name: string, aliases: string[], layer: Layer, category: string): SearchEntry {
  const file = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  return { id: `notes/${layer}/${file}.md`, name, aliases, layer, category };
}

export const REALISTIC: readonly SearchEntry[] = [
  entry('Render', ['Render Network', 'RNDR'], 'infrastructure', 'compute'),
  entry('Akash', ['Akash Network', 'AKT'], 'infrastructure', 'compute'),
  entry('io.net', ['IO', 'io.net Cloud'], 'infrastructure', 'compute'),
  entry('Arweave', ['AR', 'permaweb'], 'infrastructure', 'storage'),
  entry('Filecoin', ['FIL'], 'infrastructure', 'storage'),
  entry('Storj', ['Storj DCS'], 'infrastructure', 'storage'),
  entry('NEAR', ['NEAR Protocol'], 'infrastructure', 'l1'),
  entry('Olas', ['Autonolas'], 'infrastructure', 'l1'),
  entry('Fetch.ai', ['Fetch', 'FET'], 'infrastructure', 'l1'),
  entry('Grass', ['Grass Network'], 'middleware', 'data'),
  entry('Masa', ['Masa Network'], 'middleware', 'data'),
  entry('Vana', ['Vana Network'], 'middleware', 'data'),
  entry('Eliza', ['ai16z Eliza', 'elizaOS'], 'middleware', 'agent-framework'),
  entry('ARC', ['AI Rig Complex', 'Rig'], 'middleware', 'agent-framework'),
  entry('Swarms', ['Swarms Framework'], 'middleware', 'agent-framework'),
  entry('Phala', ['Phala Network', 'PHA'], 'middleware', 'privacy'),
  entry('Bittensor', ['TAO'], 'model', 'model-training'),
  entry('Yield Pilot', [], 'application', 'defai'),
  entry('Ledger Scout', [], 'application', 'ai-agents'),
  entry('Hivemind Desk', [], 'application', 'agent-swarm'),
];

const CATEGORY_LAYERS: ReadonlyArray<[category: string, layer: Layer]> = [
  ['compute', 'infrastructure'],
  ['storage', 'infrastructure'],
  ['l1', 'infrastructure'],
  ['data', 'middleware'],
  ['agent-framework', 'middleware'],
  ['privacy', 'middleware'],
  ['model-training', 'model'],
  ['ai-agents', 'application'],
  ['defai', 'application'],
  ['agent-swarm', 'application'],
];

const STEMS = [
  'Neur', 'Deep', 'Quant', 'Aether', 'Nova', 'Cortex', 'Synap', 'Hyper', 'Meta', 'Omni', 'Flux', 'Zero',
  'Prime', 'Vector', 'Tensor', 'Lumen', 'Sol', 'Astra', 'Orbit', 'Echo', 'Nexus', 'Cipher', 'Atlas',
  'Vertex', 'Helix', 'Kairo', 'Myria', 'Onyx', 'Pulse', 'Quasar', 'Rune', 'Sigma', 'Tera', 'Umbra',
  'Vela', 'Wave', 'Xeno', 'Yield', 'Apex', 'Bolt', 'Core', 'Delta', 'Ember', 'Fable', 'Gaia', 'Halo',
  'Iris', 'Jade', 'Kite', 'Lyra', 'Mosaic', 'Nimbus', 'Ora', 'Pixel', 'Radiant', 'Strata', 'Titan',
];
const JOINS = ['', '', '', 'o', 'a', 'i', 'ex', 'on', 'ar', 'el', 'is', 'um'];
const SUFFIXES = [
  'Net', 'AI', 'Labs', 'Protocol', 'Swarm', 'Compute', 'DAO', 'Finance', 'Mind', 'Grid', 'Chain',
  'Agents', 'Data', 'Verse', 'Link', 'Node', 'Flow', 'Stack', 'Works', 'Hub',
];
const DOMAINS = ['ai', 'io', 'net', 'xyz', 'fi'];
const ACCENTED = ['Café', 'Élan', 'Señal', 'Öko', 'Ñu'];

/** Aliases the quality tests look up: no synthetic protocol may claim them. */
const RESERVED = new Set(REALISTIC.flatMap((e) => [e.name, ...e.aliases]).map((v) => v.toLowerCase()));

/** `count` synthetic protocols, the same for the same seed (a linear congruential generator). */
export function syntheticProtocols(count: number, seed = 42): SearchEntry[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const out: SearchEntry[] = [];
  const taken = new Set(RESERVED);
  const tickers = new Set(RESERVED);
  while (out.length < count) {
    const style = random();
    const stem = random() < 0.03 ? pick(ACCENTED) : pick(STEMS);
    let name =
      style < 0.5
        ? `${stem}${pick(JOINS)} ${pick(SUFFIXES)}`
        : style < 0.8
          ? `${stem}${pick(JOINS)}${pick(SUFFIXES).toLowerCase()}`
          : `${stem.toLowerCase()}${pick(JOINS)}.${pick(DOMAINS)}`;
    if (taken.has(name.toLowerCase())) name = `${name} ${1 + Math.floor(random() * 99)}`;
    if (taken.has(name.toLowerCase())) continue;
    taken.add(name.toLowerCase());
    const aliases: string[] = [];
    const ticker = freeTicker(name, tickers);
    if (ticker) aliases.push(ticker);
    if (random() < 0.2) aliases.push(`${name.split(/[ .]/)[0]} Network`);
    const [category, layer] = pick(CATEGORY_LAYERS);
    out.push({ id: `synthetic/${out.length}.md`, name, aliases, category, layer });
  }
  return out;
}

/** A ticker as projects pick them (mostly unique): letters of the name, first one kept. */
function freeTicker(name: string, tickers: Set<string>): string | undefined {
  const letters = name.normalize('NFKD').replace(/[^A-Za-z]/g, '').toUpperCase();
  for (let length = 3; length <= 4; length++) {
    for (let second = 1; second < letters.length; second++) {
      for (let third = second + 1; third < letters.length; third++) {
        const ticker = letters[0] + letters[second] + letters[third] + (length === 4 ? letters[letters.length - 1] : '');
        if (!tickers.has(ticker.toLowerCase())) {
          tickers.add(ticker.toLowerCase());
          return ticker;
        }
      }
    }
  }
  return undefined;
}

/** The realistic protocols hidden among `count` synthetic ones (realistic last, so insertion order cannot help). */
export function crowd(count = 10_000): SearchEntry[] {
  return [...syntheticProtocols(count), ...REALISTIC];
}
