// The graph as the app receives it: the extension's own 'graph' message, built by the core from an
// Atlas. The synthetic atlas is written out as notes (one per protocol, its dependencies by name)
// so verdicts, overrides and exposure come from the framework as they would for a researcher, and
// the baseline draws the same protocols at the same positions.
import { Atlas } from '../../src/core/atlas';
import { VIEW_LAYOUT } from '../../src/core/present/graphNode';
import { buildGraphView } from '../../test/unit/graphView/wholeView';
import { layeredLayout, type GraphLayout } from '../../src/core/graph/layout';
import type { DependencyGraph } from '../../src/core/graph/dependencyGraph';
import type { ExtensionMessage } from '../../src/webviewProtocol';

export interface AppGraph {
  graph: DependencyGraph;
  layout: GraphLayout;
  message: ExtensionMessage;
}

/** Every twentieth protocol carries the researcher's own verdict, so overrides are drawn too. */
const OVERRIDE_EVERY = 20;

export function appGraph(synthetic: DependencyGraph): AppGraph {
  let index = 0;
  const notes = synthetic.mapNodes((path, attributes) => {
    const dependsOn = synthetic.outNeighbors(path).map((target) => JSON.stringify(synthetic.getNodeAttribute(target, 'name')));
    const override = index++ % OVERRIDE_EVERY === 0 ? 'impact:\n  verdict: positive\n  reason: The researcher\'s own reading.\n' : '';
    const text = [
      '---',
      `protocol: ${attributes.name}`,
      `layer: ${attributes.layer}`,
      ...(attributes.category ? [`category: ${attributes.category}`] : []),
      `depends_on: [${dependsOn.join(', ')}]`,
      `${override}---`,
      '',
      `# ${attributes.name}`,
      '',
    ].join('\n');
    return { path, text };
  });
  const atlas = new Atlas();
  atlas.index.build(notes);
  const graph = atlas.index.graph;
  if (graph.order !== synthetic.order || graph.size !== synthetic.size) {
    throw new Error(`the notes give ${graph.order} protocols / ${graph.size} dependencies, not ${synthetic.order} / ${synthetic.size}`);
  }
  const layout = layeredLayout(graph, VIEW_LAYOUT);
  return { graph, layout, message: { type: 'graph', model: buildGraphView(atlas, layout), skipped: 0 } };
}
