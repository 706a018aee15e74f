import type { Output } from './context';

export interface Command {
  name: string;
  summary: string;
  /** Full help text, printed by `protocol-atlas <command> --help`. */
  help: string;
  /** Returns the process exit code. Throws UsageError for bad arguments. */
  run(args: string[], output: Output): number;
}
