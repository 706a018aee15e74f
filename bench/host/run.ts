// `npm run bench:host`: Protocol Atlas in the real extension host (code-server, headless Chromium)
// on generated 10,000-note vaults, each figure beside its target (issue 10, item 6). Per shape and
// repetition: a cold start (fresh user-data folder, no index cache), a start from the cache that
// then opens the graph, types `depends_on` edits and sits idle; and once per repetition the same
// workbench without Protocol Atlas. Medians over the repetitions; the raw figures are kept.
//
//   npm run bench:host -- [--shapes dag,cyclic] [--count 10000] [--runs 3] [--edits 2]
//                         [--extension <folder>] [--vsix [file]] [--no-baseline] [--out file.json]
//                         [--profile <folder>]
//
// --profile keeps CPU profiles of the extension host (each start's first 30 s, each edit) there.
// --extension loads another built checkout from source (e.g. /work/wt/baseline) instead of this
// one; --vsix packages this checkout (or takes the given .vsix) and installs it as a user would.
// The benchmark reads the graph through the webview's test view, so what it runs is a test build
// (npm run build:test, npm run package:test; another checkout must be built so).
// Env: PROTOCOL_ATLAS_SKIP_BUILD=1 uses dist/ (or protocol-atlas-test.vsix) as it is;
// PROTOCOL_ATLAS_VERBOSE=1 shows code-server's log. JSON on stdout, progress on stderr.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freePort } from '../../scripts/code-server';
import { build, makeTempDir, npmRun, ROOT } from '../../scripts/project';
import type { BenchRow } from '../benchRow';
import { vaultNotes, VAULT_SHAPES, type VaultShape } from '../vaultShapes';
import { writeNotes } from '../syntheticNotes';
import { VaultModel } from './editPlan';
import { baseline, coldStart, warmStartAndEdit, type BaselineFigures, type Context, type StartFigures, type WarmFigures } from './scenario';
import type { ExtensionSource } from './session';

const TARGETS = {
  editMs: 300,
  countAfterWorkbenchColdMs: 3000,
  countAfterWorkbenchCachedMs: 1000,
  blockMs: 50,
  rssMb: 300,
  idleProtocolAtlasMs: 0,
};
/** The whole run is cut off after this, servers and all (the exit handlers kill their process groups). */
const WATCHDOG_MS = 4 * 60 * 60 * 1000;

interface Options {
  shapes: VaultShape[];
  count: number;
  runs: number;
  edits: number;
  extension: ExtensionSource;
  baseline: boolean;
  out?: string;
  log: boolean;
  cpuProfiles?: string;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { shapes: ['dag', 'cyclic'], count: 10000, runs: 3, edits: 2, extension: { kind: 'development', path: ROOT }, baseline: true, log: Boolean(process.env.PROTOCOL_ATLAS_VERBOSE) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      const next = argv[++i];
      if (next === undefined) throw new Error(`${arg} needs a value`);
      return next;
    };
    if (arg === '--shapes') {
      options.shapes = value().split(',') as VaultShape[];
      const unknown = options.shapes.filter((shape) => !VAULT_SHAPES.includes(shape));
      if (unknown.length > 0) throw new Error(`Unknown shape ${unknown.join(', ')}: one of ${VAULT_SHAPES.join(', ')}`);
    } else if (arg === '--count') options.count = positive(arg, value());
    else if (arg === '--runs') options.runs = positive(arg, value());
    else if (arg === '--edits') options.edits = positive(arg, value());
    else if (arg === '--extension') options.extension = { kind: 'development', path: path.resolve(value()) };
    else if (arg === '--vsix') options.extension = { kind: 'vsix', file: argv[i + 1] && !argv[i + 1].startsWith('--') ? path.resolve(value()) : '' };
    else if (arg === '--no-baseline') options.baseline = false;
    else if (arg === '--out') options.out = path.resolve(value());
    else if (arg === '--profile') options.cpuProfiles = path.resolve(value());
    else throw new Error(`Unknown option ${arg}`);
  }
  return options;
}

function positive(name: string, text: string): number {
  const value = Number(text);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} wants a positive whole number, not "${text}"`);
  return value;
}

/** Builds what will be measured: dist/ of this checkout, or its .vsix. Another checkout is taken as built. */
function prepareExtension(extension: ExtensionSource): ExtensionSource {
  if (extension.kind === 'development') {
    if (extension.path === ROOT) build({ testHooks: true });
    if (!fs.existsSync(path.join(extension.path, 'dist', 'extension.js'))) throw new Error(`${extension.path} has no dist/extension.js: build it first.`);
    return extension;
  }
  if (extension.kind === 'vsix' && !extension.file) {
    const file = path.join(ROOT, 'protocol-atlas-test.vsix');
    if (process.env.PROTOCOL_ATLAS_SKIP_BUILD !== '1' || !fs.existsSync(file)) npmRun('package:test');
    return { kind: 'vsix', file };
  }
  return extension;
}

/** A fresh user-data and extensions folder; kept for a look afterwards with PROTOCOL_ATLAS_BENCH_HOST_DEBUG=1. */
function profileDir(): { dir: string; cleanup(): void } {
  if (process.env.PROTOCOL_ATLAS_BENCH_HOST_DEBUG !== '1') return makeTempDir('protocol-atlas-bench-host-profile-');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'protocol-atlas-bench-host-profile-'));
  progress(`keeping ${dir}`);
  return { dir, cleanup: () => undefined };
}

const progress = (message: string) => process.stderr.write(`bench:host: ${message}\n`);

interface ShapeRun {
  shape: VaultShape;
  run: number;
  cold?: StartFigures;
  warm?: WarmFigures;
  error?: string;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const watchdog = setTimeout(() => {
    progress(`stopped after ${WATCHDOG_MS / 60000} min`);
    process.exit(2);
  }, WATCHDOG_MS);
  watchdog.unref();
  const extension = prepareExtension(options.extension);
  const started = Date.now();
  const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))) };
  const work = makeTempDir('protocol-atlas-bench-host-');
  const runs: ShapeRun[] = [];
  const baselines: Array<BaselineFigures | { error: string }> = [];
  const vaults = new Map<VaultShape, { dir: string; model: VaultModel }>();
  try {
    for (const shape of options.shapes) {
      const dir = path.join(work.dir, `vault-${shape}`);
      progress(`writing the ${shape} vault (${options.count} notes)…`);
      writeNotes(dir, vaultNotes(shape, options.count));
      vaults.set(shape, { dir, model: new VaultModel(dir) });
    }
    for (let run = 1; run <= options.runs; run++) {
      for (const shape of options.shapes) {
        const vault = vaults.get(shape)!;
        const profile = profileDir();
        const context: Context = {
          vault: vault.dir,
          profileDir: profile.dir,
          port: await freePort(),
          extension,
          model: vault.model,
          timeouts: { countMs: 300000, graphMs: 300000, editMs: 60000 },
          log: options.log,
          artifacts: path.join(ROOT, 'bench', 'results', 'host-artifacts'),
          ...(options.cpuProfiles && { cpuProfiles: options.cpuProfiles }),
        };
        const result: ShapeRun = { shape, run };
        try {
          progress(`run ${run}/${options.runs}, ${shape}: cold start…`);
          result.cold = await coldStart(context);
          progress(`  count shown ${result.cold.countMs} ms after navigation; start from the cache, graph, edits, idle…`);
          result.warm = await warmStartAndEdit(context, options.edits);
          progress(`  from the cache ${result.warm.start.countMs} ms; edits ${result.warm.edits.map((edit) => `${edit.kind} tree ${edit.treeMs} graph ${edit.graphMs}`).join(', ')}`);
        } catch (error) {
          result.error = error instanceof Error ? error.message : String(error);
          progress(`  failed: ${result.error}`);
        } finally {
          profile.cleanup();
        }
        runs.push(result);
      }
      if (options.baseline) {
        const shape = options.shapes[0];
        const profile = makeTempDir('protocol-atlas-bench-host-profile-');
        try {
          progress(`run ${run}/${options.runs}: baseline without Protocol Atlas (${shape})…`);
          const context: Context = { vault: vaults.get(shape)!.dir, profileDir: profile.dir, port: await freePort(), extension, model: vaults.get(shape)!.model, timeouts: { countMs: 300000, graphMs: 0, editMs: 0 }, log: options.log, artifacts: path.join(ROOT, 'bench', 'results', 'host-artifacts') };
          baselines.push(await baseline(context));
        } catch (error) {
          baselines.push({ error: error instanceof Error ? error.message : String(error) });
        } finally {
          profile.cleanup();
        }
      }
    }
  } finally {
    for (const { model } of vaults.values()) model.dispose();
    work.cleanup();
  }

  const okBaselines = baselines.filter((each): each is BaselineFigures => !('error' in each));
  const baselineIdle = median(okBaselines.map((each) => each.idle?.percent));
  const sections: Record<string, BenchRow[]> = {};
  for (const shape of options.shapes) sections[shape] = shapeRows(shape, options.count, runs.filter((run) => run.shape === shape), baselineIdle);
  if (options.baseline) sections.baseline = baselineRows(okBaselines, options.shapes[0]);
  const rows = Object.values(sections).flat();
  const summary = {
    targetsMet: rows.filter((row) => row.target !== 'report' && row.ok).length,
    targetsMissed: rows.filter((row) => row.target !== 'report' && !row.ok).map((row) => row.name),
    seconds: Math.round((Date.now() - started) / 1000),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  const extensionInfo = extension.kind === 'development' ? { source: 'development (extensionDevelopmentPath)', path: extension.path } : extension.kind === 'vsix' ? { source: 'installed .vsix', file: extension.file } : { source: 'none' };
  const output = { machine, extension: extensionInfo, count: options.count, runs: options.runs, ...sections, summary, raw: { runs: runs.map(stripForOutput), baselines } };
  const text = JSON.stringify(output, null, 2);
  if (options.out) {
    fs.mkdirSync(path.dirname(options.out), { recursive: true });
    fs.writeFileSync(options.out, `${text}\n`);
    progress(`wrote ${options.out}`);
  }
  console.log(text);
}

function median(values: Array<number | undefined>): number {
  const known = values.filter((value): value is number => typeof value === 'number' && Number.isFinite(value)).sort((a, b) => a - b);
  if (known.length === 0) return NaN;
  const middle = Math.floor(known.length / 2);
  return known.length % 2 ? known[middle] : (known[middle - 1] + known[middle]) / 2;
}

function round(value: number, digits = 0): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** A row from the figures of every repetition: the median, judged against `target` (a ceiling) or reported. */
function row(name: string, values: Array<number | undefined>, unit: string, target: number | 'report', digits = 0, note?: string): BenchRow {
  const value = round(median(values), digits);
  const measured = values.filter((each) => typeof each === 'number' && Number.isFinite(each)).length;
  const notes = [note, measured < values.length && `${values.length - measured} of ${values.length} runs gave no figure`, measured > 1 && `median of ${measured}: ${values.map((each) => (each === undefined || !Number.isFinite(each) ? '–' : round(each, digits))).join(', ')}`].filter(Boolean);
  return {
    name,
    value,
    unit,
    target: target === 'report' ? 'report' : `<= ${target}`,
    ok: target === 'report' ? Number.isFinite(value) : Number.isFinite(value) && value <= target,
    ...(notes.length > 0 && { note: notes.join('; ') }),
  };
}

function shapeRows(shape: VaultShape, count: number, runs: ShapeRun[], baselineIdle: number): BenchRow[] {
  const label = `${shape}, ${count.toLocaleString('en')} notes`;
  const cold = runs.map((run) => run.cold);
  const warm = runs.map((run) => run.warm);
  const editMedian = (pick: (edit: WarmFigures['edits'][number]) => number | undefined) => warm.map((each) => (each ? median(each.edits.map(pick)) : undefined));
  const errors = runs.filter((run) => run.error).map((run) => `run ${run.run}: ${run.error}`);
  const cachedNote = warm.some((each) => each?.start.fromCache && each.start.fromCache.read > 0) ? 'some notes were read again, not taken from the cache' : 'every note from the cache (the extension log says so)';
  const editNote = `an application's depends_on gains a compute protocol it did not reach, typed as one insertion into the unsaved note, then deleted; median of ${warm[0]?.edits.length ?? 0} per run (adds and deletions), then of the runs`;
  const planned = warm.every((each) => !each || each.edits.every((edit) => edit.treeAsPlanned));
  const rows: BenchRow[] = [
    row(`navigation → workbench (activity bar), cold, ${label}`, cold.map((each) => each?.workbenchMs), 'ms', 'report'),
    row(`navigation → protocol count in the status bar, cold, ${label}`, cold.map((each) => each?.countMs), 'ms', 'report'),
    row(`count shown after the workbench, cold (no index cache), ${label}`, cold.map((each) => each?.afterWorkbenchMs), 'ms', TARGETS.countAfterWorkbenchColdMs),
    row(`navigation → workbench (activity bar), from the cache, ${label}`, warm.map((each) => each?.start.workbenchMs), 'ms', 'report'),
    row(`navigation → protocol count in the status bar, from the cache, ${label}`, warm.map((each) => each?.start.countMs), 'ms', 'report'),
    row(`count shown after the workbench, from the cache, ${label}`, warm.map((each) => each?.start.afterWorkbenchMs), 'ms', TARGETS.countAfterWorkbenchCachedMs, 0, cachedNote),
    row(`longest extension-host block during the first index, cold, ${label}`, cold.map((each) => each?.longestBlockMs), 'ms', TARGETS.blockMs, 0, 'how late a 10 ms timer in the same host fired, from navigation to 3 s after the count showed (tree filled, cache written)'),
    row(`longest extension-host block during the first index, from the cache, ${label}`, warm.map((each) => each?.start.longestBlockMs), 'ms', TARGETS.blockMs),
    row(`extension-host CPU time when the count showed, cold, ${label}`, cold.map((each) => each?.hostCpuMs), 'ms', 'report', 0, 'since the host started, every extension included: steadier than wall time on a shared machine'),
    row(`extension-host CPU time when the count showed, from the cache, ${label}`, warm.map((each) => each?.start.hostCpuMs), 'ms', 'report'),
    row(`Protocols view opened → first protocol row, ${label}`, warm.map((each) => each?.treeOpenMs), 'ms', 'report'),
    row(`Show Layer Graph → every protocol drawn, ${label}`, warm.map((each) => each?.graphDrawnMs), 'ms', 'report'),
    row(`depends_on edit → Protocols tree row updated, ${label}`, editMedian((edit) => edit.treeMs), 'ms', TARGETS.editMs, 0, `${editNote}${planned ? '' : '; WARNING: a row did not read as the core predicts'}`),
    row(`depends_on edit → graph updated (edge in the webview's graph, next frame), ${label}`, editMedian((edit) => edit.graphMs), 'ms', TARGETS.editMs),
    row(`extension-host CPU time per edit, typing → tree and graph updated, ${label}`, editMedian((edit) => edit.hostCpuMs), 'ms', 'report'),
    row(`longest extension-host block during an edit (typing to 3 s later, or 1 s after the last update), ${label}`, warm.map((each) => (each ? Math.max(...each.edits.map((edit) => edit.longestBlockMs)) : undefined)), 'ms', TARGETS.blockMs, 0, 'the worst of the edits of a run, which includes the index cache write 2 s after the change'),
    row(`extension-host RSS, settled after the edits (graph open), ${label}`, warm.map((each) => each?.settled?.rssMb), 'MB', TARGETS.rssMb),
    row(`extension-host peak RSS (VmHWM), ${label}`, runs.map((run) => Math.max(...[run.cold?.peak?.peakRssMb, run.warm?.settled?.peakRssMb].filter((mb): mb is number => mb !== undefined && Number.isFinite(mb)))), 'MB', TARGETS.rssMb, 0, 'the higher of the cold and the from-the-cache session'),
    row(`extension-host CPU while idle, ${30} s, ${label}`, warm.map((each) => each?.idle?.percent), '% of a core', 'report', 1, Number.isFinite(baselineIdle) ? `without Protocol Atlas: ${round(baselineIdle, 1)}%` : undefined),
    row(`extension-host busiest idle second, ${label}`, warm.map((each) => each?.idle?.maxSecondPercent), '% of a core', 'report', 0),
    row(`Protocol Atlas code in a 30 s idle CPU profile of the host, ${label}`, warm.map((each) => each?.idleProfile?.protocolAtlasMs), 'ms', TARGETS.idleProtocolAtlasMs, 1, 'samples with any of the extension\'s functions on the stack, 1 ms sampling'),
  ];
  if (errors.length > 0) for (const each of rows) each.note = [each.note, ...errors].filter(Boolean).join('; ');
  return rows;
}

function baselineRows(baselines: BaselineFigures[], shape: VaultShape): BenchRow[] {
  const label = `without Protocol Atlas, ${shape} vault`;
  return [
    row(`navigation → workbench (activity bar), ${label}`, baselines.map((each) => each.start.workbenchMs), 'ms', 'report'),
    row(`longest extension-host block, navigation to 10 s after the folder showed, ${label}`, baselines.map((each) => each.start.longestBlockMs), 'ms', 'report'),
    row(`extension-host CPU time when the folder showed, ${label}`, baselines.map((each) => each.start.hostCpuMs), 'ms', 'report'),
    row(`extension-host RSS, ${label}`, baselines.map((each) => each.settled?.rssMb), 'MB', 'report'),
    row(`extension-host CPU while idle, 30 s, ${label}`, baselines.map((each) => each.idle?.percent), '% of a core', 'report', 1, 'measured 100 s after the folder showed, as the host with Protocol Atlas is measured minutes after its start'),
  ];
}

/** The raw figures without the bulky per-block lists (kept: the ten longest, with their time from navigation). */
function stripForOutput(run: ShapeRun): unknown {
  const trim = (figures: StartFigures | undefined) =>
    figures && { ...figures, blocks: [...figures.blocks].sort((a, b) => b.ms - a.ms).slice(0, 10).map((block) => ({ endsAfterNavigationMs: block.end - figures.navigatedAt, ms: block.ms })) };
  return { ...run, cold: trim(run.cold), warm: run.warm && { ...run.warm, start: trim(run.warm.start) } };
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
