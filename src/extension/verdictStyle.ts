// How a verdict looks wherever the extension shows one (tree, search): a themed icon in the
// verdict's colour, contributed in package.json so themes and high-contrast modes can adjust it.
import * as vscode from 'vscode';
import type { Atlas } from '../core/atlas';
import type { VerdictValue } from '../core/model';

const ICONS: Record<VerdictValue, { icon: string; color: string }> = {
  positive: { icon: 'arrow-circle-up', color: 'protocolAtlas.positive' },
  negative: { icon: 'arrow-circle-down', color: 'protocolAtlas.negative' },
  mixed: { icon: 'arrow-swap', color: 'protocolAtlas.mixed' },
  'not-assessed': { icon: 'circle-large-outline', color: 'protocolAtlas.notAssessed' },
};

export function verdictIcon(value: VerdictValue): vscode.ThemeIcon {
  const { icon, color } = ICONS[value];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

export function verdictWord(value: VerdictValue): string {
  return value === 'not-assessed' ? 'not assessed' : value;
}

/** "negative · override · exposed via Eliza → Akash": what a protocol's row says after its name. */
export function protocolSummary(atlas: Atlas, path: string): string {
  const verdict = atlas.verdictOf(path);
  const parts = [verdictWord(verdict.value)];
  if (verdict.source === 'override') parts.push('✎ override');
  const exposure = atlas.exposureCounts().get(path);
  if (exposure?.nearest) {
    const via = exposure.nearest.path.slice(1).map((each) => atlas.index.protocol(each)?.name.value ?? each);
    const more = exposure.count > 1 ? ` (+${exposure.count - 1})` : '';
    parts.push(`exposed via ${via.join(' → ')}${more}`);
  }
  return parts.join(' · ');
}

/** The verdict, its reason and section, the override and the exposure, as a hover. Note text is untrusted. */
export function protocolTooltip(atlas: Atlas, path: string): vscode.MarkdownString {
  const protocol = atlas.index.protocol(path);
  const verdict = atlas.verdictOf(path);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown(`$(${ICONS[verdict.value].icon}) **`);
  tooltip.appendText(protocol?.name.value ?? path);
  tooltip.appendMarkdown('** — ');
  tooltip.appendText([protocol?.layer.value, protocol?.category?.value].filter(Boolean).join(' / '));
  tooltip.appendMarkdown('\n\n**');
  tooltip.appendText(verdictWord(verdict.value) + (verdict.strength ? ` (${verdict.strength})` : '') + (verdict.horizon ? `, ${verdict.horizon}` : ''));
  tooltip.appendMarkdown(verdict.source === 'override' ? '** — your override: ' : `** under ${escape(atlas.framework.title)}: `);
  tooltip.appendText(verdict.rationale);
  if (verdict.section) tooltip.appendText(` (section ${verdict.section})`);
  if (verdict.outlook) {
    tooltip.appendMarkdown(`\n\n*${escape(verdict.outlook.horizon)}:* `);
    tooltip.appendText(`${verdictWord(verdict.outlook.value)}: ${verdict.outlook.rationale}`);
  }
  if (verdict.frameworkVerdict) {
    tooltip.appendMarkdown('\n\n*The framework says* ');
    tooltip.appendText(`${verdictWord(verdict.frameworkVerdict.value)}: ${verdict.frameworkVerdict.rationale}`);
  }
  const exposures = atlas.exposureOf(path);
  if (exposures.length > 0) {
    tooltip.appendMarkdown('\n\n**Exposure** (depends on negatively affected protocols):\n');
    for (const exposure of exposures.slice(0, 5)) {
      tooltip.appendMarkdown('\n- ');
      tooltip.appendText(exposure.path.map((each) => atlas.index.protocol(each)?.name.value ?? each).join(' → '));
    }
    if (exposures.length > 5) tooltip.appendText(`\n- and ${exposures.length - 5} more`);
  }
  tooltip.appendMarkdown('\n\n');
  tooltip.appendText(path);
  return tooltip;
}

function escape(text: string): string {
  return text.replace(/[\\`*_{}[\]()<>#+!|~$-]/g, '\\$&');
}
