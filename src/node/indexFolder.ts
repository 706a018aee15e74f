// A folder's notes into an index, as fast as the machine allows: on four or more cores the notes
// are shared out between this thread and worker threads that read and parse their part; the index
// is built once from all of them. Synchronous (the main thread waits with Atomics.wait), so the CLI stays simple.
// Any trouble with a worker (missing file, crash, timeout) only means this thread does its share.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { unpackNote } from '../core/index/compactNote';
import { ProtocolIndex } from '../core/index/protocolIndex';
import type { ProtocolNote } from '../core/model';
import { compare, listNotes, type LoadOptions } from './loadNotes';
import { readAndParse, type ParsedShare } from './parseShare';
import type { WorkerInput, WorkerOutput } from './indexWorker';

export interface FolderOptions extends LoadOptions {
  /** Worker threads besides this one (exactly); by default one per spare core on 4+ cores, none for a small folder. */
  workers?: number;
}

/** Below this many notes, starting a worker costs more than it saves. */
const NOTES_PER_WORKER = 1_500;
const MAX_WORKERS = 3;
const MIN_CORES = 4;

/** Every note below a folder, parsed, in path order; unreadable files are listed with the reason. */
export function parseFolder(folder: string, options: FolderOptions = {}): ParsedShare {
  const listed = listNotes(folder, options);
  const parsed = parsePaths(folder, listed.paths, options.workers);
  const skipped = [...listed.skipped, ...parsed.skipped];
  skipped.sort((a, b) => compare(a.path, b.path));
  return { notes: parsed.notes, skipped };
}

/** Read and parse these notes (relative to `folder`), shared out between threads; path order. */
export function parsePaths(folder: string, paths: readonly string[], workerCount?: number): ParsedShare {
  const workers = Math.max(0, Math.min(workerCount ?? defaultWorkers(Math.floor(paths.length / NOTES_PER_WORKER)), paths.length - 1));
  const shares = splitInto(paths, workers + 1);
  const started = shares.slice(1).map((share) => startWorker(folder, share));
  const own = readAndParse(folder, shares[0]);
  const results = [own, ...started.map((worker, i) => finishWorker(worker) ?? readAndParse(folder, shares[i + 1]))];
  const notes = results.flatMap((result) => result.notes);
  const skipped = results.flatMap((result) => result.skipped);
  notes.sort((a, b) => compare(a.path, b.path));
  return { notes, skipped };
}

/** An index of every note below a folder (into `index`, which then holds exactly those notes). */
export function indexFolder(folder: string, options: FolderOptions & { index?: ProtocolIndex } = {}): { index: ProtocolIndex; skipped: ParsedShare['skipped'] } {
  const { notes, skipped } = parseFolder(folder, options);
  const index = options.index ?? new ProtocolIndex();
  index.buildParsed(notes);
  return { index, skipped };
}

function defaultWorkers(worthStarting: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  // Measured on two cores: a worker's start-up and unpacking its notes cost more than it saves.
  if (cores < MIN_CORES) return 0;
  return Math.min(MAX_WORKERS, cores - 1, worthStarting);
}

/** Contiguous slices, so each thread reads neighbouring files (same folders). */
function splitInto<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / parts);
  return Array.from({ length: parts }, (_, i) => items.slice(i * size, (i + 1) * size));
}

interface StartedWorker {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
  notes: number;
}

type MessagePort = InstanceType<typeof MessageChannel>['port1'];

function startWorker(root: string, paths: string[]): StartedWorker | undefined {
  const file = workerFile();
  if (!file || paths.length === 0) return undefined;
  try {
    const channel = new MessageChannel();
    const signal = new Int32Array(new SharedArrayBuffer(4));
    const input: WorkerInput = { root, paths, port: channel.port2, signal };
    const { script, eval: isCode } = workerScript(file);
    const worker = new Worker(script, { eval: isCode, workerData: input, transferList: [channel.port2] });
    // Its errors reach us only once this thread is free again: by then its share is redone here.
    worker.on('error', () => undefined);
    return { worker, port: channel.port1, signal, notes: paths.length };
  } catch {
    return undefined;
  }
}

/** The worker's notes, or undefined when it failed or took far too long. */
function finishWorker(started: StartedWorker | undefined): ParsedShare | undefined {
  if (!started) return undefined;
  try {
    const timeout = 10_000 + started.notes * 2;
    const waited = Atomics.wait(started.signal, 0, 0, timeout);
    const message = waited === 'timed-out' ? undefined : (receiveMessageOnPort(started.port)?.message as WorkerOutput | undefined);
    if (!message?.ok) return undefined;
    const notes = (JSON.parse(message.packedNotes) as unknown[]).map(unpackNote);
    return notes.every((note) => note !== undefined) ? { notes: notes as ProtocolNote[], skipped: message.skipped } : undefined;
  } catch {
    return undefined;
  } finally {
    started.port.close();
    void started.worker.terminate();
  }
}

/** Beside this file: dist/indexWorker.js in the bundles, src/node/indexWorker.ts under tsx. */
function workerFile(): string | undefined {
  const file = path.join(__dirname, __filename.endsWith('.ts') ? 'indexWorker.ts' : 'indexWorker.js');
  return fs.existsSync(file) ? file : undefined;
}

/** A TypeScript worker (under tsx or a test runner) is loaded through tsx's require hook. */
function workerScript(file: string): { script: string; eval: boolean } {
  if (!file.endsWith('.ts')) return { script: file, eval: false };
  const loader = 'tsx/cjs'; // a name, not a literal, so bundlers leave this dev-only path alone
  return { script: `require(${JSON.stringify(require.resolve(loader))}); require(${JSON.stringify(file)});`, eval: true };
}
