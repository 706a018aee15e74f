// The toolbar: filters by layer, verdict (the verdict checkboxes double as the colour legend)
// and category, a search box and "Fit", built from the webview UI toolkit so they look and behave
// like VS Code's own controls in every theme.
import {
  provideVSCodeDesignSystem,
  vsCodeButton,
  vsCodeCheckbox,
  vsCodeDropdown,
  vsCodeOption,
  vsCodeTextField,
} from '@vscode/webview-ui-toolkit';
import { VERDICT_VALUES } from '../src/core/model';
import { categoryText, LAYER_TEXT, verdictText } from './card';
import type { AtlasState } from './state';
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
  private readonly swatches = new Map<string, HTMLElement>();
  /** What the lists were built from; undefined until they are built once (even when empty). */
  private shownLayers: string | undefined;
  private shownCategories: string | undefined;

  constructor(
    host: HTMLElement,
    private readonly state: AtlasState,
    private readonly events: ControlEvents,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'toolbar';
    this.element.setAttribute('role', 'toolbar');
    this.element.setAttribute('aria-label', 'Graph filters');

    this.search = document.createElement('vscode-text-field') as ValueControl;
    this.search.setAttribute('placeholder', 'Search protocols');
    this.search.setAttribute('aria-label', 'Search protocols by name, alias, category or layer; typos are fine');
    this.search.setAttribute('data-testid', 'search');
    this.search.addEventListener('input', () => this.events.searched(this.search.value ?? ''));

    this.layers = group('Layers', 'layer-filters');
    this.verdicts = group('Verdicts', 'verdict-filters');
    for (const verdict of VERDICT_VALUES) {
      const box = checkbox(verdictText(verdict), `verdict-${verdict}`, !this.state.hiddenVerdicts.has(verdict));
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      box.prepend(swatch);
      this.swatches.set(verdict, swatch);
      box.addEventListener('change', () => {
        toggle(this.state.hiddenVerdicts, verdict, !box.checked);
        this.events.changed();
      });
      this.verdicts.append(box);
    }

    this.category = document.createElement('vscode-dropdown') as ValueControl;
    this.category.setAttribute('aria-label', 'Category');
    this.category.setAttribute('data-testid', 'category-filter');
    this.category.addEventListener('change', () => {
      this.state.category = this.category.value ?? '';
      this.events.changed();
    });

    const fit = document.createElement('vscode-button');
    fit.setAttribute('appearance', 'secondary');
    fit.setAttribute('data-testid', 'fit');
    fit.textContent = 'Fit';
    fit.title = 'Fit the whole graph in view';
    fit.addEventListener('click', () => this.events.fit());

    this.frameworkLabel = document.createElement('span');
    this.frameworkLabel.className = 'framework';
    this.frameworkLabel.setAttribute('data-testid', 'framework');

    this.element.append(this.search, this.category, this.layers, this.verdicts, fit, this.frameworkLabel);
    host.append(this.element);
  }

  /** Rebuilds only the lists whose options changed, so a patch does not reset a half-typed search. */
  update(palette: Palette): void {
    for (const [verdict, swatch] of this.swatches) swatch.style.backgroundColor = palette.verdict[verdict as keyof Palette['verdict']];
    this.frameworkLabel.textContent = this.state.framework.title ? `Framework: ${this.state.framework.title}` : '';
    this.search.value = this.state.search;

    const layers = this.state.layers();
    if (layers.join('|') !== this.shownLayers) {
      this.shownLayers = layers.join('|');
      const boxes = [...layers].reverse().map((layer) => {
        const box = checkbox(LAYER_TEXT[layer] ?? layer, `layer-${layer}`, !this.state.hiddenLayers.has(layer));
        box.addEventListener('change', () => {
          toggle(this.state.hiddenLayers, layer, !box.checked);
          this.events.changed();
        });
        return box;
      });
      this.layers.replaceChildren(this.layers.firstChild!, ...boxes);
    }

    const categories = this.state.categories();
    if (categories.join('|') !== this.shownCategories) {
      this.shownCategories = categories.join('|');
      const all = option('', 'All categories');
      this.category.replaceChildren(all, ...categories.map((category) => option(category, categoryText(category))));
      if (this.state.category && !categories.includes(this.state.category)) this.state.category = '';
      this.category.value = this.state.category;
    }
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
