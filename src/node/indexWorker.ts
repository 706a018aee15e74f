// A worker thread's share of a cold index: read and parse the notes it is given and hand them
// back. The main thread waits on `signal` (it may be blocked in Atomics.wait, so nothing here may
// rely on its event loop), then takes the result from `port`.
import { type MessagePort, workerData } from 'node:worker_threads';
import { packNote } from '../core/index/compactNote';
import { readAndParse, type ParsedShare } from './parseShare';

export interface WorkerInput {
  root: string;
  paths: string[];
  port: MessagePort;
  /** Set to 1 (and notified) once the result, or a failure, has been posted. */
  signal: Int32Array;
}

/**
 * The notes go back packed as one JSON string: copying a string costs next to nothing, and
 * JSON.parse plus unpacking is about three times cheaper for the main thread than receiving the
 * notes as objects through structured clone.
 */
export type WorkerOutput = { ok: true; packedNotes: string; skipped: ParsedShare['skipped'] } | { ok: false; message: string };

const { root, paths, port, signal } = workerData as WorkerInput;
try {
  const { notes, skipped } = readAndParse(root, paths);
  port.postMessage({ ok: true, packedNotes: JSON.stringify(notes.map(packNote)), skipped } satisfies WorkerOutput);
} catch (error) {
  port.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error) } satisfies WorkerOutput);
} finally {
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
  port.close();
}
