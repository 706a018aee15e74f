// From the front matter tree to the note's fields, with a diagnostic for every value that is
// there but cannot be used. Fields left unset fall back later (heading, tags, folder, file name).
import {
  VERDICT_VALUES,
  type DependencyRef,
  type Diagnostic,
  type DiagnosticCode,
  type ImpactOverride,
  type Layer,
  type Range,
  type Severity,
  type Sourced,
  type VerdictValue,
} from '../vocabulary/model';
import * as l10n from '@vscode/l10n';
import type { FrontMatterEntry, FrontMatterNode } from './frontMatter';
import { referenceTarget } from './names';
import type { Vocabulary } from '../vocabulary/taxonomy';
import { wordList } from '../vocabulary/labels';

export interface FrontMatterFields {
  name?: Sourced<string>;
  aliases: string[];
  layer?: Sourced<Layer>;
  category?: Sourced<string>;
  dependsOn: DependencyRef[];
  tags: string[];
  /** `layer/<x>` tags, in order, for the layer fallback. */
  layerTags: Array<{ text: string; range: Range }>;
  funding?: string;
  override?: ImpactOverride;
  fieldRanges: Record<string, Range>;
  diagnostics: Diagnostic[];
}

const NAME_KEYS = ['protocol', 'name', 'title'];

export function readFields(file: string, entries: FrontMatterEntry[], vocabulary: Vocabulary): FrontMatterFields {
  const fields: FrontMatterFields = {
    aliases: [],
    dependsOn: [],
    tags: [],
    layerTags: [],
    fieldRanges: {},
    diagnostics: [],
  };
  const report = (
    code: DiagnosticCode,
    severity: Severity,
    range: Range,
    message: string,
    data?: Diagnostic['data'],
  ): void => {
    fields.diagnostics.push({ file, range, severity, code, message, ...(data && { data }) });
  };
  // Every message is worded (l10n.t) only where there is something to report: the happy path of
  // 50,000 notes translates nothing.
  const wrongType = (key: string, node: FrontMatterNode, message: string): void =>
    report('invalid-field', 'warning', node.range, message, { field: key });

  const byKey = new Map<string, FrontMatterNode>();
  for (const entry of entries) {
    // Assigning `__proto__` would replace the object's prototype, not add a field; no field of
    // ours has that name, so it is not recorded.
    if (entry.key !== '__proto__') fields.fieldRanges[entry.key] = entry.value.range;
    byKey.set(entry.key, entry.value);
  }

  for (const key of NAME_KEYS) {
    const node = byKey.get(key);
    if (!node || fields.name) continue;
    const text = textOf(node);
    if (text === undefined) wrongType(key, node, l10n.t('`{0}` should be the protocol name, as text.', key));
    else if (text.trim()) fields.name = { value: text.trim(), source: 'front-matter', range: node.range };
  }

  const aliases = byKey.get('aliases');
  if (aliases) {
    const listed = textList('aliases', aliases);
    // Every alias is a key in the name table, the search and the suggestions: a note with tens of
    // thousands would cost every other note, so only the first MAX_ALIASES count.
    if (listed.length > MAX_ALIASES) {
      report('invalid-field', 'warning', listed[MAX_ALIASES].range, l10n.t('Only the first {0} of {1} aliases are used.', MAX_ALIASES, listed.length), { field: 'aliases' });
    }
    fields.aliases = listed.slice(0, MAX_ALIASES).map((item) => item.text);
  }

  const layer = byKey.get('layer');
  if (layer) {
    const text = textOf(layer);
    if (text === undefined) wrongType('layer', layer, l10n.t('`{0}` should be one of infrastructure, middleware, model, application.', 'layer'));
    else if (text.trim()) {
      const value = vocabulary.layer(text);
      if (value) fields.layer = { value, source: 'front-matter', range: layer.range };
      else unknownLayer(text, layer.range);
    }
  }

  const category = byKey.get('category');
  if (category) {
    const text = textOf(category);
    if (text === undefined) wrongType('category', category, l10n.t('`{0}` should be a category name, as text.', 'category'));
    else if (text.trim()) {
      const known = vocabulary.category(text);
      fields.category = { value: known ? known.id : text.trim(), source: 'front-matter', range: category.range };
      if (!known) {
        const suggestions = vocabulary.closestCategories(text, fields.layer?.value);
        const message =
          suggestions.length > 0
            ? l10n.t('Unknown category "{0}". Did you mean {1}?', text.trim(), wordList(suggestions))
            : l10n.t('Unknown category "{0}".', text.trim());
        report('unknown-category', 'warning', category.range, message, {
          field: 'category',
          suggestions,
        });
      }
    }
  }

  const dependsOn = byKey.get('depends_on');
  if (dependsOn) {
    for (const item of textList('depends_on', dependsOn)) {
      const target = referenceTarget(item.text);
      if (target) fields.dependsOn.push({ raw: item.text, target, range: item.range });
    }
  }

  const tags = byKey.get('tags');
  if (tags) {
    for (const item of textList('tags', tags)) {
      // `tags: defi, agents` and `tags: defi agents` are lists written as one text.
      const words = tags.kind === 'list' ? [item.text] : item.text.split(/[\s,]+/);
      for (const word of words) {
        const tag = word.replace(/^#/, '');
        if (!tag) continue;
        fields.tags.push(tag);
        if (tag.toLowerCase().startsWith('layer/')) fields.layerTags.push({ text: tag.slice(6), range: item.range });
      }
    }
  }

  const funding = byKey.get('funding');
  if (funding) {
    const text = textOf(funding);
    if (text === undefined) wrongType('funding', funding, l10n.t('`{0}` should be text, e.g. community-launch or vc.', 'funding'));
    else if (text.trim()) fields.funding = text.trim();
  }

  const impact = byKey.get('impact');
  if (impact) readOverride(impact);
  return fields;

  function unknownLayer(text: string, range: Range): void {
    const suggestions = vocabulary.closestLayers(text);
    report('unknown-layer', 'warning', range, l10n.t('Unknown layer "{0}". Did you mean {1}?', text.trim(), wordList(suggestions)), {
      field: 'layer',
      suggestions,
    });
  }

  /** A list of text, or one text; anything else in it is reported and skipped. */
  function textList(key: string, node: FrontMatterNode): Array<{ text: string; range: Range }> {
    const items = node.kind === 'list' && !wikilinkWrittenBare(node) ? node.items : [node];
    if (node.kind === 'map' || node.kind === 'other') {
      wrongType(key, node, l10n.t('`{0}` should be a list.', key));
      return [];
    }
    const found: Array<{ text: string; range: Range }> = [];
    for (const item of items) {
      if (item.kind === 'scalar' && item.value === null) continue;
      const text = item.kind === 'list' ? wikilinkWrittenBare(item) : textOf(item);
      if (text === undefined) wrongType(key, item, l10n.t('`{0}` should be a list of text.', key));
      else if (text.trim()) found.push({ text: text.trim(), range: item.range });
    }
    return found;
  }

  function readOverride(node: FrontMatterNode): void {
    if (node.kind !== 'map') {
      wrongType('impact', node, l10n.t('`{0}` should be a map with `verdict` and `reason`.', 'impact'));
      return;
    }
    const verdictNode = node.entries.find((entry) => entry.key === 'verdict')?.value;
    const reasonNode = node.entries.find((entry) => entry.key === 'reason')?.value;
    const verdictText = verdictNode ? textOf(verdictNode)?.trim() : undefined;
    const verdict = verdictText ? normalizeVerdict(verdictText) : undefined;
    if (!verdict) {
      const values = wordList(VERDICT_VALUES);
      const message = verdictText ? l10n.t('"{0}" is not a verdict: use {1}.', verdictText, values) : l10n.t('The override has no verdict: use {0}.', values);
      report('invalid-override', 'warning', verdictNode?.range ?? node.range, message, {
        field: 'impact',
        suggestions: [...VERDICT_VALUES],
      });
      return;
    }
    const reason = reasonNode ? textOf(reasonNode)?.trim() : undefined;
    if (!reason) {
      report(
        'override-without-reason',
        'warning',
        reasonNode?.range ?? node.range,
        l10n.t('An impact override needs a `reason`, so others can see why the framework was overruled; it is ignored until then.'),
        { field: 'impact' },
      );
      return;
    }
    fields.override = { verdict, reason, range: node.range };
  }
}

/** Text for a scalar (numbers and booleans as written), undefined for anything else. */
function textOf(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'scalar') return undefined;
  return node.value === null ? '' : node.text;
}

/** `- [[Akash]]` without quotes is, to YAML, a list in a list; the researcher meant a wikilink. */
function wikilinkWrittenBare(node: FrontMatterNode): string | undefined {
  if (node.kind !== 'list' || node.items.length !== 1) return undefined;
  const inner = node.items[0];
  if (inner.kind !== 'list' || inner.items.length !== 1) return undefined;
  const text = textOf(inner.items[0]);
  return text ? `[[${text}]]` : undefined;
}

/** More names than any protocol goes by. */
export const MAX_ALIASES = 100;

// A Map, not an object literal: note text such as `constructor` must not find Object's members.
const VERDICT_SYNONYMS = new Map<string, VerdictValue>([
  ['not assessed', 'not-assessed'],
  ['neutral', 'not-assessed'],
  // The article's words, as a Chinese researcher writes an override.
  ['利好', 'positive'],
  ['正面', 'positive'],
  ['利空', 'negative'],
  ['负面', 'negative'],
  ['影响不一', 'mixed'],
  ['好坏参半', 'mixed'],
  ['未评估', 'not-assessed'],
  ['中性', 'not-assessed'],
]);

function normalizeVerdict(text: string): VerdictValue | undefined {
  const word = text.normalize('NFKC').trim().toLowerCase().replace(/[\s_-]+/g, ' ');
  return VERDICT_VALUES.find((value) => value.replace('-', ' ') === word) ?? VERDICT_SYNONYMS.get(word);
}
