/* global window, document, requestAnimationFrame */
// Loaded first in both benchmark pages (the bare sigma baseline and the real app), so the two are
// timed by the same code: the graph is handed over as a window 'message' event, the way a VS Code
// webview receives it, and the clock starts just before that.
(function () {
  const HANDOVER = 'bench:handover';
  const FIRST_FRAME = 'protocol-atlas:first-frame';
  const posted = [];
  let state;
  let acquired = false;
  let frameStarts = [];

  /** Records when each frame begins (rAF timestamps) from the handover until the graph is shown. */
  function watchFrames() {
    frameStarts = [];
    const started = performance.now();
    const tick = (time) => {
      frameStarts.push(time);
      if (bench.shownMs() === null && performance.now() - started < 120000) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }

  const bench = {
    /** Messages the page posted to the (stub) extension. */
    posted,
    /** True once the page can take the graph: the app said 'ready', or the baseline loaded. */
    ready: false,
    /** ms from navigation start to ready: loading and starting the page's script. */
    readyMs: null,
    errors: [],
    markReady() {
      if (bench.ready) return;
      bench.ready = true;
      bench.readyMs = performance.now();
    },
    /** The graph the page will get, parked by the page's last script. */
    graph: undefined,
    /** Starts the clock and posts the graph to the page, as the extension's message would arrive. */
    handOver() {
      performance.clearMarks(HANDOVER);
      performance.mark(HANDOVER);
      watchFrames();
      window.postMessage(bench.graph, '*');
    },
    /** ms from the handover to the page's first-frame mark (its drawing calls are done), or null. */
    firstFrameMs() {
      const start = performance.getEntriesByName(HANDOVER)[0];
      const frame = performance.getEntriesByName(FIRST_FRAME)[0];
      return start && frame ? frame.startTime - start.startTime : null;
    },
    /**
     * ms from the handover to the first frame that begins after the mark, or null. Under software
     * WebGL the GPU process rasterizes for a long while after the drawing calls return, and the
     * compositor begins no new frame until the drawn one is presented: this is when a person sees
     * the graph, measured the same way whatever the page does to mark its first frame.
     */
    shownMs() {
      const start = performance.getEntriesByName(HANDOVER)[0];
      const frame = performance.getEntriesByName(FIRST_FRAME)[0];
      if (!start || !frame) return null;
      const next = frameStarts.find((time) => time > frame.startTime);
      return next === undefined ? null : next - start.startTime;
    },
    /** The WebGL this browser offers, or null when it has none (sigma cannot draw then). */
    webgl() {
      const canvas = document.createElement('canvas');
      const gl = canvas.getContext('webgl2') || canvas.getContext('webgl');
      if (!gl) return null;
      const debug = gl.getExtension('WEBGL_debug_renderer_info');
      return { version: gl.getParameter(gl.VERSION), renderer: String(gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) };
    },
    /** Centre of the largest canvas (sigma's stack of layers): where a person would drag. */
    graphCentre() {
      let best = null;
      for (const canvas of document.querySelectorAll('canvas')) {
        const box = canvas.getBoundingClientRect();
        if (!best || box.width * box.height > best.width * best.height) best = box;
      }
      return best && best.width > 0 ? { x: best.left + best.width / 2, y: best.top + best.height / 2, width: best.width, height: best.height } : null;
    },
    /** Starts recording requestAnimationFrame timestamps; stopFrames() returns the intervals. */
    startFrames() {
      const stamps = [];
      let running = true;
      const tick = (time) => {
        stamps.push(time);
        if (running) requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      bench.stopFrames = () => {
        running = false;
        return stamps.slice(1).map((time, i) => time - stamps[i]);
      };
    },
    stopFrames() {
      return [];
    },
  };

  window.addEventListener('error', (event) => bench.errors.push(String(event.message)));
  window.addEventListener('unhandledrejection', (event) => bench.errors.push(String(event.reason)));
  window.__bench = bench;

  // The webview host's API, as far as the app uses it; it may be acquired once per page, as in VS Code.
  window.acquireVsCodeApi = function () {
    if (acquired) throw new Error('An instance of the VS Code API has already been acquired');
    acquired = true;
    return {
      postMessage(message) {
        posted.push(message);
        if (message && message.type === 'ready') bench.markReady();
      },
      getState: () => state,
      setState(next) {
        state = next;
        return next;
      },
    };
  };
})();
