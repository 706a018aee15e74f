// A researcher's own words for the layers and categories: the `protocolAtlas.synonyms` setting
// (the CLI reads the same key from the folder's .vscode/settings.json). The value comes from
// whatever settings file a cloned repository ships, so it is read as untrusted data: counts and
// lengths are bounded, nothing built in can be given another meaning, a word cannot mean two
// things, and every entry that is not used says why. Reading never throws.
import * as l10n from '@vscode/l10n';
import { LAYERS, type ClassifiedLayer } from './model';
import { BUILTIN_VOCABULARY, CATEGORIES, normalizeTerm, type Vocabulary } from './taxonomy';

/** The setting's key, in VS Code's settings and in the folder's .vscode/settings.json for the CLI. */
export const SYNONYMS_SETTING = 'protocolAtlas.synonyms';

/** The bounds on what a settings file can make every parse carry (also in package.json's schema). */
export const SYNONYM_LIMITS = {
  /** Characters of one word. */
  wordLength: 64,
  /** Words for one layer or category. */
  wordsPerId: 50,
  /** Words in all. */
  words: 500,
  /** Entries looked at in `layers` or `categories` (there are 4 layers and 10 categories). */
  idsPerGroup: 50,
  /** Problems told one by one; the rest are counted. */
  problems: 20,
} as const;

type SynonymGroup = 'layers' | 'categories';

/** `position` counts a list's entries from 1: the entry the problem is about (a framework file's diagnostic points at it). */
export type SynonymProblem =
  | { kind: 'not-an-object'; group?: SynonymGroup }
  | { kind: 'unknown-group'; key: string }
  | { kind: 'too-many-ids'; group: SynonymGroup }
  | { kind: 'unknown-id'; group: SynonymGroup; id: string }
  | { kind: 'not-a-list'; group: SynonymGroup; id: string }
  | { kind: 'not-a-word'; group: SynonymGroup; id: string; position: number }
  | { kind: 'too-long'; group: SynonymGroup; id: string; word: string; position: number }
  | { kind: 'hidden-characters'; group: SynonymGroup; id: string; word: string; position: number }
  | { kind: 'taken'; group: SynonymGroup; id: string; word: string; owner: string; builtIn: boolean; position: number }
  /** `inAll`: the budget of words in all ran out at this entry; else the id's own. */
  | { kind: 'too-many-words'; group: SynonymGroup; id: string; position: number; inAll: boolean };

export interface ReadSynonyms {
  /** The built-in words and the usable ones of the setting. */
  vocabulary: Vocabulary;
  /** What was not used and why, the first SYNONYM_LIMITS.problems of them. */
  problems: SynonymProblem[];
  /** How many more problems there were. */
  moreProblems: number;
}

// Control, format (zero-width, direction overrides) and line or paragraph separators: a word
// with one would not look like what it matches.
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/u;

/** The setting's value (anything: undefined and null mean none) as a vocabulary. */
export function readSynonyms(value: unknown): ReadSynonyms {
  const problems: SynonymProblem[] = [];
  let moreProblems = 0;
  const report = (problem: SynonymProblem): void => {
    if (problems.length < SYNONYM_LIMITS.problems) problems.push(problem);
    else moreProblems++;
  };
  const result = (vocabulary: Vocabulary): ReadSynonyms => ({ vocabulary, problems, moreProblems });
  if (value === undefined || value === null) return result(BUILTIN_VOCABULARY);
  if (!isRecord(value)) {
    report({ kind: 'not-an-object' });
    return result(BUILTIN_VOCABULARY);
  }
  for (const key of ownKeys(value, SYNONYM_LIMITS.idsPerGroup)) if (key !== 'layers' && key !== 'categories') report({ kind: 'unknown-group', key });

  let budget: number = SYNONYM_LIMITS.words;
  let spent = false;
  const layers = new Map<ClassifiedLayer, string[]>();
  const categories = new Map<string, string[]>();
  // Each group's words are one namespace: a word of a layer may also name a category.
  const read = (group: SynonymGroup, ids: readonly string[], known: (word: string) => string | undefined, into: Map<string, string[]>): void => {
    const entries = Object.prototype.hasOwnProperty.call(value, group) ? value[group] : undefined;
    if (entries === undefined || entries === null) return;
    if (!isRecord(entries)) {
      report({ kind: 'not-an-object', group });
      return;
    }
    const keys = ownKeys(entries, SYNONYM_LIMITS.idsPerGroup + 1);
    if (keys.length > SYNONYM_LIMITS.idsPerGroup) report({ kind: 'too-many-ids', group });
    for (const id of keys.slice(0, SYNONYM_LIMITS.idsPerGroup)) if (!ids.includes(id)) report({ kind: 'unknown-id', group, id });
    /** Words this setting gave so far, by how they fold, with the id they went to. */
    const given = new Map<string, string>();
    // In the ids' own order, not the file's: which of two ids keeps a contested word never
    // depends on how the settings were written.
    for (const id of ids) {
      if (!Object.prototype.hasOwnProperty.call(entries, id)) continue;
      const list = entries[id];
      if (!Array.isArray(list)) {
        report({ kind: 'not-a-list', group, id });
        continue;
      }
      const words: string[] = [];
      for (let position = 0; position < list.length; position++) {
        if (budget === 0) {
          if (!spent) report({ kind: 'too-many-words', group, id, position: position + 1, inAll: true });
          spent = true;
          break;
        }
        if (words.length >= SYNONYM_LIMITS.wordsPerId) {
          report({ kind: 'too-many-words', group, id, position: position + 1, inAll: false });
          break;
        }
        const item: unknown = list[position];
        const word = typeof item === 'string' ? item.trim() : '';
        if (word === '' || normalizeTerm(word) === '') {
          report({ kind: 'not-a-word', group, id, position: position + 1 });
          continue;
        }
        if (word.length > SYNONYM_LIMITS.wordLength) {
          report({ kind: 'too-long', group, id, word, position: position + 1 });
          continue;
        }
        if (HIDDEN.test(word)) {
          report({ kind: 'hidden-characters', group, id, word, position: position + 1 });
          continue;
        }
        const term = normalizeTerm(word);
        const builtIn = known(word);
        const earlier = given.get(term);
        if (builtIn === id || earlier === id) continue; // already a word for it: nothing to add
        if (builtIn !== undefined || earlier !== undefined) {
          report({ kind: 'taken', group, id, word, owner: (builtIn ?? earlier) as string, builtIn: builtIn !== undefined, position: position + 1 });
          continue;
        }
        given.set(term, id);
        words.push(word);
        budget--;
      }
      if (words.length > 0) into.set(id, words);
    }
  };
  read('layers', LAYERS, (word) => BUILTIN_VOCABULARY.layer(word), layers as Map<string, string[]>);
  read('categories', CATEGORIES.map((category) => category.id), (word) => BUILTIN_VOCABULARY.category(word)?.id, categories);
  return result(layers.size === 0 && categories.size === 0 ? BUILTIN_VOCABULARY : BUILTIN_VOCABULARY.withExtraWords({ layers, categories }));
}

/** A framework's word that the setting already gives to another id: the setting's meaning stays. */
export interface LeftOutWord {
  group: SynonymGroup;
  id: string;
  word: string;
  /** The id the setting gives it to. */
  owner: string;
}

/**
 * The vocabulary notes are read in under a framework: the built-in words, then the setting's
 * (`under`, from readSynonyms), then the framework file's own `synonyms`. A word keeps the first
 * meaning it was given, so nothing built in changes meaning, and neither does a word of the
 * researcher's own when they switch frameworks: a framework's word the setting gives to another
 * id is left out, and returned to be said. The framework's words are read with readSynonyms, as
 * when its file was checked (where their own problems were reported, at their lines), so a
 * Framework made some other way is held to the same bounds. The same words give the same digest.
 */
export function withFrameworkSynonyms(under: Vocabulary, synonyms: unknown): { vocabulary: Vocabulary; leftOut: LeftOutWord[] } {
  const own = synonyms === undefined || synonyms === null ? BUILTIN_VOCABULARY : readSynonyms(synonyms).vocabulary;
  if (own === BUILTIN_VOCABULARY) return { vocabulary: under, leftOut: [] };
  const leftOut: LeftOutWord[] = [];
  const unclaimed = (group: SynonymGroup, id: string, owner: string | undefined, word: string): boolean => {
    if (owner !== undefined && owner !== id) leftOut.push({ group, id, word, owner });
    return owner === undefined;
  };
  const layers = new Map<ClassifiedLayer, readonly string[]>();
  for (const layer of LAYERS) {
    const words = own.extraLayerWords(layer).filter((word) => unclaimed('layers', layer, under.layer(word), word));
    if (words.length > 0) layers.set(layer, words);
  }
  const categories = new Map<string, readonly string[]>();
  for (const { id } of CATEGORIES) {
    const words = own.extraCategoryWords(id).filter((word) => unclaimed('categories', id, under.category(word)?.id, word));
    if (words.length > 0) categories.set(id, words);
  }
  return { vocabulary: under.withExtraWords({ layers, categories }), leftOut };
}

/** Why a framework's word is not read, for the log or the CLI's stderr. */
export function leftOutWordText(frameworkId: string, leftOut: LeftOutWord): string {
  return l10n.t(
    'Framework {0}: synonyms.{1}.{2}: “{3}” is already one of your {4} words for {5}, which come first; the framework’s is not added.',
    frameworkId,
    leftOut.group,
    leftOut.id,
    shown(leftOut.word),
    SYNONYMS_SETTING,
    leftOut.owner,
  );
}

/**
 * What a problem means, in a sentence for the log, a notification or the CLI's stderr; `root`
 * names where the synonyms were written: the setting, or a framework file's `synonyms` field.
 */
export function synonymProblemText(problem: SynonymProblem, root: string = SYNONYMS_SETTING): string {
  const at = (group: SynonymGroup, id?: string): string => `${root}.${group}${id === undefined ? '' : `.${shown(id)}`}`;
  switch (problem.kind) {
    case 'not-an-object':
      return problem.group
        ? l10n.t('{0} should be an object of ids and lists of words, such as {1}; it is ignored.', at(problem.group), problem.group === 'layers' ? '{ "infrastructure": ["底层"] }' : '{ "compute": ["GPU网络"] }')
        : l10n.t('{0} should be an object such as {1}; it is ignored.', root, '{ "layers": { "infrastructure": ["底层"] } }');
    case 'unknown-group':
      return l10n.t('{0} has an entry “{1}”: only “layers” and “categories” are read.', root, shown(problem.key));
    case 'too-many-ids':
      return l10n.t('{0} has more than {1} entries: only the first {1} are read.', at(problem.group), SYNONYM_LIMITS.idsPerGroup);
    case 'unknown-id':
      return problem.group === 'layers'
        ? l10n.t('{0}: “{1}” is not a layer (the layers are {2}); its words are ignored.', at(problem.group), shown(problem.id), LAYERS.join(', '))
        : l10n.t('{0}: “{1}” is not a category (the categories are {2}); its words are ignored.', at(problem.group), shown(problem.id), CATEGORIES.map((category) => category.id).join(', '));
    case 'not-a-list':
      return l10n.t('{0} should be a list of words; it is ignored.', at(problem.group, problem.id));
    case 'not-a-word':
      return l10n.t('{0}: entry {1} is not a word; it is ignored.', at(problem.group, problem.id), problem.position);
    case 'too-long':
      return l10n.t('{0}: “{1}” is longer than {2} characters; it is ignored.', at(problem.group, problem.id), shown(problem.word), SYNONYM_LIMITS.wordLength);
    case 'hidden-characters':
      return l10n.t('{0}: “{1}” holds control or invisible characters; it is ignored.', at(problem.group, problem.id), shown(problem.word));
    case 'taken':
      return problem.builtIn
        ? l10n.t('{0}: “{1}” already means {2}; it is not added.', at(problem.group, problem.id), shown(problem.word), problem.owner)
        : l10n.t('{0}: “{1}” is already one of the words for {2}; a word can mean one thing only, so it is not added here.', at(problem.group, problem.id), shown(problem.word), problem.owner);
    case 'too-many-words':
      return problem.inAll
        ? l10n.t('{0}: only the first {1} words in all are used.', root, SYNONYM_LIMITS.words)
        : l10n.t('{0}: only the first {1} words are used.', at(problem.group, problem.id), SYNONYM_LIMITS.wordsPerId);
  }
}

/** Every problem's sentence, then how many more there were. */
export function synonymProblemTexts(read: Pick<ReadSynonyms, 'problems' | 'moreProblems'>, root: string = SYNONYMS_SETTING): string[] {
  const texts = read.problems.map((problem) => synonymProblemText(problem, root));
  if (read.moreProblems > 0) texts.push(synonymsMoreProblemsText(read.moreProblems, root));
  return texts;
}

/** How many problems were not told one by one. */
export function synonymsMoreProblemsText(count: number, root: string = SYNONYMS_SETTING): string {
  return l10n.t('{0}: {1} more problems.', root, count);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The first `limit` own keys: a settings file with a million of them is not walked whole. */
function ownKeys(value: Record<string, unknown>, limit: number): string[] {
  const keys: string[] = [];
  for (const key in value) {
    if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
    keys.push(key);
    if (keys.length >= limit) break;
  }
  return keys;
}

/** A word or key as a message may quote it: hidden characters spelt out, and at most 80 characters. */
function shown(text: string): string {
  const visible = text.replace(/[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]/gu, (character) => `⟨U+${(character.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}⟩`);
  return visible.length > 80 ? `${visible.slice(0, 79)}…` : visible;
}
