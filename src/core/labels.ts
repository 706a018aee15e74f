// Every word the product shows for a layer, a verdict or a category, in one module: the Protocols
// view, hovers, the graph, the exports and the CLI say the same thing, and a translation has one
// place to change. The words a researcher may type (synonyms, Chinese spellings) are parsing
// vocabulary and live in note/taxonomy.ts, which this module reads the titles from.
import { LAYERS, type Layer, type Verdict, type VerdictValue } from './model';
import { categoryById, LAYER_WORDS } from './note/taxonomy';

/** Bottom to top: the order of the graph's bands, the Protocols view's groups and every report. */
export const LAYER_ORDER: readonly Layer[] = [...LAYERS, 'unclassified'];

const LAYER_TITLES = new Map<string, string>([...LAYERS.map((layer): [string, string] => [layer, LAYER_WORDS[layer].label]), ['unclassified', 'Unclassified']]);

/** "Infrastructure", "Unclassified"; text that names no layer, as written. */
export function layerTitle(layer: string): string {
  return LAYER_TITLES.get(layer) ?? layer;
}

/** A category as the article titles it ("Compute", "Agent frameworks"); an unknown one as written. */
export function categoryTitle(id: string): string {
  return categoryById(id)?.label ?? id;
}

// Maps, not object literals: a verdict value read from a note or a message may be "constructor".
const VERDICT_TITLES = new Map<string, string>([
  ['positive', 'Positive'],
  ['negative', 'Negative'],
  ['mixed', 'Mixed'],
  ['not-assessed', 'Not assessed'],
]);

/** "Positive", "Not assessed": a verdict standing alone (a legend, a hover's heading, a filter). */
export function verdictTitle(value: VerdictValue | string): string {
  return VERDICT_TITLES.get(value) ?? value;
}

/** "positive", "not assessed": a verdict inside a sentence or a row. */
export function verdictWord(value: VerdictValue | string): string {
  return VERDICT_TITLES.has(value) ? (VERDICT_TITLES.get(value) as string).toLowerCase() : value;
}

/** "negative", "positive (strongest)", "negative (short-term, override); positive (long-term)". */
export function describeVerdict(verdict: Pick<Verdict, 'value'> & Partial<Verdict>): string {
  const value = verdictWord(verdict.value);
  const qualifiers = [verdict.strength, verdict.horizon, verdict.source === 'override' ? 'override' : undefined].filter(Boolean);
  let text = qualifiers.length ? `${value} (${qualifiers.join(', ')})` : value;
  if (verdict.outlook) text += `; ${verdictWord(verdict.outlook.value)} (${verdict.outlook.horizon})`;
  return text;
}
