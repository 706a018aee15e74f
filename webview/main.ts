// The graph app: wires state, renderer, controls, hover card, keyboard and messages. Everything
// from a note is set as text, never as HTML: notes are untrusted and this page can talk to the
// extension.
import * as l10n from '@vscode/l10n';
import './displayLanguage';
import { isExtensionMessage, type ExtensionMessage, type GraphViewState, type LocalGraphRequest } from '../src/webviewProtocol';
import { HoverCard } from './card';
import { categoryTitle, layerTitle, verdictTitle } from '../src/core/vocabulary/labels';
import { colourChoices } from './colourBy';
import { attachContextMenu } from './contextMenu';
import { Controls } from './controls';
import { LocalBar } from './localBar';
import { ViewMenu } from './viewMenu';
import { attachKeyboard } from './keyboard';
import { exportPng } from './pngExport';
import { GraphRenderer, webglAvailable } from './renderer';
import { GraphState } from './graphState';
import { exposeForTests } from './testHook';
import { readPalette, watchTheme } from './theme';
import { vscode } from './vscodeApi';

const app = document.getElementById('app') as HTMLElement;
const state = new GraphState();
let palette = readPalette();
let renderer: GraphRenderer | undefined;
let savedCamera = state.restore(vscode.getState());
const webgl = webglAvailable();
// The test build only: the e2e tests and bench:host read what is drawn through window.__protocolAtlas.
if (PROTOCOL_ATLAS_TEST_HOOKS) exposeForTests(state, () => renderer, webgl);

const status = document.createElement('p');
status.className = 'status';
status.setAttribute('data-testid', 'status');
status.textContent = l10n.t('Loading the protocol graph…');

const announcer = document.createElement('div');
announcer.className = 'visually-hidden';
announcer.setAttribute('aria-live', 'polite');
announcer.setAttribute('data-testid', 'announcer');

const controls = new Controls(app, state, { changed: () => filtersChanged(), searched: (query) => searched(query), fit: () => renderer?.fit() });
const viewMenu = new ViewMenu(state, { changed: () => viewChanged() });
controls.addMenu(viewMenu.button, viewMenu.panel);
const localBar = new LocalBar(state, (local) => showLocal(local));
const graphHost = document.createElement('div');
graphHost.className = 'graph';
graphHost.tabIndex = 0;
graphHost.setAttribute('role', 'application');
graphHost.setAttribute('aria-roledescription', l10n.t('protocol dependency graph'));
graphHost.setAttribute(
  'aria-label',
  l10n.t('Protocol dependency graph, infrastructure at the bottom, application at the top. Arrow keys move between protocols, Enter opens the note, Escape clears the selection.'),
);
graphHost.setAttribute('data-testid', 'graph');
// Over the graph, where the protocols would be: an empty picture must say why it is empty.
const noMatches = document.createElement('p');
noMatches.className = 'no-matches';
noMatches.setAttribute('data-testid', 'no-matches');
noMatches.setAttribute('role', 'status');
noMatches.hidden = true;
graphHost.append(noMatches, controls.legend, viewMenu.legend, localBar.element);
attachContextMenu(graphHost, {
  protocolAt: (x, y) => state.hovered ?? renderer?.protocolAt(x, y),
  focused: () => renderer?.focused,
  localShown: () => state.local !== undefined,
});
app.append(status, graphHost, announcer);
const card = new HoverCard(graphHost);

function start(): GraphRenderer | undefined {
  if (renderer) return renderer;
  if (!webgl) {
    status.textContent =
      l10n.t('The layer graph needs WebGL, which is not available in this window (it may be turned off, or the graphics driver is blocked). Try enabling hardware acceleration, or use "protocol-atlas graph" from the command line.');
    status.classList.add('error');
    return undefined;
  }
  try {
    renderer = new GraphRenderer(graphHost, state, palette);
  } catch (error) {
    status.textContent = l10n.t('The layer graph could not start WebGL: {0}', error instanceof Error ? error.message : String(error));
    status.classList.add('error');
    return undefined;
  }
  const sigma = renderer.sigma;
  sigma.on('enterNode', ({ node }) => {
    state.hovered = node;
    showCard(node);
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('leaveNode', () => {
    state.hovered = undefined;
    card.hide();
    sigma.refresh({ skipIndexation: true });
  });
  sigma.on('clickNode', ({ node }) => select(node));
  sigma.on('clickStage', () => select(undefined));
  sigma.on('doubleClickNode', (event) => {
    event.preventSigmaDefault();
    vscode.postMessage({ type: 'openNote', path: event.node });
  });
  let saveTimer: ReturnType<typeof setTimeout> | undefined;
  sigma.getCamera().on('updated', () => {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(saveState, 200);
  });
  if (savedCamera) sigma.getCamera().setState(savedCamera);
  savedCamera = undefined;
  attachKeyboard(graphHost, state, () => renderer?.focused ?? state.selected, {
    focus: (id) => {
      select(id);
      renderer!.focused = id;
      renderer!.centreOn(id);
      announce(id);
      showCard(id);
    },
    open: (id) => vscode.postMessage({ type: 'openNote', path: id }),
    clear: () => {
      renderer!.focused = undefined;
      card.hide();
      select(undefined);
      announcer.textContent = l10n.t('Selection cleared.');
    },
  });
  return renderer;
}

function showCard(id: string): void {
  const at = renderer?.viewportOf(id);
  if (at) card.show(state.graph.getNodeAttributes(id), at, palette);
}

function announce(id: string): void {
  const node = state.graph.getNodeAttributes(id);
  announcer.textContent = `${node.name}, ${layerTitle(node.layer)}${node.category ? `, ${categoryTitle(node.category)}` : ''}: ${verdictTitle(node.verdict.value)}. ${node.verdict.rationale}`;
}

function select(id: string | undefined): void {
  if (state.selected === id) return;
  state.select(id);
  vscode.postMessage({ type: 'selection', path: state.selected ?? null });
  renderer?.selectionChanged();
  saveState();
}

function filtersChanged(): void {
  state.recount();
  if (state.selected && state.isHidden(state.selected)) select(undefined);
  describe();
  renderer?.sigma.refresh({ skipIndexation: true });
  saveState();
}

/** Typing waits a moment for the next key: each query is one search over every note in the extension. */
const SEARCH_DELAY_MS = 80;
let searchTimer: ReturnType<typeof setTimeout> | undefined;

function searched(query: string): void {
  state.setSearch(query);
  clearTimeout(searchTimer);
  // A cleared box shows everything at once; a query waits for the core's answer.
  if (query.trim() === '') {
    vscode.postMessage({ type: 'search', query });
    filtersChanged();
  } else {
    searchTimer = setTimeout(() => vscode.postMessage({ type: 'search', query }), SEARCH_DELAY_MS);
    saveState();
  }
}

/** Colour, size or body links changed: the same protocols drawn anew, and the legend follows. */
function viewChanged(): void {
  renderer?.restyle();
  updateControls();
  saveState();
}

/** A local graph of a protocol (its members are the extension's answer), or the whole graph again. */
function showLocal(local: LocalGraphRequest | null): void {
  state.setLocal(local);
  vscode.postMessage({ type: 'local', local });
  if (local && state.graph.hasNode(local.id)) select(local.id);
  filtersChanged();
  localBar.update();
  if (!local) renderer?.fit();
}

function updateControls(): void {
  controls.update(palette);
  // A field no note has any more (its last tag removed) falls back to the verdict.
  if (viewMenu.update(colourChoices(state), renderer?.fieldLegend)) {
    renderer?.restyle();
    viewMenu.update(colourChoices(state), renderer?.fieldLegend);
  }
  localBar.update();
}

function saveState(): void {
  const camera = renderer?.sigma.getCamera().getState();
  vscode.setState(state.viewState(camera) satisfies GraphViewState);
}

function describe(): void {
  const count = state.graph.order;
  status.classList.remove('error');
  const shown = state.shownTotal === count ? `${count}` : l10n.t('{0} of {1}', state.shownTotal, count);
  const dependencies = state.graph.size === 1 ? l10n.t('1 dependency') : l10n.t('{0} dependencies', state.graph.size);
  const skipped = state.skipped === 1 ? l10n.t('1 file skipped: see the Protocol Atlas output') : l10n.t('{0} files skipped: see the Protocol Atlas output', state.skipped);
  status.textContent =
    count === 0
      ? l10n.t('No protocol notes yet: add a markdown note with a `layer:` in its front matter.')
      : `${l10n.t({ message: '{0}, {1}', args: [count === 1 ? l10n.t('{0} protocol', shown) : l10n.t('{0} protocols', shown), dependencies], comment: ['protocols, then dependencies'] })} · ${l10n.t('arrows point to what a protocol depends on')} · ${l10n.t('ringed: your override')}` +
        (state.skipped > 0 ? ` · ${skipped}` : '');
  status.title = status.textContent;
  const query = state.search.trim();
  const matched = state.matchCount;
  noMatches.hidden = count === 0 || state.shownTotal > 0;
  noMatches.textContent =
    matched === 0
      ? l10n.t('No protocol matches “{0}”. Names, aliases, categories and layers are searched, typos included.', query)
      : matched !== undefined
        ? matched === 1
          ? l10n.t('1 protocol matches “{0}”, but the layer, verdict or category filters hide it.', query)
          : l10n.t('{0} protocols match “{1}”, but the layer, verdict or category filters hide them.', matched, query)
        : l10n.t('The layer, verdict or category filters hide every protocol.');
}

function receive(message: ExtensionMessage): void {
  switch (message.type) {
    case 'graph':
      state.skipped = message.skipped;
      state.load(message.model);
      // A restored page asks again what its search box and selection need from the extension.
      if (state.search.trim() !== '') vscode.postMessage({ type: 'search', query: state.search });
      if (state.selected) vscode.postMessage({ type: 'selection', path: state.selected });
      if (state.local) vscode.postMessage({ type: 'local', local: state.local });
      break;
    case 'showLocal':
      showLocal(message.local);
      return;
    case 'localResult':
      if (!state.localAnswered(message.local, message.members)) return;
      filtersChanged();
      localBar.update();
      renderer?.frame(message.members);
      return;
    case 'follow':
      follow(message.id);
      return;
    case 'searchResult':
      if (!state.searchAnswered(message.query, message.matches)) return;
      filtersChanged();
      return;
    case 'highlight':
      if (state.exposureAnswered(message.id, message.count, message.routes)) renderer?.sigma.refresh({ skipIndexation: true });
      return;
    case 'patch':
      state.patch(message.patch);
      break;
    case 'reveal':
      if (!state.graph.hasNode(message.id)) return;
      // Reveal wins over filters that would hide it.
      state.hiddenLayers.delete(state.graph.getNodeAttribute(message.id, 'layer'));
      state.hiddenVerdicts.delete(state.graph.getNodeAttribute(message.id, 'verdict').value);
      state.category = '';
      if (state.search !== '') searched('');
      if (state.local && !state.localProtocols?.has(message.id)) {
        state.setLocal(null);
        vscode.postMessage({ type: 'local', local: null });
      }
      state.recount();
      select(message.id);
      updateControls();
      renderer?.refresh();
      renderer?.centreOn(message.id);
      announce(message.id);
      return;
    case 'exportPng':
      void exportPng(message).then((result) => vscode.postMessage(result));
      return;
  }
  describe();
  // A new renderer has just drawn everything; an existing one redraws what changed.
  if (renderer) renderer.refresh();
  else start();
  updateControls();
  refreshCard();
}

/**
 * The researcher opened a note in an editor: the graph selects it, brings it on screen if it was
 * off, and a local graph moves to it. A protocol the filters hide is left alone: following must
 * not undo what the researcher chose to hide.
 */
function follow(id: string): void {
  if (!state.graph.hasNode(id) || state.selected === id) return;
  if (state.local && state.local.id !== id) {
    showLocal({ ...state.local, id });
    return;
  }
  if (state.isHidden(id)) return;
  select(id);
  const at = renderer?.viewportOf(id);
  const box = graphHost.getBoundingClientRect();
  if (at && (at.x < 0 || at.y < 0 || at.x > box.width || at.y > box.height)) renderer?.centreOn(id);
}

/** An open card says what the protocol is now: an edit under the pointer must not leave it stale. */
function refreshCard(): void {
  if (card.element.hidden) return;
  const id = state.hovered ?? renderer?.focused;
  if (id && state.graph.hasNode(id)) showCard(id);
  else card.hide();
}

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isExtensionMessage(event.data)) {
    console.warn('Protocol Atlas: ignored an unexpected message', event.data);
    return;
  }
  receive(event.data);
});

watchTheme(() => {
  palette = readPalette();
  renderer?.setPalette(palette);
  updateControls();
});

updateControls();
vscode.postMessage({ type: 'ready' });
