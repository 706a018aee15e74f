import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { compareFrameworks } from '../../core/framework';
import { byLayerThenName, reportVerdict } from '../../core/present/report';
import type { Command } from '../command';
import { UsageError, frameworkFor, openAtlas, requireFolder } from '../context';
import { formatTable, oneLine } from '../format';
import { describeVerdict, layerWord } from '../../core/vocabulary/labels';

export const compareCommand: Command = {
  name: 'compare',
  summary: "which protocols' verdicts change between two frameworks",
  help: `Usage: protocol-atlas compare <folder> --framework <A> --framework <B> [--json]

Evaluates the notes of <folder> under two frameworks and lists the protocols whose verdict
differs, from what to what, with both reasons.

Options:
  --framework <id|file>  given exactly twice: A, then B
  --json                 print the comparison as JSON
  -h, --help             show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { framework: { type: 'string', multiple: true }, json: { type: 'boolean' } },
    });
    const folder = requireFolder(positionals[0]);
    if (values.framework?.length !== 2) throw new UsageError('Give --framework exactly twice: the two frameworks to compare.');
    const [a, b] = values.framework.map((spec) => frameworkFor(spec, folder));
    const atlas = openAtlas(folder, a, output);
    const subjects = atlas.protocols().map((p) => ({
      path: p.path,
      name: p.name.value,
      layer: p.layer.value,
      category: p.category?.value,
      tags: p.tags,
      override: p.override,
    }));
    const comparison = compareFrameworks(a, b, subjects);
    if (values.json) {
      output.out(JSON.stringify(comparison, null, 2));
      return 0;
    }
    output.out(oneLine(`${a.title} (${a.id}) → ${b.title} (${b.id})`));
    output.out(`${l10n.t({ message: '{0} protocol(s) change, {1} unchanged.', args: [comparison.changes.length, comparison.unchanged], comment: ['the first line of the CLI comparison of two frameworks'] })}\n`);
    if (comparison.changes.length) {
      // The layers from the subjects above, not a fresh Protocol per change: every protocol may change.
      const layers = new Map(subjects.map((subject) => [subject.path, subject.layer]));
      const changes = comparison.changes
        .map((change) => ({ ...change, layer: layers.get(change.path) ?? 'unclassified' }))
        .sort(byLayerThenName);
      const rows = changes.map((c) => [layerWord(c.layer), c.name, describeVerdict(reportVerdict(c.from)), describeVerdict(reportVerdict(c.to)), c.to.rationale]);
      output.out(formatTable([l10n.t({ message: 'LAYER', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'PROTOCOL', comment: ['a column heading of the terminal table'] }), a.id, b.id, l10n.t({ message: 'WHY ({0})', args: [b.id], comment: ['a column heading of the terminal table'] })], rows, { width: output.columns || 140, flexible: [4] }));
    }
    return 0;
  },
};
