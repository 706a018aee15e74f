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

/** The protocols examples/deepseek-2025-zh names in Chinese, found by their pinyin without a Chinese keyboard. */
export const CHINESE: readonly SearchEntry[] = [
  { id: 'notes/application/shouyi-linghangyuan.md', name: '收益领航员', aliases: [], layer: 'application', category: 'defai' },
  { id: 'notes/application/lianshang-zhenchabing.md', name: '链上侦察兵', aliases: [], layer: 'application', category: 'ai-agents' },
  { id: 'notes/application/fengchao-yanjiutai.md', name: '蜂巢研究台', aliases: [], layer: 'application', category: 'agent-swarm' },
];

const CHINESE_STEMS = [
  '算力', '深度', '智能', '星链', '量子', '灵犀', '天枢', '云图', '矩阵', '神经', '数据', '模型', '极光', '原点',
  '方舟', '火种', '北斗', '光年', '织网', '磐石', '昆仑', '玄武', '青鸾', '鸿蒙', '盘古', '启明', '长城', '蜂鸟',
];
const CHINESE_SUFFIXES = [
  '网络', '协议', '链', '实验室', '计算', '存储', '代理', '智能体', '数据', '金融', '研究台', '领航员', '侦察兵', '节点', '云',
];

/** `count` (at most 420) synthetic Chinese names such as 昆仑代理, the same for the same seed. */
export function chineseProtocols(count: number, seed = 7): SearchEntry[] {
  let state = seed >>> 0;
  const random = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const taken = new Set(CHINESE.map((e) => e.name));
  const out: SearchEntry[] = [];
  const wanted = Math.min(count, CHINESE_STEMS.length * CHINESE_SUFFIXES.length - taken.size);
  while (out.length < wanted) {
    const name = CHINESE_STEMS[Math.floor(random() * CHINESE_STEMS.length)] + CHINESE_SUFFIXES[Math.floor(random() * CHINESE_SUFFIXES.length)];
    if (taken.has(name)) continue;
    taken.add(name);
    const [category, layer] = CATEGORY_LAYERS[Math.floor(random() * CATEGORY_LAYERS.length)];
    out.push({ id: `synthetic-zh/${out.length}.md`, name, aliases: [], category, layer });
  }
  return out;
}

/** The realistic protocols hidden among `count` synthetic ones (realistic last, so insertion order cannot help). */
export function crowd(count = 10_000): SearchEntry[] {
  return [...syntheticProtocols(count), ...REALISTIC];
}
