// Right-click in the graph opens VS Code's own context menu (package.json `webview/context`):
// VS Code reads the context from the `data-vscode-context` of the element clicked, so just before
// its listener runs (it listens on the window; this one captures on the way down) the graph says
// which protocol is under the pointer, or that it is the empty graph.
export interface ContextTarget {
  /** The protocol at a point of the graph element, else undefined. */
  protocolAt(x: number, y: number): string | undefined;
  /** The protocol the keyboard is on, for the context-menu key and Shift+F10. */
  focused(): string | undefined;
  localShown(): boolean;
}

export function attachContextMenu(host: HTMLElement, target: ContextTarget): void {
  host.addEventListener(
    'contextmenu',
    (event) => {
      const box = host.getBoundingClientRect();
      // From the keyboard there is no pointer: the menu is for the protocol the keyboard is on.
      const id = event.button === 2 ? target.protocolAt(event.clientX - box.left, event.clientY - box.top) : target.focused();
      const context = id
        ? { webviewSection: 'protocol', protocolPath: id, preventDefaultContextMenuItems: true }
        : { webviewSection: 'graph', preventDefaultContextMenuItems: true };
      host.dataset.vscodeContext = JSON.stringify({ ...context, protocolAtlasLocal: target.localShown() });
    },
    true,
  );
}
