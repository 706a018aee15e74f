// The three sessions of one repetition on one vault: a cold start (no index cache), a start from
// the cache that then opens the graph, types `depends_on` edits and sits idle, and the baseline
// (the same workbench without Protocol Atlas). Each returns raw figures; run.ts takes medians.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCommand } from '../../test/e2e/workbench';
import { waitForGraph } from '../../test/e2e/graphView';
import { showsExposure, type EditPlan, type VaultModel } from './editPlan';
import { cpuOver, cpuSecondsOf, memoryOf, type CpuWindow, type Memory } from './procStats';
import { HostSession, sleep, within, type Block, type ExtensionSource, type Marks } from './session';

/** After the count shows, the first index is not over: the tree fills and the cache is written (2 s later). */
const INDEX_TAIL_MS = 3000;
/** An edit's window: the debounce (150 ms), tree and graph, and the cache write 2 s after the change (at least). */
const EDIT_WINDOW_MS = 3000;
const IDLE_SECONDS = 30;
const PROFILE_MS = 30000;
const BASELINE_SETTLE_MS = 90000;
/** PROTOCOL_ATLAS_BENCH_HOST_DEBUG=1: screenshots of each step in the artifacts folder. */
const DEBUG = process.env.PROTOCOL_ATLAS_BENCH_HOST_DEBUG === '1';

export interface Timeouts {
  countMs: number;
  graphMs: number;
  editMs: number;
}

export interface Context {
  vault: string;
  profileDir: string;
  /** code-server's port, the same for every session of the context (see SessionOptions.port). */
  port: number;
  extension: ExtensionSource;
  model: VaultModel;
  timeouts: Timeouts;
  log: boolean;
  /** Where a failed session leaves its screenshot. */
  artifacts: string;
  /** --profile: where the CPU profiles of each start and of the first edit go. */
  cpuProfiles?: string;
}

export interface StartFigures {
  /** When the navigation started (epoch ms): the blocks' times are on the same clock. */
  navigatedAt: number;
  workbenchMs: number;
  explorerMs?: number;
  countMs: number;
  /** Count shown after the workbench was. */
  afterWorkbenchMs: number;
  longestBlockMs: number;
  /**
   * CPU time the extension host had used when the count showed (read within ~0.2 s of it): less
   * sensitive than wall time to a machine shared with other work.
   */
  hostCpuMs: number;
  blocks: Block[];
  fromCache?: { fromCache: number; read: number };
  peak?: Memory;
}

export interface EditSample {
  kind: 'add' | 'remove';
  treeMs?: number;
  graphMs?: number;
  graphStateMs?: number;
  longestBlockMs: number;
  /** CPU time the extension host spent from the key press until tree and graph had both changed. */
  hostCpuMs?: number;
  treeLabel?: string;
  treeAsPlanned: boolean;
  error?: string;
}

export interface WarmFigures {
  start: StartFigures;
  treeOpenMs: number;
  graphDrawnMs?: number;
  plan?: EditPlan;
  edits: EditSample[];
  settled?: Memory;
  idle?: CpuWindow;
  idleProfile?: IdleProfile;
}

export interface IdleProfile {
  totalMs: number;
  idleMs: number;
  gcMs: number;
  programMs: number;
  protocolAtlasMs: number;
  otherMs: number;
  top: Array<{ where: string; ms: number }>;
  file?: string;
}

export interface BaselineFigures {
  start: Omit<StartFigures, 'countMs' | 'afterWorkbenchMs' | 'navigatedAt'>;
  settled?: Memory;
  idle?: CpuWindow;
}

async function withSession<T>(context: Context, name: string, extension: ExtensionSource, expectedCount: number | undefined, body: (session: HostSession) => Promise<T>): Promise<T> {
  const cpuProfiles = context.cpuProfiles && path.join(context.cpuProfiles, `${path.basename(context.vault)}-${name}`);
  if (cpuProfiles) fs.mkdirSync(cpuProfiles, { recursive: true });
  const session = await HostSession.open({ vault: context.vault, profileDir: context.profileDir, port: context.port, extension, expectedCount, log: context.log, ...(cpuProfiles && { cpuProfiles }) });
  try {
    return await body(session);
  } catch (error) {
    fs.mkdirSync(context.artifacts, { recursive: true });
    await session.screenshot(`${context.artifacts}/failed-${name}.png`);
    throw error;
  } finally {
    await session.close();
  }
}

async function start(session: HostSession, context: Context, tailMs: number): Promise<{ figures: StartFigures; pid: number; marks: Marks }> {
  const navigatedAt = await session.navigate();
  const marks = await session.waitForMarks(['workbench', 'count'], context.timeouts.countMs);
  const pid = await session.hostPid();
  const hostCpuMs = cpuSecondsOf(pid) * 1000;
  await sleep(tailMs);
  const blocks = session.blocks(navigatedAt, (marks.count as number) + tailMs);
  if (context.cpuProfiles) await session.waitForStartProfile();
  const figures: StartFigures = {
    navigatedAt,
    workbenchMs: (marks.workbench as number) - navigatedAt,
    ...(marks.explorer !== undefined && { explorerMs: marks.explorer - navigatedAt }),
    countMs: (marks.count as number) - navigatedAt,
    afterWorkbenchMs: (marks.count as number) - (marks.workbench as number),
    longestBlockMs: Math.max(0, ...blocks.map((block) => block.ms)),
    hostCpuMs,
    blocks,
  };
  return { figures, pid, marks };
}

/** A fresh user-data folder: no index cache. Waits until the cache is written, so the next session can use it. */
export function coldStart(context: Context): Promise<StartFigures> {
  return withSession(context, 'cold', context.extension, context.model.count, async (session) => {
    const { figures, pid } = await start(session, context, INDEX_TAIL_MS);
    await waitForStableFile(() => session.indexCacheFile(), 60000);
    figures.peak = memoryOf(pid);
    figures.fromCache = readIndexed(session.protocolAtlasLog());
    return figures;
  });
}

/** The same user-data folder again: the index from the cache; then the graph, the edits and the idle host. */
export function warmStartAndEdit(context: Context, editCycles: number): Promise<WarmFigures> {
  return withSession(context, 'warm', context.extension, context.model.count, async (session) => {
    const page = session.page;
    const { figures: startFigures, pid } = await start(session, context, INDEX_TAIL_MS);
    startFigures.fromCache = readIndexed(session.protocolAtlasLog());
    const result: WarmFigures = { start: startFigures, treeOpenMs: NaN, edits: [] };

    // The Protocols view, with the lower three layers folded and the applications open down to
    // their first category's protocols. Layers and categories of more than 200 rows start closed:
    // opened here as a researcher would, by their twisties.
    const treeStarted = Date.now();
    await page.locator('.activitybar .action-item a[aria-label^="Protocol Atlas"]').click();
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Protocols' }) });
    await tree.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Application' }).first().waitFor({ timeout: context.timeouts.countMs });
    result.treeOpenMs = Date.now() - treeStarted;
    for (const layer of ['Infrastructure', 'Middleware', 'Model']) {
      const open = tree.locator(`.monaco-list-row[aria-level="1"][aria-expanded="true"]`, { hasText: layer }).first();
      if ((await open.count()) === 0) continue;
      await open.locator('.monaco-tl-twistie').click();
      await tree.locator(`.monaco-list-row[aria-level="1"][aria-expanded="false"]`, { hasText: layer }).first().waitFor();
    }
    const application = tree.locator('.monaco-list-row[aria-level="1"]', { hasText: 'Application' }).first();
    if ((await application.getAttribute('aria-expanded')) !== 'true') {
      await application.locator('.monaco-tl-twistie').click();
      await tree.locator('.monaco-list-row[aria-level="1"][aria-expanded="true"]', { hasText: 'Application' }).first().waitFor();
    }
    const category = tree.locator('.monaco-list-row[aria-level="2"]').first();
    await category.waitFor({ timeout: context.timeouts.countMs });
    if ((await category.getAttribute('aria-expanded')) !== 'true') await category.locator('.monaco-tl-twistie').click();
    await tree.locator('.monaco-list-row[aria-level="3"]').first().waitFor({ timeout: context.timeouts.countMs });
    const rows = (await page.evaluate('window.__benchTreeRows()')) as Array<{ name: string; label: string; level: number; index: number }>;
    const firstApplication = rows
      .sort((a, b) => a.index - b.index)
      .find((row, i, sorted) => row.level === 3 && sorted.slice(0, i).some((before) => before.level === 1 && before.name === 'Application'));
    if (!firstApplication) throw new Error(`No application protocol on screen in the Protocols view: ${JSON.stringify(rows.slice(0, 12))}`);
    const plan = context.model.plan(firstApplication.name);
    result.plan = plan;
    const labelBefore = firstApplication.label;
    if (!showsExposure(labelBefore, plan.exposureBefore)) throw new Error(`The row "${labelBefore}" does not show the core's exposure (${plan.exposureBefore}).`);

    // The graph fills the editor area; the note opens beside it.
    const graphStarted = Date.now();
    await runCommand(page, 'Protocol Atlas: Show Layer Graph');
    const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await frame.locator('[data-testid="graph"] canvas').first().waitFor({ timeout: context.timeouts.graphMs });
    await waitForGraph(frame, (view, count) => view.firstFrame && view.nodes().length === count, context.model.count, context.timeouts.graphMs);
    result.graphDrawnMs = Date.now() - graphStarted;
    await session.prepareGraphFrame();
    await page.keyboard.press('Control+P');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(plan.path);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: plan.path.split('/').pop() as string }).first().waitFor();
    await page.keyboard.press('Control+Enter'); // to the side: the graph stays on screen
    const editor = page.locator('.editor-instance .monaco-editor').filter({ has: page.locator('.view-lines') }).last();
    await editor.locator('.view-lines', { hasText: plan.name }).first().waitFor();
    await sleep(2000);
    if (DEBUG) await session.screenshot(`${context.artifacts}/debug-before-edits.png`);

    for (let cycle = 0; cycle < editCycles; cycle++) {
      result.edits.push(await edit(session, pid, context, plan, 'add', labelBefore));
      result.edits.push(await edit(session, pid, context, plan, 'remove', labelBefore));
    }

    await sleep(5000);
    result.settled = memoryOf(pid);
    // Idle: the probe's sampler stops first (its 10 ms timer would be the only code running).
    await session.probe({ type: 'stopSampling' });
    await sleep(2000);
    result.idle = await cpuOver(pid, IDLE_SECONDS);
    const answer = await session.probe<{ file: string; summary: IdleProfile }>({ type: 'profile', ms: PROFILE_MS }, PROFILE_MS + 30000);
    result.idleProfile = { ...answer.summary, ...(DEBUG && { file: answer.file }) };
    return result;
  });
}

/** One edit, typed as a single insertion (or its deletion) in the unsaved note, timed in the page and the webview. */
async function edit(session: HostSession, pid: number, context: Context, plan: EditPlan, kind: 'add' | 'remove', labelBefore: string): Promise<EditSample> {
  const page = session.page;
  const present = kind === 'add';
  const { rowBefore } = (await page.evaluate(`({ rowBefore: window.__benchTreeRows().find((row) => row.name === ${JSON.stringify(plan.name)}) })`)) as { rowBefore?: { label: string } };
  if (!rowBefore) return { kind, longestBlockMs: NaN, treeAsPlanned: false, error: `${plan.name} is not on screen in the Protocols view` };
  if (kind === 'add') {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').waitFor({ state: 'visible' });
    // Line and column: the cursor lands before the closing ']' (End would stop at a wrapped line's end).
    await page.keyboard.type(`${plan.line}:${plan.column}`);
    await page.keyboard.press('Enter');
    await sleep(500); // let the cursor moves settle before the clock starts
  } else {
    // Select what the add typed (the cursor is still just after it) and delete it as one change.
    // Not Ctrl+Z: the editor undoes a typed insertion a word at a time.
    for (let i = 0; i < plan.insert.length; i++) await page.keyboard.press('Shift+ArrowLeft');
    await sleep(500);
  }
  // Watchers go in after the cursor moves: typing the line number is an input event too.
  await page.evaluate(`window.__benchWatchEdit(${JSON.stringify(plan.name)}, ${JSON.stringify(rowBefore.label)})`);
  const frame = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
  await within(frame.locator('body').evaluate((_body, [source, target, want]) => (globalThis as unknown as { __benchWatchGraph(s: string, t: string, p: boolean): void }).__benchWatchGraph(source, target, want), [plan.path, plan.dependency.path, present] as [string, string, boolean]), 15000, 'the graph watcher');
  // --profile: the host's CPU over the edit and what follows it (the probe answers when done).
  const profiled = context.cpuProfiles ? session.probe({ type: 'profile', ms: EDIT_WINDOW_MS, name: `edit-${kind}` }, EDIT_WINDOW_MS + 30000) : undefined;
  // …and the workbench page's main thread (the tree, the editor and the graph webview draw there).
  const pageProfiler = context.cpuProfiles ? await page.context().newCDPSession(page) : undefined;
  if (pageProfiler) {
    await pageProfiler.send('Profiler.enable');
    await pageProfiler.send('Profiler.start');
  }
  if (profiled) await sleep(200);
  const cpuBefore = cpuSecondsOf(pid);
  const sentAt = Date.now();
  if (kind === 'add') await page.keyboard.insertText(plan.insert);
  else await page.keyboard.press('Delete');
  if (DEBUG) await session.screenshot(`${context.artifacts}/debug-${kind}-${Date.now()}.png`);
  const deadline = Date.now() + context.timeouts.editMs;
  type Watch = { edit: { typedAt?: number; treeAt?: number; label?: string }; graph: { at?: number; drawnAt?: number } };
  let watch: Watch;
  for (;;) {
    const edit = (await page.evaluate('window.__benchEdit')) as Watch['edit'];
    const graph = (await within(frame.locator('body').evaluate(() => (globalThis as unknown as { __benchGraph: Watch['graph'] }).__benchGraph), 15000, 'the graph watcher')) as Watch['graph'];
    watch = { edit, graph };
    if ((edit.treeAt !== undefined && graph.at !== undefined && (graph.drawnAt !== undefined || Date.now() - graph.at > 2000)) || Date.now() > deadline) break;
    await sleep(100);
  }
  const hostCpuMs = (cpuSecondsOf(pid) - cpuBefore) * 1000;
  // A deletion by key is not an input event: its clock starts when the key was sent.
  const typedAt = watch.edit.typedAt ?? sentAt;
  // A slow edit pushes the cache write (2 s after the index changed) later: the window follows.
  const windowEnd = Math.max(typedAt + EDIT_WINDOW_MS, (watch.edit.treeAt ?? 0) + 1000, (watch.graph.at ?? 0) + 1000);
  await sleep(Math.max(0, windowEnd + 500 - Date.now()));
  const blocks = session.blocks(typedAt, windowEnd);
  await profiled;
  if (pageProfiler && context.cpuProfiles) {
    const { profile } = await pageProfiler.send('Profiler.stop');
    fs.writeFileSync(path.join(context.cpuProfiles, `page-edit-${kind}-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    await pageProfiler.detach();
  }
  const label = watch.edit.label;
  const treeAsPlanned = label !== undefined && (kind === 'add' ? showsExposure(label, plan.exposureAfter) : label === labelBefore);
  const missing = [watch.edit.treeAt === undefined && 'the tree', watch.graph.at === undefined && 'the graph'].filter(Boolean);
  return {
    kind,
    ...(watch.edit.treeAt !== undefined && { treeMs: watch.edit.treeAt - typedAt }),
    ...(watch.graph.at !== undefined && { graphStateMs: watch.graph.at - typedAt, graphMs: (watch.graph.drawnAt ?? watch.graph.at) - typedAt }),
    longestBlockMs: Math.max(0, ...blocks.map((block) => block.ms)),
    ...(watch.edit.treeAt !== undefined && watch.graph.at !== undefined && { hostCpuMs: Math.round(hostCpuMs) }),
    ...(label !== undefined && { treeLabel: label }),
    treeAsPlanned,
    ...(missing.length > 0 && { error: `${missing.join(' and ')} did not change within ${context.timeouts.editMs / 1000} s` }),
  };
}

/** The same workbench on the same vault without Protocol Atlas: what the host costs anyway. */
export function baseline(context: Context): Promise<BaselineFigures> {
  return withSession(context, 'baseline', { kind: 'none' }, undefined, async (session) => {
    const navigatedAt = await session.navigate();
    const marks = await session.waitForMarks(['workbench', 'explorer'], context.timeouts.countMs);
    const pid = await session.hostPid();
    const hostCpuMs = cpuSecondsOf(pid) * 1000;
    await sleep(10000);
    const blocks = session.blocks(navigatedAt, Date.now());
    // The host with Protocol Atlas is measured idle minutes after its start; so is this one, or
    // the built-in extensions' own start-up work would count as idle CPU.
    await sleep(BASELINE_SETTLE_MS);
    const settled = memoryOf(pid);
    await session.probe({ type: 'stopSampling' });
    await sleep(2000);
    const idle = await cpuOver(pid, IDLE_SECONDS);
    return {
      start: { workbenchMs: (marks.workbench as number) - navigatedAt, explorerMs: (marks.explorer as number) - navigatedAt, longestBlockMs: Math.max(0, ...blocks.map((block) => block.ms)), hostCpuMs, blocks },
      settled,
      idle,
    };
  });
}

/** "Indexed 10000 notes (10000 unchanged since the cache, 0 read)." from the extension's log. */
function readIndexed(log: string): { fromCache: number; read: number } | undefined {
  const matches = [...log.matchAll(/Indexed \d+ notes \((\d+) unchanged since the cache, (\d+) read\)/g)];
  const last = matches.at(-1);
  return last ? { fromCache: Number(last[1]), read: Number(last[2]) } : undefined;
}

async function waitForStableFile(find: () => string | undefined, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const file = find();
    const stamp = file && fs.existsSync(file) ? `${fs.statSync(file).size}:${fs.statSync(file).mtimeMs}` : '';
    if (stamp && stamp === last) return;
    last = stamp;
    if (Date.now() > deadline) throw new Error('Protocol Atlas did not write its index cache.');
    await sleep(1000);
  }
}
