// The layers and categories of BlockBooster's article (the built-in framework, framework/builtin/) with the words researchers actually
// type for them. Completion and quick fixes offer these; the parser maps what was typed onto them.
import { LAYERS, type ClassifiedLayer, type Layer } from './model';
import { closestMatches } from './closest';

export interface Category {
  /** The canonical id written into notes and matched by framework rules, e.g. "agent-framework". */
  id: string;
  layer: ClassifiedLayer;
  /** How the article names it, for completion details and hovers. */
  label: string;
  /** The Chinese article's own word for it. */
  chineseLabel: string;
  /** Other spellings that mean the same category, in any language (the id and labels always count). */
  synonyms: readonly string[];
}

export interface LayerWords {
  label: string;
  chineseLabel: string;
  /** Every word that names the layer, the id first. */
  synonyms: readonly string[];
}

// The article is Chinese (BlockBooster): its four layers are 基础设施层, 中间件层, 模型层 and 应用层,
// and researchers who read it write their notes with those words.
export const LAYER_WORDS: Readonly<Record<ClassifiedLayer, LayerWords>> = {
  infrastructure: { label: 'Infrastructure', chineseLabel: '基础设施层', synonyms: ['infrastructure', 'infra', '基础设施层', '基础设施'] },
  middleware: { label: 'Middleware', chineseLabel: '中间件层', synonyms: ['middleware', 'mw', '中间件层', '中间件'] },
  model: { label: 'Model', chineseLabel: '模型层', synonyms: ['model', 'models', '模型层', '模型'] },
  application: { label: 'Application', chineseLabel: '应用层', synonyms: ['application', 'applications', 'app', 'apps', '应用层', '应用'] },
};

export const LAYER_SYNONYMS: Readonly<Record<ClassifiedLayer, readonly string[]>> = {
  infrastructure: LAYER_WORDS.infrastructure.synonyms,
  middleware: LAYER_WORDS.middleware.synonyms,
  model: LAYER_WORDS.model.synonyms,
  application: LAYER_WORDS.application.synonyms,
};

export const CATEGORIES: readonly Category[] = [
  { id: 'compute', layer: 'infrastructure', label: 'Compute', chineseLabel: '算力', synonyms: ['computing', 'gpu compute', '算力', '计算', '算力网络'] },
  { id: 'storage', layer: 'infrastructure', label: 'Storage', chineseLabel: '存储', synonyms: ['存储', '去中心化存储'] },
  { id: 'l1', layer: 'infrastructure', label: 'L1', chineseLabel: '公链', synonyms: ['layer 1', 'layer-1', '公链', '一层网络'] },
  { id: 'data', layer: 'middleware', label: 'Data', chineseLabel: '数据', synonyms: ['data collection', 'labelling', '数据', '数据采集', '数据标注'] },
  {
    id: 'agent-framework',
    layer: 'middleware',
    label: 'Agent frameworks',
    chineseLabel: '智能体框架',
    synonyms: ['agent frameworks', 'framework', '智能体框架', 'agent框架', 'ai agent框架', '代理框架'],
  },
  { id: 'privacy', layer: 'middleware', label: 'Privacy computing', chineseLabel: '隐私计算', synonyms: ['privacy computing', '隐私计算', '隐私'] },
  {
    id: 'model-training',
    layer: 'model',
    label: 'Open model training networks',
    chineseLabel: '开源模型训练网络',
    synonyms: ['open model training network', 'open model training networks', 'training', '模型训练', '开源模型训练网络', '模型训练网络'],
  },
  { id: 'ai-agents', layer: 'application', label: 'AI agents', chineseLabel: 'AI代理', synonyms: ['ai agents', 'agents', 'ai agent', 'ai代理', '智能体', 'ai智能体'] },
  { id: 'defai', layer: 'application', label: 'DeFAI', chineseLabel: 'DeFAI', synonyms: ['de fai'] },
  { id: 'agent-swarm', layer: 'application', label: 'Agent swarms', chineseLabel: '智能体集群', synonyms: ['agent swarms', 'swarm', 'swarms', '智能体集群', '集群'] },
];

/**
 * "Layer-1", "layer_1", "LAYER 1" and full-width "ＬＡＹＥＲ－１" are the same word to a researcher:
 * NFKC folds full-width and compatibility forms, then case, spaces, underscores and hyphens fold.
 */
function normalizeTerm(text: string): string {
  return text.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
}

const layerByTerm = new Map<string, Layer>();
for (const layer of LAYERS) for (const word of LAYER_SYNONYMS[layer]) layerByTerm.set(normalizeTerm(word), layer);
layerByTerm.set('unclassified', 'unclassified');

const categoryByTerm = new Map<string, Category>();
for (const category of CATEGORIES) {
  for (const word of [category.id, category.label, category.chineseLabel, ...category.synonyms]) {
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

/**
 * What two category words are compared by: the category's id when the word names a known one
 * ("算力", "Compute" -> "compute"), else the word folded as normalizeTerm folds it.
 */
export function categoryKey(text: string): string {
  return categoryByTerm.get(normalizeTerm(text))?.id ?? normalizeTerm(text);
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
  // When nothing is near, the valid values themselves: a list to pick from beats one wrong guess.
  const ids = nearest(text, pool, (category) => [category.id, category.label, category.chineseLabel, ...category.synonyms], pool);
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
  return found.length > 0 ? found.slice(0, 3) : [...otherwise];
}
