/* global window, document, requestAnimationFrame */
// The baseline: sigma on a graphology graph with the preset positions, sigma's defaults and nothing
// else. Bundled by bench/webview.ts; the app's first frame is measured against this one.
import Graph from 'graphology';
import Sigma from 'sigma';

const FIRST_FRAME = 'protocol-atlas:first-frame';

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'bench-graph') return;
  const graph = new Graph({ type: 'directed' });
  for (const node of data.nodes) graph.addNode(node.key, { x: node.x, y: node.y, size: 2, label: node.label, color: '#7f8c9a' });
  for (const [source, target] of data.edges) graph.addEdge(source, target, { color: '#c0c6cc' });
  // sigma draws its first frame synchronously in the constructor; the next animation frame is
  // when that drawing reaches the screen.
  const renderer = new Sigma(graph, document.getElementById('graph'));
  requestAnimationFrame(() => performance.mark(FIRST_FRAME));
  window.__bench.renderer = renderer;
});

window.__bench.markReady();
