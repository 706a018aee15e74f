import { parseArgs } from 'node:util';
import { buildReport } from '../../core/report';
import type { Command } from '../command';
import { frameworkFor, openAtlas, requireFolder } from '../context';
import { describeVerdict, formatTable } from '../format';

export const reportCommand: Command = {
  name: 'report',
  summary: 'every protocol with its verdict, the reason, the section and its exposure',
  help: `Usage: protocol-atlas report <folder> [--framework <id|file>] [--json]

Prints each protocol of the notes in <folder> with the verdict the framework gives it, the
reason and the article's section, and the negatively affected protocols it depends on.

Options:
  --framework <id|file>  a built-in framework id, a framework id from
                         <folder>/.protocol-atlas/frameworks/, or a .yaml/.json file
                         (default: deepseek-2025)
  --json                 print one JSON object instead of a table
  -h, --help             show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { framework: { type: 'string' }, json: { type: 'boolean' } },
    });
    const folder = requireFolder(positionals[0]);
    const atlas = openAtlas(folder, frameworkFor(values.framework, folder), output);
    const report = buildReport(atlas);
    if (values.json) {
      output.out(JSON.stringify(report, null, 2));
      return 0;
    }
    output.out(`Framework: ${report.framework.title} (${report.framework.id})\n`);
    const rows = report.protocols.map((protocol) => [
      protocol.layer,
      protocol.category ? `${protocol.name}\n(${protocol.category})` : protocol.name,
      describeVerdict(protocol.verdict),
      protocol.verdict.source === 'override' ? `Override: ${protocol.verdict.rationale}` : protocol.verdict.rationale,
      protocol.verdict.section ?? '—',
      protocol.exposure.map((exposure) => `${exposure.path.join(' → ')} (${exposure.verdict.value})`).join('\n') || '—',
    ]);
    output.out(
      formatTable(['LAYER', 'PROTOCOL', 'VERDICT', 'REASON', 'SECTION', 'EXPOSURE'], rows, {
        width: process.stdout.columns || 160,
        flexible: [3, 5],
      }),
    );
    const errors = report.diagnostics.filter((d) => d.severity === 'error').length;
    const warnings = report.diagnostics.filter((d) => d.severity === 'warning').length;
    if (errors || warnings) output.err(`\n${errors} error(s), ${warnings} warning(s): run 'protocol-atlas check ${folder}' for details.`);
    return 0;
  },
};
