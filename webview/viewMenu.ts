// The "View" menu: how the graph draws what the filters leave, not which protocols it shows.
// Colour by verdict or by a note field, node size by how many protocols depend on each, and the
// body links (mentions) as a dashed layer. Also the legend of a field's colours, over the graph.
import * as l10n from '@vscode/l10n';
import type { ColourBy } from '../src/webviewProtocol';
import type { LegendEntry } from './colourBy';
import type { GraphState } from './graphState';

type Checkbox = HTMLElement & { checked: boolean };
type ValueControl = HTMLElement & { value: string };

export interface ViewMenuEvents {
  changed(): void;
}

export class ViewMenu {
  readonly button: HTMLElement;
  readonly panel: HTMLElement;
  /** The field colours' legend; the app puts it in the graph's corner. */
  readonly legend: HTMLElement;
  private readonly colourBy: ValueControl;
  private readonly sizeBox: Checkbox;
  private readonly mentionsBox: Checkbox;
  private shownChoices: string | undefined;

  constructor(
    private readonly state: GraphState,
    private readonly events: ViewMenuEvents,
  ) {
    this.button = document.createElement('vscode-button');
    this.button.setAttribute('appearance', 'secondary');
    this.button.setAttribute('data-testid', 'view-menu');
    this.button.setAttribute('aria-haspopup', 'true');
    this.button.setAttribute('aria-expanded', 'false');
    this.button.textContent = l10n.t('View');
    this.button.title = l10n.t('Colour, node size and body links');
    this.button.addEventListener('click', (event) => {
      event.stopPropagation();
      this.setOpen(!this.panel.classList.contains('open'));
    });

    this.panel = document.createElement('div');
    this.panel.className = 'view-panel';
    this.panel.setAttribute('data-testid', 'view-panel');
    this.panel.addEventListener('click', (event) => event.stopPropagation());

    const colourRow = document.createElement('label');
    colourRow.className = 'group';
    const colourLabel = document.createElement('span');
    colourLabel.className = 'group-label';
    colourLabel.textContent = l10n.t('Colour by:');
    this.colourBy = document.createElement('vscode-dropdown') as ValueControl;
    this.colourBy.setAttribute('data-testid', 'colour-by');
    this.colourBy.setAttribute('aria-label', l10n.t('Colour protocols by'));
    this.colourBy.addEventListener('change', () => {
      const value = this.colourBy.value as ColourBy | undefined;
      if (!value || value === this.state.colourBy) return;
      this.state.colourBy = value;
      this.events.changed();
    });
    colourRow.append(colourLabel, this.colourBy);

    this.sizeBox = checkbox(l10n.t('Size by dependents'), 'size-by-dependents', state.sizeByDependents);
    this.sizeBox.title = l10n.t('The more protocols depend on one, the larger its dot');
    this.sizeBox.addEventListener('change', () => {
      this.state.sizeByDependents = this.sizeBox.checked;
      this.events.changed();
    });
    this.mentionsBox = checkbox(l10n.t('Body links (dashed)'), 'show-mentions', state.showMentions);
    this.mentionsBox.title = l10n.t('Links in a note’s text to other notes: context, not dependencies');
    this.mentionsBox.addEventListener('change', () => {
      this.state.showMentions = this.mentionsBox.checked;
      this.events.changed();
    });
    this.panel.append(colourRow, this.sizeBox, this.mentionsBox);

    this.legend = document.createElement('div');
    this.legend.className = 'legend field-legend';
    this.legend.setAttribute('data-testid', 'field-legend');
    this.legend.setAttribute('aria-hidden', 'true');

    document.addEventListener('click', () => this.setOpen(false));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.panel.classList.contains('open')) {
        this.setOpen(false);
        this.button.focus();
      }
    });
  }

  /**
   * The choices follow the notes (a new tag adds one); the checkboxes follow a restored state.
   * Returns whether the colouring fell back to the verdict because no note has its field any more.
   */
  update(choices: Array<{ value: ColourBy; label: string }>, legend: LegendEntry[] | undefined): boolean {
    const key = choices.map((choice) => `${choice.value}\u0000${choice.label}`).join('\u0001');
    if (key !== this.shownChoices) {
      this.shownChoices = key;
      this.colourBy.replaceChildren(
        ...choices.map((choice) => {
          const element = document.createElement('vscode-option');
          element.setAttribute('value', choice.value);
          element.textContent = choice.label;
          return element;
        }),
      );
    }
    // Before the first notes arrive every field is missing: that is no reason to drop a restored choice.
    const fellBack = this.state.graph.order > 0 && !choices.some((choice) => choice.value === this.state.colourBy);
    if (fellBack) this.state.colourBy = 'verdict';
    this.colourBy.value = this.state.colourBy;
    this.sizeBox.checked = this.state.sizeByDependents;
    this.mentionsBox.checked = this.state.showMentions;
    this.legend.classList.toggle('shown', legend !== undefined);
    this.legend.replaceChildren(
      ...(legend ?? []).map((entry) => {
        const item = document.createElement('span');
        item.setAttribute('data-testid', 'field-legend-entry');
        const swatch = document.createElement('span');
        swatch.className = 'swatch';
        swatch.style.backgroundColor = entry.colour;
        item.append(swatch, document.createTextNode(`${entry.label} (${entry.count})`));
        return item;
      }),
    );
    return fellBack;
  }

  private setOpen(open: boolean): void {
    this.panel.classList.toggle('open', open);
    this.button.setAttribute('aria-expanded', String(open));
  }
}

function checkbox(label: string, testId: string, checked: boolean): Checkbox {
  const box = document.createElement('vscode-checkbox') as Checkbox;
  box.setAttribute('data-testid', testId);
  if (checked) box.setAttribute('checked', '');
  box.append(document.createTextNode(label));
  return box;
}
