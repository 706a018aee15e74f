/* global window, document, MutationObserver */
// Loaded into the workbench page before VS Code's own scripts (Playwright addInitScript), with
// `window.__benchExpectedCount` set just before it. Everything is timed with the page's Date.now(),
// the same wall clock as the benchmark, the extension-host probe and the webview.
(() => {
  if (window.top !== window) return;
  const expected = window.__benchExpectedCount;
  /** When the workbench (activity bar), the folder (explorer rows) and Protocol Atlas's count first showed. */
  const marks = {};
  window.__benchMarks = marks;
  // Polled rather than observed: a MutationObserver on the whole workbench would run on every
  // one of the thousands of DOM changes of a startup; this is a few selector lookups every 10 ms.
  const timer = setInterval(() => {
    const now = Date.now();
    if (!marks.workbench && document.querySelector('.part.activitybar .action-item')) marks.workbench = now;
    if (!marks.explorer && document.querySelector('.explorer-folders-view .monaco-list-row')) marks.explorer = now;
    if (!marks.count) {
      for (const item of document.querySelectorAll('.part.statusbar .statusbar-item')) {
        const match = /(\d+) protocols? ·/.exec(item.textContent || '');
        if (!match) continue;
        marks.statusItem ??= now;
        marks.lastCountText = match[0];
        if (Number(match[1]) === expected) marks.count = now;
      }
    }
    if (marks.workbench && marks.explorer && marks.count) clearInterval(timer);
  }, 10);

  /** The rows of the Protocols view on screen: [{ name, label, level }], label being the aria-label (name: verdict · exposure). */
  window.__benchTreeRows = () => {
    const pane = [...document.querySelectorAll('.pane')].find((each) => each.querySelector('.pane-header')?.textContent?.includes('Protocols'));
    if (!pane) return [];
    return [...pane.querySelectorAll('.monaco-list-row')].map((row) => ({
      name: row.querySelector('.label-name')?.textContent?.trim() ?? '',
      label: row.getAttribute('aria-label') ?? '',
      level: Number(row.getAttribute('aria-level')),
      index: Number(row.getAttribute('data-index')),
    }));
  };

  /**
   * Watches the Protocols view until the row of protocol `name` says something other than `before`,
   * and the editor for the moment the edit is typed. Results in window.__benchEdit.
   */
  window.__benchWatchEdit = (name, before) => {
    const state = { typedAt: undefined, treeAt: undefined, label: undefined };
    window.__benchEdit = state;
    const pane = [...document.querySelectorAll('.pane')].find((each) => each.querySelector('.pane-header')?.textContent?.includes('Protocols'));
    const list = pane?.querySelector('.monaco-list');
    if (!list) throw new Error('The Protocols view is not open.');
    document.addEventListener('input', () => (state.typedAt ??= Date.now()), { capture: true, once: true });
    const observer = new MutationObserver(() => {
      for (const row of list.querySelectorAll('.monaco-list-row[aria-level="3"]')) {
        if (row.querySelector('.label-name')?.textContent?.trim() !== name) continue;
        const label = row.getAttribute('aria-label');
        if (label !== before) {
          state.treeAt = Date.now();
          state.label = label;
          observer.disconnect();
        }
        return;
      }
    });
    observer.observe(list, { subtree: true, childList: true, attributes: true, characterData: true });
  };
})();
