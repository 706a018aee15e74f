// The engine: a protocol's flag under a framework, always with the reason behind it.
import * as l10n from '@vscode/l10n';
import type { Layer, Verdict, VerdictValue } from '../vocabulary/model';
import { displayLanguage, layerWord, wordList } from '../vocabulary/labels';
import { ruleMatches, specificity } from './match';
import type { Framework, FrameworkRule } from './types';

interface ResearcherOverride {
  verdict: VerdictValue;
  reason: string;
}

export interface EvaluationSubject {
  layer: Layer;
  category?: string;
  tags?: string[];
  override?: ResearcherOverride;
}

/**
 * The most specific matching rule decides; specificity is the number of match fields the rule
 * sets, each tag counting as one field. Between equally specific rules, the one written first in
 * the framework wins, so the result never depends on anything but the file. No matching rule
 * means "not assessed": a framework is only as wide as its source, and we never invent a verdict.
 * A researcher's override replaces the result but keeps it in `frameworkVerdict`.
 */
export function evaluate(framework: Framework, subject: EvaluationSubject): Verdict {
  const rule = subject.layer === 'unclassified' ? undefined : decidingRule(framework.rules, subject);
  const verdict = rule ? fromRule(rule) : notAssessed(framework, subject);
  if (!subject.override) return verdict;
  // Overrides come from hand-written front matter; a missing reason must not break the flag.
  const reason = typeof subject.override.reason === 'string' ? subject.override.reason.trim() : '';
  return {
    value: subject.override.verdict,
    rationale: reason || l10n.t('Overridden by the researcher (no reason given).'),
    source: 'override',
    frameworkVerdict: verdict,
  };
}

function decidingRule(rules: readonly FrameworkRule[], subject: EvaluationSubject): FrameworkRule | undefined {
  let best: FrameworkRule | undefined;
  let bestScore = -1;
  for (const rule of rules) {
    if (!ruleMatches(rule.match, subject)) continue;
    const score = specificity(rule.match);
    // Strictly greater: an equally specific rule written later never displaces an earlier one.
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}

function fromRule(rule: FrameworkRule): Verdict {
  return {
    value: rule.verdict,
    rationale: rule.rationale,
    section: rule.section,
    source: 'framework',
    ruleId: rule.id,
    ...(rule.strength && { strength: rule.strength }),
    ...(rule.horizon && { horizon: rule.horizon }),
    ...(rule.outlook && {
      outlook: { horizon: rule.outlook.horizon, value: rule.outlook.verdict, rationale: rule.outlook.rationale },
    }),
  };
}

/**
 * The not-assessed reasons each framework has given, by display language, layer and category:
 * most protocols of a vault may be ones a framework does not assess, and each would otherwise word
 * (l10n.t) its reason anew. A framework is data that never changes once read.
 */
const notAssessedReasons = new WeakMap<Framework, Map<string, string>>();
const MAX_REMEMBERED_REASONS = 500;

function notAssessed(framework: Framework, subject: EvaluationSubject): Verdict {
  let reasons = notAssessedReasons.get(framework);
  if (!reasons) notAssessedReasons.set(framework, (reasons = new Map()));
  const key = `${displayLanguage()}\0${subject.layer}\0${subject.category ?? ''}`;
  let rationale = reasons.get(key);
  if (rationale === undefined) {
    rationale = notAssessedReason(framework, subject);
    // Categories are whatever notes write: past a few hundred, the rest are worded each time.
    if (reasons.size < MAX_REMEMBERED_REASONS) reasons.set(key, rationale);
  }
  return { value: 'not-assessed', rationale, source: 'framework' };
}

function notAssessedReason(framework: Framework, subject: EvaluationSubject): string {
  if (subject.layer !== 'unclassified' && !subject.category) {
    // What is missing is the note's category, not the framework's judgement: say which it judges.
    const judged = [...new Set(framework.rules.filter((rule) => rule.match.layer === subject.layer && rule.match.category).map((rule) => rule.match.category as string))];
    if (judged.length > 0) {
      return l10n.t('Not assessed by this framework yet: this note has no category, and the framework judges {0} by category ({1}). Set `category:` in the note.', layerWord(subject.layer), wordList(judged));
    }
  }
  if (subject.layer === 'unclassified') return l10n.t('Not assessed by this framework: the protocol has no layer yet, so no rule can apply.');
  return subject.category
    ? l10n.t('Not assessed by this framework: it has no rule for {0} / {1}.', layerWord(subject.layer), subject.category)
    : l10n.t('Not assessed by this framework: it has no rule for {0}.', layerWord(subject.layer));
}
