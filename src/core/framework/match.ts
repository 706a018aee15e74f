// When a rule applies to a protocol, and how specific it is. Shared by the engine and the
// validator, so "these two rules have the same match" means the same thing in both.
import type { Layer } from '../vocabulary/model';
import { categoryKey } from '../vocabulary/taxonomy';
import type { FrameworkMatch } from './types';

export interface MatchSubject {
  layer: Layer;
  category?: string;
  tags?: string[];
}

/** Notes write tags as `#defi`, `DeFi` or `defi`; researchers mean one tag. */
function tagKey(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase();
}

export function ruleMatches(match: FrameworkMatch, subject: MatchSubject): boolean {
  if (match.layer !== undefined && match.layer !== subject.layer) return false;
  if (match.category !== undefined) {
    if (subject.category === undefined) return false;
    if (categoryKey(match.category) !== categoryKey(subject.category)) return false;
  }
  if (match.tags !== undefined) {
    const carried = new Set((subject.tags ?? []).map(tagKey));
    if (!match.tags.every((tag) => carried.has(tagKey(tag)))) return false;
  }
  return true;
}

/** Each field set counts one, each distinct tag counts one: "application + defai" beats "application". */
export function specificity(match: FrameworkMatch): number {
  const tags = new Set((match.tags ?? []).map(tagKey)).size;
  return (match.layer !== undefined ? 1 : 0) + (match.category !== undefined ? 1 : 0) + tags;
}

/** Two matches with the same key select exactly the same protocols. */
export function matchKey(match: FrameworkMatch): string {
  const tags = [...new Set((match.tags ?? []).map(tagKey))].sort();
  return JSON.stringify([match.layer ?? null, match.category === undefined ? null : categoryKey(match.category), tags]);
}
