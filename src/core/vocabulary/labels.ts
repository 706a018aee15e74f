// Every word the product shows for a layer, a verdict or a category, in one module: the Protocols
// view, hovers, the graph, the exports and the CLI say the same thing, and each is translated
// through the l10n bundles (l10n/, see scripts/l10n.js). The words a researcher may type
// (synonyms, Chinese spellings) are parsing vocabulary in vocabulary/taxonomy.ts; a unit test keeps each
// title here equal to the article's label there, and its Chinese title among the words parsed.
import * as l10n from '@vscode/l10n';
import { LAYERS, type Layer, type Verdict, type VerdictValue } from './model';
import { categoryById } from './taxonomy';

/** Bottom to top: the order of the graph's bands, the Protocols view's groups and every report. */
export const LAYER_ORDER: readonly Layer[] = [...LAYERS, 'unclassified'];

// Functions, not tables of strings: a translation is read when a word is shown, after the adapter
// (extension, CLI, webview) has loaded its bundle. Maps and switches, not object lookups, since a
// value read from a note or a message may be "constructor".

/** "Infrastructure", "Unclassified"; text that names no layer, as written. */
export function layerTitle(layer: string): string {
  switch (layer) {
    case 'infrastructure':
      return l10n.t('Infrastructure');
    case 'middleware':
      return l10n.t('Middleware');
    case 'model':
      return l10n.t('Model');
    case 'application':
      return l10n.t('Application');
    case 'unclassified':
      return l10n.t('Unclassified');
    default:
      return layer;
  }
}

/** "infrastructure", "unclassified": a layer as a note writes it, in a row or a sentence. */
export function layerWord(layer: string): string {
  switch (layer) {
    case 'infrastructure':
      return l10n.t({ message: 'infrastructure', comment: ['a layer inside a row or a sentence'] });
    case 'middleware':
      return l10n.t({ message: 'middleware', comment: ['a layer inside a row or a sentence'] });
    case 'model':
      return l10n.t({ message: 'model', comment: ['a layer inside a row or a sentence'] });
    case 'application':
      return l10n.t({ message: 'application', comment: ['a layer inside a row or a sentence'] });
    case 'unclassified':
      return l10n.t({ message: 'unclassified', comment: ['a layer inside a row or a sentence'] });
    default:
      return layer;
  }
}

/** A category as the article titles it ("Compute", "Agent frameworks"); an unknown one as written. */
export function categoryTitle(id: string): string {
  switch (id) {
    case 'compute':
      return l10n.t('Compute');
    case 'storage':
      return l10n.t('Storage');
    case 'l1':
      return l10n.t('L1');
    case 'data':
      return l10n.t('Data');
    case 'agent-framework':
      return l10n.t('Agent frameworks');
    case 'privacy':
      return l10n.t('Privacy computing');
    case 'model-training':
      return l10n.t('Open model training networks');
    case 'ai-agents':
      return l10n.t('AI agents');
    case 'defai':
      return l10n.t('DeFAI');
    case 'agent-swarm':
      return l10n.t('Agent swarms');
    default:
      return categoryById(id)?.label ?? id;
  }
}

/** "Positive", "Not assessed": a verdict standing alone (a legend, a hover's heading, a filter). */
export function verdictTitle(value: VerdictValue | string): string {
  switch (value) {
    case 'positive':
      return l10n.t('Positive');
    case 'negative':
      return l10n.t('Negative');
    case 'mixed':
      return l10n.t('Mixed');
    case 'not-assessed':
      return l10n.t('Not assessed');
    default:
      return value;
  }
}

/** "positive", "not assessed": a verdict inside a sentence or a row. */
export function verdictWord(value: VerdictValue | string): string {
  switch (value) {
    case 'positive':
      return l10n.t({ message: 'positive', comment: ['a verdict inside a sentence'] });
    case 'negative':
      return l10n.t({ message: 'negative', comment: ['a verdict inside a sentence'] });
    case 'mixed':
      return l10n.t({ message: 'mixed', comment: ['a verdict inside a sentence'] });
    case 'not-assessed':
      return l10n.t({ message: 'not assessed', comment: ['a verdict inside a sentence'] });
    default:
      return value;
  }
}

function qualifierWord(qualifier: string): string {
  switch (qualifier) {
    case 'weak':
      return l10n.t('weak');
    case 'moderate':
      return l10n.t('moderate');
    case 'strong':
      return l10n.t('strong');
    case 'strongest':
      return l10n.t('strongest');
    case 'short-term':
      return l10n.t('short-term');
    case 'long-term':
      return l10n.t('long-term');
    case 'override':
      return l10n.t({ message: 'override', comment: ["the researcher's own verdict in the note, instead of the framework's"] });
    default:
      return qualifier;
  }
}

/** "short-term", "long-term": a horizon on its own. */
export function horizonWord(horizon: string): string {
  return qualifierWord(horizon);
}

/** "negative", "positive (strongest)", "negative (short-term, override); positive (long-term)". */
export function describeVerdict(verdict: Pick<Verdict, 'value'> & Partial<Verdict>): string {
  const value = verdictWord(verdict.value);
  const qualifiers = [verdict.strength, verdict.horizon, verdict.source === 'override' ? 'override' : undefined].filter((each): each is string => Boolean(each)).map(qualifierWord);
  let text = qualifiers.length ? `${value} (${qualifiers.join(', ')})` : value;
  if (verdict.outlook) text += `; ${verdictWord(verdict.outlook.value)} (${qualifierWord(verdict.outlook.horizon)})`;
  return text;
}

/**
 * The language of the words l10n.t returns: the tag the configured bundle gives for itself
 * ("zh-cn" in l10n/bundle.l10n.zh-cn.json), "en" with no bundle. Read from the bundle, so it is
 * always the language the adapter configured (the extension at activation, the CLI per run): what
 * the core ships in several languages (the built-in framework) and what it stores worded (the
 * index cache's diagnostics) follow it.
 */
export function displayLanguage(): string {
  return l10n.t({ message: 'en', comment: ["this bundle's own language tag, in lower case (zh-cn): not a word to translate"] });
}

/** Names in a sentence, each quoted: "Akash", "Render" (“Akash”、“Render” in Chinese). */
export function quotedList(names: readonly string[]): string {
  return names.map((name) => l10n.t({ message: '"{0}"', args: [name], comment: ['a name quoted in a sentence'] })).join(listSeparator());
}

/** Words or ids in a sentence: infrastructure, model (infrastructure、model in Chinese). */
export function wordList(words: readonly string[]): string {
  return words.join(listSeparator());
}

function listSeparator(): string {
  return l10n.t({ message: ', ', comment: ['between the items of a list inside a sentence'] });
}
