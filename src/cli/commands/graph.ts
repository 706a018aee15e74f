import { parseArgs } from 'node:util';
import { layeredLayout } from '../../core/graph/layout';
import { toDot, toGraphJSON, toMermaid } from '../../core/present/dotAndMermaid';
import type { Command } from '../command';
import { UsageError, frameworkFor, openAtlas, requireFolder } from '../context';

const FORMATS = ['json', 'mermaid', 'dot'] as const;

export const graphCommand: Command = {
  name: 'graph',
  summary: 'the dependency graph as JSON, Mermaid or Graphviz DOT',
  help: `Usage: protocol-atlas graph <folder> [--format json|mermaid|dot] [--framework <id|file>]

Prints the dependency graph of the notes in <folder>, layer by layer (infrastructure at the
bottom), each protocol coloured by its verdict. Edges point from the dependent protocol to
what it depends on. JSON includes the layered layout's positions.

Options:
  --format <f>           json (default), mermaid or dot
  --framework <id|file>  the framework whose verdicts colour the nodes (default: deepseek-2025)
  -h, --help             show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { format: { type: 'string', default: 'json' }, framework: { type: 'string' } },
    });
    const folder = requireFolder(positionals[0]);
    const format = values.format as (typeof FORMATS)[number];
    if (!FORMATS.includes(format)) throw new UsageError(`--format takes one of ${FORMATS.join(', ')}.`);
    const atlas = openAtlas(folder, frameworkFor(values.framework, folder), output);
    const graph = atlas.index.graph;
    const verdictOf = (path: string) => atlas.verdictOf(path).value;
    if (format === 'mermaid') output.out(toMermaid(graph, { verdictOf }));
    else if (format === 'dot') output.out(toDot(graph, { verdictOf }));
    else output.out(JSON.stringify(toGraphJSON(graph, layeredLayout(graph), { verdictOf }), null, 2));
    return 0;
  },
};
