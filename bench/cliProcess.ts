// One whole process of the CLI (or of the read floor), measured from the outside as a researcher
// meets it: wall time from spawn to exit, peak RSS of that process, bytes it printed (counted,
// never kept: `report --json` of a messy vault can be hundreds of MB). A child that runs past its
// timeout is killed and reported, never waited for.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';

export interface ProcessRun {
  ms: number;
  /** Peak resident set of the child, threads included; NaN when it could not be read. */
  rssMb: number;
  /** CPU time of all the child's threads (less moved by other load than wall time); so far, if killed. */
  cpuMs: number;
  stdoutBytes: number;
  exitCode: number | null;
  timedOut: boolean;
  /** The start of what the child wrote to stderr (a crash's first lines), for the row's note. */
  stderrHead: string;
}

/**
 * Preloaded into the child (`--require`): writes the process's peak RSS (`maxRSS`, kilobytes on
 * Linux and macOS) and its CPU time, all threads, to the file its environment names, at exit. GNU
 * time is not on every machine; these are the same figures, read from inside. Only the main thread
 * writes (workers inherit --require).
 */
const RSS_PRELOAD = `'use strict';
const file = process.env.PROTOCOL_ATLAS_BENCH_RSS_FILE;
if (file && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    const cpuMs = (usage.userCPUTime + usage.systemCPUTime) / 1000;
    try { require('node:fs').writeFileSync(file, JSON.stringify({ maxRss: usage.maxRSS, cpuMs })); } catch {}
  });
}
`;

/**
 * The read floor: a fresh process that lists the folder and reads every note with readFileSync,
 * nothing else. What any command must at least pay (Node's start, the listing, the bytes).
 */
const READ_FLOOR = `'use strict';
const fs = require('node:fs');
const path = require('node:path');
let files = 0;
let characters = 0;
const walk = (folder) => {
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== '.git') walk(full);
    } else if (entry.isFile() && /\\.md$/i.test(entry.name)) {
      characters += fs.readFileSync(full, 'utf8').length;
      files++;
    }
  }
};
walk(process.argv[2]);
process.stdout.write(JSON.stringify({ files, characters }) + '\\n');
`;

export interface Helpers {
  preload: string;
  readFloor: string;
  rssFile: string;
}

/** Writes the preload and the read-floor script into the workspace (plain JS: children run plain node). */
export function writeHelpers(workspace: string): Helpers {
  const preload = path.join(workspace, 'rss-preload.cjs');
  const readFloor = path.join(workspace, 'read-floor.cjs');
  workspaces.add(workspace);
  fs.writeFileSync(preload, RSS_PRELOAD);
  fs.writeFileSync(readFloor, READ_FLOOR);
  return { preload, readFloor, rssFile: path.join(workspace, 'rss.txt') };
}

/** Peak RSS so far from /proc (Linux): what a killed or crashed child leaves us. */
function highWaterMarkMb(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

/** CPU time so far from /proc (Linux, 100 clock ticks a second): what a killed child leaves us. */
function cpuSoFarMs(pid: number | undefined): number {
  if (pid === undefined) return NaN;
  try {
    // Fields after the command's name (in parentheses, may hold spaces): utime and stime are the 12th and 13th.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) / 100) * 1000;
  } catch {
    return NaN;
  }
}

const STDERR_KEPT = 2048;

/** Children still running: a benchmark stopped by a signal takes them along, never leaves them behind. */
const running = new Set<ChildProcess>();
/** Workspaces of the helpers, removed on such a stop too (a normal end removes its own). */
const workspaces = new Set<string>();
let signalsHandled = false;

function killRunningOnSignals(): void {
  if (signalsHandled) return;
  signalsHandled = true;
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) {
    process.once(signal, () => {
      for (const child of running) child.kill('SIGKILL');
      for (const workspace of workspaces) fs.rmSync(workspace, { recursive: true, force: true });
      process.exit(128 + (signal === 'SIGHUP' ? 1 : signal === 'SIGINT' ? 2 : 15));
    });
  }
}

/** Runs `node --require preload <script> ...args` to its end or its timeout. */
export function runProcess(helpers: Helpers, script: string, args: string[], timeoutMs: number): Promise<ProcessRun> {
  fs.rmSync(helpers.rssFile, { force: true });
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, ['--require', helpers.preload, script, ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PROTOCOL_ATLAS_BENCH_RSS_FILE: helpers.rssFile },
    });
    killRunningOnSignals();
    running.add(child);
    let stdoutBytes = 0;
    let stderrHead = '';
    let polledMb = NaN;
    let timedOut = false;
    let cpuAtKillMs = NaN;
    let exited: { ms: number; code: number | null } | undefined;
    child.stdout.on('data', (chunk: Buffer) => (stdoutBytes += chunk.length));
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderrHead.length < STDERR_KEPT) stderrHead += chunk.toString('utf8', 0, Math.min(chunk.length, STDERR_KEPT));
    });
    // Sampled now and then, so a child killed at its timeout (or dead of OOM) still has a figure.
    const sample = () => {
      // Once the child is gone its /proc entry is too (NaN): keep the last figure read.
      const mb = highWaterMarkMb(child.pid);
      if (mb > polledMb || (Number.isNaN(polledMb) && Number.isFinite(mb))) polledMb = mb;
    };
    const poll = setInterval(sample, 250);
    const timer = setTimeout(() => {
      timedOut = true;
      sample();
      cpuAtKillMs = cpuSoFarMs(child.pid);
      child.kill('SIGKILL');
    }, timeoutMs);
    child.on('exit', (code) => (exited = { ms: performance.now() - started, code }));
    child.on('error', (error) => (stderrHead += `spawn failed: ${error.message}`));
    child.on('close', (code) => {
      running.delete(child);
      clearInterval(poll);
      clearTimeout(timer);
      let rssMb = polledMb;
      let cpuMs = cpuAtKillMs;
      try {
        const usage = JSON.parse(fs.readFileSync(helpers.rssFile, 'utf8')) as { maxRss: number; cpuMs: number };
        rssMb = usage.maxRss / 1024;
        cpuMs = usage.cpuMs;
      } catch {
        // no file: killed or crashed before its exit handlers ran; the sampled figure stands
      }
      resolve({
        ms: exited?.ms ?? performance.now() - started,
        rssMb,
        cpuMs,
        stdoutBytes,
        exitCode: exited?.code ?? code,
        timedOut,
        stderrHead: stderrHead.slice(0, STDERR_KEPT),
      });
    });
  });
}

/** The read floor of a folder, in a fresh process: its wall time and how many notes it read. */
export async function readFloor(helpers: Helpers, folder: string, timeoutMs: number): Promise<ProcessRun> {
  return runProcess(helpers, helpers.readFloor, [folder], timeoutMs);
}
