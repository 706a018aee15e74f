import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { DEFAULT_NEAREST } from '../../core/framework';
import { exposureSentence, exposureShort, routeText } from '../../core/present/exposureText';
import { buildReport, type ReportProtocol } from '../../core/present/report';
import type { Command } from '../command';
import { DEFAULT_COLUMNS, UsageError, frameworkFor, openAtlas, requireFolder } from '../context';
import { firstSentence, formatLines, formatTable, oneLine } from '../format';
import { describeVerdict, layerWord } from '../../core/vocabulary/labels';

export const reportCommand: Command = {
  name: 'report',
  summary: 'every protocol with its verdict, the reason, the section and its exposure',
  help: `Usage: protocol-atlas report <folder> [--framework <id|file>] [--long] [--exposure all|<n>] [--json]

Prints each protocol of the notes in <folder> with the verdict the framework gives it, the
reason, and its exposure: how many negatively affected protocols it depends on, directly or
through others, and the nearest of them, each by a shortest dependency path. One line per
protocol, fitted to the terminal's width; --long prints the full table.

Options:
  --framework <id|file>  a built-in framework id, a framework id from
                         <folder>/.protocol-atlas/frameworks/, or a .yaml/.json file
                         (default: deepseek-2025)
  --long                 the full table: whole reason, section, and the nearest paths
  --exposure all|<n>     how many of the nearest negatively affected protocols to name
                         (default ${DEFAULT_NEAREST}; the count always covers all of them)
  --json                 print one JSON object instead of a table
  -h, --help             show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { framework: { type: 'string' }, json: { type: 'boolean' }, long: { type: 'boolean' }, exposure: { type: 'string' } },
    });
    const folder = requireFolder(positionals[0]);
    const nearest = parseNearest(values.exposure);
    const atlas = openAtlas(folder, frameworkFor(values.framework, folder), output);
    const report = buildReport(atlas, { nearest });
    if (values.json) {
      output.out(JSON.stringify(report, null, 2));
      return 0;
    }
    output.out(`${oneLine(l10n.t('Framework: {0} ({1})', report.framework.title, report.framework.id))}\n`);
    output.out(values.long ? longTable(report.protocols, output.columns) : oneLinePerProtocol(report.protocols, output.columns));
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
    if (errors || warnings) output.err(`\n${l10n.t("{0} error(s), {1} warning(s): run 'protocol-atlas check {2}' for details.", errors, warnings, folder)}`);
    return 0;
  },
};

function parseNearest(text: string | undefined): number {
  if (text === undefined) return DEFAULT_NEAREST;
  if (text === 'all') return Infinity;
  const n = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(n) || n < 1) throw new UsageError('--exposure takes all or a whole number from 1 up.');
  return n;
}

const routes = (protocol: ReportProtocol) => protocol.exposure.map((exposure) => exposure.path);

function reason(protocol: ReportProtocol, text: string): string {
  return protocol.verdict.source === 'override' ? l10n.t('Override: {0}', text) : text;
}

/** The default: what a researcher scans, one line each, the reason's first sentence. */
function oneLinePerProtocol(protocols: ReportProtocol[], columns: number | undefined): string {
  const rows = protocols.map((protocol) => [
    layerWord(protocol.layer),
    protocol.name,
    describeVerdict(protocol.verdict),
    exposureShort(protocol.exposureCount, routes(protocol)),
    reason(protocol, firstSentence(protocol.verdict.rationale)),
  ]);
  const width = columns || DEFAULT_COLUMNS;
  // Shares of the line, so the reason keeps a fair part of a narrow terminal and a wide one
  // shows more of everything; a column narrower than its share leaves the rest to the reason.
  const share = (fraction: number, least: number) => Math.max(least, Math.floor(width * fraction));
  const columnsOf = [
    { title: l10n.t({ message: 'LAYER', comment: ['a column heading of the terminal table'] }), cap: 14 },
    { title: l10n.t({ message: 'PROTOCOL', comment: ['a column heading of the terminal table'] }), cap: share(0.2, 12) },
    { title: l10n.t({ message: 'VERDICT', comment: ['a column heading of the terminal table'] }), cap: share(0.16, 10) },
    { title: l10n.t({ message: 'EXPOSURE', comment: ['a column heading of the terminal table'] }), cap: share(0.22, 12) },
    { title: l10n.t({ message: 'REASON', comment: ['a column heading of the terminal table'] }) },
  ];
  return formatLines(columnsOf, rows, width);
}

/** --long: every reason in full, the section, and the nearest paths one per line. */
/** The exposure sentence with each of the nearest paths on a line of its own. */
function exposureCell({ exposureCount: count, exposure }: ReportProtocol): string {
  if (count === 0) return '—';
  if (count === 1 || exposure.length === 0) return exposureSentence(count, exposure.map((each) => each.path));
  return [`${exposureSentence(count, [])}${l10n.t(', nearest:')}`, ...exposure.map((each) => routeText(each.path))].join('\n');
}

function longTable(protocols: ReportProtocol[], columns: number | undefined): string {
  const rows = protocols.map((protocol) => [
    layerWord(protocol.layer),
    protocol.category ? `${protocol.name}\n(${protocol.category})` : protocol.name,
    describeVerdict(protocol.verdict),
    reason(protocol, protocol.verdict.rationale),
    protocol.verdict.section ?? '—',
    exposureCell(protocol),
  ]);
  return formatTable([l10n.t({ message: 'LAYER', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'PROTOCOL', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'VERDICT', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'REASON', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'SECTION', comment: ['a column heading of the terminal table'] }), l10n.t({ message: 'EXPOSURE', comment: ['a column heading of the terminal table'] })], rows, { width: columns || 160, flexible: [3, 5] });
}
