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
export function normalizeTerm(text: string): string {
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

/** The words a researcher adds to the built-in ones, already checked (vocabulary/synonyms.ts). */
export interface ExtraWords {
  layers: ReadonlyMap<ClassifiedLayer, readonly string[]>;
  /** By category id. */
  categories: ReadonlyMap<string, readonly string[]>;
}

const NO_WORDS: readonly string[] = [];

/**
 * The words the parser, the search and the suggestions read layers and categories in: the
 * built-in ones (BUILTIN_VOCABULARY), or those and a researcher's own (`withExtraWords`). A
 * value, never changed: a note parsed under one vocabulary is the same note every time.
 */
export class Vocabulary {
  private constructor(
    private readonly layerByTerm: ReadonlyMap<string, Layer>,
    private readonly categoryByTerm: ReadonlyMap<string, Category>,
    private readonly extras: ExtraWords | undefined,
    /** '' for the built-in words alone, else a digest of the extra words (the index cache's key). */
    readonly digest: string,
  ) {}

  /** Only the built-in words: what every parse reads unless a researcher added words of their own. */
  static readonly builtIn = new Vocabulary(layerByTerm, categoryByTerm, undefined, '');

  /**
   * These words on top of this vocabulary's: a word that already names something keeps its
   * meaning (synonyms.ts refuses such words before they get here; this never lets one through).
   * Words are taken in a canonical order, so equal extras give an equal vocabulary and digest.
   */
  withExtraWords(extras: ExtraWords): Vocabulary {
    const layers = new Map<ClassifiedLayer, string[]>();
    const categories = new Map<string, string[]>();
    const layerByTerm = new Map(this.layerByTerm);
    const categoryByTerm = new Map(this.categoryByTerm);
    // This vocabulary's own extra words are in the maps already, and stay; the new ones join them.
    for (const layer of LAYERS) {
      const added = canonical(extras.layers.get(layer) ?? []).filter((word) => {
        const term = normalizeTerm(word);
        if (layerByTerm.has(term)) return false;
        layerByTerm.set(term, layer);
        return true;
      });
      const words = canonical([...this.extraLayerWords(layer), ...added]);
      if (words.length > 0) layers.set(layer, words);
    }
    for (const category of CATEGORIES) {
      const added = canonical(extras.categories.get(category.id) ?? []).filter((word) => {
        const term = normalizeTerm(word);
        if (categoryByTerm.has(term)) return false;
        categoryByTerm.set(term, category);
        return true;
      });
      const words = canonical([...this.extraCategoryWords(category.id), ...added]);
      if (words.length > 0) categories.set(category.id, words);
    }
    if (layerByTerm.size === this.layerByTerm.size && categoryByTerm.size === this.categoryByTerm.size) return this; // nothing new
    const digest = digestOf(JSON.stringify([[...layers], [...categories]]));
    return new Vocabulary(layerByTerm, categoryByTerm, { layers, categories }, digest);
  }

  /** The layer a word names ("Infra", "apps", "unclassified"), or undefined when it names none. */
  layer(text: string): Layer | undefined {
    return this.layerByTerm.get(normalizeTerm(text));
  }

  /** The category a word names, with the layer it belongs to. */
  category(text: string): { id: string; layer: ClassifiedLayer } | undefined {
    const category = this.categoryByTerm.get(normalizeTerm(text));
    return category && { id: category.id, layer: category.layer };
  }

  /** The researcher's own words for a layer (none in the built-in vocabulary). */
  extraLayerWords(layer: string): readonly string[] {
    return this.extras?.layers.get(layer as ClassifiedLayer) ?? NO_WORDS;
  }

  /** The researcher's own words for a category id. */
  extraCategoryWords(id: string): readonly string[] {
    return this.extras?.categories.get(id) ?? NO_WORDS;
  }

  /**
   * The layers nearest to a misspelt word, best first; every layer when none is near, since four
   * choices are short enough to offer in full.
   */
  closestLayers(text: string): ClassifiedLayer[] {
    return nearest(text, LAYERS, (layer) => (this.extras ? [...LAYER_SYNONYMS[layer], ...this.extraLayerWords(layer)] : LAYER_SYNONYMS[layer]), [...LAYERS]);
  }

  /** The category ids nearest to a misspelt word, optionally only those of one layer. */
  closestCategories(text: string, layer?: Layer): string[] {
    const pool = layer && layer !== 'unclassified' ? categoriesOf(layer) : [...CATEGORIES];
    // When nothing is near, the valid values themselves: a list to pick from beats one wrong guess.
    const ids = nearest(text, pool, (category) => [category.id, category.label, category.chineseLabel, ...category.synonyms, ...this.extraCategoryWords(category.id)], pool);
    return ids.map((category) => category.id);
  }
}

/** Each word once (by how it folds), in the order of their folded forms. */
function canonical(words: readonly string[]): string[] {
  const byTerm = new Map<string, string>();
  for (const word of words) {
    const term = normalizeTerm(word);
    if (term !== '' && !byTerm.has(term)) byTerm.set(term, word.trim());
  }
  return [...byTerm].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, word]) => word);
}

/** 64 bits of FNV-1a, as 16 hex digits: enough to tell two researchers' word lists apart. */
function digestOf(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (let i = 0; i < text.length; i++) hash = ((hash ^ BigInt(text.charCodeAt(i))) * 0x100000001b3n) & 0xffffffffffffffffn;
  return hash.toString(16).padStart(16, '0');
}

export const BUILTIN_VOCABULARY = Vocabulary.builtIn;

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
