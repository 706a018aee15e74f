// The CLI benchmark's rows as one markdown table, vault by vault and command by command, for the
// README and the issue's note: `tsx bench/cliTable.ts results.json` (the output of
// `tsx bench/cli.ts` or of `npm run bench`). A missed target is marked ✗; a run that did not finish
// shows what it reached and why.
import * as fs from 'node:fs';
import type { BenchRow } from './benchRow';
import { CLI_COMMANDS, FLOOR_ROW_PREFIX, rowName } from './cli';
import { vaultLabel, type Vault } from './cliVaults';
import { VAULT_SHAPES, type VaultShape } from './vaultShapes';

function bytes(value: number): string {
  if (!Number.isFinite(value)) return '?';
  if (value >= 2 ** 20) return `${(value / 2 ** 20).toFixed(1)} MB`;
  if (value >= 1024) return `${(value / 1024).toFixed(1)} KB`;
  return `${value} B`;
}

const seconds = (ms: number): string => (Number.isFinite(ms) ? `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s` : '?');

export function markdownTable(results: { cli?: BenchRow[] | { error: string } }): string {
  const rows = Array.isArray(results.cli) ? results.cli : [];
  if (!rows.length) return `No CLI rows in these results${results.cli && 'error' in results.cli ? `: ${results.cli.error}` : ''}.`;
  const byName = new Map(rows.map((row) => [row.name, row]));
  const mark = (row: BenchRow | undefined, text: string): string => (row && row.target !== 'report' && !row.ok ? `**${text}** ✗` : text);
  const cell = (row: BenchRow | undefined, show: (value: number) => string): string => (row ? mark(row, show(row.value ?? NaN)) : '');
  const lines = [
    '| Vault (read floor) | Command | Time | CPU time | × read floor (≤ 10) | × 10,000-note time (≤ 6) | Peak RSS (≤ 300 MB; 1 GB at 50,000) | Output |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  // The vaults measured, in the order they ran: each has a read-floor row.
  const vaults = rows.flatMap((row): Vault[] => {
    if (!row.name.startsWith(FLOOR_ROW_PREFIX)) return [];
    const [shape, count] = row.name.slice(FLOOR_ROW_PREFIX.length).split(' ');
    return VAULT_SHAPES.includes(shape as VaultShape) ? [{ shape: shape as VaultShape, count: Number(count.replace(/,/g, '')) }] : [];
  });
  for (const vault of vaults) {
    const floor = byName.get(rowName.floor(vault));
    if (!floor) continue;
    CLI_COMMANDS.forEach((command, i) => {
      const time = byName.get(rowName.time(vault, command.label));
      if (!time) return;
      const failure = time.ok ? undefined : (time.note ?? 'failed').replace(/: at least this$/, '');
      const perProtocol = byName.get(rowName.bytesPerProtocol(vault, command.label));
      const output = perProtocol
        ? `${mark(perProtocol, `${bytes(perProtocol.value)}/protocol`)}${perProtocol.ok || !failure ? '' : ' (so far)'}`
        : cell(byName.get(rowName.bytes(vault, command.label)), bytes) + (failure ? ' (so far)' : '');
      lines.push(
        [
          i === 0 ? `${vaultLabel(vault)} (${seconds(floor.value)})` : '',
          `\`${command.label}\``,
          failure ? `**≥ ${seconds(time.value)}**: ${failure}` : seconds(time.value),
          cell(byName.get(rowName.cpu(vault, command.label)), (value) => (Number.isFinite(value) ? `${failure ? '≥ ' : ''}${seconds(value)}` : '?')),
          cell(byName.get(rowName.ratio(vault, command.label)), (value) => `${failure ? '≥ ' : ''}${value}×`),
          cell(byName.get(rowName.growth(vault, command.label)), (value) => (Number.isFinite(value) ? `${value}×` : '—')),
          cell(byName.get(rowName.rss(vault, command.label)), (value) => `${failure ? '≥ ' : ''}${value} MB`),
          output,
        ].join(' | ').replace(/^/, '| ').replace(/$/, ' |'),
      );
    });
  }
  const cold = byName.get(rowName.coldCheck());
  if (cold) lines.push('', `Cold \`check\` of the 10,000-note DAG: ${mark(cold, `${cold.value}×`)} the read floor (target ≤ 6×).`);
  return lines.join('\n');
}

if (require.main === module) {
  const file = process.argv[2];
  if (!file) {
    console.error('Usage: tsx bench/cliTable.ts <results.json>   (from tsx bench/cli.ts or npm run bench)');
    process.exit(2);
  }
  console.log(markdownTable(JSON.parse(fs.readFileSync(file, 'utf8')) as { cli?: BenchRow[] }));
}
