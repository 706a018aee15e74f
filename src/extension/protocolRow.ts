// How a protocol reads wherever the extension lists one (the Protocols view, Search Protocols…):
// its verdict as a themed icon in the verdict's colour (contributed in package.json so themes and
// high-contrast modes can adjust it), the summary after its name and the tooltip.
import { markdownText } from '../core/present/untrustedText';
import * as vscode from 'vscode';
import type { Atlas } from '../core/atlas';
import { exposureSentence, routeText } from '../core/present/exposureText';
import type { VerdictValue } from '../core/vocabulary/model';
import { categoryTitle, describeVerdict, horizonWord, layerTitle, verdictWord } from '../core/vocabulary/labels';

const ICONS: Record<VerdictValue, { icon: string; color: string }> = {
  positive: { icon: 'arrow-circle-up', color: 'protocolAtlas.positive' },
  negative: { icon: 'arrow-circle-down', color: 'protocolAtlas.negative' },
  mixed: { icon: 'arrow-swap', color: 'protocolAtlas.mixed' },
  'not-assessed': { icon: 'circle-large-outline', color: 'protocolAtlas.notAssessed' },
};

/** The codicon a verdict is shown with (`$(name)` in a status bar item). */
export function verdictCodicon(value: VerdictValue): string {
  return ICONS[value].icon;
}

export function verdictIcon(value: VerdictValue): vscode.ThemeIcon {
  const { icon, color } = ICONS[value];
  return new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
}

/**
 * "negative · override · exposed to 812 negatively affected protocols, nearest: Eliza → io.net":
 * what a protocol's row says after its name.
 */
export function protocolSummary(atlas: Atlas, path: string): string {
  const verdict = atlas.verdictOf(path);
  const parts = [verdictWord(verdict.value)];
  if (verdict.source === 'override') parts.push(`✎ ${vscode.l10n.t({ message: 'override', comment: ["the researcher's own verdict in the note, instead of the framework's"] })}`);
  const exposure = atlas.exposureCounts().get(path);
  if (exposure?.nearest) parts.push(exposureSentence(exposure.count, [exposure.nearest.path.map((each) => nameOf(atlas, each))]));
  return parts.join(' · ');
}

function nameOf(atlas: Atlas, path: string): string {
  return atlas.index.graph.hasNode(path) ? (atlas.index.graph.getNodeAttribute(path, 'name') ?? path) : path;
}

/** The verdict, its reason and section, the override and the exposure, as a hover. Note text is untrusted. */
export function protocolTooltip(atlas: Atlas, path: string): vscode.MarkdownString {
  const protocol = atlas.index.protocol(path);
  const verdict = atlas.verdictOf(path);
  const tooltip = new vscode.MarkdownString(undefined, true);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  // appendText would keep spaces as &nbsp;, which wraps long reasons mid-word; escaping keeps them plain.
  const text = (value: string) => tooltip.appendMarkdown(escape(value.replace(/\s+/g, ' ')));
  tooltip.appendMarkdown(`$(${ICONS[verdict.value].icon}) **`);
  text(protocol?.name.value ?? path);
  tooltip.appendMarkdown('** — ');
  text([protocol && layerTitle(protocol.layer.value), protocol?.category && categoryTitle(protocol.category.value)].filter(Boolean).join(' / '));
  tooltip.appendMarkdown('\n\n**');
  text(describeVerdict({ value: verdict.value, strength: verdict.strength, horizon: verdict.horizon }));
  tooltip.appendMarkdown(`** — ${verdict.source === 'override' ? escape(vscode.l10n.t('your override:')) : escape(vscode.l10n.t('under {0}:', atlas.framework.title))} `);
  text(verdict.rationale);
  if (verdict.section) text(` (${vscode.l10n.t('section {0}', verdict.section)})`);
  if (verdict.outlook) {
    tooltip.appendMarkdown(`\n\n*${escape(horizonWord(verdict.outlook.horizon))}:* `);
    text(`${verdictWord(verdict.outlook.value)}: ${verdict.outlook.rationale}`);
  }
  if (verdict.frameworkVerdict) {
    tooltip.appendMarkdown(`\n\n*${escape(vscode.l10n.t('The framework says'))}* `);
    text(`${verdictWord(verdict.frameworkVerdict.value)}: ${verdict.frameworkVerdict.rationale}`);
  }
  // The nearest few from the atlas's one pass over the graph, never a search of this protocol's own.
  const { count, nearest } = atlas.exposure(path);
  if (count > 0) {
    tooltip.appendMarkdown(`\n\n**${escape(vscode.l10n.t('Exposure:'))}** `);
    text(exposureSentence(count, []));
    text(count === 1 ? ':' : nearest.length > 1 ? vscode.l10n.t(', nearest {0}:', nearest.length) : vscode.l10n.t(', nearest:'));
    tooltip.appendMarkdown('\n');
    for (const exposure of nearest) {
      tooltip.appendMarkdown('\n- ');
      text(routeText(exposure.path.map((each) => nameOf(atlas, each))));
    }
    if (count > nearest.length) {
      tooltip.appendMarkdown('\n- ');
      text(vscode.l10n.t('and {0} more', count - nearest.length));
    }
  }
  tooltip.appendMarkdown('\n\n');
  text(path);
  return tooltip;
}

/** Note text as literal markdown: no markup, links, HTML or $(icons). */
const escape = markdownText;
