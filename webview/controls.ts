// The toolbar: filters by layer, verdict (the verdict checkboxes double as the colour legend)
// and category, a search box and "Fit", built from the webview UI toolkit so they look and behave
// like VS Code's own controls in every theme.
import * as l10n from '@vscode/l10n';
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { VERDICT_VALUES } from '../src/core/vocabulary/model';
import { categoryTitle, layerTitle, verdictTitle } from '../src/core/vocabulary/labels';
import type { GraphState } from './graphState';
import type { Palette } from './theme';

provideVSCodeDesignSystem().register(vsCodeButton(), vsCodeCheckbox(), vsCodeDropdown(), vsCodeOption(), vsCodeTextField());

export interface ControlEvents {
  changed(): void;
  /** The search box's text changed: the extension's search decides what it matches. */
  searched(query: string): void;
  fit(): void;
}

type Checkbox = HTMLElement & { checked: boolean };
type ValueControl = HTMLElement & { value: string };

export class Controls {
  readonly element: HTMLElement;
  private readonly layers: HTMLElement;
  private readonly verdicts: HTMLElement;
  private readonly category: ValueControl;
  private readonly search: ValueControl;
  private readonly frameworkLabel: HTMLElement;
  private readonly filtersButton: HTMLElement;
  private readonly filtersPanel: HTMLElement;
  private readonly fitButton: HTMLElement;
  /** How wide the one-row wide toolbar was when it last did not fit. */
  private wideNeeds = Infinity;
  private readonly swatches = new Map<string, HTMLElement>();
  /**
   * The verdict colours over the graph's corner, shown while the verdict checkboxes (the legend in
   * the wide toolbar) are folded into the menu; the app places it (see main.ts).
   */
  readonly legend: HTMLElement;
  private readonly legendSwatches = new Map<string, HTMLElement>();
  private readonly legendFramework: HTMLElement;
  /** What the lists were built from; undefined until they are built once (even when empty). */
  private shownLayers: string | undefined;
  private shownCategories: string | undefined;

  constructor(
    host: HTMLElement,
    private readonly state: GraphState,
    private readonly events: ControlEvents,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', l10n.t('Graph filters'));

    this.search = document.createElement('vscode-text-field') as ValueControl;
    this.search.setAttribute('placeholder', l10n.t('Search protocols'));
    this.search.setAttribute('aria-label', l10n.t('Search protocols by name, alias, category or layer; typos are fine'));
    this.search.setAttribute('data-testid', 'search');
    this.search.addEventListener('input', () => this.events.searched(this.search.value ?? ''));

    this.layers = group(l10n.t('Layers'), 'layer-filters');
    this.verdicts = group(l10n.t('Verdicts'), 'verdict-filters');
    for (const verdict of VERDICT_VALUES) {
      const box = checkbox(verdictTitle(verdict), `verdict-${verdict}`, !this.state.hiddenVerdicts.has(verdict));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      box.prepend(swatch);
      this.swatches.set(verdict, swatch);
      box.addEventListener('change', () => {
        toggle(this.state.hiddenVerdicts, verdict, !box.checked);
        this.changed();
      });
      this.verdicts.append(box);
    }

    this.legend = document.createElement('div');
    this.legend.className = 'legend';
    this.legend.setAttribute('data-testid', 'legend');
    this.legend.setAttribute('aria-hidden', 'true');
    // Colours mean something only under a framework: the legend names it.
    this.legendFramework = document.createElement('span');
    this.legendFramework.className = 'legend-framework';
    this.legendFramework.setAttribute('data-testid', 'legend-framework');
    this.legend.append(this.legendFramework);
    for (const verdict of VERDICT_VALUES) {
      const item = document.createElement('span');
      item.setAttribute('data-testid', `legend-${verdict}`);
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      this.legendSwatches.set(verdict, swatch);
      item.append(swatch, document.createTextNode(verdictTitle(verdict)));
      this.legend.append(item);
    }

    this.category = document.createElement('vscode-dropdown') as ValueControl;
    this.category.setAttribute('aria-label', l10n.t('Category'));
    this.category.setAttribute('data-testid', 'category-filter');
    this.category.addEventListener('change', () => {
      this.state.category = this.category.value ?? '';
      this.changed();
    });

    const fit = document.createElement('vscode-button');
    fit.setAttribute('appearance', 'secondary');
    fit.setAttribute('data-testid', 'fit');
    fit.textContent = l10n.t('Fit');
    fit.title = l10n.t('Fit the whole graph in view');
    fit.addEventListener('click', () => this.events.fit());

    this.frameworkLabel = document.createElement('span');
    this.frameworkLabel.className = 'framework';
    this.frameworkLabel.setAttribute('data-testid', 'framework');

    // Wide, the filters sit in the toolbar; narrow (a panel beside a note), they fold into a menu
    // behind one button so the toolbar stays one row and the graph keeps the height.
    this.filtersButton = document.createElement('vscode-button');
    this.filtersButton.setAttribute('appearance', 'secondary');
    this.filtersButton.setAttribute('data-testid', 'filters-menu');
    this.filtersButton.setAttribute('aria-haspopup', 'true');
    this.filtersButton.setAttribute('aria-expanded', 'false');
    this.filtersButton.className = 'filters-button';
    this.filtersButton.title = l10n.t('Layers, verdicts and the framework');
    this.filtersButton.addEventListener('click', (event) => {
      event.stopPropagation();
      this.setMenuOpen(!this.filtersPanel.classList.contains('open'));
    });
    this.filtersPanel = document.createElement('div');
    this.filtersPanel.className = 'filters-panel';
    this.filtersPanel.setAttribute('data-testid', 'filters-panel');
    this.filtersPanel.append(this.layers, this.verdicts, this.frameworkLabel);
    this.filtersPanel.addEventListener('click', (event) => event.stopPropagation());
    document.addEventListener('click', () => this.setMenuOpen(false));
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && this.filtersPanel.classList.contains('open')) {
        this.setMenuOpen(false);
        this.filtersButton.focus();
      }
    });

    this.fitButton = fit;
    this.element.append(this.search, this.category, this.filtersButton, this.filtersPanel, fit);
    host.append(this.element);
    new ResizeObserver(() => this.fitWidth()).observe(this.element);
    this.fitWidth();
  }

  /** Another menu of the toolbar (the View menu), before Fit; it stays a button however wide the toolbar. */
  addMenu(button: HTMLElement, panel: HTMLElement): void {
    this.element.insertBefore(panel, this.fitButton);
    this.element.insertBefore(button, panel);
    this.wideNeeds = Infinity;
    this.fitWidth();
  }

  private changed(): void {
    this.describeFilters();
    this.events.changed();
  }

  /**
   * One row either way: the wide toolbar (one unwrapped row) while everything fits, the compact
   * one below the width the wide one was measured to need. Runs before paint (ResizeObserver), so
   * an overflowing row is never seen.
   */
  private fitWidth(): void {
    const width = this.element.clientWidth;
    if (width === 0) return;
    const compact = this.element.classList.contains('compact');
    if (compact && width < this.wideNeeds) return;
    if (compact) {
      this.element.classList.remove('compact');
      this.setMenuOpen(false);
    }
    if (this.element.scrollWidth > width + 1) {
      this.wideNeeds = this.element.scrollWidth;
      this.element.classList.add('compact');
    }
    this.legend.classList.toggle('shown', this.element.classList.contains('compact') && this.state.colourBy === 'verdict');
  }

  private setMenuOpen(open: boolean): void {
    this.filtersPanel.classList.toggle('open', open);
    this.filtersButton.setAttribute('aria-expanded', String(open));
  }

  /** The menu button says how many filters are off, so a hidden filter is never a mystery. */
  private describeFilters(): void {
    const off = this.state.hiddenLayers.size + this.state.hiddenVerdicts.size;
    this.filtersButton.textContent = off > 0 ? l10n.t('Filters ({0} off)', off) : l10n.t('Filters');
  }

  /** Rebuilds only the lists whose options changed, so a patch does not reset a half-typed search. */
  update(palette: Palette): void {
    for (const swatches of [this.swatches, this.legendSwatches]) {
      for (const [verdict, swatch] of swatches) swatch.style.backgroundColor = palette.verdict[verdict as keyof Palette['verdict']];
    }
    this.frameworkLabel.textContent = this.state.framework.title ? l10n.t('Framework: {0}', this.state.framework.title) : '';
    this.frameworkLabel.title = this.frameworkLabel.textContent;
    this.legendFramework.textContent = this.state.framework.title;
    this.describeFilters();
    this.search.value = this.state.search;
    // Coloured by a field, the verdict swatches would say what the colours no longer mean.
    this.element.classList.toggle('by-field', this.state.colourBy !== 'verdict');

    const layers = this.state.layers();
    if (layers.join('|') !== this.shownLayers) {
      this.shownLayers = layers.join('|');
      const boxes = [...layers].reverse().map((layer) => {
        const box = checkbox(layerTitle(layer), `layer-${layer}`, !this.state.hiddenLayers.has(layer));
        box.addEventListener('change', () => {
          toggle(this.state.hiddenLayers, layer, !box.checked);
          this.changed();
        });
        return box;
      });
      this.layers.replaceChildren(this.layers.firstChild!, ...boxes);
    }

    const categories = this.state.categories();
    if (categories.join('|') !== this.shownCategories) {
      this.shownCategories = categories.join('|');
      const all = option('', l10n.t('All categories'));
      this.category.replaceChildren(all, ...categories.map((category) => option(category, categoryTitle(category))));
      if (this.state.category && !categories.includes(this.state.category)) this.state.category = '';
      this.category.value = this.state.category;
    }
    this.fitWidth();
  }
}

function group(label: string, testId: string): HTMLElement {
  const element = document.createElement('div');
  element.className = 'group';
  element.setAttribute('role', 'group');
  element.setAttribute('aria-label', label);
  element.setAttribute('data-testid', testId);
  const title = document.createElement('span');
  title.className = 'group-label';
  title.textContent = `${label}:`;
  element.append(title);
  return element;
}

function checkbox(label: string, testId: string, checked: boolean): Checkbox {
  const box = document.createElement('vscode-checkbox') as Checkbox;
  box.setAttribute('data-testid', testId);
  if (checked) box.setAttribute('checked', '');
  box.append(document.createTextNode(label));
  return box;
}

function option(value: string, label: string): HTMLElement {
  const element = document.createElement('vscode-option');
  element.setAttribute('value', value);
  element.textContent = label;
  return element;
}

function toggle(set: Set<string>, value: string, present: boolean): void {
  if (present) set.add(value);
  else set.delete(value);
}
