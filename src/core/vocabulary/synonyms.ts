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

type SynonymProblem =
  | { kind: 'not-an-object'; group?: SynonymGroup }
  | { kind: 'unknown-group'; key: string }
  | { kind: 'too-many-ids'; group: SynonymGroup }
  | { kind: 'unknown-id'; group: SynonymGroup; id: string }
  | { kind: 'not-a-list'; group: SynonymGroup; id: string }
  | { kind: 'not-a-word'; group: SynonymGroup; id: string; position: number }
  | { kind: 'too-long'; group: SynonymGroup; id: string; word: string }
  | { kind: 'hidden-characters'; group: SynonymGroup; id: string; word: string }
  | { kind: 'taken'; group: SynonymGroup; id: string; word: string; owner: string; builtIn: boolean }
  | { kind: 'too-many-words'; group?: SynonymGroup; id?: string };

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
          if (!spent) report({ kind: 'too-many-words' });
          spent = true;
          break;
        }
        if (words.length >= SYNONYM_LIMITS.wordsPerId) {
          report({ kind: 'too-many-words', group, id });
          break;
        }
        const item: unknown = list[position];
        const word = typeof item === 'string' ? item.trim() : '';
        if (word === '' || normalizeTerm(word) === '') {
          report({ kind: 'not-a-word', group, id, position: position + 1 });
          continue;
        }
        if (word.length > SYNONYM_LIMITS.wordLength) {
          report({ kind: 'too-long', group, id, word });
          continue;
        }
        if (HIDDEN.test(word)) {
          report({ kind: 'hidden-characters', group, id, word });
          continue;
        }
        const term = normalizeTerm(word);
        const builtIn = known(word);
        const earlier = given.get(term);
        if (builtIn === id || earlier === id) continue; // already a word for it: nothing to add
        if (builtIn !== undefined || earlier !== undefined) {
          report({ kind: 'taken', group, id, word, owner: (builtIn ?? earlier) as string, builtIn: builtIn !== undefined });
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

/** What a problem means, in a sentence for the log, a notification or the CLI's stderr. */
function synonymProblemText(problem: SynonymProblem): string {
  const at = (group: SynonymGroup, id?: string): string => `protocolAtlas.synonyms.${group}${id === undefined ? '' : `.${shown(id)}`}`;
  switch (problem.kind) {
    case 'not-an-object':
      return problem.group
        ? l10n.t('{0} should be an object of ids and lists of words, such as {1}; it is ignored.', at(problem.group), problem.group === 'layers' ? '{ "infrastructure": ["底层"] }' : '{ "compute": ["GPU网络"] }')
        : l10n.t('protocolAtlas.synonyms should be an object such as {0}; it is ignored.', '{ "layers": { "infrastructure": ["底层"] } }');
    case 'unknown-group':
      return l10n.t('protocolAtlas.synonyms has an entry “{0}”: only “layers” and “categories” are read.', shown(problem.key));
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
      return problem.group && problem.id
        ? l10n.t('{0}: only the first {1} words are used.', at(problem.group, problem.id), SYNONYM_LIMITS.wordsPerId)
        : l10n.t('protocolAtlas.synonyms: only the first {0} words in all are used.', SYNONYM_LIMITS.words);
  }
}

/** Every problem's sentence, then how many more there were. */
export function synonymProblemTexts(read: Pick<ReadSynonyms, 'problems' | 'moreProblems'>): string[] {
  const texts = read.problems.map(synonymProblemText);
  if (read.moreProblems > 0) texts.push(l10n.t('protocolAtlas.synonyms: {0} more problems.', read.moreProblems));
  return texts;
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
