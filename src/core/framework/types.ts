// A framework is a thesis written down as data: which protocols it judges, how, and why.
// Researchers can write their own (another event, another set of rules) without touching code, so
// these types mirror schemas/framework.schema.json one to one.
import type { ClassifiedLayer, Horizon, Strength, VerdictValue } from '../vocabulary/model';

/** Where the thesis comes from, so every flag can be traced back to its author. */
interface FrameworkSource {
  article: string;
  author: string;
  /** As the source gives it, e.g. "February 2025". */
  date: string;
  publisher?: string;
  url?: string;
}

/**
 * Which protocols a rule applies to. Every field that is set must match; a rule with more fields
 * set is more specific (see evaluate.ts). Unclassified protocols never match any rule.
 */
export interface FrameworkMatch {
  layer?: ClassifiedLayer;
  /** A canonical category id (see the note taxonomy), compared case-insensitively. */
  category?: string;
  /** The protocol must carry all of these tags (case-insensitive, a leading '#' ignored). */
  tags?: string[];
}

/** The rule's reading over the other horizon, e.g. agents: negative now, positive long term. */
interface FrameworkOutlook {
  horizon: Horizon;
  verdict: VerdictValue;
  rationale: string;
}

export interface FrameworkRule {
  id: string;
  match: FrameworkMatch;
  verdict: VerdictValue;
  strength?: Strength;
  /** The horizon `verdict` applies to; required when the rule has an outlook. */
  horizon?: Horizon;
  outlook?: FrameworkOutlook;
  rationale: string;
  /** The source's section(s) the rule rests on, e.g. "3 (positive), 4". */
  section: string;
}

/**
 * The framework's own words for layers and categories (the shape of the protocolAtlas.synonyms
 * setting), as written: what is read of them is decided by vocabulary/synonyms.ts
 * (withFrameworkSynonyms), under the built-in words and the setting's.
 */
interface FrameworkSynonyms {
  layers?: Partial<Record<ClassifiedLayer, string[]>>;
  /** By category id. */
  categories?: Partial<Record<string, string[]>>;
}

export interface Framework {
  id: string;
  title: string;
  description?: string;
  source: FrameworkSource;
  rules: FrameworkRule[];
  synonyms?: FrameworkSynonyms;
}
