// The benchmark's probe inside the extension host (bench/host/run.ts copies it into the
// extensions folder of each code-server it starts). It shares the host's one thread with Protocol
// Atlas and every other extension, so a timer of its own that fires late measures how long that
// thread was blocked: the longest block is the longest task any extension ran without yielding.
//
// It talks to the benchmark through files in PROTOCOL_ATLAS_HOST_PROBE_DIR:
//   probe.json        written on activation: the host's pid and when the probe started
//   blocks.jsonl      one line per block of BLOCK_RECORD_MS or more: { end: epoch ms, ms }
//   cmd-<n>.json      a command from the benchmark: { type: 'stopSampling' | 'startSampling' | 'profile', ms, name }
//   done-<n>.json     the answer to it (for 'profile': where the CPU profile went and its summary)
// The folder is watched with fs.watch (inotify), so an idle probe runs no code at all.
const fs = require('fs');
const path = require('path');

const SAMPLE_EVERY_MS = 10;
const BLOCK_RECORD_MS = 20;
const PROTOCOL_ATLAS_ID = 'protocol-atlas.protocol-atlas';

let sampler;
let watcher;

function activate() {
  const dir = process.env.PROTOCOL_ATLAS_HOST_PROBE_DIR;
  if (!dir) return;
  const vscode = require('vscode');
  const ours = vscode.extensions.getExtension(PROTOCOL_ATLAS_ID);
  write(dir, 'probe.json', {
    pid: process.pid,
    startedAt: Date.now(),
    protocolAtlas: ours ? { path: ours.extensionPath, activeAtProbeStart: ours.isActive } : null,
  });
  startSampling(dir);
  // --profile: the start itself (activation, first index) as a CPU profile, kept for a look.
  const startMs = Number(process.env.PROTOCOL_ATLAS_HOST_PROBE_PROFILE_START_MS);
  if (process.env.PROTOCOL_ATLAS_HOST_PROBE_PROFILE_DIR && startMs > 0) {
    profile(dir, startMs, 'start').then((result) => write(dir, 'start-profile.json', result), () => undefined);
  }
  const handled = new Set();
  watcher = fs.watch(dir, (_event, name) => {
    const match = name && /^cmd-(\d+)\.json$/.exec(name);
    if (!match || handled.has(name)) return;
    let command;
    try {
      command = JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    } catch {
      return; // not fully there yet: the benchmark renames it into place, so the next event has it
    }
    handled.add(name);
    run(dir, command).then(
      (result) => write(dir, `done-${match[1]}.json`, { ok: true, ...result }),
      (error) => write(dir, `done-${match[1]}.json`, { ok: false, error: String(error && error.stack || error) }),
    );
  });
}

async function run(dir, command) {
  if (command.type === 'stopSampling') {
    clearInterval(sampler);
    sampler = undefined;
    return {};
  }
  if (command.type === 'startSampling') {
    if (!sampler) startSampling(dir);
    return {};
  }
  if (command.type === 'profile') return profile(dir, command.ms, command.name || 'profile');
  throw new Error(`unknown command ${command.type}`);
}

function startSampling(dir) {
  const file = path.join(dir, 'blocks.jsonl');
  let last = performance.now();
  sampler = setInterval(() => {
    const now = performance.now();
    const late = now - last - SAMPLE_EVERY_MS;
    last = now;
    if (late >= BLOCK_RECORD_MS) fs.appendFileSync(file, `${JSON.stringify({ end: Date.now(), ms: Math.round(late) })}\n`);
  }, SAMPLE_EVERY_MS);
}

/** A CPU profile of this thread for `ms`, summarised by whose code ran. */
function profile(dir, ms, name) {
  const inspector = require('inspector');
  const session = new inspector.Session();
  session.connect();
  const post = (method, params) => new Promise((resolve, reject) => session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))));
  return post('Profiler.enable')
    .then(() => post('Profiler.setSamplingInterval', { interval: 1000 }))
    .then(() => post('Profiler.start'))
    .then(() => new Promise((resolve) => setTimeout(resolve, ms)))
    .then(() => post('Profiler.stop'))
    .then(({ profile: cpuProfile }) => {
      session.disconnect();
      const file = path.join(process.env.PROTOCOL_ATLAS_HOST_PROBE_PROFILE_DIR || dir, `${name}-${Date.now()}.cpuprofile`);
      fs.writeFileSync(file, JSON.stringify(cpuProfile));
      const vscode = require('vscode');
      const ours = vscode.extensions.getExtension(PROTOCOL_ATLAS_ID);
      return { file, summary: summarise(cpuProfile, ours ? ours.extensionPath : undefined) };
    });
}

/**
 * Time by kind: idle, garbage collection, Protocol Atlas (any sample with its code on the stack),
 * everything else; and the functions with the most self time, ours marked.
 */
function summarise(cpuProfile, oursPath) {
  const nodes = new Map(cpuProfile.nodes.map((node) => [node.id, node]));
  const parentOf = new Map();
  for (const node of cpuProfile.nodes) for (const child of node.children || []) parentOf.set(child, node.id);
  // Our code is the bundle in dist/: in a development checkout code-server itself lives under the
  // extension's folder (.vscode-test), and its frames are not ours.
  const oursBundle = oursPath && `${oursPath.replace(/\/$/, '')}/dist/`;
  const isOursFrame = (node) => Boolean(oursBundle && node.callFrame.url && decodeURIComponent(node.callFrame.url).includes(oursBundle));
  // A sample is ours when any frame of its stack is: the fs calls our code makes count as ours too.
  const oursStack = new Map();
  const inOurStack = (id) => {
    if (!oursStack.has(id)) {
      const node = nodes.get(id);
      oursStack.set(id, isOursFrame(node) || (parentOf.has(id) && inOurStack(parentOf.get(id))));
    }
    return oursStack.get(id);
  };
  const self = new Map();
  const { samples, timeDeltas } = cpuProfile;
  // A sample's time is the gap to the next one (the last sample gets the profile's end).
  for (let i = 0; i < samples.length; i++) {
    const ms = ((i + 1 < timeDeltas.length ? timeDeltas[i + 1] : 0) || 0) / 1000;
    self.set(samples[i], (self.get(samples[i]) || 0) + ms);
  }
  const totals = { totalMs: (cpuProfile.endTime - cpuProfile.startTime) / 1000, idleMs: 0, gcMs: 0, programMs: 0, protocolAtlasMs: 0, otherMs: 0 };
  const functions = new Map();
  for (const [id, ms] of self) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName;
    if (name === '(idle)') totals.idleMs += ms;
    else if (name === '(garbage collector)') totals.gcMs += ms;
    else if (name === '(program)') totals.programMs += ms;
    else {
      const isOurs = inOurStack(id);
      if (isOurs) totals.protocolAtlasMs += ms;
      else totals.otherMs += ms;
      const key = `${isOurs ? 'ours ' : ''}${name || '(anonymous)'} ${callFrame.url}:${callFrame.lineNumber + 1}`;
      functions.set(key, (functions.get(key) || 0) + ms);
    }
  }
  const round = (value) => Math.round(value * 10) / 10;
  for (const key of Object.keys(totals)) totals[key] = round(totals[key]);
  const top = [...functions].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([where, ms]) => ({ where, ms: round(ms) }));
  return { ...totals, top };
}

function write(dir, name, value) {
  const file = path.join(dir, name);
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(value));
  fs.renameSync(`${file}.tmp`, file);
}

function deactivate() {
  clearInterval(sampler);
  if (watcher) watcher.close();
}

module.exports = { activate, deactivate };
