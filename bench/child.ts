// Runs one benchmark module in its own process, so its peak memory is its own, and prints its
// rows with that figure as one JSON line. Usage: tsx bench/child.ts yaml|search|layout|messages|editor|webview
import * as path from 'node:path';
import type { BenchRow } from './benchRow';
import { benchBodyLinks } from './bodyLinks';
import { benchHostileYaml } from './hostileYaml';
import { benchLayout } from './layout';
import { benchMessages } from './messageCheck';
import { benchSearch } from './search';

type Bench = () => Promise<BenchRow[]>;

async function load(name: string): Promise<Bench> {
  if (name === 'yaml') return async () => benchHostileYaml();
  if (name === 'search') return benchSearch;
  if (name === 'editor') return () => Promise.resolve(benchBodyLinks());
  if (name === 'layout') return benchLayout;
  if (name === 'messages') return benchMessages;
  // The webview benchmark is optional: its module may not exist in every checkout.
  const modulePath: string = path.join(__dirname, 'webview.ts');
  const loaded = (await import(modulePath)) as { benchWebview?: Bench };
  if (!loaded.benchWebview) throw new Error('bench/webview.ts exports no benchWebview()');
  return loaded.benchWebview;
}

async function main(): Promise<void> {
  const rows = await (await load(process.argv[2]))();
  process.stdout.write(`${JSON.stringify({ rows, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
