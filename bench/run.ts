// `npm run bench`: every benchmark, each figure next to its target, as one JSON object on stdout
// (progress goes to stderr). Each benchmark runs in its own process so one cannot inflate another's
// peak memory. Targets are reported, never asserted: a slow machine is not a failing build.
// `npm run bench -- cli search` runs only the sections named (indexing, yaml, search, editor, layout, messages, webview, cli).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { benchCli } from './cli';
import { benchIndexing } from './indexing';
import type { BenchRow } from './benchRow';

const RSS_TARGET_MB = 250;
const SECTIONS = ['indexing', 'yaml', 'search', 'editor', 'layout', 'messages', 'webview', 'cli'];

/**
 * The memory target is the product's (indexing, search, layout). The webview benchmark's process
 * holds the test driver (Playwright) and the synthetic atlas, not the extension, and the page's own
 * memory lives in Chromium; the messages benchmark's holds a 50,000-protocol message twice over,
 * the yaml one a hostile 0.8 MB syntax tree:
 * their peaks are reported, not judged.
 */
function inChild(name: string, rssIsTheProducts = true): BenchRow[] {
  const output = execFileSync(process.execPath, [...process.execArgv, path.join(__dirname, 'child.ts'), name], {
    encoding: 'utf8',
    maxBuffer: 16 << 20,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const { rows, maxRssMb } = JSON.parse(output.trim().split('\n').pop() as string) as { rows: BenchRow[]; maxRssMb: number };
  const rss = Math.round(maxRssMb);
  const target = rssIsTheProducts ? `<= ${RSS_TARGET_MB}` : 'report';
  return [...rows, { name: `peak RSS, ${name} benchmark process`, value: rss, unit: 'MB', target, ok: !rssIsTheProducts || rss <= RSS_TARGET_MB }];
}

async function main(): Promise<void> {
  const started = Date.now();
  const machine = { node: process.version, platform: `${os.platform()} ${os.arch()}`, cpus: os.cpus().length, loadAverageAtStart: os.loadavg().map((l) => Number(l.toFixed(2))) };
  const sections: Record<string, BenchRow[] | { error: string }> = {};
  const wanted = process.argv.slice(2);
  const unknown = wanted.filter((name) => !SECTIONS.includes(name));
  if (unknown.length) {
    console.error(`bench: no section ${unknown.join(', ')}; the sections are ${SECTIONS.join(', ')}`);
    process.exitCode = 2;
    return;
  }
  const step = async (name: string, run: () => Promise<BenchRow[]> | BenchRow[]): Promise<void> => {
    if (wanted.length && !wanted.includes(name)) return;
    process.stderr.write(`bench: ${name}…\n`);
    try {
      sections[name] = await run();
    } catch (error) {
      sections[name] = { error: error instanceof Error ? error.message.split('\n')[0] : String(error) };
    }
  };
  await step('indexing', () => benchIndexing());
  await step('yaml', () => inChild('yaml', false));
  await step('search', () => inChild('search'));
  // Its process keeps every note's text, as open editors would not: its peak is reported, not judged.
  await step('editor', () => inChild('editor', false));
  await step('layout', () => inChild('layout'));
  await step('messages', () => inChild('messages', false));
  if (fs.existsSync(path.join(__dirname, 'webview.ts'))) await step('webview', () => inChild('webview', false));
  // The CLI as a whole process on every vault shape (bench/cli.ts): the longest section, last.
  await step('cli', () => benchCli());
  const rows = Object.values(sections).flatMap((section) => (Array.isArray(section) ? section : []));
  const summary = {
    targetsMet: rows.filter((row) => row.target !== 'report' && row.ok).length,
    targetsMissed: rows.filter((row) => row.target !== 'report' && !row.ok).map((row) => row.name),
    seconds: Math.round((Date.now() - started) / 1000),
    loadAverageAtEnd: os.loadavg().map((l) => Number(l.toFixed(2))),
  };
  console.log(JSON.stringify({ machine, ...sections, summary }, null, 2));
}

void main();
