// CLI benchmark: every command of the bundled CLI (dist/cli.js) run as a whole process, as a
// researcher runs it, on vaults of every shape (bench/vaultShapes.ts) at 10,000 notes and the DAG
// and cyclic shapes at 50,000. For each shape, size and command: wall time over the read floor
// (a fresh process that only lists and reads the same notes, measured in the same run, between
// the commands), peak RSS and bytes printed, each beside its target (issue 10). A child that runs
// past its timeout is killed and becomes a missed row, not a crash of the benchmark.
//
// Usage: tsx bench/cli.ts [--vaults dag:10000,cyclic:50000] [--commands 'check,report --json']
//                         [--runs N] [--timeout SECONDS]        (JSON on stdout, progress on stderr)
//   tsx bench/cliTable.ts results.json   prints the rows of a run as a markdown table.
//   PROTOCOL_ATLAS_CLI=/path/to/cli.js measures another build (default: this checkout's dist/cli.js).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { BenchRow } from './benchRow';
import { readFloor, runProcess, writeHelpers, type Helpers, type ProcessRun } from './cliProcess';
import { cachedVault, vaultLabel, type Vault } from './cliVaults';
import { VAULT_SHAPES, type VaultShape } from './vaultShapes';

const ROOT = path.join(__dirname, '..');
const SECOND_FRAMEWORK = path.join(ROOT, 'examples/deepseek-2025/.protocol-atlas/frameworks/compute-rebound.yaml');
/** A typo of a word every tenth name holds: the search goes past exact matches. */
const QUERY = 'infrence';

export interface CliCommand {
  label: string;
  args: (folder: string) => string[];
}

export const CLI_COMMANDS: CliCommand[] = [
  { label: 'check', args: (folder) => ['check', folder] },
  { label: 'report', args: (folder) => ['report', folder] },
  { label: 'report --json', args: (folder) => ['report', folder, '--json'] },
  { label: 'graph --format json', args: (folder) => ['graph', folder, '--format', 'json'] },
  { label: 'graph --format mermaid', args: (folder) => ['graph', folder, '--format', 'mermaid'] },
  { label: `search ${QUERY}`, args: (folder) => ['search', folder, QUERY] },
  { label: 'compare deepseek-2025 compute-rebound', args: (folder) => ['compare', folder, '--framework', 'deepseek-2025', '--framework', SECOND_FRAMEWORK] },
];

export const CLI_VAULTS: Vault[] = [
  ...VAULT_SHAPES.map((shape) => ({ shape, count: 10_000 })),
  { shape: 'dag', count: 50_000 },
  { shape: 'cyclic', count: 50_000 },
];

const BASE_COUNT = 10_000;
const TIME_TARGET = 10;
const GROWTH_TARGET = 6;
const COLD_CHECK_TARGET = 6;
const RSS_TARGET_MB = { small: 300, large: 1024 };
const JSON_BYTES_PER_PROTOCOL = 2048;

export interface CliOptions {
  cli: string;
  vaults: Vault[];
  commands: CliCommand[];
  /** Runs of each command at 10,000 notes (median kept); the 50,000-note vaults get runsLarge. */
  runs: number;
  runsLarge: number;
  timeoutMs: number;
  log: (line: string) => void;
}

export function defaultCliOptions(): CliOptions {
  return {
    cli: process.env.PROTOCOL_ATLAS_CLI ? path.resolve(process.env.PROTOCOL_ATLAS_CLI) : path.join(ROOT, 'dist/cli.js'),
    vaults: CLI_VAULTS,
    commands: CLI_COMMANDS,
    runs: 3,
    runsLarge: 1,
    timeoutMs: 240_000,
    log: (line) => process.stderr.write(`${line}\n`),
  };
}

/** Each vault's first row; the markdown table finds the vaults measured by it. */
export const FLOOR_ROW_PREFIX = 'cli read floor, ';

// Row names, built in one place so the markdown table finds rows without parsing them.
export const rowName = {
  floor: (vault: Vault) => `${FLOOR_ROW_PREFIX}${vaultLabel(vault)}`,
  time: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: time`,
  cpu: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: CPU time`,
  ratio: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: time / read floor`,
  growth: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: time / time at ${BASE_COUNT.toLocaleString('en')}`,
  rss: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: peak RSS`,
  bytes: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: output`,
  bytesPerProtocol: (vault: Vault, command: string) => `cli ${command}, ${vaultLabel(vault)}: output per protocol`,
  coldCheck: () => `cli cold check of the ${BASE_COUNT.toLocaleString('en')}-note DAG / read floor`,
};

const round = (value: number, digits = 2): number => Number(value.toFixed(digits));

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Why a run does not count, or undefined when it ran to its end. `check` exits 1 when it finds errors. */
export function failureOf(run: ProcessRun, command: string, timeoutMs: number): string | undefined {
  if (run.timedOut) return `timed out at ${Math.round(timeoutMs / 1000)} s (killed)`;
  const crashed = /FATAL ERROR|^\S*Error\b|^\s+at /m.test(run.stderrHead);
  const expected = run.exitCode === 0 || (command.startsWith('check') && run.exitCode === 1);
  if (expected && !crashed) return undefined;
  const firstLine = run.stderrHead.split('\n').find((line) => /Error|FATAL/.test(line)) ?? run.stderrHead.split('\n')[0] ?? '';
  return `failed (exit ${run.exitCode ?? 'by signal'}): ${firstLine.trim().slice(0, 160)}`;
}

interface CommandResult {
  runs: ProcessRun[];
  failure?: string;
}

/** Every figure of one vault: read floors interleaved with the commands' runs, so load touches all alike. */
async function measureVault(options: CliOptions, helpers: Helpers, vault: Vault, folder: string): Promise<{ floor: ProcessRun[]; results: Map<string, CommandResult> }> {
  const runs = vault.count > BASE_COUNT ? options.runsLarge : options.runs;
  const floor: ProcessRun[] = [];
  const measureFloor = async () => {
    const run = await readFloor(helpers, folder, options.timeoutMs);
    if (run.exitCode !== 0) throw new Error(`the read floor of ${folder} failed: ${run.stderrHead}`);
    floor.push(run);
  };
  await measureFloor();
  await measureFloor();
  const results = new Map<string, CommandResult>(options.commands.map((command) => [command.label, { runs: [] }]));
  for (let repeat = 0; repeat < runs; repeat++) {
    for (const command of options.commands) {
      const result = results.get(command.label) as CommandResult;
      // A run that timed out or crashed is not repeated: it would only cost another timeout.
      if (result.failure) continue;
      const run = await runProcess(helpers, options.cli, command.args(folder), options.timeoutMs);
      result.runs.push(run);
      result.failure = failureOf(run, command.label, options.timeoutMs);
      options.log(`  ${command.label}: ${(run.ms / 1000).toFixed(2)} s (CPU ${(run.cpuMs / 1000).toFixed(2)} s), ${Math.round(run.rssMb)} MB, ${run.stdoutBytes.toLocaleString('en')} bytes${result.failure ? ` — ${result.failure}` : ''}`);
    }
    await measureFloor();
  }
  return { floor, results };
}

function vaultRows(vault: Vault, floorRuns: ProcessRun[], results: Map<string, CommandResult>, baseTimes: Map<string, number>): BenchRow[] {
  const floor = median(floorRuns.map((run) => run.ms));
  const floorCpu = median(floorRuns.map((run) => run.cpuMs));
  const large = vault.count > BASE_COUNT;
  const rssTarget = large ? RSS_TARGET_MB.large : RSS_TARGET_MB.small;
  const rows: BenchRow[] = [
    { name: rowName.floor(vault), value: round(floor, 0), unit: 'ms', target: 'report', ok: true, note: `a fresh node process listing the notes and reading each with readFileSync, median of ${floorRuns.length}; CPU time ${Math.round(floorCpu)} ms` },
  ];
  for (const [command, result] of results) {
    const { failure } = result;
    const counted = failure ? result.runs.slice(-1) : result.runs;
    const ms = failure ? (counted[0]?.ms ?? NaN) : median(counted.map((run) => run.ms));
    const rss = Math.max(...counted.map((run) => run.rssMb));
    const bytes = counted[counted.length - 1]?.stdoutBytes ?? NaN;
    const ratio = ms / floor;
    const atLeast = failure ? `${failure}: at least this` : undefined;
    const cpu = median(counted.map((run) => run.cpuMs));
    const how = failure ? atLeast : `median of ${counted.length} run${counted.length === 1 ? '' : 's'}`;
    rows.push(
      { name: rowName.time(vault, command), value: round(ms, 0), unit: 'ms', target: 'report', ok: !failure, note: how },
      // Beside the wall time: on a loaded machine the CPU time moves less (the floor's is in its row).
      { name: rowName.cpu(vault, command), value: round(cpu, 0), unit: 'ms', target: 'report', ok: !failure, note: failure ? `${failure}: so far` : 'all threads' },
      large
        ? { name: rowName.ratio(vault, command), value: round(ratio), unit: 'x', target: 'report', ok: !failure, note: atLeast ?? 'judged by growth over 10,000 notes' }
        : { name: rowName.ratio(vault, command), value: round(ratio), unit: 'x', target: `<= ${TIME_TARGET}`, ok: !failure && ratio <= TIME_TARGET, ...(atLeast && { note: atLeast }) },
      { name: rowName.rss(vault, command), value: round(rss, 0), unit: 'MB', target: `<= ${rssTarget} MB`, ok: !failure && rss <= rssTarget, ...(atLeast && { note: `${failure}: at least this (sampled)` }) },
    );
    if (command === 'report --json') {
      const perProtocol = bytes / vault.count;
      rows.push({ name: rowName.bytesPerProtocol(vault, command), value: round(perProtocol, 0), unit: 'bytes', target: `<= ${JSON_BYTES_PER_PROTOCOL}`, ok: !failure && perProtocol <= JSON_BYTES_PER_PROTOCOL, note: failure ? `${failure}: printed this much before` : `${bytes.toLocaleString('en')} bytes for ${vault.count.toLocaleString('en')} protocols` });
    } else {
      rows.push({ name: rowName.bytes(vault, command), value: bytes, unit: 'bytes', target: 'report', ok: !failure, ...(failure && { note: `${failure}: printed this much before` }) });
    }
    if (large) {
      const base = baseTimes.get(`${vault.shape} ${command}`);
      const growth = ms / (base ?? NaN);
      const why = failure ?? (base === undefined ? `the ${BASE_COUNT.toLocaleString('en')}-note run of this shape did not finish (or did not run)` : undefined);
      rows.push({ name: rowName.growth(vault, command), value: round(growth), unit: 'x', target: `<= ${GROWTH_TARGET}`, ok: !why && growth <= GROWTH_TARGET, ...(why && { note: why }) });
    }
  }
  return rows;
}

function checkBuild(cli: string): void {
  if (!fs.existsSync(cli)) throw new Error(`no CLI at ${cli}: run \`npm run build\` first (or set PROTOCOL_ATLAS_CLI)`);
  if (process.env.PROTOCOL_ATLAS_CLI) return;
  // This checkout's own build must be of its sources, or the figures describe older code.
  const built = fs.statSync(cli).mtimeMs;
  const newer = (fs.readdirSync(path.join(ROOT, 'src'), { recursive: true }) as string[]).find((file) => file.endsWith('.ts') && fs.statSync(path.join(ROOT, 'src', file)).mtimeMs > built);
  if (newer) throw new Error(`dist/cli.js is older than src/${newer}: run \`npm run build\` first`);
}

export async function benchCli(options: CliOptions = defaultCliOptions()): Promise<BenchRow[]> {
  checkBuild(options.cli);
  const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-bench-cli-'));
  try {
    const helpers = writeHelpers(workspace);
    const rows: BenchRow[] = [];
    // Median 10,000-note time of each shape and command that ran to its end: the 50,000-note runs are judged against it.
    const baseTimes = new Map<string, number>();
    // Smaller vaults first, so each large one finds its 10,000-note figures.
    for (const vault of [...options.vaults].sort((a, b) => a.count - b.count)) {
      const folder = cachedVault(vault, options.log);
      options.log(`cli: ${vaultLabel(vault)} with ${options.cli}`);
      const { floor, results } = await measureVault(options, helpers, vault, folder);
      const vaultRowsOf = vaultRows(vault, floor, results, baseTimes);
      rows.push(...vaultRowsOf);
      if (vault.count === BASE_COUNT) {
        for (const [command, result] of results) if (!result.failure) baseTimes.set(`${vault.shape} ${command}`, median(result.runs.map((run) => run.ms)));
        if (vault.shape === 'dag' && results.has('check')) {
          // The CLI keeps no index cache, so every run of it is cold: the retired fresh-process
          // targets (≤ 3× cold, ≤ 1.5× warm) leave this one for the CLI.
          const ratio = vaultRowsOf.find((row) => row.name === rowName.ratio(vault, 'check')) as BenchRow;
          rows.push({ ...ratio, name: rowName.coldCheck(), target: `<= ${COLD_CHECK_TARGET}`, ok: ratio.ok && ratio.value <= COLD_CHECK_TARGET, note: 'a fresh process, no index cache' });
        }
      }
    }
    return rows;
  } finally {
    fs.rmSync(workspace, { recursive: true, force: true });
  }
}

/** Options from the command line, over the defaults. */
export function parseCliArgs(argv: string[]): CliOptions {
  const options = defaultCliOptions();
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    const wants = (what: string): string => {
      if (value === undefined) throw new Error(`${argv[i]} needs ${what}`);
      i++;
      return value;
    };
    if (argv[i] === '--vaults') {
      options.vaults = wants('shape:count,…').split(',').map((spec) => {
        const [shape, count] = spec.split(':');
        if (!VAULT_SHAPES.includes(shape as VaultShape) || !(Number(count) > 0)) throw new Error(`--vaults: '${spec}' is not <${VAULT_SHAPES.join('|')}>:<count>`);
        return { shape: shape as VaultShape, count: Number(count) };
      });
    } else if (argv[i] === '--commands') {
      const wanted = wants('command labels').split(',');
      const unknown = wanted.filter((label) => !CLI_COMMANDS.some((command) => command.label === label));
      if (unknown.length) throw new Error(`--commands: no command ${unknown.join(', ')}; they are ${CLI_COMMANDS.map((command) => command.label).join(', ')}`);
      options.commands = CLI_COMMANDS.filter((command) => wanted.includes(command.label));
    } else if (argv[i] === '--runs') {
      options.runs = Math.max(1, Number(wants('a number')));
    } else if (argv[i] === '--timeout') {
      options.timeoutMs = Number(wants('seconds')) * 1000;
    } else {
      throw new Error(`unknown option ${argv[i]}`);
    }
  }
  return options;
}

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  const started = Date.now();
  const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, cli: options.cli, timeoutSeconds: options.timeoutMs / 1000, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))) };
  const rows = await benchCli(options);
  const summary = {
    targetsMet: rows.filter((row) => row.target !== 'report' && row.ok).length,
    targetsMissed: rows.filter((row) => row.target !== 'report' && !row.ok).map((row) => row.name),
    seconds: Math.round((Date.now() - started) / 1000),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(JSON.stringify({ machine, cli: rows, summary }, null, 2));
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
