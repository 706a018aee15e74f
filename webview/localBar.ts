// The local graph's bar, over the graph while one is shown: whose local graph it is, how many
// steps out and which way, and the way back to the whole graph. The members come from the
// extension (the core walks the dependency graph); this only asks.
import * as l10n from '@vscode/l10n';
import { MAX_LOCAL_DEPTH, type LocalDirection } from '../src/core/present/graphModel';
import type { LocalGraphRequest } from '../src/webviewProtocol';
import type { GraphState } from './graphState';

type ValueControl = HTMLElement & { value: string };

const DIRECTIONS: Array<{ value: LocalDirection; label: () => string }> = [
  { value: 'both', label: () => l10n.t('Both ways') },
  { value: 'dependencies', label: () => l10n.t('What it depends on') },
  { value: 'dependents', label: () => l10n.t('What depends on it') },
];

export class LocalBar {
  readonly element: HTMLElement;
  private readonly title: HTMLElement;
  private readonly depth: ValueControl;
  private readonly direction: ValueControl;

  constructor(
    private readonly state: GraphState,
    private readonly asked: (local: LocalGraphRequest | null) => void,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'local-bar';
    this.element.setAttribute('data-testid', 'local-bar');
    this.element.setAttribute('role', 'group');
    this.element.setAttribute('aria-label', l10n.t('Local graph'));
    this.element.hidden = true;
    this.title = document.createElement('span');
    this.title.className = 'local-title';
    this.title.setAttribute('data-testid', 'local-title');

    this.depth = document.createElement('vscode-dropdown') as ValueControl;
    this.depth.setAttribute('data-testid', 'local-depth');
    this.depth.setAttribute('aria-label', l10n.t('Steps out'));
    for (let depth = 1; depth <= MAX_LOCAL_DEPTH; depth++) this.depth.append(option(String(depth), depth === 1 ? l10n.t('1 step') : l10n.t('{0} steps', depth)));
    this.depth.addEventListener('change', () => this.changed());

    this.direction = document.createElement('vscode-dropdown') as ValueControl;
    this.direction.setAttribute('data-testid', 'local-direction');
    this.direction.setAttribute('aria-label', l10n.t('Direction'));
    for (const { value, label } of DIRECTIONS) this.direction.append(option(value, label()));
    this.direction.addEventListener('change', () => this.changed());

    const whole = document.createElement('vscode-button');
    whole.setAttribute('appearance', 'secondary');
    whole.setAttribute('data-testid', 'local-close');
    whole.textContent = l10n.t('Whole graph');
    whole.title = l10n.t('Show every protocol again');
    whole.addEventListener('click', () => this.asked(null));
    this.element.append(this.title, this.depth, this.direction, whole);
  }

  update(): void {
    const local = this.state.local;
    this.element.hidden = local === undefined;
    if (!local) return;
    const name = this.state.graph.hasNode(local.id) ? this.state.graph.getNodeAttribute(local.id, 'name') : local.id;
    const members = this.state.localProtocols;
    this.title.textContent = members ? (members.size === 1 ? l10n.t('Local graph of {0} · 1 protocol', name) : l10n.t('Local graph of {0} · {1} protocols', name, members.size)) : l10n.t('Local graph of {0}', name);
    this.title.title = this.title.textContent;
    this.depth.value = String(local.depth);
    this.direction.value = local.direction;
  }

  private changed(): void {
    const local = this.state.local;
    const depth = Number(this.depth.value);
    const direction = this.direction.value as LocalDirection;
    if (!local || !Number.isInteger(depth) || !DIRECTIONS.some((each) => each.value === direction)) return;
    if (depth === local.depth && direction === local.direction) return;
    this.asked({ id: local.id, depth, direction });
  }
}

function option(value: string, label: string): HTMLElement {
  const element = document.createElement('vscode-option');
  element.setAttribute('value', value);
  element.textContent = label;
  return element;
}
