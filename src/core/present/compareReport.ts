// Compare Frameworks… as a document a researcher reads: which protocols' verdicts change between
// two frameworks, from what to what, and why under each. Markdown, so the editor's preview shows
// it as a page; note text (names, reasons) is escaped so it cannot turn into markup or links
// (src/core/present/untrustedText.ts).
import * as l10n from '@vscode/l10n';
import type { FrameworkComparison } from '../framework';
import type { Layer, Verdict } from '../vocabulary/model';
import { describeVerdict, layerWord } from '../vocabulary/labels';
import { markdownText } from './untrustedText';

/** The report opens in the Markdown preview, whose linkifier runs after escapes are resolved. */
const LINKIFIED = { linkifiers: true };

export function compareReportMarkdown(comparison: FrameworkComparison, layerOf: (path: string) => Layer): string {
  const { a, b, changes, unchanged } = comparison;
  const lines = [
    `# ${escapeMarkdown(a.title)} → ${escapeMarkdown(b.title)}`,
    '',
    changes.length === 1
      ? l10n.t('Frameworks {0} and {1}: **1** protocol changes verdict, {2} keep it.', markdownText(a.id, LINKIFIED), markdownText(b.id, LINKIFIED), unchanged)
      : l10n.t('Frameworks {0} and {1}: **{2}** protocols change verdict, {3} keep it.', markdownText(a.id, LINKIFIED), markdownText(b.id, LINKIFIED), changes.length, unchanged),
    '',
  ];
  if (changes.length === 0) {
    lines.push(l10n.t('No protocol changes verdict: both frameworks flag every note in this workspace the same way.'), '');
    return lines.join('\n');
  }
  const layer = l10n.t({ message: 'layer', comment: ["a column heading of the framework comparison's table"] });
  const protocol = l10n.t({ message: 'protocol', comment: ["a column heading of the framework comparison's table"] });
  lines.push(`| ${layer} | ${protocol} | ${escapeCell(a.id)} | ${escapeCell(b.id)} |`, '|---|---|---|---|');
  for (const change of changes) {
    lines.push(`| ${markdownText(layerWord(layerOf(change.path)), LINKIFIED)} | ${escapeCell(change.name)} | ${escapeCell(describeVerdict(change.from))} | ${escapeCell(describeVerdict(change.to))} |`);
  }
  lines.push('', `## ${l10n.t({ message: 'Why', comment: ['the heading over each protocol\'s reasons in the framework comparison'] })}`, '');
  for (const change of changes) {
    lines.push(
      `### ${escapeMarkdown(change.name)}`,
      '',
      `- ${because(a.id, change.from)}`,
      `- ${because(b.id, change.to)}`,
      '',
    );
  }
  return lines.join('\n');
}

/** "**deepseek-2025**: negative. Centralised clouds … (section 2, 3 (negative))" */
function because(frameworkId: string, verdict: Verdict): string {
  const rationale = escapeMarkdown(verdict.rationale.replace(/\s+/g, ' ').trim());
  const reason = verdict.section ? l10n.t('{0} (section {1})', rationale, escapeMarkdown(verdict.section)) : rationale;
  return l10n.t('**{0}**: {1}. {2}', escapeMarkdown(frameworkId), escapeMarkdown(describeVerdict(verdict)), reason);
}

/** Note and framework text as literal Markdown (also safe in a table cell: `|` is escaped). */
function escapeMarkdown(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim(), LINKIFIED);
}

function escapeCell(text: string): string {
  return escapeMarkdown(text);
}
