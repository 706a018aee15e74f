import { parseArgs } from 'node:util';
import * as l10n from '@vscode/l10n';
import { reportDiagnostics } from '../../core/present/report';
import type { Command } from '../command';
import { oneLine } from '../format';
import { terminalText } from '../../core/present/untrustedText';
import { frameworkFor, openAtlas, requireFolder } from '../context';

export const checkCommand: Command = {
  name: 'check',
  summary: 'list problems in the notes; exits 1 when there are errors (for CI)',
  help: `Usage: protocol-atlas check <folder> [--json]

Lists every problem in the notes of <folder> (invalid front matter, unknown layers or
categories, dependencies that name no note, duplicate names, cycles, overrides without a
reason) as file:line:column severity message. Exits 1 when any is an error.

Options:
  --json      print the diagnostics as a JSON array
  -h, --help  show this help`,
  run(args, output) {
    const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { json: { type: 'boolean' } } });
    const folder = requireFolder(positionals[0]);
    // Only the diagnostics: no verdict, exposure or search is computed for a check.
    const atlas = openAtlas(folder, frameworkFor(undefined, folder), output);
    const diagnostics = reportDiagnostics(atlas);
    if (values.json) {
      output.out(JSON.stringify(diagnostics, null, 2));
    } else {
      // One line each, whatever the note's file name or text holds: a newline must not forge a line.
      for (const d of diagnostics) output.out(`${terminalText(d.file)}:${d.line}:${d.column} ${d.severity} ${oneLine(d.message)} [${d.code}]`);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      output.out(l10n.t('{0} protocols checked: {1} error(s), {2} other problem(s).', atlas.index.paths().length, errors, diagnostics.length - errors));
    }
    return diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
  },
};
