// The layers and categories of the framework (FRAMEWORK.md) with the words researchers actually
// type for them. Completion and quick fixes offer these; the parser maps what was typed onto them.
import { LAYERS, type ClassifiedLayer, type Layer } from '../model';
import { closestMatches } from './closest';

export interface Category {
  /** The canonical id written into notes and matched by framework rules, e.g. "agent-framework". */
  id: string;
  layer: ClassifiedLayer;
  /** How the article names it, for completion details and hovers. */
  label: string;
  /** Other spellings that mean the same category (the id and label always count). */
  synonyms: readonly string[];
}

export const LAYER_SYNONYMS: Readonly<Record<ClassifiedLayer, readonly string[]>> = {
  infrastructure: ['infrastructure', 'infra'],
  middleware: ['middleware', 'mw'],
  model: ['model', 'models'],
  application: ['application', 'applications', 'app', 'apps'],
};

export const CATEGORIES: readonly Category[] = [
  { id: 'compute', layer: 'infrastructure', label: 'Compute', synonyms: [] },
  { id: 'storage', layer: 'infrastructure', label: 'Storage', synonyms: [] },
  { id: 'l1', layer: 'infrastructure', label: 'L1', synonyms: ['layer 1', 'layer-1'] },
  { id: 'data', layer: 'middleware', label: 'Data', synonyms: ['data collection', 'labelling'] },
  {
    id: 'agent-framework',
    layer: 'middleware',
    label: 'Agent frameworks',
    synonyms: ['agent frameworks', 'framework'],
  },
  { id: 'privacy', layer: 'middleware', label: 'Privacy computing', synonyms: ['privacy computing'] },
  {
    id: 'model-training',
    layer: 'model',
    label: 'Open model training networks',
    synonyms: ['open model training network', 'open model training networks', 'training'],
  },
  { id: 'ai-agents', layer: 'application', label: 'AI agents', synonyms: ['ai agents', 'agents'] },
  { id: 'defai', layer: 'application', label: 'DeFAI', synonyms: [] },
  { id: 'agent-swarm', layer: 'application', label: 'Agent swarms', synonyms: ['agent swarms', 'swarm'] },
];

/** "Layer-1", "layer_1" and "LAYER 1" are the same word to a researcher. */
export function normalizeTerm(text: string): string {
  return text.trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

const layerByTerm = new Map<string, Layer>();
for (const layer of LAYERS) for (const word of LAYER_SYNONYMS[layer]) layerByTerm.set(normalizeTerm(word), layer);
layerByTerm.set('unclassified', 'unclassified');

const categoryByTerm = new Map<string, Category>();
for (const category of CATEGORIES) {
  for (const word of [category.id, category.label, ...category.synonyms]) {
    categoryByTerm.set(normalizeTerm(word), category);
  }
}

/** The layer a word names ("Infra", "apps", "unclassified"), or undefined when it names none. */
export function normalizeLayer(text: string): Layer | undefined {
  return layerByTerm.get(normalizeTerm(text));
}

/** The category a word names, with the layer it belongs to. */
export function normalizeCategory(text: string): { id: string; layer: ClassifiedLayer } | undefined {
  const category = categoryByTerm.get(normalizeTerm(text));
  return category && { id: category.id, layer: category.layer };
}

export function categoriesOf(layer: Layer): Category[] {
  return CATEGORIES.filter((category) => category.layer === layer);
}

export function categoryById(id: string): Category | undefined {
  return CATEGORIES.find((category) => category.id === id);
}

/**
 * The layers nearest to a misspelt word, best first; every layer when none is near, since four
 * choices are short enough to offer in full.
 */
export function closestLayers(text: string): ClassifiedLayer[] {
  return nearest(text, LAYERS, (layer) => LAYER_SYNONYMS[layer], [...LAYERS]);
}

/** The category ids nearest to a misspelt word, optionally only those of one layer. */
export function closestCategories(text: string, layer?: Layer): string[] {
  const pool = layer && layer !== 'unclassified' ? categoriesOf(layer) : [...CATEGORIES];
  const ids = nearest(text, pool, (category) => [category.id, category.label, ...category.synonyms], []);
  return ids.map((category) => category.id);
}

function nearest<T>(text: string, items: readonly T[], wordsOf: (item: T) => readonly string[], otherwise: T[]): T[] {
  const owner = new Map<string, T>();
  for (const item of items) for (const word of wordsOf(item)) owner.set(normalizeTerm(word), item);
  const found: T[] = [];
  for (const word of closestMatches(normalizeTerm(text), owner.keys(), owner.size)) {
    const item = owner.get(word);
    if (item !== undefined && !found.includes(item)) found.push(item);
  }
  return found.length > 0 ? found.slice(0, 3) : otherwise;
}
