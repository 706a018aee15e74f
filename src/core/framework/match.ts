// When a rule applies to a protocol, and how specific it is. Shared by the engine and the
// validator, so "these two rules have the same match" means the same thing in both.
import type { Layer } from '../model';
import type { FrameworkMatch } from './types';

export interface MatchSubject {
  layer: Layer;
  category?: string;
  tags?: string[];
}

/** Notes write tags as `#defi`, `DeFi` or `defi`; researchers mean one tag. */
function normaliseTag(tag: string): string {
  return tag.trim().replace(/^#/, '').toLowerCase();
}

function normaliseCategory(category: string): string {
  return category.trim().toLowerCase();
}

export function ruleMatches(match: FrameworkMatch, subject: MatchSubject): boolean {
  if (match.layer !== undefined && match.layer !== subject.layer) return false;
  if (match.category !== undefined) {
    if (subject.category === undefined) return false;
    if (normaliseCategory(match.category) !== normaliseCategory(subject.category)) return false;
  }
  if (match.tags !== undefined) {
    const carried = new Set((subject.tags ?? []).map(normaliseTag));
    if (!match.tags.every((tag) => carried.has(normaliseTag(tag)))) return false;
  }
  return true;
}

/** Each field set counts one, each distinct tag counts one: "application + defai" beats "application". */
export function specificity(match: FrameworkMatch): number {
  const tags = new Set((match.tags ?? []).map(normaliseTag)).size;
  return (match.layer !== undefined ? 1 : 0) + (match.category !== undefined ? 1 : 0) + tags;
}

/** Two matches with the same key select exactly the same protocols. */
export function matchKey(match: FrameworkMatch): string {
  const tags = [...new Set((match.tags ?? []).map(normaliseTag))].sort();
  return JSON.stringify([match.layer ?? null, match.category === undefined ? null : normaliseCategory(match.category), tags]);
}
