import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import type { Command } from '../command';
import { UsageError, frameworkFor, openAtlas, requireFolder } from '../context';
import { formatTable } from '../format';
import { describeVerdict, layerWord } from '../../core/vocabulary/labels';
import { reportVerdict } from '../../core/present/report';

export const searchCommand: Command = {
  name: 'search',
  summary: 'fuzzy-find protocols by name, alias, category or layer',
  help: `Usage: protocol-atlas search <folder> <query> [--limit <n>] [--json]

Typo-tolerant search: "btensr" finds Bittensor, "ionet" finds io.net, an exact alias such
as "TAO" ranks its protocol first.

Options:
  --limit <n>  at most n results (default 10)
  --json       print the results as JSON
  -h, --help   show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { limit: { type: 'string' }, json: { type: 'boolean' } },
    });
    const folder = requireFolder(positionals[0]);
    const query = positionals.slice(1).join(' ');
    if (!query.trim()) throw new UsageError('Give a query, e.g. protocol-atlas search notes/ btensr');
    const limit = values.limit === undefined ? 10 : Number(values.limit);
    if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit takes a whole number from 1 up.');
    const atlas = openAtlas(folder, frameworkFor(undefined, folder), output);
    const results = atlas.search.search(query, limit).map((result) => {
      const protocol = atlas.index.protocol(result.id);
      return { ...result, file: result.id, layer: protocol?.layer.value, category: protocol?.category?.value, verdict: reportVerdict(atlas.verdictOf(result.id)) };
    });
    if (values.json) {
      output.out(JSON.stringify(results, null, 2));
      return 0;
    }
    if (!results.length) {
      output.out(l10n.t("No protocol matches '{0}'.", query));
      return 0;
    }
    const rows = results.map((r) => [r.name, r.layer === undefined ? '' : layerWord(r.layer), r.category ?? '', describeVerdict(r.verdict), r.file]);
    output.out(formatTable([l10n.t({ message: 'PROTOCOL', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'LAYER', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'CATEGORY', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'VERDICT', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'FILE', comment: ['a column heading of the terminal table'] })], rows, { width: output.columns || 120 }));
    return 0;
  },
};
