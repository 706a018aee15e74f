// The hover card. Every string in it comes from a note or a framework, so it is built from
// elements and textContent only: a name like `<img onerror=…>` shows as those characters.
import * as l10n from '@vscode/l10n';
import { exposureSentence } from '../src/core/present/exposureText';
import { categoryTitle, layerTitle, verdictTitle } from '../src/core/vocabulary/labels';
import type { NodeAttributes } from './graphState';
import type { Palette } from './theme';


export class HoverCard {
  readonly element: HTMLElement;

  constructor(host: HTMLElement) {
    this.element = document.createElement('div');
    this.element.className = 'card';
    this.element.setAttribute('data-testid', 'hover-card');
    this.element.setAttribute('role', 'tooltip');
    this.element.hidden = true;
    host.append(this.element);
  }

  show(node: NodeAttributes, at: { x: number; y: number }, palette: Palette): void {
    const line = (testId: string, label: string, text: string): HTMLElement => {
      const row = document.createElement('div');
      row.className = 'card-row';
      row.setAttribute('data-testid', testId);
      const key = document.createElement('span');
      key.className = 'card-key';
      key.textContent = label;
      const value = document.createElement('span');
      value.textContent = text;
      row.append(key, value);
      return row;
    };
    const title = document.createElement('div');
    title.className = 'card-title';
    title.setAttribute('data-testid', 'card-name');
    title.textContent = node.name;

    const verdict = document.createElement('div');
    verdict.className = 'card-verdict';
    verdict.setAttribute('data-testid', 'card-verdict');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = palette.verdict[node.verdict.value];
    const verdictText = document.createElement('span');
    verdictText.textContent = node.override ? l10n.t('{0} (your override)', verdictTitle(node.verdict.value)) : verdictTitle(node.verdict.value);
    verdict.append(swatch, verdictText);

    const rows: HTMLElement[] = [
      title,
      line('card-layer', l10n.t('Layer'), `${layerTitle(node.layer)}${node.category ? ` · ${categoryTitle(node.category)}` : ''}`),
      verdict,
      line('card-reason', l10n.t('Reason'), node.verdict.rationale),
    ];
    if (node.verdict.section) rows.push(line('card-section', l10n.t('Section'), `§${node.verdict.section}`));
    if (node.verdict.outlook) {
      const outlook = node.verdict.outlook;
      rows.push(line('card-outlook', outlook.horizon === 'long-term' ? l10n.t('Long term') : l10n.t('Short term'), `${verdictTitle(outlook.value)}: ${outlook.rationale}`));
    }
    const exposure = node.exposure;
    rows.push(line('card-exposure', l10n.t('Exposure'), exposureSentence(exposure.count, exposure.nearest ? [exposure.nearest] : [])));
    this.element.replaceChildren(...rows);
    this.element.hidden = false;
    this.place(at);
  }

  hide(): void {
    this.element.hidden = true;
  }

  /** Beside the node, flipped to stay inside the view. */
  private place(at: { x: number; y: number }): void {
    const host = this.element.parentElement!.getBoundingClientRect();
    const card = this.element.getBoundingClientRect();
    let left = at.x + 16;
    let top = at.y + 16;
    if (left + card.width > host.width - 8) left = Math.max(8, at.x - 16 - card.width);
    if (top + card.height > host.height - 8) top = Math.max(8, at.y - 16 - card.height);
    this.element.style.left = `${left}px`;
    this.element.style.top = `${top}px`;
  }
}
