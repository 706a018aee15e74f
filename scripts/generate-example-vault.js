#!/usr/bin/env node
// Writes examples/web3-ai-500: a 500-protocol vault made to stress the layer graph the way a
// researcher's vault grows, not the tidy DAG the benchmark draws. The protocols are made up
// (plausible names, nothing said about a real project); the shape is the point:
//
//   - hubs: one agent framework 150 protocols depend on, an L1 95 do, then 60, 45, 40 and 40;
//   - a giant cycle: 40 data, privacy and model networks that each integrate the next (and a few
//     across), one strongly connected component spanning two bands;
//   - a chain of 30 DeFAI wrappers, each wrapping the next one's strategy;
//   - a band of 200 (application), long names, Chinese names, layers and categories written in
//     Chinese, aliases used as dependencies, overrides with a reason;
//   - 20 notes in inbox/ with no front matter at all: unclassified.
//
// Deterministic: the same seed writes the same bytes, so the committed vault can be checked
// against this script (test/unit/exampleVault.test.ts).
//
// Usage: node scripts/generate-example-vault.js [folder]   (default examples/web3-ai-500; replaces it)
const fs = require('fs');
const path = require('path');

const SEED = 500;
const DEFAULT_FOLDER = path.join(__dirname, '..', 'examples', 'web3-ai-500');

/** mulberry32: small, fast and the same on every machine. */
function seeded(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PREFIXES = (
  'Aster Axion Borea Cadence Calyx Cinder Cobalt Corvid Cresta Dapple Delphi Drift Ember Enso Epoch Fathom ' +
  'Fennel Flux Gale Glint Halo Helix Hollow Ion Iris Jasper Juno Kairo Kestrel Kiln Lattice Lyra Mantle ' +
  'Marrow Mica Mosaic Nadir Nimbus Noctis Nova Obsidian Onyx Orin Osprey Parallax Peregrine Photon Pylon ' +
  'Quanta Quill Radiant Raven Rift Sable Saffron Sentry Sierra Solace Sorrel Spindle Strata Sylph Tallow ' +
  'Thistle Tidal Topaz Tundra Umbra Vale Vanta Vela Verdant Vesper Vireo Wisp Xeno Yarrow Zenith Zephyr ' +
  'Zinc Alder Basalt Cirrus Dune Fjord Garnet Heron Indigo Jade Kelp Loom Moss Nettle Opal Quartz Reed ' +
  'Slate Teal Umber Willow Arbor Beacon Cairn Echo Forge Grove Harbor Inlet Kite Lark Mesa Oriel Prism ' +
  'Rune Shoal Tarn Vector Weft Yonder Zircon Argent Bramble Cygnet Dynamo Etch Ferrite Gossamer Hydra ' +
  'Isotope Jubilee Karst Lumen Magma Nectar Ochre Plinth Quasar Rill Sprocket Tessel Ursa Vortex Wren'
).split(' ');

/** Name endings as projects in each category tend to pick them. */
const SUFFIXES = {
  compute: ['Compute', 'GPU', 'Cloud', 'Grid', 'Render', 'Nodes', 'Cluster', 'Flops'],
  storage: ['Store', 'Archive', 'Drive', 'Vault', 'Permaweb', 'Blob'],
  l1: ['Chain', 'Network', 'L2', 'Rollup', 'Ledger'],
  data: ['Data', 'Oracle', 'Index', 'Feeds', 'Graph', 'Labels', 'Stream'],
  'agent-framework': ['Agents', 'Agent Kit', 'SDK', 'OS', 'Framework', 'Runtime'],
  privacy: ['Enclave', 'FHE', 'Shield', 'TEE', 'Cipher', 'ZK'],
  'model-training': ['Subnet', 'Train', 'Models', 'Mind', 'Neural', 'Foundry', 'Weights'],
  'ai-agents': ['AI', 'Agent', 'Bot', 'Terminal', 'Analyst', 'Scout', 'Companion'],
  defai: ['Finance', 'Yield', 'Swap', 'Trade', 'Credit', 'Perps'],
  'agent-swarm': ['Swarm', 'Hive', 'Collective', 'Guild', 'Council'],
};

const CATEGORY_TEXT = {
  compute: 'rents out GPUs for inference and fine-tuning, priced below the big clouds',
  storage: 'stores model weights, datasets and agent memory, paid per byte and month',
  l1: 'is a chain that agent tokens launch on and settle to',
  data: 'collects, labels and serves data for models and agents',
  'agent-framework': 'is a framework agents are written in: memory, tools, wallets and plugins',
  privacy: 'runs inference on private inputs (enclaves or encrypted computation)',
  'model-training': 'rewards contributors for training and evaluating open models',
  'ai-agents': 'is an agent with its own token that posts, trades or answers for its holders',
  defai: 'lets agents manage positions: swaps, lending and yield, on a chat command',
  'agent-swarm': 'coordinates many agents on one task and splits the reward between them',
};

/** Tickers and other short names researchers write instead: unique across the vault. */
function ticker(name, taken) {
  const letters = name.normalize('NFKD').replace(/[^A-Za-z]/g, '').toUpperCase();
  for (const length of [3, 4, 5]) {
    for (let start = 0; start + length <= letters.length; start++) {
      const candidate = letters[0] + letters.slice(start + 1, start + length);
      if (candidate.length === length && !taken.has(candidate)) {
        taken.add(candidate);
        return candidate;
      }
    }
  }
  return undefined;
}

function slug(name) {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
}

function generate(seed = SEED) {
  const next = seeded(seed);
  const random = (below) => Math.floor(next() * below);
  const shuffled = (items) => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = random(i + 1);
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  const protocols = [];
  const names = new Set();
  const add = (protocol) => {
    if (names.has(protocol.name)) throw new Error(`two protocols named ${protocol.name}`);
    names.add(protocol.name);
    protocols.push({ dependsOn: [], aliases: [], tags: [], ...protocol });
    return protocols[protocols.length - 1];
  };
  const prefixes = shuffled(PREFIXES);
  let prefixAt = 0;
  const coined = (category) => {
    for (;;) {
      const prefix = prefixes[prefixAt++ % prefixes.length];
      const suffix = SUFFIXES[category][random(SUFFIXES[category].length)];
      const style = random(10);
      const name = style === 0 ? `${prefix.toLowerCase()}.${suffix === 'AI' ? 'ai' : suffix.toLowerCase().replace(/\s+/g, '')}` : style === 1 ? `${prefix}${suffix.replace(/\s+/g, '')}` : `${prefix} ${suffix}`;
      if (!names.has(name)) return name;
    }
  };

  // The hubs, by name, so the tests and the README can point at them.
  const solvane = add({ name: 'Solvane', layer: 'infrastructure', category: 'l1', hub: 95, tags: ['l1', 'hub'] });
  const tessera = add({ name: 'Tessera Compute', layer: 'infrastructure', category: 'compute', hub: 60, tags: ['depin', 'gpu', 'hub'] });
  const arcus = add({ name: 'Arcus Storage', layer: 'infrastructure', category: 'storage', hub: 45, tags: ['storage', 'hub'] });
  const nexa = add({ name: 'Nexa Agent Kit', layer: 'middleware', category: 'agent-framework', hub: 150, tags: ['framework', 'hub'] });
  const meridian = add({ name: 'Meridian Oracle', layer: 'middleware', category: 'data', hub: 40, tags: ['oracle', 'hub'] });
  const lumen = add({ name: 'Lumen Subnets', layer: 'model', category: 'model-training', hub: 40, tags: ['subnets', 'hub'] });
  nexa.dependsOn.push(tessera, solvane, arcus);
  tessera.dependsOn.push(solvane);
  arcus.dependsOn.push(solvane);
  meridian.dependsOn.push(solvane);
  lumen.dependsOn.push(tessera, meridian);

  // Names a researcher writes out in full, cut on the canvas and whole in the card.
  const long = [
    ['Decentralised Autonomous Inference Settlement Protocol', 'infrastructure', 'compute'],
    ['Open Verifiable Compute Marketplace for Autonomous Agents', 'infrastructure', 'compute'],
    ['Proof of Useful Work Federated Learning Network', 'model', 'model-training'],
    ['Cross-Chain Intent Solver Network for AI Agents', 'middleware', 'agent-framework'],
    ['Zero-Knowledge Machine Learning Attestation Layer', 'middleware', 'privacy'],
    ['Permissionless Synthetic Data Generation Collective', 'middleware', 'data'],
    ['Sovereign Agent Identity and Reputation Registry', 'application', 'ai-agents'],
    ['Multi-Agent Reinforcement Learning Trading Consortium', 'application', 'agent-swarm'],
  ];
  for (const [name, layer, category] of long) add({ name, layer, category, tags: ['long-name'] });

  // Chinese notes, some with the article's own words for the layer and the category.
  const chinese = [
    ['灵枢算力网络', 'Lingshu Compute', 'infrastructure', 'compute', '基础设施层', '算力'],
    ['鲲鹏算力池', 'Kunpeng Pool', 'infrastructure', 'compute'],
    ['天穹存储', 'Tianqiong Storage', 'infrastructure', 'storage', '基础设施层', '存储'],
    ['玄武链', 'Xuanwu Chain', 'infrastructure', 'l1', '基础设施层', '公链'],
    ['星图数据', 'Xingtu Data', 'middleware', 'data', '中间件层', '数据'],
    ['百川数据标注', 'Baichuan Labels', 'middleware', 'data'],
    ['北斗预言机', 'Beidou Oracle', 'middleware', 'data', '中间件层', '数据'],
    ['麒麟隐私计算', 'Qilin Privacy', 'middleware', 'privacy', '中间件层', '隐私计算'],
    ['墨子零知识', 'Mozi ZK', 'middleware', 'privacy'],
    ['织女智能体框架', 'Zhinv Agents', 'middleware', 'agent-framework', '中间件层', '智能体框架'],
    ['千帆模型网络', 'Qianfan Models', 'model', 'model-training', '模型层', '开源模型训练网络'],
    ['启明训练网', 'Qiming Train', 'model', 'model-training'],
    ['深链智能体', 'Shenlian Agent', 'application', 'ai-agents', '应用层', 'AI代理'],
    ['神机量化', 'Shenji Quant', 'application', 'defai'],
    ['青鸾智能体集群', 'Qingluan Swarm', 'application', 'agent-swarm', '应用层', '智能体集群'],
    ['云梯推理助手', 'Yunti Assistant', 'application', 'ai-agents'],
  ];
  for (const [name, alias, layer, category, layerWord, categoryWord] of chinese) {
    add({ name, layer, category, aliases: [alias], chinese: true, ...(layerWord && { layerWord, categoryWord }), tags: ['中文'] });
  }

  // Everyone else, to fill each band to its size: 100, 110, 70 and 200.
  const quota = {
    infrastructure: { l1: 12, compute: 55, storage: 33 },
    middleware: { 'agent-framework': 30, data: 45, privacy: 35 },
    model: { 'model-training': 70 },
    application: { 'ai-agents': 110, defai: 40, 'agent-swarm': 20 },
  };
  for (const [layer, categories] of Object.entries(quota)) {
    for (const [category, count] of Object.entries(categories)) {
      const have = protocols.filter((p) => p.layer === layer && p.category === category).length;
      for (let i = have; i < count; i++) add({ name: coined(category), layer, category });
    }
  }

  // The chain: 30 DeFAI wrappers, each a token over the next one's strategy, the last over Solvane's staking.
  const wrapperSuffixes = ['Vault', 'Index', 'Tranche', 'Basket', 'Leverage', 'Strategy', 'Wrapped Yield'];
  const chain = [];
  for (let i = 0; i < 30; i++) {
    const prefix = prefixes[prefixAt++ % prefixes.length];
    chain.push(add({ name: `${prefix} ${wrapperSuffixes[i % wrapperSuffixes.length]}`, layer: 'application', category: 'defai', wrapper: true, tags: ['wrapper', 'yield'] }));
  }
  for (let i = 0; i + 1 < chain.length; i++) chain[i].dependsOn.push(chain[i + 1]);
  chain[chain.length - 1].dependsOn.push(solvane);

  const byLayer = (layer, also = () => true) => protocols.filter((p) => p.layer === layer && !p.hub && !p.wrapper && also(p));
  const of = (layer, category) => byLayer(layer, (p) => p.category === category);

  // The giant cycle: data and privacy networks feed model networks, which label and filter the
  // data networks' output in return. Ring order alternates bands every few steps.
  const ringMiddleware = shuffled([...of('middleware', 'data'), ...of('middleware', 'privacy')]).slice(0, 22);
  const ringModel = shuffled(of('model', 'model-training')).slice(0, 18);
  const ring = [];
  for (let i = 0, m = 0, d = 0; ring.length < 40; i++) {
    if (i % 9 < 5 && m < ringMiddleware.length) ring.push(ringMiddleware[m++]);
    else if (d < ringModel.length) ring.push(ringModel[d++]);
    else ring.push(ringMiddleware[m++]);
  }
  ring.forEach((p, i) => {
    p.cycle = true;
    p.dependsOn.push(ring[(i + 1) % ring.length]);
  });
  for (let k = 0; k < 8; k++) {
    const from = ring[random(ring.length)];
    const to = ring[random(ring.length)];
    if (from !== to && !from.dependsOn.includes(to)) from.dependsOn.push(to);
  }

  // Each hub gets exactly its number of dependents, from the bands above it (and its own, for
  // the frameworks' plugins).
  const hubDependents = [
    [nexa, 135, byLayer('application')],
    [nexa, 15, byLayer('middleware', (p) => p.category === 'agent-framework')],
    [solvane, 95, [...byLayer('infrastructure', (p) => p.category !== 'l1' || /(L2|Rollup)$/.test(p.name)), ...byLayer('middleware'), ...byLayer('application')]],
    [tessera, 60, [...byLayer('model'), ...of('middleware', 'privacy'), ...byLayer('application')]],
    [arcus, 45, [...of('middleware', 'data'), ...byLayer('model'), ...of('application', 'ai-agents')]],
    [meridian, 40, [...of('application', 'defai'), ...byLayer('model'), ...byLayer('application')]],
    [lumen, 40, byLayer('application')],
  ];
  for (const [hub, count, pool] of hubDependents) {
    const already = protocols.filter((p) => p.dependsOn.includes(hub) && pool.includes(p)).length;
    const eligible = shuffled([...new Set(pool)].filter((p) => p !== hub && !p.dependsOn.includes(hub)));
    const wanted = count - already;
    if (eligible.length < wanted) throw new Error(`${hub.name}: only ${eligible.length} candidates for ${wanted} dependents`);
    for (const p of eligible.slice(0, wanted)) p.dependsOn.push(hub);
  }

  // The rest of the dependencies: a few popular protocols in each band below (Zipf-like), so
  // there are middling hubs too, and most protocols have one to three dependencies.
  const lower = { infrastructure: [], middleware: ['infrastructure'], model: ['infrastructure', 'middleware'], application: ['infrastructure', 'middleware', 'model'] };
  const popularity = new Map(protocols.map((p) => [p, 1 / Math.pow(1 + random(60), 1.2)]));
  const weighted = (pool) => {
    const total = pool.reduce((sum, p) => sum + popularity.get(p), 0);
    let at = next() * total;
    for (const p of pool) if ((at -= popularity.get(p)) <= 0) return p;
    return pool[pool.length - 1];
  };
  for (const p of protocols) {
    if (p.hub || p.wrapper) continue;
    const below = lower[p.layer].flatMap((layer) => byLayer(layer));
    if (p.layer === 'infrastructure') {
      if (p.category !== 'l1' && p.dependsOn.length === 0) p.dependsOn.push(weighted(byLayer('infrastructure', (q) => q.category === 'l1')));
      continue;
    }
    const wanted = Math.max(0, 1 + random(3) - Math.floor(p.dependsOn.length / 2));
    for (let d = 0; d < wanted; d++) {
      const target = weighted(below);
      if (target !== p && !p.dependsOn.includes(target) && !(target.cycle && p.cycle)) p.dependsOn.push(target);
    }
  }

  // Unclassified: notes saved from a feed or a chat, a heading and a line, no front matter yet.
  const stubs = [];
  for (let i = 0; i < 20; i++) {
    const category = Object.keys(SUFFIXES)[random(Object.keys(SUFFIXES).length)];
    const stub = add({ name: coined(category), layer: 'unclassified', category, stub: true });
    stubs.push(stub);
  }
  // Two protocols already depend on a stub: the researcher added it before sorting it.
  byLayer('application')[3].dependsOn.push(stubs[0]);
  byLayer('middleware')[7].dependsOn.push(stubs[1]);

  // A researcher's own verdicts on a few.
  const overrides = [
    // Not Tessera: its negative verdict is what Nexa's dependents are exposed to.
    [of('infrastructure', 'compute')[5], 'mixed', 'My view: cheaper inference also means more of it; its enterprise contracts look sticky enough to hold volume even at lower prices.'],
    [nexa, 'positive', 'My view: every agent launched on it pays for its plugins; cheaper models mean more agents, not fewer.'],
    ...shuffled(byLayer('application')).slice(0, 5).map((p) => [p, 'negative', `My view: ${p.name}'s token trades on the agent narrative alone; the product has few users.`]),
    ...shuffled(byLayer('middleware')).slice(0, 3).map((p) => [p, 'positive', `My view: ${p.name} sells to whoever builds agents, and there will be many more of them.`]),
  ];
  for (const [p, verdict, reason] of overrides) p.impact = { verdict, reason };

  // Aliases, some used instead of names in other notes' depends_on.
  const tickers = new Set();
  for (const p of protocols) {
    if (p.stub || p.chinese) continue;
    if (p.hub || next() < 0.6) {
      const alias = ticker(p.name, tickers);
      if (alias) p.aliases.push(alias);
    }
  }
  const folders = { infrastructure: 'infrastructure', middleware: 'middleware', model: 'model', application: 'application', unclassified: 'inbox' };
  const files = new Set();
  for (const p of protocols) {
    let file = `${folders[p.layer]}/${slug(p.name)}.md`;
    for (let n = 2; files.has(file); n++) file = `${folders[p.layer]}/${slug(p.name)}-${n}.md`;
    files.add(file);
    p.file = file;
  }
  return protocols.map((p) => ({ path: p.file, text: noteText(p, next) }));
}

const quote = (text) => (/^[\w. -]+$/.test(text) && !/^(true|false|null|yes|no)$/i.test(text) ? text : JSON.stringify(text));

function noteText(p, next) {
  const pick = (items) => items[Math.floor(next() * items.length)];
  const dependencyText = p.dependsOn.map((d, i) => {
    // Written the ways researchers write them: a name, a [[wikilink]], or the ticker.
    const style = i % 3;
    if (style === 1) return JSON.stringify(`[[${d.name}]]`);
    if (style === 2 && d.aliases.length > 0 && !d.chinese) return quote(d.aliases[0]);
    return quote(d.name);
  });
  const body = [];
  const what = p.wrapper
    ? `wraps ${p.dependsOn[0].name}'s position in one more token, with its own fee and a promise of auto-compounding`
    : CATEGORY_TEXT[p.category];
  body.push(`${p.name} ${what}.`);
  if (p.dependsOn.length > 0) body.push(`It depends on ${p.dependsOn.map((d) => `[[${d.name}]]`).join(', ')}.`);
  if (p.hub) body.push(`A hub of this vault: ${p.hub} protocols depend on it.`);
  if (p.cycle) body.push('Part of the data-and-models ring: it feeds the next network and takes the labelled output of another, so its dependencies loop.');
  body.push(pick(['Token launched in 2024; emissions halve yearly.', 'Team is anonymous; audits by two firms.', 'Revenue is mostly fees paid in stablecoins.', 'Check the unlock schedule before the next note.', 'Governance is a multisig for now.', 'Still on testnet for the main product.']));
  const heading = `# ${p.name}`;
  if (p.stub) {
    const seen = pick(['Seen in a thread', 'From a podcast', 'Mentioned in a fund letter', 'From a hackathon list']);
    return `${heading}\n\n${seen}. ${what[0].toUpperCase()}${what.slice(1)}? Layer? To sort later.\n`;
  }
  const lines = [
    '---',
    `protocol: ${quote(p.name)}`,
    `aliases: [${p.aliases.map(quote).join(', ')}]`,
    `layer: ${p.layerWord ?? p.layer}`,
    `category: ${p.categoryWord ?? p.category}`,
    `depends_on: [${dependencyText.join(', ')}]`,
    `tags: [${p.tags.map(quote).join(', ')}]`,
    `funding: ${pick(['vc', 'community-launch', 'foundation', 'unknown'])}`,
  ];
  if (p.impact) lines.push('impact:', `  verdict: ${p.impact.verdict}`, `  reason: ${JSON.stringify(p.impact.reason)}`);
  lines.push('---', '', heading, '', body.join(' '));
  if (p.chinese) lines.push('', '## 中文摘要', '', `${p.name}：${pick(['团队在上海和新加坡，代币尚未上线。', '文章没有提到它，按类别归类。', '主要用户在亚洲，文档只有中文。'])}`);
  return `${lines.join('\n')}\n`;
}

function write(folder = DEFAULT_FOLDER) {
  fs.rmSync(folder, { recursive: true, force: true });
  for (const note of generate()) {
    const file = path.join(folder, note.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, note.text);
  }
}

module.exports = { generate };

if (require.main === module) write(process.argv[2] ? path.resolve(process.argv[2]) : DEFAULT_FOLDER);
