// What hovering a `depends_on` entry shows about the protocol it names, as plain data and as
// markdown whose every piece of note text is escaped (a note can contain anything).
import * as l10n from '@vscode/l10n';
import { markdownText } from '../present/untrustedText';
import type { Verdict } from '../vocabulary/model';
import type { Protocol } from '../vocabulary/protocol';
import { categoryTitle, horizonWord, layerWord, verdictTitle } from '../vocabulary/labels';

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
  const layer = escapeMarkdown(layerWord(hover.layer));
  lines.push(hover.category ? l10n.t('Layer: {0} · Category: {1}', layer, escapeMarkdown(hover.category)) : l10n.t('Layer: {0}', layer), '');
  const by = verdict.source === 'override' ? l10n.t('override in the note') : escapeMarkdown(hover.framework);
  const value = `**${verdictTitle(verdict.value)}**`;
  lines.push(verdict.horizon ? l10n.t('Verdict: {0} ({1}) · {2}', value, horizonWord(verdict.horizon), by) : l10n.t('Verdict: {0} · {1}', value, by), '');
  if (verdict.rationale) lines.push(l10n.t('Reason: {0}', escapeMarkdown(verdict.rationale)), '');
  if (verdict.outlook) {
    lines.push(l10n.t('Outlook ({0}): {1}: {2}', horizonWord(verdict.outlook.horizon), verdictTitle(verdict.outlook.value), escapeMarkdown(verdict.outlook.rationale)), '');
  }
  if (verdict.section) lines.push(l10n.t('Section: §{0}', escapeMarkdown(verdict.section)), '');
  lines.push(`\`${hover.path.replace(/`/g, "'")}\``);
  return lines.join('\n');
}

/** Note text as literal Markdown on one line: the one escaper (present/untrustedText.ts). */
export function escapeMarkdown(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim());
}
