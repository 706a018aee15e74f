// Compare Frameworks… as a document a researcher reads: which protocols' verdicts change between
// two frameworks, from what to what, and why under each. Markdown, so the editor's preview shows
// it as a page; note text (names, reasons) is escaped so it cannot turn into markup or links
// (src/core/present/untrustedText.ts).
import type { FrameworkComparison } from '../framework';
import type { Layer, Verdict } from '../vocabulary/model';
import { describeVerdict } from '../vocabulary/labels';
import { markdownText } from './untrustedText';

/** The report opens in the Markdown preview, whose linkifier runs after escapes are resolved. */
const LINKIFIED = { linkifiers: true };

export function compareReportMarkdown(comparison: FrameworkComparison, layerOf: (path: string) => Layer): string {
  const { a, b, changes, unchanged } = comparison;
  const lines = [
    `# ${escapeMarkdown(a.title)} → ${escapeMarkdown(b.title)}`,
    '',
    `Frameworks ${markdownText(a.id, LINKIFIED)} and ${markdownText(b.id, LINKIFIED)}: **${changes.length}** protocol${changes.length === 1 ? '' : 's'} change verdict, ${unchanged} keep it.`,
    '',
  ];
  if (changes.length === 0) {
    lines.push('No protocol changes verdict: both frameworks flag every note in this workspace the same way.', '');
    return lines.join('\n');
  }
  lines.push(`| layer | protocol | ${escapeCell(a.id)} | ${escapeCell(b.id)} |`, '|---|---|---|---|');
  for (const change of changes) {
    lines.push(`| ${markdownText(layerOf(change.path), LINKIFIED)} | ${escapeCell(change.name)} | ${escapeCell(describeVerdict(change.from))} | ${escapeCell(describeVerdict(change.to))} |`);
  }
  lines.push('', '## Why', '');
  for (const change of changes) {
    lines.push(
      `### ${escapeMarkdown(change.name)}`,
      '',
      `- **${escapeMarkdown(a.id)}**: ${escapeMarkdown(describeVerdict(change.from))}. ${reason(change.from)}`,
      `- **${escapeMarkdown(b.id)}**: ${escapeMarkdown(describeVerdict(change.to))}. ${reason(change.to)}`,
      '',
    );
  }
  return lines.join('\n');
}

function reason(verdict: Verdict): string {
  const section = verdict.section ? ` (section ${escapeMarkdown(verdict.section)})` : '';
  return `${escapeMarkdown(verdict.rationale.replace(/\s+/g, ' ').trim())}${section}`;
}

/** Note and framework text as literal Markdown (also safe in a table cell: `|` is escaped). */
function escapeMarkdown(text: string): string {
  return markdownText(text.replace(/\s+/g, ' ').trim(), LINKIFIED);
}

function escapeCell(text: string): string {
  return escapeMarkdown(text);
}
