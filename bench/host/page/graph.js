/* global window, requestAnimationFrame */
// Evaluated inside the graph webview's content frame. Installs window.__benchWatchGraph(source,
// target, present): notes (window.__benchGraph) when the app's graph first has (or no longer has)
// the dependency source → target, and the animation frame after, when sigma has drawn it.
// Listening to the host's messages, after the app's own listener, costs one look per message
// instead of a poll over ~25,000 edges (and the look is hasEdge, not a list of every edge: the
// watcher shares the workbench's thread, whose delays it would otherwise add to what it measures).
(() => {
  window.__benchWatchGraph = (source, target, present) => {
    const state = { at: undefined, drawnAt: undefined, messages: 0 };
    window.__benchGraph = state;
    const check = () => {
      if (state.at !== undefined) return;
      const has = window.__protocolAtlas.hasEdge(source, target);
      if (has !== present) return;
      state.at = Date.now();
      requestAnimationFrame(() => (state.drawnAt = Date.now()));
      window.removeEventListener('message', onMessage);
      clearInterval(fallback);
    };
    const onMessage = () => {
      state.messages++;
      check();
    };
    window.addEventListener('message', onMessage);
    // In case the app ever applies a message later than in its listener.
    const fallback = setInterval(check, 250);
  };
})();
