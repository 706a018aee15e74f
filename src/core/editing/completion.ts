// Completion candidates for the front matter, as plain data an adapter maps onto its own items:
// protocol names and aliases in `depends_on` and in a body `[[wikilink]]`, layers after `layer:`,
// categories after `category:` (the note's own layer's categories first).
import { LAYERS, type Layer } from '../vocabulary/model';
import type { Protocol } from '../vocabulary/protocol';
import { CATEGORIES, LAYER_SYNONYMS } from '../vocabulary/taxonomy';
import type { CompletionContext } from './completionContext';
import { UNPRINTABLE, doubleQuoted, yamlScalar } from './yamlText';

export interface CompletionCandidate {
  label: string;
  kind: 'protocol' | 'alias' | 'layer' | 'category';
  /** What replaces `context.range`. */
  insertText: string;
  detail: string;
  /** Orders candidates: lower first. */
  sortText: string;
  /** The note a protocol or alias candidate names. */
  path?: string;
}

export interface CompletionInput {
  protocols: readonly Protocol[];
  /** The note being edited: it is not offered as its own dependency. */
  path?: string;
  /** The note's layer as written, to rank its categories first. */
  layer?: Layer;
}

export function completionCandidates(context: CompletionContext, input: CompletionInput): CompletionCandidate[] {
  if (context.field === 'layer') return layerCandidates(context);
  if (context.field === 'category') return categoryCandidates(context, input.layer);
  return dependencyCandidates(context, input);
}

function layerCandidates(context: CompletionContext): CompletionCandidate[] {
  return LAYERS.map((layer, index) => ({
    label: layer,
    kind: 'layer' as const,
    insertText: layer,
    detail: `Layer ${index + 1} of 4${LAYER_SYNONYMS[layer].length > 1 ? ` (also: ${LAYER_SYNONYMS[layer].slice(1).join(', ')})` : ''}`,
    sortText: String(index),
  })).map((candidate) => quoteIfNeeded(candidate, context));
}

function categoryCandidates(context: CompletionContext, layer: Layer | undefined): CompletionCandidate[] {
  return CATEGORIES.map((category, index) => ({
    label: category.id,
    kind: 'category' as const,
    insertText: category.id,
    detail: `${category.label} · ${category.layer}`,
    sortText: `${category.layer === layer ? 0 : 1}${String(index).padStart(2, '0')}`,
  })).map((candidate) => quoteIfNeeded(candidate, context));
}

function dependencyCandidates(context: CompletionContext, input: CompletionInput): CompletionCandidate[] {
  const candidates: CompletionCandidate[] = [];
  for (const protocol of input.protocols) {
    if (protocol.path === input.path || !protocol.name.value) continue;
    const where = [protocol.layer.value, protocol.category?.value].filter(Boolean).join(' · ');
    const nameText = dependencyText(protocol.name.value, context);
    if (nameText !== undefined) candidates.push({
      label: protocol.name.value,
      kind: 'protocol',
      insertText: nameText,
      detail: where,
      sortText: `0${protocol.name.value.toLowerCase()}`,
      path: protocol.path,
    });
    for (const alias of protocol.aliases) {
      const aliasText = dependencyText(alias, context);
      if (aliasText !== undefined) candidates.push({
        label: alias,
        kind: 'alias',
        insertText: aliasText,
        detail: `alias of ${protocol.name.value} · ${where}`,
        sortText: `1${alias.toLowerCase()}`,
        path: protocol.path,
      });
    }
  }
  return candidates;
}

/**
 * The text that makes YAML read exactly `name`, or undefined when none can be typed here: inside
 * a quote or a wikilink the name goes in as it is, so one that would end them is not offered.
 */
function dependencyText(name: string, context: CompletionContext): string | undefined {
  if (context.wikilink) {
    // In the body only the wikilink's own characters end it; in YAML a quote or backslash does too.
    if ((context.field === 'mention' ? /[[\]|#]/ : /[\]|#"'\\]/).test(name) || UNPRINTABLE.test(name)) return undefined;
    return context.wikilink.closed ? name : `${name}]]`;
  }
  if (context.quoted) return /["'\\]/.test(name) || UNPRINTABLE.test(name) ? undefined : name;
  return yamlScalar(name, context.flow);
}

function quoteIfNeeded(candidate: CompletionCandidate, context: CompletionContext): CompletionCandidate {
  return context.quoted || !/\s/.test(candidate.insertText) ? candidate : { ...candidate, insertText: doubleQuoted(candidate.insertText) };
}
