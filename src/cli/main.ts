// protocol-atlas: the core of the extension, on the command line (and in CI).
import type { Command } from './command';
import { UsageError, processOutput, type Output } from './context';
import { reportCommand } from './commands/report';
import { graphCommand } from './commands/graph';
import { searchCommand } from './commands/search';
import { compareCommand } from './commands/compare';
import { checkCommand } from './commands/check';
import { takeLanguage, useLanguage } from './language';

export const COMMANDS: Command[] = [reportCommand, graphCommand, searchCommand, compareCommand, checkCommand];

const HELP = `Usage: protocol-atlas <command> <folder> [options]

Reads a folder of protocol notes (markdown with YAML front matter) and applies an analytical
framework to them.

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(9)}${c.summary}`).join('\n')}

Options for every command:
  --lang <en|zh>  the language of the output (default: the terminal's locale, LC_ALL / LANG)

Run 'protocol-atlas <command> --help' for a command's options.`;

/** Runs the CLI and returns the exit code: 0 fine, 1 errors found (check), 2 bad usage. */
export function runCli(argv: string[], output: Output = processOutput, env: Record<string, string | undefined> = process.env): number {
  const chosen = takeLanguage(argv, env);
  if (chosen.unknown !== undefined) {
    output.err(`protocol-atlas: --lang '${chosen.unknown}' is not a language it speaks: use en or zh.`);
    return 2;
  }
  useLanguage(chosen.language);
  const [name, ...args] = chosen.args;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    output.out(HELP);
    return 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    output.err(`protocol-atlas: unknown command '${name}'.\n\n${HELP}`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    output.out(command.help);
    return 0;
  }
  try {
    return command.run(args, output);
  } catch (error) {
    // parseArgs reports unknown options with a TypeError carrying an ERR_PARSE_ARGS_* code.
    const code = (error as { code?: string }).code;
    if (error instanceof UsageError || code?.startsWith('ERR_PARSE_ARGS')) {
      output.err(`protocol-atlas ${command.name}: ${(error as Error).message}\n\n${command.help}`);
      return 2;
    }
    throw error;
  }
}

if (require.main === module) {
  // `protocol-atlas report … | head` closes the pipe early: that is the reader being done, not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  process.exitCode = runCli(process.argv.slice(2));
}
