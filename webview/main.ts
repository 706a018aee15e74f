// The graph app: wires state, renderer, controls, hover card, keyboard and messages. Everything
// from a note is set as text, never as HTML: notes are untrusted and this page can talk to the
// extension.
import { isExtensionMessage, type ExtensionMessage, type GraphViewState } from '../src/webviewProtocol';
import { HoverCard, LAYER_TEXT, verdictText } from './card';
import { Controls } from './controls';
import { attachKeyboard } from './keyboard';
import { GraphRenderer, webglAvailable } from './renderer';
import { AtlasState } from './state';
import { exposeForTests } from './testHook';
import { readPalette, watchTheme } from './theme';
import { vscode } from './vscodeApi';

const app = document.getElementById('app') as HTMLElement;
const state = new AtlasState();
let palette = readPalette();
let renderer: GraphRenderer | undefined;
let savedCamera = state.restore(vscode.getState());
const webgl = webglAvailable();
exposeForTests(state, () => renderer, webgl);

const status = document.createElement('p');
status.className = 'status';
status.setAttribute('data-testid', 'status');
status.textContent = 'Loading the protocol graph…';

const announcer = document.createElement('div');
announcer.className = 'visually-hidden';
announcer.setAttribute('aria-live', 'polite');
announcer.setAttribute('data-testid', 'announcer');

const controls = new Controls(app, state, { changed: () => filtersChanged(), fit: () => renderer?.fit() });
const graphHost = document.createElement('div');
graphHost.className = 'graph';
graphHost.tabIndex = 0;
graphHost.setAttribute('role', 'application');
graphHost.setAttribute('aria-roledescription', 'protocol dependency graph');
graphHost.setAttribute(
  'aria-label',
  'Protocol dependency graph, infrastructure at the bottom, application at the top. Arrow keys move between protocols, Enter opens the note, Escape clears the selection.',
);
graphHost.setAttribute('data-testid', 'graph');
app.append(status, graphHost, announcer);
const card = new HoverCard(graphHost);

function start(): GraphRenderer | undefined {
  if (renderer) return renderer;
  if (!webgl) {
    status.textContent =
      'The layer graph needs WebGL, which is not available in this window (it may be turned off, or the graphics driver is blocked). Try enabling hardware acceleration, or use "protocol-atlas graph" from the command line.';
    status.classList.add('error');
    return undefined;
  }
  try {
    renderer = new GraphRenderer(graphHost, state, palette);
  } catch (error) {
    status.textContent = `The layer graph could not start WebGL: ${error instanceof Error ? error.message : String(error)}`;
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
      announcer.textContent = 'Selection cleared.';
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
  announcer.textContent = `${node.name}, ${LAYER_TEXT[node.layer] ?? node.layer}${node.category ? `, ${node.category}` : ''}: ${verdictText(node.verdict.value)}. ${node.verdict.rationale}`;
}

function select(id: string | undefined): void {
  if (state.selected === id) return;
  state.select(id);
  vscode.postMessage({ type: 'selection', path: state.selected ?? null });
  renderer?.selectionChanged();
  saveState();
}

function filtersChanged(): void {
  if (state.selected && state.isHidden(state.selected)) state.select(undefined);
  renderer?.sigma.refresh({ skipIndexation: true });
  saveState();
}

function saveState(): void {
  const camera = renderer?.sigma.getCamera().getState();
  vscode.setState(state.viewState(camera) satisfies GraphViewState);
}

function describe(): void {
  const count = state.graph.order;
  status.classList.remove('error');
  status.textContent =
    count === 0
      ? 'No protocol notes yet: add a markdown note with a `layer:` in its front matter.'
      : `${count} protocol${count === 1 ? '' : 's'}, ${state.graph.size} dependenc${state.graph.size === 1 ? 'y' : 'ies'} · arrows point to what a protocol depends on · ringed: your override` +
        (state.skipped > 0 ? ` · ${state.skipped} file${state.skipped === 1 ? '' : 's'} skipped: see the Protocol Atlas output` : '');
}

function receive(message: ExtensionMessage): void {
  switch (message.type) {
    case 'graph':
      state.skipped = message.skipped;
      state.load(message.model);
      break;
    case 'patch':
      state.patch(message.patch);
      break;
    case 'reveal':
      if (!state.graph.hasNode(message.id)) return;
      // Reveal wins over filters that would hide it.
      state.hiddenLayers.delete(state.graph.getNodeAttribute(message.id, 'layer'));
      state.hiddenVerdicts.delete(state.graph.getNodeAttribute(message.id, 'verdict').value);
      state.category = '';
      state.search = '';
      select(message.id);
      controls.update(palette);
      renderer?.refresh();
      renderer?.centreOn(message.id);
      announce(message.id);
      return;
    case 'exportPng':
      try {
        vscode.postMessage({ type: 'exportResult', requestId: message.requestId, dataUrl: renderer ? renderer.toPng() : null, ...(!renderer && { error: 'WebGL is not available.' }) });
      } catch (error) {
        vscode.postMessage({ type: 'exportResult', requestId: message.requestId, dataUrl: null, error: String(error).slice(0, 500) });
      }
      return;
  }
  describe();
  controls.update(palette);
  // A new renderer has just drawn everything; an existing one redraws what changed.
  if (renderer) renderer.refresh();
  else start();
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
  controls.update(palette);
  renderer?.setPalette(palette);
});

controls.update(palette);
vscode.postMessage({ type: 'ready' });
