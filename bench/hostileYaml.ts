// Hostile YAML (issue 12): a 0.8 MB file of 80,000 top-level keys, one of them repeated, read as a
// framework file and as a note's front matter. The `yaml` package's own duplicate-key check is
// quadratic (44 s on this file); ours (src/core/note/yamlDocument.ts) walks the tree once, so
// reading the file costs about what the library's parse alone costs: that ratio is the target,
// since it does not move with the machine's speed. The times are given for context.
import { parseDocument } from 'yaml';
import { parseFramework } from '../src/core/framework';
import { parseNote } from '../src/core/note/parseNote';
import type { BenchRow } from './benchRow';

const KEYS = 80_000;
const RUNS = 5;
/**
 * Ours over the library's parse alone (which checks no duplicates): the check and the rest of the
 * reading (for a note, also the fast reader's try, which gives up at the repeated key, and the tree).
 */
const OVERHEAD_TARGET = 2;

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1];
const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function timed(run: () => void): number {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  return median(times);
}

function hostileYamlText(keys = KEYS): string {
  const lines = Array.from({ length: keys }, (_, i) => `k${i}: x`);
  return [...lines.slice(0, keys / 2), 'k5: again', ...lines.slice(keys / 2)].join('\n');
}

export function benchHostileYaml(): BenchRow[] {
  const text = hostileYamlText();
  const note = `---\n${text}\n---\n`;
  const library = timed(() => parseDocument(text, { prettyErrors: false, uniqueKeys: false }));
  const framework = timed(() => {
    if (!parseFramework(text, 'hostile.yaml').diagnostics.some((d) => /Map keys must be unique/.test(d.message))) throw new Error('the repeated key was not reported');
  });
  const frontMatter = timed(() => {
    if (!parseNote('hostile.md', note).diagnostics.some((d) => d.code === 'invalid-yaml')) throw new Error('the repeated key was not reported');
  });
  const label = `${KEYS.toLocaleString('en')} top-level keys, one repeated (${(text.length / 1e6).toFixed(1)} MB)`;
  const row = (name: string, ms: number): BenchRow[] => [
    { name: `${name} of ${label} / the yaml library's parse alone`, value: round(ms / library), unit: 'x', target: `<= ${OVERHEAD_TARGET}`, ok: ms / library <= OVERHEAD_TARGET },
    { name: `${name} of ${label}, median of ${RUNS}`, value: round(ms, 0), unit: 'ms', target: 'report', ok: true },
  ];
  return [
    { name: `the yaml library's parse alone (uniqueKeys: false) of ${label}`, value: round(library, 0), unit: 'ms', target: 'report', ok: true },
    ...row('a framework file', framework),
    ...row('a note’s front matter', frontMatter),
  ];
}

if (require.main === module) console.log(JSON.stringify(benchHostileYaml(), null, 2));
