// What Linux says about a process: its memory (/proc/<pid>/status) and the CPU time it used
// (/proc/<pid>/stat). The extension host is found by its command line, so the figures are its own,
// not code-server's or the file watcher's.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';

const CLOCK_TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;

export function commandLine(pid: number): string[] {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
  } catch {
    return [];
  }
}

/** Every descendant of `root`, found through /proc/<pid>/stat's parent field. */
export function descendants(root: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) parentOf.set(Number(entry), stat.ppid);
  }
  const found: number[] = [];
  const frontier = [root];
  while (frontier.length > 0) {
    const parent = frontier.pop() as number;
    for (const [pid, ppid] of parentOf) {
      if (ppid !== parent) continue;
      found.push(pid);
      frontier.push(pid);
    }
  }
  return found;
}

/** The extension host under code-server `root`: a node process started with --type=extensionHost. */
export function extensionHostPids(root: number): number[] {
  return descendants(root).filter((pid) => commandLine(pid).includes('--type=extensionHost'));
}

export interface Memory {
  rssMb: number;
  /** The process's peak RSS so far (VmHWM). */
  peakRssMb: number;
}

export function memoryOf(pid: number): Memory | undefined {
  let status: string;
  try {
    status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMb: kb('VmRSS') / 1024, peakRssMb: kb('VmHWM') / 1024 };
}

interface Stat {
  ppid: number;
  /** User + system CPU seconds of the process itself (all its threads). */
  cpuSeconds: number;
  /** The same for its children that have ended and been waited for (e.g. VS Code's port scan `ls`). */
  childCpuSeconds: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // The command name (field 2) is in parentheses and may hold spaces: split after its last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime/stime 14/15, cutime/cstime 16/17.
  const field = (n: number) => Number(fields[n - 3]);
  return {
    ppid: field(4),
    cpuSeconds: (field(14) + field(15)) / CLOCK_TICKS_PER_SECOND,
    childCpuSeconds: (field(16) + field(17)) / CLOCK_TICKS_PER_SECOND,
  };
}

/** CPU seconds the process has used since it started (all its threads). */
export function cpuSecondsOf(pid: number): number {
  return readStat(pid)?.cpuSeconds ?? NaN;
}

export interface CpuWindow {
  /** CPU time over wall time, in % of one core. */
  percent: number;
  /** The busiest single second. */
  maxSecondPercent: number;
  childPercent: number;
  seconds: number;
}

/** Samples the process's CPU time every second for `seconds`. */
export async function cpuOver(pid: number, seconds: number): Promise<CpuWindow> {
  const first = readStat(pid);
  if (!first) throw new Error(`process ${pid} is gone`);
  const started = performance.now();
  let previous = first;
  let previousAt = started;
  let maxSecondPercent = 0;
  for (let i = 0; i < seconds; i++) {
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const now = readStat(pid);
    if (!now) throw new Error(`process ${pid} ended while it was measured`);
    const at = performance.now();
    maxSecondPercent = Math.max(maxSecondPercent, ((now.cpuSeconds - previous.cpuSeconds) / ((at - previousAt) / 1000)) * 100);
    previous = now;
    previousAt = at;
  }
  const elapsed = (previousAt - started) / 1000;
  return {
    percent: ((previous.cpuSeconds - first.cpuSeconds) / elapsed) * 100,
    maxSecondPercent,
    childPercent: ((previous.childCpuSeconds - first.childCpuSeconds) / elapsed) * 100,
    seconds: elapsed,
  };
}
