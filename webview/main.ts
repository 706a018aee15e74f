// The graph app. Everything from a note is set with textContent, never as HTML: notes are
// untrusted input and this page can talk to the extension.
import { isExtensionMessage, type ExtensionMessage } from '../src/webviewProtocol';
import { vscode } from './vscodeApi';

const app = document.getElementById('app') as HTMLElement;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

function renderNotes(message: Extract<ExtensionMessage, { type: 'notes' }>): void {
  const title = element('h1', { 'data-testid': 'title' }, 'Protocol notes');
  const summary = element(
    'p',
    { 'data-testid': 'summary' },
    `${message.notes.length} note${message.notes.length === 1 ? '' : 's'} in this workspace` +
      (message.skipped > 0 ? ` (${message.skipped} skipped: see the Protocol Atlas output)` : ''),
  );
  const list = element('ul', { 'data-testid': 'note-list', 'aria-label': 'Protocol notes' });
  for (const note of message.notes) {
    const item = element('li');
    const link = element('a', { href: '#', 'data-path': note.path }, note.path);
    item.append(link);
    list.append(item);
  }
  app.replaceChildren(title, summary, list);
}

// Event delegation instead of per-item listeners: no inline handlers, one listener for all notes.
app.addEventListener('click', (event) => {
  const link = (event.target as HTMLElement).closest('a[data-path]');
  if (!link) return;
  event.preventDefault();
  vscode.postMessage({ type: 'openNote', path: link.getAttribute('data-path') ?? '' });
});

window.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (!isExtensionMessage(event.data)) return;
  switch (event.data.type) {
    case 'notes':
      renderNotes(event.data);
      break;
  }
});

app.textContent = 'Loading protocol notes…';
vscode.postMessage({ type: 'ready' });
