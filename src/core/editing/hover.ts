// What hovering a `depends_on` entry shows about the protocol it names, as plain data and as
// markdown whose every piece of note text is escaped (a note can contain anything).
import { markdownText } from '../present/untrustedText';
import type { Verdict } from '../vocabulary/model';
import type { Protocol } from '../vocabulary/protocol';
import { categoryTitle, verdictTitle } from '../vocabulary/labels';

export interface DependencyHover {
  name: string;
  path: string;
  layer: string;
  category?: string;
  verdict: Verdict;
  /** The framework the verdict comes from, e.g. "DeepSeek 2025". */
  framework: string;
}

export function dependencyHover(protocol: Protocol, verdict: Verdict, framework: string): DependencyHover {
  const category = protocol.category && categoryTitle(protocol.category.value);
  return {
    name: protocol.name.value,
    path: protocol.path,
    layer: protocol.layer.value,
    ...(category && { category }),
    verdict,
    framework,
  };
}

export function hoverMarkdown(hover: DependencyHover): string {
  const { verdict } = hover;
  const lines = [`**${escapeMarkdown(hover.name)}**`, ''];
  lines.push(`Layer: ${escapeMarkdown(hover.layer)}${hover.category ? ` · Category: ${escapeMarkdown(hover.category)}` : ''}`, '');
  const by = verdict.source === 'override' ? 'override in the note' : escapeMarkdown(hover.framework);
  const horizon = verdict.horizon ? ` (${verdict.horizon})` : '';
  lines.push(`Verdict: **${verdictTitle(verdict.value)}**${horizon} · ${by}`, '');
  if (verdict.rationale) lines.push(`Reason: ${escapeMarkdown(verdict.rationale)}`, '');
  if (verdict.outlook) {
    lines.push(`Outlook (${verdict.outlook.horizon}): ${verdictTitle(verdict.outlook.value)}: ${escapeMarkdown(verdict.outlook.rationale)}`, '');
  }
  if (verdict.section) lines.push(`Section: §${escapeMarkdown(verdict.section)}`, '');
  lines.push(`\`${hover.path.replace(/`/g, "'")}\``);
  return lines.join('\n');
}

/** Note text as literal Markdown on one line: the one escaper (present/untrustedText.ts). */
export function escapeMarkdown(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim());
}
