// Body links in the editor on the 10,000-note synthetic vault: what the hover and definition
// providers do for a body link (src/extension/features/hover.ts, definition.ts), with the parse
// cache as the extension keeps it (src/extension/parsedDocuments.ts: one parse per document
// version, so a request on an unchanged buffer reuses it), and the index's mentioners(), which
// Find References, rename and the Connections view ask for.
// Run: npx tsx bench/bodyLinks.ts   (prints BenchRow JSON lines)
import { Atlas } from '../src/core/atlas';
import { bodyLinkAt, looksExternal } from '../src/core/editing/bodyLinks';
import { dependencyHover, hoverMarkdown } from '../src/core/editing/hover';
import { targetAt } from '../src/core/editing/noteTarget';
import { splitLines } from '../src/core/editing/ranges';
import { parseNote } from '../src/core/note/parseNote';
import type { Mention, Position, ProtocolNote } from '../src/core/vocabulary/model';
import type { BenchRow } from './benchRow';
import { syntheticNotes } from './syntheticNotes';

const NOTES = 10_000;
const SAMPLED_NOTES = 200;
const REQUEST_TARGET_MS = 5;
const MENTIONERS_TARGET_MS = 1;
/** The extension host's: no task of ours longer than this. */
const SLICE_TARGET_MS = 50;

/** What ParsedDocuments keeps per open document: its parse and lines, for one version. */
interface Parsed {
  path: string;
  note: ProtocolNote;
  readonly lines: readonly string[];
}

/** ParsedDocuments without VS Code: a hit when the version is the one parsed. */
class ParseCache {
  private readonly entries = new Map<string, { version: number; parsed: Parsed }>();
  get(path: string, text: string, version: number): Parsed {
    const cached = this.entries.get(path);
    if (cached?.version === version) return cached.parsed;
    let lines: string[] | undefined;
    const parsed: Parsed = {
      path,
      note: parseNote(path, text),
      get lines() {
        return (lines ??= splitLines(text));
      },
    };
    this.entries.set(path, { version, parsed });
    return parsed;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const inside = (mention: Mention): Position => ({ line: mention.range.start.line, character: mention.range.start.character + 3 });

/** The hover provider's work for the link at `at`: the markdown it would show. */
function hover(atlas: Atlas, parsed: Parsed, at: Position): string | undefined {
  const target = targetAt(parsed.note, at);
  if (target?.kind === 'dependency') return undefined;
  const link = bodyLinkAt(parsed.note, parsed.lines, at);
  if (!link || looksExternal(link.mention)) return undefined;
  const path = atlas.index.resolveMention(parsed.path, link.mention);
  const protocol = path === undefined ? undefined : atlas.index.protocol(path);
  return protocol && path !== undefined ? hoverMarkdown(dependencyHover(protocol, atlas.verdictOf(path), atlas.framework.title)) : link.mention.target;
}

/** The definition provider's work for the link at `at`: where it would go. */
function definition(atlas: Atlas, parsed: Parsed, at: Position): unknown {
  const target = targetAt(parsed.note, at);
  if (target?.kind === 'dependency') return undefined;
  const link = bodyLinkAt(parsed.note, parsed.lines, at);
  const path = link && atlas.index.resolveMention(parsed.path, link.mention);
  if (!link || path === undefined) return undefined;
  const note = atlas.index.note(path);
  return { origin: link.mention.range, targetRange: note?.frontMatterRange, selection: note?.name.range };
}

export function benchBodyLinks(): BenchRow[] {
  const notes = syntheticNotes(NOTES);
  const atlas = new Atlas();
  atlas.index.buildParsed(notes.map((note) => parseNote(note.path, note.text)));
  // Who mentions whom is worked out once after a build, in slices as the extension does
  // (atlasService.ts: 20 ms, then the host is given back), before the first mentioners().
  const slices: number[] = [];
  for (let more = true; more; ) {
    const started = performance.now();
    more = atlas.index.prepareMentions(20);
    slices.push(performance.now() - started);
  }
  const sliced = slices.reduce((sum, each) => sum + each, 0);
  const longestSlice = Math.max(...slices);
  const cache = new ParseCache();
  const sampled = Array.from({ length: SAMPLED_NOTES }, (_, i) => notes[Math.floor((i * NOTES) / SAMPLED_NOTES)]);

  const time = (request: (parsed: Parsed, at: Position) => unknown, edited: boolean): number[] => {
    const times: number[] = [];
    sampled.forEach((note, n) => {
      const wikilinks = cache.get(note.path, note.text, 0).note.mentions.filter((mention) => mention.kind === 'wikilink');
      wikilinks.forEach((mention, i) => {
        const started = performance.now();
        // After an edit the first request parses the buffer again (a new version each time).
        const parsed = cache.get(note.path, note.text, edited ? n * 1000 + i + 1 : 0);
        request(parsed, inside(mention));
        times.push(performance.now() - started);
      });
    });
    return times;
  };
  // Warm up the JIT and the atlas's verdicts as a session would have.
  time((parsed, at) => hover(atlas, parsed, at), false);
  const hovers = time((parsed, at) => hover(atlas, parsed, at), false);
  const definitions = time((parsed, at) => definition(atlas, parsed, at), false);
  const afterEdit = time((parsed, at) => hover(atlas, parsed, at), true);

  const targets = sampled.map((note) => note.path);
  const timedMentioners = (ask: (path: string) => string[]): { ms: number; found: number } => {
    let found = 0;
    const times = targets.map((path) => {
      const started = performance.now();
      found += ask(path).length;
      return performance.now() - started;
    });
    return { ms: median(times), found: found / targets.length };
  };
  const mentioners = timedMentioners((path) => atlas.index.mentioners(path));
  // The first mentioners() after a one-note edit resolves that note's links again, nothing else.
  const edits: number[] = [];
  for (let i = 0; i < 50; i++) {
    const note = notes[(i * 7919) % NOTES];
    atlas.index.set(note.path, `${note.text}\nSee [[${notes[i].path.replace(/^.*\//, '').replace(/\.md$/, '')}]].\n`);
    const started = performance.now();
    atlas.index.mentioners(notes[i].path);
    edits.push(performance.now() - started);
  }

  const label = `${NOTES.toLocaleString('en')} notes`;
  const ms = (value: number): number => Number(value.toFixed(4));
  return [
    { name: `hover on a body wikilink, parse cached, median of ${hovers.length}, ${label}`, value: ms(median(hovers)), unit: 'ms', target: `<= ${REQUEST_TARGET_MS}`, ok: median(hovers) <= REQUEST_TARGET_MS },
    { name: `definition on a body wikilink, parse cached, median of ${definitions.length}, ${label}`, value: ms(median(definitions)), unit: 'ms', target: `<= ${REQUEST_TARGET_MS}`, ok: median(definitions) <= REQUEST_TARGET_MS },
    { name: `hover, first request after an edit (parses the 2-4 KB note again), median, ${label}`, value: ms(median(afterEdit)), unit: 'ms', target: 'report', ok: true },
    {
      name: `mentioners() of a note (${mentioners.found.toFixed(1)} found on average), median of ${targets.length}, ${label}`,
      value: ms(mentioners.ms),
      unit: 'ms',
      target: `<= ${MENTIONERS_TARGET_MS}`,
      ok: mentioners.ms <= MENTIONERS_TARGET_MS,
      note: 'scanning every note, as the index did before it kept mentions both ways, took 1.04 ms (3c95ee7, same vault)',
    },
    { name: `who mentions whom, worked out after the build in 20 ms slices: the longest slice (${slices.length} slices, ${Math.round(sliced)} ms in all), ${label}`, value: ms(longestSlice), unit: 'ms', target: `<= ${SLICE_TARGET_MS}`, ok: longestSlice <= SLICE_TARGET_MS },
    { name: `mentioners() just after a one-note edit, median of ${edits.length}, ${label}`, value: ms(median(edits)), unit: 'ms', target: 'report', ok: true },
  ];
}

if (require.main === module) for (const row of benchBodyLinks()) console.log(JSON.stringify(row));
