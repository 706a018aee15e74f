// Realistic synthetic notes for the benchmark: front matter like the examples', bodies of
// 2–4 KB with headings, wikilinks and links (about one every paragraph or two), code fences and
// inline code, and dependencies that point mostly downwards through the layers
// (applications → models/frameworks → infrastructure).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from './benchRow';

const LAYER_CATEGORIES: Array<[string, string[]]> = [
  ['infrastructure', ['compute', 'storage', 'l1']],
  ['middleware', ['data', 'agent-framework', 'privacy']],
  ['model', ['model-training']],
  ['application', ['ai-agents', 'defai', 'agent-swarm']],
];
export const WORDS = (
  'compute inference validator subnet agent swarm liquidity vault oracle storage permanent ' +
  'bandwidth dataset labelling privacy enclave attestation token emission staking governance ' +
  'latency throughput marketplace rental consumer gpu cluster model weights fine-tune'
).split(' ');


export interface SyntheticNote {
  path: string;
  text: string;
}

export function syntheticNotes(count: number, seed = 42): SyntheticNote[] {
  const next = seededRandom(seed);
  const names = Array.from({ length: count }, (_, i) => `Protocol ${i.toString(36)} ${WORDS[Math.floor(next() * WORDS.length)]}`);
  const layerOf = names.map((_, i) => Math.min(3, Math.floor((i / count) * 4)));
  return names.map((name, i) => {
    const lowerEnd = Math.floor((layerOf[i] / 4) * count);
    const dependencies = new Set<number>();
    if (lowerEnd > 0) {
      const wanted = 1 + Math.floor(next() * 4);
      for (let d = 0; d < wanted; d++) dependencies.add(Math.floor(next() * lowerEnd));
    }
    return noteFor({ index: i, name, layer: layerOf[i], dependsOn: [...dependencies].map((d) => names[d]), names, next });
  });
}

export interface NoteSpec {
  index: number;
  name: string;
  /** 0 infrastructure … 3 application. */
  layer: number;
  /** Fixed category, or one of the layer's picked at random. */
  category?: string;
  dependsOn: string[];
  /** Every note's name, for body links. */
  names: readonly string[];
  next: () => number;
}

/** One note as a researcher writes it: front matter, then a 2–4 KB body with links and code. */
export function noteFor(spec: NoteSpec): SyntheticNote {
  const { index: i, name, next, names } = spec;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const [layer, categories] = LAYER_CATEGORIES[spec.layer];
  const dependsOn = spec.dependsOn.map((dep, d) => (d % 2 ? `"[[${dep}]]"` : `"${dep}"`));
  const frontMatter = [
    '---',
    `protocol: ${name}`,
    `aliases: [P${i.toString(36).toUpperCase()}, ${name.split(' ')[2]}-${i}]`,
    `layer: ${layer}`,
    `category: ${spec.category ?? pick(categories)}`,
    `depends_on: [${dependsOn.join(', ')}]`,
    `tags: [${pick(WORDS)}, ${pick(WORDS)}]`,
    `funding: ${pick(['vc', 'community-launch', 'foundation', 'unknown'])}`,
    '---',
  ].join('\n');
  const target = 2048 + Math.floor(next() * 2048);
  const body: string[] = [`# ${name}`, ''];
  let size = frontMatter.length + name.length + 3;
  let paragraph = 0;
  while (size < target) {
    const sentence = Array.from({ length: 12 + Math.floor(next() * 12) }, () => pick(WORDS)).join(' ');
    // About one link every paragraph or two, as in real research notes (5–15 a note).
    let line = `${sentence[0].toUpperCase()}${sentence.slice(1)}.`;
    if (paragraph % 2 === 0) line += ` See [[${pick(names)}]].`;
    if (paragraph % 6 === 1) line += ` More in [notes](./${pick(WORDS)}.md).`;
    if (paragraph % 5 === 2) line = `## ${pick(WORDS)} ${pick(WORDS)}\n\n${line}`;
    if (paragraph % 7 === 3) line += '\n\n```ts\nconst link = "[[not a mention]]";\n```';
    if (paragraph % 4 === 1) line += ` Inline \`[[code]]\` too.`;
    body.push(line, '');
    size += line.length + 2;
    paragraph++;
  }
  return { path: `${layer}/note-${i}.md`, text: `${frontMatter}\n\n${body.join('\n')}` };
}

export function writeNotes(folder: string, notes: SyntheticNote[]): void {
  for (const note of notes) {
    const file = path.join(folder, note.path);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, note.text);
  }
}
